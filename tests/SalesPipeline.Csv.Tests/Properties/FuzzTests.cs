using System.IO;
using System.Text;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests.Fuzz;
using File = System.IO.File;

namespace SalesPipeline.Csv.Tests.Properties;

// Valid files damaged at random (cut short, quotes added, cells replaced by wrong types, unknown stages and currencies,
// lines doubled or dropped, random bytes, another delimiter): reading either gives a result whose counts add up, with
// every rejected row reported, or throws CsvImportException (a missing column, or StopAtFirstError). Nothing else escapes.
public sealed class FuzzTests
{
    private static readonly string[] Garbage =
    [
        "",
        " ",
        "abc",
        "1,5",
        "-5",
        "1e3",
        "99999999999999999999999999999",
        "2025-13-45",
        "2025-02-29T00:00:00Z",
        "2025-03-01T00:00:00+25:00",
        "9999-12-31T23:00:00-05:00",
        "0000-01-01T00:00:00Z",
        "nowhere",
        "Won",
        "usd",
        "XTS",
        "reopened",
        "created",
        "best_case",
        "closed",
        "\"",
        "\"\"",
        "D0000",
        "D0001",
        "é",
        "\u00a0",
        "changed",
        "amount",
        "expected_close",
        "Owner",
        "stage",
        "Created.",
        "EUR 12.5",
        "ABC 1",
    ];

    [Fact]
    public void Damaged_files_are_reported_row_by_row_and_the_counts_add_up()
    {
        byte[] deals = [];
        byte[] history = [];
        var (withDeals, withErrors) = (0, 0);
        var (cases, refused) = Fuzzer.Run(
            random =>
            {
                var records = Enumerable
                    .Range(0, random.Next(1, 12))
                    .Select(i => DealGen.Decode([.. Enumerable.Range(0, 12).Select(_ => random.Next(1_000_000))], i))
                    .ToArray();
                var changes = random.Next(2) == 0;
                if (changes)
                {
                    records = [.. records.Select(r => ChangeGen.Add(r, random))];
                }
                deals = Damage(CanonicalWriter.Deals(records), random);
                history = Damage(
                    changes
                        ? CanonicalWriter.HistoryWithChanges(PipelineDefinition.Default, records, i => i)
                        : CanonicalWriter.History(PipelineDefinition.Default, records),
                    random
                );
                return $"deals:\n{Encoding.UTF8.GetString(deals)}\nhistory:\n{Encoding.UTF8.GetString(history)}";
            },
            (_, random) =>
            {
                var options = new CsvReadOptions
                {
                    StopAtFirstError = random.Next(10) == 0,
                    DefaultCurrency = random.Next(2) == 0 ? Currency.USD : null,
                    // Salesforce's labels: "amount", "Owner" and "stage" are among them (ignoring case), "expected_close" is ignored.
                    Fields = random.Next(4) == 0 ? SalesforceFieldHistory.Fields : null,
                };
                var result = DealCsv.Read(
                    PipelineDefinition.Default,
                    new MemoryStream(deals),
                    new MemoryStream(history),
                    DealGen.AsOf,
                    options
                );
                Check(result);
                withDeals += result.Deals.Count > 0 ? 1 : 0;
                withErrors += result.IsComplete ? 0 : 1;
            },
            e => e is CsvImportException
        );
        // The damage reaches every outcome: refusals, results with errors, and deals still imported around them.
        Assert.True(
            refused > 0 && withErrors > 0 && withDeals > 0,
            $"{cases} cases: {refused} refused, {withErrors} with errors, {withDeals} with deals"
        );
    }

    // The same damage over each CRM format's sample export (Samples/): its header aliases, value forms, footer and
    // history source hold to the same rule.
    [Fact]
    public void Damaged_crm_exports_are_reported_row_by_row_and_the_counts_add_up()
    {
        var samples = new (PipelineDefinition Pipeline, CsvReadOptions Options, string Deals, string? History)[]
        {
            (
                Exports.Salesforce,
                Exports.SalesforceOptions,
                File.ReadAllText(Exports.PathOf("Salesforce", "opportunities.csv")),
                File.ReadAllText(Exports.PathOf("Salesforce", "opportunity-history.csv"))
            ),
            (Exports.HubSpot, Exports.HubSpotOptions, File.ReadAllText(Exports.PathOf("HubSpot", "deals.csv")), null),
            (Exports.Pipedrive, Exports.PipedriveOptions, File.ReadAllText(Exports.PathOf("Pipedrive", "deals.csv")), null),
        };
        byte[] deals = [];
        byte[]? history = null;
        var sample = samples[0];
        var (withDeals, withErrors) = (0, 0);
        var (cases, refused) = Fuzzer.Run(
            random =>
            {
                sample = samples[random.Next(samples.Length)];
                deals = Damage(sample.Deals, random);
                history = sample.History is null ? null : Damage(sample.History, random);
                return $"{sample.Options.Format} deals:\n{Encoding.UTF8.GetString(deals)}\nhistory:\n{(history is null ? "" : Encoding.UTF8.GetString(history))}";
            },
            (_, random) =>
            {
                var options = sample.Options with { StopAtFirstError = random.Next(10) == 0 };
                var result = DealCsv.Read(
                    sample.Pipeline,
                    new MemoryStream(deals),
                    history is null ? null : new MemoryStream(history),
                    Exports.AsOf,
                    options
                );
                Check(result);
                withDeals += result.Deals.Count > 0 ? 1 : 0;
                withErrors += result.IsComplete ? 0 : 1;
            },
            e => e is CsvImportException
        );
        Assert.True(
            refused > 0 && withErrors > 0 && withDeals > 0,
            $"{cases} cases: {refused} refused, {withErrors} with errors, {withDeals} with deals"
        );
    }

    private static void Check(CsvImportResult result)
    {
        foreach (var (file, counts) in new[] { ("deals", result.DealRows), ("history", result.HistoryRows) })
        {
            Assert.Equal(counts.Read, counts.Accepted + counts.Rejected);
            // Every rejected row has an error on its line, and no accepted row has one.
            Assert.Equal(counts.Rejected, result.Errors.Where(e => e.File == file).Select(e => e.Line).Distinct().LongCount());
        }
        Assert.Equal(result.DealRows.Accepted, result.Deals.Count);
        Assert.Equal(result.Deals.Count, result.Deals.Select(d => d.Id).Distinct().Count());
        Assert.Equal(result.IsComplete, result.Errors.Count == 0);
        Assert.True(result.IgnoredFields.Values.Sum() <= result.HistoryRows.Accepted);
    }

    // Also the damage of KindFuzzTests' files (leads, activities, payments, quotas).
    internal static byte[] Damage(string text, Random random)
    {
        for (var n = random.Next(0, 4); n > 0; n--)
        {
            var lines = text.Split('\n').ToList();
            var line = random.Next(lines.Count);
            switch (random.Next(8))
            {
                case 0:
                    text = text[..random.Next(text.Length + 1)];
                    break;
                case 1:
                    text = text.Insert(random.Next(text.Length + 1), "\"");
                    break;
                case 2:
                    var cells = lines[line].Split(',');
                    cells[random.Next(cells.Length)] = Garbage[random.Next(Garbage.Length)];
                    lines[line] = string.Join(',', cells);
                    text = string.Join('\n', lines);
                    break;
                case 3:
                    lines.Insert(line, lines[random.Next(lines.Count)]);
                    text = string.Join('\n', lines);
                    break;
                case 4:
                    lines.RemoveAt(line);
                    text = string.Join('\n', lines);
                    break;
                case 5:
                    text = text.Replace(
                        random.Next(2) == 0 ? "proposal" : "USD",
                        random.Next(2) == 0 ? "nowhere" : "Proposal",
                        StringComparison.Ordinal
                    );
                    break;
                case 6:
                    text = text.Replace(',', random.Next(2) == 0 ? ';' : '\t');
                    break;
                default:
                    var bytes = Encoding.UTF8.GetBytes(text).ToList();
                    bytes.InsertRange(
                        random.Next(bytes.Count + 1),
                        Enumerable.Range(0, random.Next(1, 5)).Select(_ => (byte)random.Next(256))
                    );
                    return [.. bytes];
            }
        }
        return Encoding.UTF8.GetBytes(text);
    }
}
