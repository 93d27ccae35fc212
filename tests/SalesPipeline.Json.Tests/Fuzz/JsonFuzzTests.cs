using System.IO;
using System.Text;
using System.Text.Json;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Json.Tests.Documents;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Quotes;
using SalesPipeline.Tests.Fuzz;

namespace SalesPipeline.Json.Tests.Fuzz;

// The golden files, damaged at random (cut short, a character dropped or added, a value replaced by another JSON value,
// a field renamed or doubled), read as what they hold: the reader either gives a value or throws JsonException (the
// package's SalesPipelineJsonException, or System.Text.Json's own for text that is not JSON); nothing else escapes.
public sealed class JsonFuzzTests
{
    private static readonly (string File, Type Type)[] Targets =
    [
        .. Directory
            .GetFiles(Path.GetDirectoryName(GoldenFile.PathOf("x"))!, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n!.StartsWith("result-", StringComparison.Ordinal))
            .Select(n => (n!, TypeOf(n!))),
    ];

    private static readonly string[] Values =
    [
        "null",
        "true",
        "0",
        "-1",
        "1e400",
        "12345678901234567890123456789012",
        "\"\"",
        "\" \"",
        "\"x\"",
        "[]",
        "{}",
        "\"2026-02-30\"",
        "\"2026-03-01T25:00:00Z\"",
        "\"9999-12-31T23:59:59.999999999Z\"",
        "\"-0001-01-01\"",
        "\"\\u0000\"",
        "\"Ｐｒｏｐｏｓａｌ\"",
        "{\"amount\":\"1e3\",\"currency\":\"USD\"}",
        "{\"amount\":\"79228162514264337593543950336\",\"currency\":\"USD\"}",
        "\"100000000000000000000\"",
        "2147483648",
        "\"NaN\"",
    ];

    private const string Noise = "{}[]\",:\\0 é\u0001";

    // A variant's file ("DealCreated.pooled") holds its type's document.
    private static Type TypeOf(string file) =>
        file.Split('.')[0] switch
        {
            "CollectionSchedule" => typeof(CollectionSchedule),
            "pipeline-definition" => typeof(PipelineDefinition),
            "sales-org" => typeof(SalesOrg),
            "quote-history" => typeof(List<QuoteEvent>),
            var name when typeof(DealEvent).Assembly.GetTypes().FirstOrDefault(t => t.Name == name) is { } t => t,
            _ => throw new InvalidOperationException($"No type for golden file {file}."),
        } switch
        {
            var t when typeof(DealEvent).IsAssignableFrom(t) => typeof(DealEvent),
            var t when typeof(LeadEvent).IsAssignableFrom(t) => typeof(LeadEvent),
            var t when typeof(QuoteEvent).IsAssignableFrom(t) => typeof(QuoteEvent),
            var t when typeof(CollectionEntry).IsAssignableFrom(t) => typeof(CollectionEntry),
            var t => t,
        };

    private static string Damage(string json, Random random)
    {
        var text = new StringBuilder(json);
        for (var d = random.Next(1, 4); d > 0 && text.Length > 0; d--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0:
                    text.Length = at;
                    break;
                case 1:
                    text.Remove(at, 1);
                    break;
                case 2:
                    text.Insert(at, Noise[random.Next(Noise.Length)]);
                    break;
                case 3:
                    // Replace the value after a colon with another JSON value.
                    var colon = text.ToString().IndexOf(':', at);
                    if (colon >= 0)
                    {
                        var s = text.ToString();
                        var end = colon + 1;
                        var depth = 0;
                        var inString = false;
                        while (end < s.Length && (depth > 0 || inString || (s[end] != ',' && s[end] != '}')))
                        {
                            inString ^= s[end] == '"' && s[end - 1] != '\\';
                            depth +=
                                inString ? 0
                                : s[end] is '{' or '[' ? 1
                                : s[end] is '}' or ']' ? -1
                                : 0;
                            end++;
                        }
                        text.Remove(colon + 1, end - colon - 1).Insert(colon + 1, Values[random.Next(Values.Length)]);
                    }
                    break;
                default:
                    // A field doubled: the first property repeated at the start of the object.
                    var first = text.ToString().IndexOf('"', StringComparison.Ordinal);
                    var comma = first < 0 ? -1 : text.ToString().IndexOf(',', first);
                    if (comma > first)
                    {
                        text.Insert(first, text.ToString(first, comma - first + 1));
                    }
                    break;
            }
        }
        return text.ToString();
    }

    [Fact]
    public void Damaged_golden_files_read_or_fail_with_a_JsonException()
    {
        Assert.True(Targets.Length >= 30, $"Only {Targets.Length} golden files found.");
        var (cases, refused) = Fuzzer.Run(
            random =>
            {
                var (file, type) = Targets[random.Next(Targets.Length)];
                return file + ": " + Damage(File.ReadAllText(GoldenFile.PathOf(file + ".json")), random);
            },
            (input, _) =>
            {
                var file = input[..input.IndexOf(':', StringComparison.Ordinal)];
                var type = Targets.First(t => t.File == file).Type;
                JsonSerializer.Deserialize(input[(file.Length + 2)..], type, SalesPipelineJson.Options);
            },
            e => e is JsonException
        );
        Assert.InRange(refused, 1, cases - 1);
    }
}
