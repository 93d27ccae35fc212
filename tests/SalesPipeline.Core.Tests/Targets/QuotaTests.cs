using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Calendars;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Targets;

// Quota construction and splitting a team's quota among its reps. Decompose is in QuotaTests.Decompose.cs.
public sealed partial class QuotaTests
{
    private static readonly FiscalPeriod Fy2026 = FiscalCalendar.Calendar.Year(2026);

    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    // ---- construction ----------------------------------------------------------------------------------------

    [Fact]
    public void Factories_SetLevelSubjectPeriodAndTarget()
    {
        var person = Quota.ForPerson("alice", Fy2026, Usd(1_200_000m));
        var team = Quota.ForTeam("emea", Fy2026, Usd(0m));
        var company = Quota.ForCompany("Acme", Fy2026, Usd(5_000_000m));

        Assert.Equal((QuotaLevel.Person, "alice", Fy2026, Usd(1_200_000m)), (person.Level, person.SubjectId, person.Period, person.Target));
        Assert.Equal((QuotaLevel.Team, "emea"), (team.Level, team.SubjectId));
        Assert.Equal((QuotaLevel.Company, "Acme"), (company.Level, company.SubjectId));
        Assert.Equal(new Quota(QuotaLevel.Person, "alice", Fy2026, Usd(1_200_000.00m)), person);
        Assert.Equal("Person alice, 2026: USD 1,200,000.00", person.ToString());
    }

    [Fact]
    public void Constructor_NegativeTarget_ThrowsNamingTheValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Quota.ForPerson("alice", Fy2026, Usd(-1m)));

        Assert.Equal("target", ex.ParamName);
        Assert.Contains("USD -1.00", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FractionOfACent_ThrowsRatherThanRounding()
    {
        var ex = Assert.Throws<ArgumentException>(() => Quota.ForPerson("alice", Fy2026, Usd(10.125m)));

        Assert.Equal("target", ex.ParamName);
        Assert.Contains("10.125", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankSubject_Throws(string subject)
    {
        var ex = Assert.Throws<ArgumentException>(() => Quota.ForTeam(subject, Fy2026, Usd(1m)));

        Assert.Equal("subjectId", ex.ParamName);
        Assert.Contains($"\"{subject}\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullsAndUndefinedLevel_Throw()
    {
        Assert.Equal("subjectId", Assert.Throws<ArgumentNullException>(() => Quota.ForPerson(null!, Fy2026, Usd(1m))).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => Quota.ForPerson("a", null!, Usd(1m))).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => Quota.ForPerson("a", Fy2026, null!)).ParamName);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Quota((QuotaLevel)7, "a", Fy2026, Usd(1m)));
        Assert.Equal("level", ex.ParamName);
        Assert.Contains("7", ex.Message, StringComparison.Ordinal);
    }

    // ---- SplitAmong --------------------------------------------------------------------------------------------

    [Fact]
    public void SplitAmong_Evenly_GivesTheLeftoverCentToTheFirst()
    {
        // 100.00 / 3 = 33.333...: 33.33 each is 99.99, and the leftover cent goes to the first person.
        var team = Quota.ForTeam("emea", Fy2026, Usd(100m));

        var reps = team.SplitAmong(["alice", "bob", "carol"]);

        Assert.Equal([Usd(33.34m), Usd(33.33m), Usd(33.33m)], reps.Select(q => q.Target));
        Assert.All(reps, q => Assert.Equal((QuotaLevel.Person, Fy2026), (q.Level, q.Period)));
        Assert.Equal(["alice", "bob", "carol"], reps.Select(q => q.SubjectId));
    }

    [Fact]
    public void SplitAmong_ByWeights_IsProportional()
    {
        // 1,000,000.00 by 50:30:20 = 500,000.00, 300,000.00, 200,000.00.
        var team = Quota.ForTeam("emea", Fy2026, Usd(1_000_000m));

        var reps = team.SplitAmong(["alice", "bob", "carol"], [50m, 30m, 20m]);

        Assert.Equal([Usd(500_000m), Usd(300_000m), Usd(200_000m)], reps.Select(q => q.Target));
    }

    [Fact]
    public void SplitAmong_Property_SharesAddUpAndEachIsItsExactShareRoundedDownOrUp() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                (
                    from cents in Gen.Choose(0, int.MaxValue)
                    from weights in Gen.ArrayOf(Gen.Choose(0, 50), 4).Where(w => w.Sum() > 0)
                    select (cents, weights)
                ).ToArbitrary(),
                c =>
                {
                    var team = Quota.ForTeam("t", Fy2026, Money.FromMinorUnits(c.cents, Currency.USD));
                    var reps = team.SplitAmong(["a", "b", "c", "d"], c.weights.Select(w => (decimal)w).ToArray());
                    var units = reps.Select(q => q.Target.ToMinorUnits()).ToArray();
                    var total = c.weights.Sum();
                    return units.Sum() == c.cents
                        && units
                            .Select((u, i) => (u, exact: (decimal)c.cents * c.weights[i] / total))
                            .All(x => x.u == Math.Floor(x.exact) || x.u == Math.Ceiling(x.exact));
                }
            )
        );

    [Fact]
    public void SplitAmong_BadPeople_Throw()
    {
        var team = Quota.ForTeam("emea", Fy2026, Usd(100m));

        Assert.Equal("personIds", Assert.Throws<ArgumentException>(() => team.SplitAmong([])).ParamName);
        var repeated = Assert.Throws<ArgumentException>(() => team.SplitAmong(["alice", "bob", "alice"]));
        Assert.Equal("personIds", repeated.ParamName);
        Assert.Contains("\"alice\"", repeated.Message, StringComparison.Ordinal);
        var blank = Assert.Throws<ArgumentException>(() => team.SplitAmong(["alice", " "]));
        Assert.Contains("id 1", blank.Message, StringComparison.Ordinal);
        Assert.Equal("personIds", Assert.Throws<ArgumentNullException>(() => team.SplitAmong(["alice", null!])).ParamName);
    }

    [Fact]
    public void SplitAmong_BadWeights_Throw()
    {
        var team = Quota.ForTeam("emea", Fy2026, Usd(100m));

        var count = Assert.Throws<ArgumentException>(() => team.SplitAmong(["alice", "bob"], [1m, 2m, 3m]));
        Assert.Equal("weights", count.ParamName);
        Assert.Contains("2 people but 3 weights", count.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() => team.SplitAmong(["alice", "bob"], [1m, -2m]));
        Assert.Equal("weights", negative.ParamName);
        Assert.Contains("-2", negative.Message, StringComparison.Ordinal);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => team.SplitAmong(["alice", "bob"], [0m, 0m])).ParamName);
    }

    [Fact]
    public void SplitAmong_APersonsQuota_Throws()
    {
        var person = Quota.ForPerson("alice", Fy2026, Usd(100m));

        var ex = Assert.Throws<InvalidOperationException>(() => person.SplitAmong(["bob"]));

        Assert.Contains("alice", ex.Message, StringComparison.Ordinal);
    }
}
