using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Calendars;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Targets;

public sealed class QuotaAssignmentTests
{
    private static readonly FiscalPeriod Q1 = FiscalCalendar.Calendar.Quarter(2026, 1);

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    [Fact]
    public void Of_OverAssignedTeam_ReportsThePositiveDifference()
    {
        // 400,000 + 350,000 + 350,000 = 1,100,000 against 1,000,000: 100,000 over, ratio 1.1.
        var team = Quota.ForTeam("emea", Q1, Usd(1_000_000m));
        Quota[] reps =
        [
            Quota.ForPerson("alice", Q1, Usd(400_000m)),
            Quota.ForPerson("bob", Q1, Usd(350_000m)),
            Quota.ForPerson("carol", Q1, Usd(350_000m)),
        ];

        var check = QuotaAssignment.Of(team, reps);

        Assert.Equal((Usd(1_100_000m), Usd(100_000m), false, 1.1m), (check.Assigned, check.Difference, check.AddsUp, check.Ratio));
        Assert.Contains("USD 100,000.00 over-assigned", check.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_UnderAssignedTeam_ReportsTheNegativeDifference()
    {
        var team = Quota.ForTeam("emea", Q1, Usd(1_000_000m));

        var check = QuotaAssignment.Of(team, [Quota.ForPerson("alice", Q1, Usd(600_000m))]);

        Assert.Equal(Usd(-400_000m), check.Difference);
        Assert.Contains("USD 400,000.00 under-assigned", check.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ZeroTeamTarget_HasNoRatio()
    {
        var check = QuotaAssignment.Of(Quota.ForTeam("emea", Q1, Usd(0m)), []);

        Assert.Null(check.Ratio);
        Assert.True(check.AddsUp);
    }

    [Fact]
    public void Of_Property_AnEvenOrWeightedSplitAlwaysAddsUp() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (
                    from cents in Gen.Choose(0, int.MaxValue)
                    from people in Gen.Choose(1, 12)
                    from weights in Gen.OneOf(
                        Gen.Constant<int[]?>(null),
                        Gen.ArrayOf(Gen.Choose(0, 9), people).Where(w => w.Sum() > 0).Select(w => (int[]?)w)
                    )
                    select (cents, people, weights)
                ).ToArbitrary(),
                c =>
                {
                    var team = Quota.ForTeam("emea", Q1, Money.FromMinorUnits(c.cents, Currency.USD));
                    var ids = Enumerable.Range(0, c.people).Select(i => "rep" + i).ToArray();
                    var reps = team.SplitAmong(ids, c.weights?.Select(w => (decimal)w).ToArray());
                    var check = QuotaAssignment.Of(team, reps);
                    return check.AddsUp && check.Difference.IsZero && check.Assigned == team.Target;
                }
            )
        );

    [Fact]
    public void Of_BadQuotas_ThrowNamingTheQuota()
    {
        var team = Quota.ForTeam("emea", Q1, Usd(1_000m));
        var alice = Quota.ForPerson("alice", Q1, Usd(500m));

        var notATeam = Assert.Throws<ArgumentException>(() => QuotaAssignment.Of(alice, []));
        Assert.Equal("teamQuota", notATeam.ParamName);

        AssertRejected(team, [alice, Quota.ForTeam("apac", Q1, Usd(1m))], "Quota 1 (Team apac", "is not a person's quota");
        AssertRejected(team, [Quota.ForPerson("bob", FiscalCalendar.Calendar.Quarter(2026, 2), Usd(1m))], "Quota 0", "another period");
        AssertRejected(team, [Quota.ForPerson("bob", Q1, Money.Of(1m, Currency.EUR))], "EUR", "another currency than USD");
        AssertRejected(team, [alice, alice], "Quota 1 (Person alice", "already has a quota");
        Assert.Equal("personQuotas", Assert.Throws<ArgumentNullException>(() => QuotaAssignment.Of(team, [null!])).ParamName);
    }

    private static void AssertRejected(Quota team, Quota[] people, params string[] fragments)
    {
        var ex = Assert.Throws<ArgumentException>(() => QuotaAssignment.Of(team, people));
        Assert.Equal("personQuotas", ex.ParamName);
        Assert.All(fragments, f => Assert.Contains(f, ex.Message, StringComparison.Ordinal));
    }
}
