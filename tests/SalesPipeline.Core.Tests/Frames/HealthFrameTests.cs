using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Deals;
using SalesPipeline.Health;

namespace SalesPipeline.Tests.Frames;

// Health from a list of deals reads them through the frame (the checks up front, the views as of the instant, split
// across the cores); from a lazy sequence, deal by deal. Both must give the same report, or the same exception.
[Collection(FrameSplitting.Name)]
public class HealthFrameTests
{
    private static readonly Gen<(Instant AsOf, int Touched)> SetupGen =
        from hours in Gen.Choose(0, 24 * 150)
        from touched in Gen.Choose(0, 3)
        select (FrameDeals.T0 + Duration.FromHours(hours), touched);

    [Fact]
    public void FromAList_EqualsTheDealByDealReport_Property() =>
        PropertyAssert.Holds(Prop.ForAll(FrameDeals.Deals.ToArbitrary(), SetupGen.ToArbitrary(), (deals, setup) => Same(deals, setup)));

    [Fact]
    public void SplitAcrossCores_EqualsTheDealByDealReport_Property()
    {
        using var _ = FramePartitions.SplitFrom(2);
        PropertyAssert.Holds(
            Prop.ForAll(FrameDeals.PlainDeals.ToArbitrary(), SetupGen.ToArbitrary(), (deals, setup) => Same(deals, setup))
        );
    }

    [Fact]
    public void PlainDeals_RunOnTheFrame()
    {
        var lists = FrameDeals.PlainDeals.Sample(30, new Rnd(9UL), 40).Where(d => d.Length > 0).ToArray();
        var late = FrameDeals.T0 + Duration.FromDays(400); // after every event, so no deal is refused
        var taken = lists.Count(deals => new PipelineHealthAccumulator(FrameDeals.Pipeline, late).TryAdd(DealFrame.Of(deals)));
        Assert.True(taken >= lists.Length * 9 / 10, $"the frame path ran for {taken} of {lists.Length} lists");
    }

    private static bool Same(Deal[] deals, (Instant AsOf, int Touched) setup)
    {
        // A call on every few deals, some before and some after the as-of instant.
        var activities = ActivityIndex.Create(
            deals
                .Where((_, i) => setup.Touched > 0 && i % setup.Touched == 0)
                .Select((d, i) => Activity.ForDeal(ActivityKind.Call, d.CreatedAt + Duration.FromHours(i * 7 % 900), "alice", d.Id))
        );
        var inputs = new HealthInputs { Activities = activities };
        Assert.Equal(
            Outcome(() => PipelineHealth.Inspect(deals.Select(d => d), FrameDeals.Pipeline, setup.AsOf, null, inputs)),
            Outcome(() => PipelineHealth.Inspect(deals, FrameDeals.Pipeline, setup.AsOf, null, inputs))
        );
        return true;
    }

    internal static string Outcome(Func<HealthReport> inspect)
    {
        try
        {
            var report = inspect();
            return string.Join(
                "\n",
                report
                    .Deals.Select(d =>
                        $"{d.Deal}|{d.Owner}|{d.StageId}|{d.Amount.Amount.ToString(CultureInfo.InvariantCulture)}|{d.Probability.ToString(CultureInfo.InvariantCulture)}|{string.Join(";", d.Findings)}"
                    )
                    .Prepend(
                        $"{report.OpenDeals}|{report.WonDeals}|{report.LostDeals}|{report.StoppedDeals}|{report.TypicalWonCycle}|{report.Currency}"
                    )
                    .Append(report.ToString())
            );
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
