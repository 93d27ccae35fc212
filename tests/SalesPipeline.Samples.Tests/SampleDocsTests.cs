using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using SalesPipeline.Activities;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Leads;

namespace SalesPipeline.Samples.Tests;

/// <summary>docs/samples.md gives the sample's numbers in one table; each row is computed here from the sample.</summary>
public sealed partial class SampleDocsTests
{
    private static readonly SampleData Sample = TheSample.Value;

    [GeneratedRegex(@"^\| (?<what>[^|]+?) \| (?<number>[0-9,]+(\.[0-9]+)?) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [Fact]
    public void The_numbers_table_of_docs_samples_md_is_the_sample()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "samples.md"));
        var start = page.IndexOf("## What it holds", StringComparison.Ordinal);
        var section = page[start..page.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        var documented = Row()
            .Matches(section)
            .ToDictionary(
                m => m.Groups["what"].Value,
                m => decimal.Parse(m.Groups["number"].Value, NumberStyles.Number, CultureInfo.InvariantCulture)
            );
        var computed = Computed();
        Assert.Equal(computed.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        var wrong = computed
            .Where(c => c.Value != documented[c.Key])
            .Select(c => $"{c.Key}: documented {documented[c.Key]}, sample {c.Value}")
            .ToArray();
        Assert.True(wrong.Length == 0, string.Join("\n", wrong));
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [Theory]
    [InlineData("docs/samples.md")]
    [InlineData("src/SalesPipeline.Samples/PACKAGE.md")]
    public void Every_code_line_of_the_page_is_in_the_example_CI_runs(string page)
    {
        // Comments may differ (the page explains, the script prints); the statements must be the script's.
        var script = WhiteSpace().Replace(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "examples", "samples.cs")), "");
        var blocks = CodeBlock().Matches(File.ReadAllText(Path.Combine(RepositoryRoot(), page))).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(blocks);
        var lines = blocks
            .SelectMany(b => b.Split('\n'))
            .Select(line => line.Contains("//", StringComparison.Ordinal) ? line[..line.IndexOf("//", StringComparison.Ordinal)] : line)
            .Select(line => WhiteSpace().Replace(line, ""))
            .Where(line => line.Length > 0);
        Assert.All(lines, line => Assert.Contains(line, script, StringComparison.Ordinal));
    }

    private static Dictionary<string, decimal> Computed()
    {
        var deals = Sample.Deals;
        var health = PipelineHealth.Inspect(
            deals,
            Sample.Pipeline,
            Sample.AsOfInstant,
            Sample.HealthPolicy,
            new HealthInputs { Activities = ActivityIndex.Create(Sample.Activities), Leads = Sample.Leads }
        );
        var q3 = Sample.Calendar.QuarterContaining(Sample.AsOf);
        decimal OpenInQ3(IEnumerable<Deal> some) =>
            some.Where(d => d.IsOpen && q3.Contains(d.ExpectedClose) && d.ExpectedClose >= Sample.AsOf).Sum(d => d.Amount.Amount);
        decimal TeamDeals(string team)
        {
            var members = Sample.Organization.MembersOf(team).Select(p => p.Id).ToHashSet();
            return deals.Count(d => members.Contains(d.Owner!));
        }
        var aging = Aging.Of(Sample.Contracts, Sample.AsOf);
        var numbers = new Dictionary<string, decimal>
        {
            ["deals"] = deals.Count,
            ["open deals"] = deals.Count(d => d.IsOpen),
            ["won deals"] = deals.Count(d => d.Status == DealStatus.Won),
            ["lost deals"] = deals.Count(d => d.Status == DealStatus.Lost),
            ["deal events"] = deals.Sum(d => d.Events.Count),
            ["deals reassigned to a teammate"] = deals.Count(d => d.Events.OfType<OwnerReassigned>().Any()),
            ["won amount (USD)"] = deals.Where(d => d.Status == DealStatus.Won).Sum(d => d.Amount.Amount),
            ["open amount (USD)"] = deals.Where(d => d.IsOpen).Sum(d => d.Amount.Amount),
            ["deals of the Enterprise team"] = TeamDeals("enterprise"),
            ["deals of the Mid-Market East team"] = TeamDeals("midmarket-east"),
            ["deals of the Mid-Market West team"] = TeamDeals("midmarket-west"),
            ["deals of the Commercial team"] = TeamDeals("commercial"),
            ["leads"] = Sample.Leads.Count,
            ["converted leads"] = Sample.Leads.Count(l => l.Status == LeadStatus.Converted),
            ["disqualified leads"] = Sample.Leads.Count(l => l.Status == LeadStatus.Disqualified),
            ["open leads"] = Sample.Leads.Count(l => l.Status is LeadStatus.New or LeadStatus.Working),
            ["activities"] = Sample.Activities.Count,
            ["quotas"] = Sample.Quotas.Count,
            ["contracts"] = Sample.Contracts.Count,
            ["payments"] = Sample.Contracts.Sum(c => c.History.OfType<Payment>().Count()),
            ["stale deals"] = health.FindingsOf(FindingKind.Stale).Count(),
            ["deals rotting in their stage"] = health.FindingsOf(FindingKind.Rotting).Count(),
            ["deals past their expected close"] = health.FindingsOf(FindingKind.PastExpectedClose).Count(),
            ["deals older than the typical won cycle"] = health.FindingsOf(FindingKind.OlderThanTypicalCycle).Count(),
            ["deals whose close date was pushed more than once"] = health.FindingsOf(FindingKind.CloseDatePushed).Count(),
            ["untouched leads"] = health.FindingsOf(FindingKind.UntouchedLead).Count(),
            ["Nathan's open pipeline closing in Q3 2026 (USD)"] = OpenInQ3(deals.Where(d => d.Owner == "nathan")),
            ["the company's open pipeline closing in Q3 2026 (USD)"] = OpenInQ3(deals),
            ["receivables current (USD)"] = aging.Total.Buckets[0].Amount,
            ["receivables 1-30 days overdue (USD)"] = aging.Total.Buckets[1].Amount,
            ["receivables 31-60 days overdue (USD)"] = aging.Total.Buckets[2].Amount,
            ["receivables 61-90 days overdue (USD)"] = aging.Total.Buckets[3].Amount,
            ["receivables over 90 days overdue (USD)"] = aging.Total.Buckets[4].Amount,
        };
        foreach (var stage in Sample.Pipeline.OpenStages)
        {
            numbers[$"open in {stage.Name}"] = deals.Count(d => d.IsOpen && d.StageId == stage.Id);
        }
        foreach (var source in deals.Select(d => d.Source!.Code).Distinct())
        {
            numbers[$"deals from {source}"] = deals.Count(d => d.Source!.Code == source);
        }
        foreach (var product in deals.Select(d => d.Product!).Distinct())
        {
            numbers[$"deals of {product}"] = deals.Count(d => d.Product == product);
        }
        return numbers;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SalesPipeline.Core.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (with SalesPipeline.Core.sln) was not found.");
    }
}
