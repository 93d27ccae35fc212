using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Organization;
using SalesPipeline.Targets;
using static SalesPipeline.Tests.Targets.AttainmentFixtures;

namespace SalesPipeline.Tests.Targets;

// Attainment's figures computed a second way, by brute force over the deals; and the accumulator's merge.
public sealed partial class AttainmentTests
{
    private static readonly string[] Owners = ["alice", "bob", "dave"];
    private static readonly string[] Stages = ["prospecting", "qualified", "proposal", "negotiation"];
    private static readonly decimal[] StageProbabilities = [0.10m, 0.20m, 0.50m, 0.80m];

    private sealed record Spec(int Kind, int Owner, int Cents, int Day, int Hour, int Stage);

    private sealed record Case(Deal[] Deals, int[] Stage, DateTimeZone Zone, LocalDate AsOf, int Split);

    private static readonly Gen<Spec> Specs =
        from kind in Gen.Choose(0, 2) // 0 open, 1 won, 2 lost
        from owner in Gen.Choose(0, 2)
        from cents in Gen.Choose(1, 100_000_000)
        from day in Gen.Choose(0, 420) // from 2025-12-01 to early 2027
        from hour in Gen.Choose(0, 23)
        from stage in Gen.Choose(0, 3)
        select new Spec(kind, owner, cents, day, hour, stage);

    private static readonly Gen<Case> Cases =
        from specs in Gen.ListOf(Specs).Select(l => l.Take(14).ToArray())
        from zone in Gen.Elements(-8, 0, 5)
        from asOf in Gen.Choose(0, 364)
        from split in Gen.Choose(0, 14)
        select Build(specs, DateTimeZone.ForOffset(Offset.FromHours(zone)), new LocalDate(2026, 1, 1).PlusDays(asOf), split);

    private static Case Build(Spec[] specs, DateTimeZone zone, LocalDate asOf, int split)
    {
        var origin = new LocalDate(2025, 12, 1);
        var deals = specs
            .Select(
                (s, i) =>
                {
                    var id = "D" + i;
                    var owner = Owners[s.Owner];
                    var amount = s.Cents / 100m;
                    var day = origin.PlusDays(s.Day);
                    return s.Kind switch
                    {
                        1 => Won(id, owner, amount, day.AtMidnight().InUtc().ToInstant() + Duration.FromHours(s.Hour)),
                        2 => Lost(id, owner, amount, day),
                        _ => Open(id, owner, amount, day, Stages[s.Stage]),
                    };
                }
            )
            .ToArray();
        return new Case(deals, specs.Select(s => s.Stage).ToArray(), zone, asOf, Math.Min(split, deals.Length));
    }

    // Each person's months and quarters of 2026, each team's quarters, and the company's year.
    private static readonly Quota[] PropertyQuotas =
    [
        .. Owners.SelectMany(o =>
            FiscalCalendar
                .Calendar.Months(2026)
                .Concat(FiscalCalendar.Calendar.Quarters(2026))
                .Select(p => Quota.ForPerson(o, p, Usd(1_000m)))
        ),
        .. new[] { "emea", "apac" }.SelectMany(t => FiscalCalendar.Calendar.Quarters(2026).Select(p => Quota.ForTeam(t, p, Usd(5_000m)))),
        Quota.ForCompany("Acme", FiscalCalendar.Calendar.Year(2026), Usd(0m)),
    ];

    private static AttainmentOptions OptionsOf(Case c) =>
        new()
        {
            ForecastOptions = new ForecastOptions
            {
                Zone = c.Zone,
                AsOf = c.AsOf,
                Organization = Org,
            },
        };

    // Whether a deal's owner is in the quota's subject: the person, the team's members (by the org chart above), or anyone.
    private static bool Counts(Quota q, Deal d) =>
        q.Level switch
        {
            QuotaLevel.Person => d.Owner == q.SubjectId,
            QuotaLevel.Team => q.SubjectId == "emea" ? d.Owner is "alice" or "bob" : d.Owner == "dave",
            _ => true,
        };

    [Fact]
    public void Of_Property_WonAndPipelineEqualABruteForceSumOverTheDeals() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                c =>
                {
                    var report = Attainment.Of(c.Deals, Pipeline, PropertyQuotas, OptionsOf(c));
                    return report.Lines.All(line =>
                    {
                        var q = line.Quota;
                        var mine = c.Deals.Select((d, i) => (d, i)).Where(x => Counts(q, x.d)).ToArray();
                        var won = mine.Where(x =>
                                x.d.Status == DealStatus.Won && q.Period.Contains(x.d.ClosedAt!.Value.InZone(c.Zone).Date)
                            )
                            .Select(x => x.d)
                            .ToArray();
                        var open = mine.Where(x => x.d.IsOpen && x.d.ExpectedClose >= c.AsOf && q.Period.Contains(x.d.ExpectedClose))
                            .ToArray();
                        var weighted = Money.Of(open.Sum(x => x.d.Amount.Amount * StageProbabilities[c.Stage[x.i]]), Currency.USD).Round();
                        return line.WonDeals == won.Length
                            && line.Won == Usd(won.Sum(d => d.Amount.Amount))
                            && line.Gap == q.Target - line.Won
                            && line.OpenDeals == open.Length
                            && line.OpenPipeline == Usd(open.Sum(x => x.d.Amount.Amount))
                            && line.WeightedPipeline == weighted;
                    });
                }
            )
        );

    [Fact]
    public void Accumulator_Property_MergeOfSplitEqualsTheWhole() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                c =>
                {
                    var options = OptionsOf(c) with { WinRate = 0.3m };
                    var (left, right) = (
                        new AttainmentAccumulator(Pipeline, PropertyQuotas, options),
                        new AttainmentAccumulator(Pipeline, PropertyQuotas, options)
                    );
                    left.AddRange(c.Deals.Take(c.Split));
                    right.AddRange(c.Deals.Skip(c.Split));
                    left.Merge(right);
                    return left.Result().Equals(Attainment.Of(c.Deals, Pipeline, PropertyQuotas, options));
                }
            )
        );

    [Fact]
    public void Of_Property_SnapshotEqualsDeals() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                c =>
                {
                    var options = OptionsOf(c);
                    var snapshot = ForecastSnapshot.Create(
                        c.Deals,
                        Pipeline,
                        options.ForecastOptions with
                        {
                            AsOf = null,
                            Rates = ExchangeRates.In(Currency.USD),
                        }
                    );
                    return Attainment
                        .Of(snapshot, PropertyQuotas, c.AsOf)
                        .Equals(Attainment.Of(c.Deals, Pipeline, PropertyQuotas, options));
                }
            )
        );
}
