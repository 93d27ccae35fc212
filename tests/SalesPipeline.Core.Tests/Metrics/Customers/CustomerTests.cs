using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Reporting;
using static SalesPipeline.Tests.Collections.CollectionFixtures;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Metrics;

public class CustomerTests
{
    private static Deal For(Deal deal, string account, string? name = null) =>
        Pipeline.ApplyOrThrow(deal, DealCommand.ChangeCustomer(new Customer(account, name ?? account + " Inc"), Day(30), "ops"));

    private static Deal OpenFor(string id, string owner, string account, string? product = null, decimal amount = 1_000m) =>
        For(Open(id, owner, amount, product: product), account);

    [Fact]
    public void Breakdown_Customer_KeysByAccountId_NoneWithoutCustomer()
    {
        Assert.Equal(["ACME"], BreakdownKeys.Of(OpenFor("A", "alice", "ACME"), Breakdown.Customer));
        Assert.Equal([BreakdownKeys.None], BreakdownKeys.Of(Open("B", "alice", 1m), Breakdown.Customer));
    }

    [Fact]
    public void WinRateByCustomer_GroupsByAccount()
    {
        Deal[] deals = [For(Won("W", "alice", 10m, 5), "ACME"), For(Lost("L", "bob", 10m, 6), "ACME"), Won("N", "bob", 10m, 7)];

        var table = WinRate.By(deals, Breakdown.Customer);

        // (none): 1 won of 1; ACME: 1 won of 2.
        Assert.Equal(["(none)", "ACME"], table.Lines.Select(l => l.Key));
        Assert.Equal([(1, 0), (1, 1)], table.Lines.Select(l => (l.Rate.Won, l.Rate.Lost)));
        var funnel = Funnel.Of(deals, Pipeline, new FunnelOptions { Breakdowns = [Breakdown.Customer] });
        Assert.Equal(["(none)", "ACME"], funnel.Groups.Select(g => g.Key));
        Assert.Contains(funnel.ToTable().Columns, c => c.Name == "customer");
    }

    [Fact]
    public void CustomerReport_WorkedExample()
    {
        // ACME: won 10,000 (A1), open 5,000 (A2), stopped 2,000 (A3); GLOBEX: open 7,000; no customer: open 1,000.
        // S1 (contract of A1, so ACME): 10,000 in 3,000 due 01-31, 3,500 due 02-28, 3,500 due 03-31; 3,000 paid on
        // 02-01. As of 03-15 the first two are billed (6,500): collected 3,000, outstanding 3,500.
        // S2 names deal D-X, which is not given: it counts under its contract's customer text "Initech Ltd"; nothing
        // paid: collected 0, outstanding 6,500.
        Deal[] deals =
        [
            For(Won("A1", "alice", 10_000m, 5), "ACME", "Acme Corp"),
            OpenFor("A2", "bob", "ACME", amount: 5_000m),
            For(Pipeline.Stop(Open("A3", "bob", 2_000m), StopReason.BudgetFrozen, Day(8), "bob"), "ACME"),
            OpenFor("G1", "carol", "GLOBEX", amount: 7_000m),
            Open("N1", "carol", 1_000m),
        ];
        CollectionSchedule[] schedules =
        [
            CollectionSchedule
                .Create(Usd(10_000m), D("2026-01-31"), ThirtyThenTwoMonthly(), new ContractInfo("C-1", "Acme", "alice", new DealId("A1")))
                .Record(Pay("P-1", "2026-02-01", 3_000m)),
            CollectionSchedule.Create(
                Usd(10_000m),
                D("2026-01-31"),
                ThirtyThenTwoMonthly(),
                new ContractInfo("C-2", "Initech Ltd", "bob", new DealId("D-X"))
            ),
        ];

        var report = CustomerAnalysis.Of(deals, schedules, D("2026-03-15"));

        Assert.Equal(["(none)", "ACME", "GLOBEX", "Initech Ltd"], report.Lines.Select(l => l.AccountId));
        var acme = report.Lines[1];
        Assert.Equal("ACME Inc", acme.Name); // "ACME Inc" sorts before "Acme Corp" (ordinal)
        Assert.Equal(
            (1, Usd(10_000m), 1, Usd(5_000m), 1, Usd(2_000m)),
            (acme.WonDeals, acme.Won, acme.OpenDeals, acme.OpenPipeline, acme.StoppedDeals, acme.Stopped)
        );
        Assert.Equal((1, Usd(3_000m), Usd(3_500m)), (acme.Schedules, acme.Collected, acme.Outstanding));
        Assert.Equal((Usd(0m), Usd(6_500m)), (report.Lines[3].Collected, report.Lines[3].Outstanding));
        Assert.Null(report.Lines[3].Name);
        Assert.Equal(Usd(1_000m), report.Lines[0].OpenPipeline);
        Assert.Equal(4, report.ToTable().RowCount);
        Assert.Contains("GLOBEX", report.ToString());
    }

    [Fact]
    public void CustomerReport_NullDeal_Throws()
    {
        var error = Assert.Throws<ArgumentNullException>(() => CustomerAnalysis.Of([null!], [], D("2026-03-15")));
        Assert.Equal("deals", error.ParamName);
    }

    [Fact]
    public void Conflicts_WorkedExample()
    {
        Deal[] deals =
        [
            // ACME: crm by alice and bob, erp by carol, dave with no product (conflicts with both products).
            OpenFor("X1", "alice", "ACME", "crm"),
            OpenFor("X2", "bob", "ACME", "crm"),
            OpenFor("X3", "carol", "ACME", "erp"),
            OpenFor("X4", "dave", "ACME"),
            // GLOBEX: different recorded products: no conflict.
            OpenFor("Y1", "alice", "GLOBEX", "crm"),
            OpenFor("Y2", "bob", "GLOBEX", "erp"),
            // INITECH: no products recorded, two owners: one conflict without a product.
            OpenFor("Z1", "alice", "INITECH"),
            OpenFor("Z2", "bob", "INITECH"),
            // UMBRELLA: a pooled deal, a stopped one and a won one are not in conflict with alice's.
            OpenFor("U1", "alice", "UMBRELLA"),
            For(Deal.OpenInPool(Pipeline, new DealId("U2"), "U2", "emea", Usd(1m), new LocalDate(2026, 12, 31), Day(1), "ops"), "UMBRELLA"),
            For(Pipeline.Stop(Open("U3", "bob", 1m), StopReason.OnHold, Day(2), "bob"), "UMBRELLA"),
            For(Won("U4", "carol", 1m, 3), "UMBRELLA"),
            // VANDELAY: one owner twice.
            OpenFor("V1", "alice", "VANDELAY"),
            OpenFor("V2", "alice", "VANDELAY"),
        ];

        var report = DealConflicts.Find(deals);

        Assert.Equal(
            [
                ("ACME", "crm", "alice;bob;dave", "X1;X2;X4"),
                ("ACME", "erp", "carol;dave", "X3;X4"),
                ("INITECH", null, "alice;bob", "Z1;Z2"),
            ],
            report.Conflicts.Select(c =>
                (c.AccountId, c.Product, string.Join(";", c.Owners), string.Join(";", c.Deals.Select(d => d.Deal.Value)))
            )
        );
        Assert.Equal(7, report.ToTable().RowCount);
        Assert.StartsWith("3 conflicts", report.ToString());
    }

    private static readonly Gen<Deal[]> ConflictDeals =
        from specs in Gen.ListOf(
            from account in Gen.Elements("A", "B", "C")
            from owner in Gen.Elements<string?>("alice", "bob", "carol", null)
            from product in Gen.Elements<string?>("crm", "erp", null)
            from status in Gen.Choose(0, 3)
            select (account, owner, product, status)
        )
        select specs
            .Select(
                (s, i) =>
                {
                    var id = new DealId("D" + i);
                    var customer = new Customer(s.account, s.account);
                    var deal = s.owner is null
                        ? Deal.OpenInPool(
                            Pipeline,
                            id,
                            "d",
                            null,
                            Usd(1m),
                            new LocalDate(2026, 12, 31),
                            Day(0),
                            "ops",
                            product: s.product,
                            customer: customer
                        )
                        : Deal.Open(
                            Pipeline,
                            id,
                            "d",
                            s.owner,
                            Usd(1m),
                            new LocalDate(2026, 12, 31),
                            Day(0),
                            product: s.product,
                            customer: customer
                        );
                    return s.status switch
                    {
                        1 when s.owner is not null => Pipeline.Stop(deal, StopReason.OnHold, Day(1), "ops"),
                        2 when s.owner is not null => Pipeline.Win(deal, Day(1), "ops"),
                        _ => deal,
                    };
                }
            )
            .ToArray();

    [Fact]
    public void Conflicts_ListExactlyTheDealsWithAConflictingPartner_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                ConflictDeals.ToArbitrary(),
                deals =>
                {
                    // By the definition, pair by pair (quadratic): open, owned, same account, other owner, products that
                    // do not tell them apart.
                    bool Takes(Deal d) => d.IsOpen && d.Owner is not null;
                    bool Clash(Deal a, Deal b) =>
                        a.Customer!.AccountId == b.Customer!.AccountId
                        && a.Owner != b.Owner
                        && (a.Product is null || b.Product is null || a.Product == b.Product);
                    var expected = deals
                        .Where(a => Takes(a) && deals.Any(b => Takes(b) && Clash(a, b)))
                        .Select(d => d.Id.Value)
                        .Order(StringComparer.Ordinal);
                    var report = DealConflicts.Find(deals);
                    var listed = report
                        .Conflicts.SelectMany(c => c.Deals)
                        .Select(d => d.Deal.Value)
                        .Distinct()
                        .Order(StringComparer.Ordinal);
                    return expected.SequenceEqual(listed) && report.Conflicts.All(c => c.Owners.Count >= 2);
                }
            )
        );
}
