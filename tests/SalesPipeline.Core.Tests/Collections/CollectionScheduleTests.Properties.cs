using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionGen;

namespace SalesPipeline.Tests.Collections;

// The invariants of issue 5 over random terms, totals and scripts of payments, refunds, reversals, costs, reschedules,
// milestones and replays. Expected values come from the definitions (sums, bounds), not from the code's own output.
public partial class CollectionScheduleTests
{
    [Fact]
    public void Create_ValidTerms_InstalmentsAddUpToTheTotalAndNoneIsNegative_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                ValidTerms.ToArbitrary(),
                c =>
                {
                    var schedule = c.Schedule();
                    var units = schedule.Instalments.Select(i => i.Amount.ToMinorUnits()).ToArray();
                    return units.Sum() == c.TotalUnits
                        && units.All(u => u >= 0)
                        && units.Length == c.Lines.Sum(l => l.Instalments)
                        && schedule.Instalments.All(i => i.Amount.Currency == c.Currency);
                }
            )
        );

    // Each percentage line gets its exact share rounded down or up by at most one minor unit (largest remainder).
    [Fact]
    public void Create_ValidTerms_PercentageLinesAreWithinOneMinorUnitOfTheirExactShare_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                ValidTerms.ToArbitrary(),
                c =>
                {
                    var schedule = c.Schedule();
                    var n = 0;
                    foreach (var line in c.Lines)
                    {
                        var lineUnits = schedule.Instalments.Skip(n).Take(line.Instalments).Sum(i => i.Amount.ToMinorUnits());
                        n += line.Instalments;
                        if (line.Kind == TermsLineKind.Percentage)
                        {
                            var exact = c.TotalUnits * line.Percent / 100m;
                            if (lineUnits < decimal.Floor(exact) || lineUnits > decimal.Ceiling(exact))
                            {
                                return false;
                            }
                        }
                        else if (line.Kind == TermsLineKind.Fixed && lineUnits != line.Amount!.ToMinorUnits())
                        {
                            return false;
                        }
                    }
                    return true;
                }
            )
        );

    // The schedule's own equal split must be exactly Money.Allocate(n), the rule the docs promise.
    [Fact]
    public void SplitEqually_IsMoneyAllocate_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                TotalUnits.ToArbitrary(),
                Gen.Choose(1, 24).ToArbitrary(),
                (units, parts) =>
                {
                    var split = new long[parts];
                    CollectionSchedule.SplitEqually(units, split);
                    var expected = SalesPipeline
                        .Money.FromMinorUnits(units, SalesPipeline.Currency.USD)
                        .Allocate(parts)
                        .Select(m => m.ToMinorUnits());
                    return split.SequenceEqual(expected);
                }
            )
        );

    [Fact]
    public void Create_AnyTerms_EitherRejectsOrSplitsExactly_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                AnyTerms.ToArbitrary(),
                c =>
                {
                    CollectionSchedule schedule;
                    try
                    {
                        schedule = c.Schedule();
                    }
                    catch (ArgumentException e) when (e.ParamName is "lines" or "contractTotal")
                    {
                        return true;
                    }
                    catch (ArgumentException e) when (e.ParamName is "terms")
                    {
                        return e.Message.Contains("before the contract was signed", StringComparison.Ordinal);
                    }
                    var units = schedule.Instalments.Select(i => i.Amount.ToMinorUnits()).ToArray();
                    return units.Sum() == c.TotalUnits
                        && units.All(u => u >= 0)
                        && schedule.Instalments.All(i => i.DueOn is not { } due || due >= c.SignedOn);
                }
            )
        );

    [Fact]
    public void Record_AnyScript_KeepsTheMoneyInvariants_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Scripts.ToArbitrary(),
                script =>
                {
                    var (schedule, _) = Run(script);
                    var dates = schedule
                        .History.Select(e => e.On)
                        .Append(schedule.SignedOn)
                        .Append(schedule.SignedOn.PlusDays(1_000))
                        .Distinct();
                    return dates.All(d => Holds(schedule.StatusAsOf(d), schedule));
                }
            )
        );

    [Fact]
    public void Record_AnyScript_ReplayingAnyEntryChangesNothing_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Scripts.ToArbitrary(),
                script =>
                {
                    var (schedule, _) = Run(script);
                    return schedule.History.All(e => ReferenceEquals(schedule, schedule.Record(e)))
                        && ReferenceEquals(schedule, schedule.RecordAll(schedule.History));
                }
            )
        );

    // Every schedule's history starts with the whole history of the one it came from: nothing is ever lost.
    [Fact]
    public void Record_AnyScript_HistoryNeverLosesAnEntry_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Scripts.ToArbitrary(),
                script =>
                {
                    var (_, versions) = Run(script);
                    return versions
                        .Zip(versions.Skip(1))
                        .All(p =>
                            p.Second.History.Count >= p.First.History.Count
                            && p.Second.History.Take(p.First.History.Count).SequenceEqual(p.First.History)
                        );
                }
            )
        );

    // The cached state (fast paths, batch path) gives exactly the full date-ordered replay's status, on every date.
    [Fact]
    public void Record_AnyScript_FastPathsMatchTheFullReplay_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Scripts.ToArbitrary(),
                script =>
                {
                    var (schedule, _) = Run(script);
                    var batch = script.Case.Schedule().RecordAll(schedule.History);
                    var far = schedule.SignedOn.PlusDays(1_000);
                    var replayed = schedule.ReplayedStatusAsOf(far).ToString();
                    return schedule.StatusAsOf(far).ToString() == replayed
                        && batch.StatusAsOf(far).ToString() == replayed
                        && schedule.History.All(e => schedule.StatusAsOf(e.On).ToString() == schedule.ReplayedStatusAsOf(e.On).ToString());
                }
            )
        );

    [Fact]
    public void StatusAsOf_BeforeAnyEntry_ShowsNothingPaid_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Scripts.ToArbitrary(),
                script =>
                {
                    var (schedule, _) = Run(script);
                    if (schedule.History.Count == 0)
                    {
                        return true;
                    }
                    var status = schedule.StatusAsOf(schedule.History.Min(e => e.On).PlusDays(-1));
                    return status.Received.IsZero
                        && status.Allocated.IsZero
                        && status.Instalments.All(i => i.Paid.IsZero)
                        && status.Costs.IsZero;
                }
            )
        );

    private static bool Holds(CollectionStatus s, CollectionSchedule schedule)
    {
        var paidOk = s.Instalments.All(i => !i.Paid.IsNegative && i.Paid <= i.Amount);
        var conserved = s.Allocated + s.Credit == s.Received - s.Refunded && s.Collected == s.Allocated + s.Credit;
        var allocatedIsSum = s.Allocated.Amount == s.Instalments.Sum(i => i.Paid.Amount);
        var creditOnlyWhenAllPaid = s.Credit.IsZero || s.Instalments.All(i => i.State == InstalmentState.Paid);
        var bounds =
            !s.Credit.IsNegative
            && !s.Refunded.IsNegative
            && s.Overdue <= s.Outstanding
            && s.Outstanding <= s.Billed
            && s.Billed <= schedule.Total;
        var overdueIsSum =
            s.Overdue.Amount == s.Instalments.Where(i => i.DueOn is { } d && d < s.AsOf).Sum(i => i.Remaining.Amount)
            && s.Instalments.All(i => (i.State == InstalmentState.Overdue) == (i.DaysOverdue > 0));
        return paidOk && conserved && allocatedIsSum && creditOnlyWhenAllPaid && bounds && overdueIsSum;
    }

    // Runs a script; a rejected entry must leave the schedule as it was (same instance, nothing recorded).
    private static (CollectionSchedule Final, List<CollectionSchedule> Versions) Run(Script script)
    {
        var schedule = script.Case.Schedule();
        var versions = new List<CollectionSchedule> { schedule };
        for (var step = 0; step < script.Steps.Count; step++)
        {
            if (EntryFor(script.Steps[step], schedule, step) is not { } entry)
            {
                continue;
            }
            var count = schedule.History.Count;
            try
            {
                schedule = schedule.Record(entry);
            }
            catch (ArgumentException)
            {
                Assert.Equal(count, schedule.History.Count);
            }
            versions.Add(schedule);
        }
        return (schedule, versions);
    }
}
