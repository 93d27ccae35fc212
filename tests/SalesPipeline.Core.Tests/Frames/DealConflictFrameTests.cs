using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using static SalesPipeline.Tests.Frames.CustomerFrameDeals;

namespace SalesPipeline.Tests.Frames;

// The conflict report from the frame against the deal-by-deal code (the same report through a lazy sequence, which
// never gets a frame): every conflict, owner and deal line, amounts with their scales, or the same exception.
public class DealConflictFrameTests
{
    [Fact]
    public void TryFind_GivesTheDealByDealReport_OrRefuses()
    {
        var (tried, taken, conflicting) = (0, 0, 0);
        PropertyAssert.Holds(
            Prop.ForAll(
                WithCustomers.ToArbitrary(),
                deals =>
                {
                    if (deals.Length == 0)
                    {
                        return;
                    }
                    var expected = Outcome(() => Render(DealConflicts.Find(deals.Select(d => d))));
                    tried++;
                    if (DealConflicts.TryFind(DealFrame.Of(deals), out var report))
                    {
                        taken++;
                        conflicting += report.Conflicts.Count > 0 ? 1 : 0;
                        Assert.Equal(expected, Render(report));
                    }
                    else
                    {
                        Assert.StartsWith("System.ArgumentException", expected, StringComparison.Ordinal);
                    }
                }
            )
        );
        Assert.True(taken * 2 > tried, $"the kernel took {taken} of {tried} cases");
        Assert.True(conflicting * 4 > taken, $"only {conflicting} of {taken} cases had a conflict");
    }

    [Fact]
    public void Find_GivesWhatItGaveBefore_ValuesOrExceptions() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                WithCustomers.ToArbitrary(),
                deals =>
                    Assert.Equal(
                        Outcome(() => Render(DealConflicts.Find(deals.Select(d => d)))),
                        Outcome(() => Render(DealConflicts.Find(deals)))
                    )
            )
        );

    [Fact]
    public void TryFind_SplitsACustomerByProduct_AndSkipsPooledClosedAndOtherCustomers()
    {
        // ACC-1: alice crm, bob crm, carol no product, dave erp, a pooled deal and a lost one (both left out).
        // crm: alice, bob, carol (no product counts under every product) -> a conflict of three owners;
        // erp: carol, dave -> a conflict of two. ACC-2: alice twice -> no conflict.
        var acme = new Customer("ACC-1", "Acme");
        Deal[] deals =
        [
            Open("D1", "alice", acme, "crm"),
            Open("D2", "bob", acme, "crm"),
            Open("D3", "carol", acme, null),
            Open("D4", "dave", acme, "erp"),
            Open("D5", null, acme, "crm"),
            FrameDeals.Pipeline.Lose(Open("D6", "erin", acme, "crm"), LossReason.Price, FrameDeals.T0 + Duration.FromDays(1), "erin"),
            Open("D7", "alice", new Customer("ACC-2", "Beta"), null),
            Open("D8", "alice", new Customer("ACC-2", "Beta"), "crm"),
        ];

        Assert.True(DealConflicts.TryFind(DealFrame.Of(deals), out var report));

        Assert.Equal(
            "ACC-1 Acme crm alice,bob,carol D1,D2,D3 | ACC-1 Acme erp carol,dave D3,D4",
            string.Join(
                " | ",
                report.Conflicts.Select(c =>
                    $"{c.AccountId} {c.CustomerName} {c.Product} {string.Join(",", c.Owners)} {string.Join(",", c.Deals.Select(d => d.Deal))}"
                )
            )
        );
    }

    [Fact]
    public void TryFind_RefusesAnIdGivenTwice_AndFindNamesIt()
    {
        var deal = Open("D1", "alice", new Customer("ACC-1", "Acme"), null);

        Assert.False(DealConflicts.TryFind(DealFrame.Of([deal, deal]), out _));
        Assert.Equal("deals", Assert.Throws<ArgumentException>(() => DealConflicts.Find([deal, deal])).ParamName);
    }

    private static Deal Open(string id, string? owner, Customer customer, string? product) =>
        Deal.FromEvents([
            new DealCreated(
                new DealId(id),
                FrameDeals.T0,
                "alice",
                FrameDeals.Pipeline.Name,
                id,
                owner,
                Money.Of(10m, Currency.USD),
                FrameDeals.FirstClose,
                FrameDeals.Pipeline.FirstOpenStage.Id,
                Product: product,
                Customer: customer
            ),
        ]);

    private static string Render(DealConflictReport report) =>
        string.Join(
            "\n",
            report
                .Conflicts.Select(c =>
                    $"{c.AccountId} [{c.CustomerName}] {c.Product ?? "-"} {string.Join(",", c.Owners)}: "
                    + string.Join("; ", c.Deals.Select(d => $"{d.Deal} {d.Name} {d.Owner} {d.Product ?? "-"} {d.StageId} {Text(d.Amount)}"))
                )
                .Append(report.ToString())
        );
}
