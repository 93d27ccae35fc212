using System.IO;
using System.Text;
using SalesPipeline.Json.Events;
using SalesPipeline.Json.Tests.Documents;
using SalesPipeline.Json.Values;
using SalesPipeline.Json.Wire;

namespace SalesPipeline.Json.Tests.Docs;

// docs/json.md shows a table per type (field, JSON type, required); this test makes the tables from the converters'
// own field tables, so the page cannot drift from the code.
public class WireFormatDocsTests
{
    [Fact]
    public void The_tables_of_docs_json_md_match_the_field_tables()
    {
        var page = File.ReadAllText(DocsPath()).ReplaceLineEndings("\n");
        var missing = Tables().Where(t => !page.Contains(t.Table, StringComparison.Ordinal)).ToArray();
        Assert.True(
            missing.Length == 0,
            "docs/json.md lacks or differs in:\n\n" + string.Join("\n", missing.Select(t => $"#### {t.Name}\n\n{t.Table}"))
        );
    }

    private static IEnumerable<(string Name, string Table)> Tables() =>
        Family(ValueCodecs.Money)
            .Concat(Family(ValueCodecs.DateInterval))
            .Concat(Family(ValueCodecs.FiscalPeriod))
            .Concat(Family(ValueCodecs.Customer))
            .Concat(Family(DealEventCodec.Instance))
            .Concat(Family(LeadEventCodec.Instance))
            .Concat(Family(QuoteEventCodec.Instance))
            .Concat(Family(QuoteCodecs.Content))
            .Concat(Family(QuoteCodecs.Line))
            .Concat(Family(QuoteCodecs.Discount))
            .Concat(Family(QuoteCodecs.Triggered))
            .Concat(Family(QuoteCodecs.Required))
            .Concat(Family(QuoteCodecs.Approver))
            .Concat(Family(QuoteCodecs.Rule))
            .Concat(Family(CollectionEntryCodec.Instance))
            .Concat(Family(ScheduleCodecs.CollectionSchedule))
            .Concat(Family(ScheduleCodecs.PaymentTerms))
            .Concat(Family(ScheduleCodecs.TermsLine))
            .Concat(Family(ScheduleCodecs.DueRule))
            .Concat(Family(ScheduleCodecs.ContractInfo));

    private static IEnumerable<(string, string)> Family<T>(ShapeCodec<T> codec)
        where T : class
    {
        foreach (var shape in codec.Shapes)
        {
            var sb = new StringBuilder();
            sb.Append("| field | JSON type | required |\n|---|---|---|\n");
            if (codec.Discriminator is { } d)
            {
                sb.Append($"| `{d}` | string: `\"{shape.Name}\"` | yes |\n");
            }
            if (codec.Versioned)
            {
                sb.Append($"| `version` | number: {(shape.Version == 1 ? "1" : $"1 to {shape.Version}")} | yes |\n");
            }
            foreach (var f in shape.Fields)
            {
                sb.Append($"| `{f.Name}` | {f.JsonType} | {(f.IsRequired ? "yes" : "no")} |\n");
            }
            yield return (shape.Name, sb.ToString());
        }
    }

    // Found from the test binaries (GoldenFile.PathOf), not the compile-time source path, which CI builds map to /_/.
    private static string DocsPath() =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(GoldenFile.PathOf("x"))!, "..", "..", "..", "docs", "json.md"));
}
