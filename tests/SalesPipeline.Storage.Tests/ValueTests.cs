using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Storage.Sql;
using SalesPipeline.Tests;

namespace SalesPipeline.Storage.Tests;

public class ValueTests
{
    [Fact]
    public void Stream_ids_print_kind_and_key_and_compare_by_both()
    {
        Assert.Equal("deal/D-1", StreamId.ForDeal(new DealId("D-1")).ToString());
        Assert.Equal("lead/L-1", StreamId.ForLead(new LeadId("L-1")).ToString());
        Assert.Equal("collection-schedule/C-2026-017", StreamId.ForCollectionSchedule("C-2026-017").ToString());
        Assert.NotEqual(StreamId.ForDeal(new DealId("X")), StreamId.ForLead(new LeadId("X")));
        Assert.Equal(StreamId.ForDeal(new DealId("X")), StreamId.ForDeal(new DealId("X")));
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => StreamId.ForDeal(default)).ParamName);
        Assert.Equal("contractId", Assert.Throws<ArgumentException>(() => StreamId.ForCollectionSchedule(" ")).ParamName);
    }

    [Fact]
    public void The_stored_date_key_orders_like_the_dates_and_reads_back()
    {
        // yyyymmdd: 2026-03-31 is 20,260,331; a date before year 1 still orders below (year 0 = 1 BC, -1 = 2 BC).
        Assert.Equal(20_260_331, Statements.DateKey(new LocalDate(2026, 3, 31)));
        PropertyAssert.Holds(
            Prop.ForAll(
                // NodaTime's whole range of ISO dates: -9998-01-01 to 9999-12-31, in days from 1970-01-01.
                Arb.From(Gen.Choose(-4_371_222, 2_932_896)),
                Arb.From(Gen.Choose(-4_371_222, 2_932_896)),
                (a, b) =>
                {
                    var x = new LocalDate(1970, 1, 1).PlusDays(a);
                    var y = new LocalDate(1970, 1, 1).PlusDays(b);
                    return Math.Sign(x.CompareTo(y)) == Math.Sign(Statements.DateKey(x).CompareTo(Statements.DateKey(y)))
                        && Statements.DateFromKey(Statements.DateKey(x)) == x;
                }
            )
        );
    }

    [Fact]
    public void A_query_matches_only_rows_that_meet_every_condition_it_gives()
    {
        var row = new DealSummary(
            new DealId("D-1"),
            3,
            "Default",
            "Acme",
            "alice",
            DealStatus.Open,
            "proposal",
            Money.Of(10m, Currency.USD),
            new LocalDate(2026, 6, 15)
        );
        Assert.True(DealQuery.All.Matches(row));
        Assert.True(DealQuery.ForOwner("alice").Matches(row));
        Assert.False(DealQuery.ForOwner("bob").Matches(row));
        Assert.False((DealQuery.All with { Status = DealStatus.Won }).Matches(row));
        Assert.True(
            (DealQuery.All with { ExpectedClose = new DateInterval(new LocalDate(2026, 6, 15), new LocalDate(2026, 6, 15)) }).Matches(row)
        );
        Assert.False(
            (DealQuery.All with { ExpectedClose = new DateInterval(new LocalDate(2026, 6, 16), new LocalDate(2026, 6, 30)) }).Matches(row)
        );
        Assert.False((DealQuery.All with { Owners = [] }).Matches(row));
        Assert.Equal("Owners", Assert.Throws<ArgumentException>(() => DealQuery.All with { Owners = ["alice", " "] }).ParamName);
        Assert.Equal("Pipeline", Assert.Throws<ArgumentException>(() => DealQuery.All with { Pipeline = "" }).ParamName);
    }

    [Fact]
    public void Pool_team_and_customer_conditions_refuse_blank_text_and_match_by_hand()
    {
        Assert.Equal("Team", Assert.Throws<ArgumentException>(() => DealQuery.All with { Team = " " }).ParamName);
        Assert.Equal("CustomerAccountId", Assert.Throws<ArgumentException>(() => DealQuery.All with { CustomerAccountId = "" }).ParamName);
        Assert.Equal("accountId", Assert.Throws<ArgumentNullException>(() => DealQuery.ForCustomer(null!)).ParamName);
        Assert.Equal("teamId", Assert.Throws<ArgumentException>(() => DealQuery.InPool("")).ParamName);
        // A row waiting in team emea's pool, for customer ACC-1.
        var row = new DealSummary(
            new DealId("D-1"),
            2,
            "Default",
            "Acme",
            null,
            DealStatus.Open,
            "prospecting",
            Money.Of(10m, Currency.USD),
            new LocalDate(2026, 6, 15),
            "emea",
            new Customer("ACC-1", "Acme")
        );
        Assert.True(DealQuery.InPool("emea").Matches(row));
        Assert.False(DealQuery.InPool(null).Matches(row));
        Assert.False(DealQuery.InPool("us").Matches(row));
        Assert.True(DealQuery.ForCustomer("ACC-1").Matches(row));
        Assert.False(DealQuery.ForCustomer("ACC-2").Matches(row));
        Assert.False((DealQuery.All with { Unassigned = false }).Matches(row));
        Assert.False(DealQuery.ForOwner("alice").Matches(row));
        Assert.True(DealQuery.InPool(null).Matches(row with { Team = null }));
        Assert.False(DealQuery.ForCustomer("ACC-1").Matches(row with { Customer = null }));
    }
}
