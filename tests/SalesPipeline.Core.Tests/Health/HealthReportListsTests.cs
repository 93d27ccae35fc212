using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using static SalesPipeline.Tests.Health.HealthFixtures;

namespace SalesPipeline.Tests.Health;

// The report's Deals and Findings are built when read (HealthReport remarks): read by index, enumerated, read twice or
// from several threads, they must be one and the same list.
public sealed class HealthReportListsTests
{
    // As of 1 April: D1 stale (created 10 March: 22 days untouched, limit 14; not yet rotting, limit 30) and past its
    // 20 March close (12 days); D2 healthy (created 30 March); D3 stale only; a coverage goal of 1,000,000 for Q2 that 900 of open pipeline does not cover; lead L1 never touched
    // for 4 days. So: the coverage finding first, then D1's two findings, D3's one, then L1's.
    private static HealthReport Report() =>
        PipelineHealth.Inspect(
            [
                DealIn("D3", "prospecting", 500m, Date(5, 31), At(3, 10)),
                DealIn("D1", "prospecting", 100m, Date(3, 20), At(3, 10)),
                DealIn("D2", "prospecting", 300m, Date(5, 31), At(3, 30)),
            ],
            Pipeline,
            AsOf,
            null,
            new HealthInputs
            {
                Coverage = new CoverageGoal(FiscalCalendar.Calendar.Quarter(2026, 2), Usd(1_000_000m), 0.25m),
                Leads = [Lead.Create(new LeadId("L1"), "Never touched", LeadSource.Web, "bob", At(3, 28))],
            }
        );

    [Fact]
    public void Findings_ByIndex_AreTheEnumeratedFindings_InTheReportOrder()
    {
        var report = Report();

        var byIndex = Enumerable.Range(0, report.Findings.Count).Select(i => report.Findings[i]).ToArray();

        Assert.Equal(
            [
                (FindingKind.LowCoverage, "pipeline"),
                (FindingKind.Stale, "D1"),
                (FindingKind.PastExpectedClose, "D1"),
                (FindingKind.Stale, "D3"),
                (FindingKind.UntouchedLead, "L1"),
            ],
            byIndex.Select(f => (f.Kind, f.Deal?.Value ?? f.Lead?.Value ?? "pipeline"))
        );
        Assert.Equal(byIndex, report.Findings, ReferenceEqualityComparer.Instance);
    }

    [Fact]
    public void Deals_ReadTwice_AreTheSameObjects_AndHoldTheFindingsOfTheFindingsList()
    {
        var report = Report();

        Assert.Equal(["D1", "D3"], report.Deals.Select(d => d.Deal.Value));
        Assert.Same(report.Deals[1], report.Deals[1]);
        Assert.Equal(
            report.Findings.Where(f => f.Subject == HealthSubject.Deal),
            report.Deals.SelectMany(d => d.Findings),
            ReferenceEqualityComparer.Instance
        );
        Assert.Same(report.Deals[0], report.Shortlist.Deals[1]); // D3 (500 x 10% = 50) ranks before D1 (10)
    }

    [Fact]
    public void Deals_ReadFromSeveralThreadsAtOnce_GiveOneObjectPerDeal()
    {
        var report = Report();
        var seen = new DealHealth[8][];

        System.Threading.Tasks.Parallel.For(0, seen.Length, t => seen[t] = [.. report.Deals]);

        Assert.All(seen, s => Assert.Equal(seen[0], s, ReferenceEqualityComparer.Instance));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(int.MinValue)]
    public void Findings_IndexOutsideTheList_Throws(int index)
    {
        var report = Report();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => report.Findings[index]);

        Assert.Equal(("index", index), (e.ParamName, e.ActualValue));
        Assert.StartsWith("Index must be between 0 and 4.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Deals_IndexOutsideTheList_Throws(int index)
    {
        var report = Report();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => report.Deals[index]);

        Assert.Equal(("index", index), (e.ParamName, e.ActualValue));
        Assert.StartsWith("Index must be between 0 and 1.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deals_OfAHealthyPipeline_IsEmpty_AndAnyIndexThrows()
    {
        var report = PipelineHealth.Inspect([DealIn("D2", "prospecting", 300m, Date(5, 31), At(3, 30))], Pipeline, AsOf);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => report.Deals[0]);

        Assert.Equal((0, 0), (report.Deals.Count, report.Findings.Count));
        Assert.StartsWith("The list is empty, so no index is valid.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deals_AndFindings_AreReadOnlyLists()
    {
        // IList<T> as ReadOnlyCollection<T> was, so that LINQ's Count(), Last() and ElementAt() read by index.
        var report = Report();
        var deals = Assert.IsAssignableFrom<IList<DealHealth>>(report.Deals);
        var findings = Assert.IsAssignableFrom<IList<HealthFinding>>(report.Findings);
        var copy = new HealthFinding[7];

        findings.CopyTo(copy, 2);

        Assert.True(deals.IsReadOnly);
#pragma warning disable CA1826, CA1829 // LINQ on purpose: what a caller of the public IReadOnlyList writes
        Assert.Equal((2, 5), (Enumerable.Count(report.Deals), Enumerable.Count(report.Findings)));
        Assert.Same(report.Deals[1], Enumerable.Last(report.Deals));
#pragma warning restore CA1826, CA1829
        Assert.Equal(1, deals.IndexOf(report.Deals[1]));
        Assert.Equal(new HealthFinding?[] { null, null }.Concat(report.Findings), copy);
        Assert.Throws<NotSupportedException>(() => deals.Add(report.Deals[0]));
        Assert.Throws<NotSupportedException>(() => findings.RemoveAt(0));
        Assert.Throws<NotSupportedException>(() => deals[0] = report.Deals[1]);
        var tooSmall = Assert.Throws<ArgumentOutOfRangeException>(() => findings.CopyTo(new HealthFinding[5], 1));
        Assert.Equal(("arrayIndex", 1), (tooSmall.ParamName, tooSmall.ActualValue));
    }
}
