using System.Text.Json;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Json;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests;

namespace SalesPipeline.Json.Tests.Documents;

public class PipelineDocumentTests
{
    // The quickstart's pipeline (docs/examples/quickstart.cs), with rotting thresholds on two stages and skipping
    // allowed, so that every field of the document has a value other than its default.
    internal static PipelineDefinition Quickstart() =>
        PipelineDefinition
            .CreateBuilder("Default")
            .Stage("Prospecting", probability: 0.10m, category: ForecastCategory.Pipeline, rottingAfter: Duration.FromDays(30))
            .Stage(
                "Qualified",
                0.20m,
                ForecastCategory.Pipeline,
                exitCriteria:
                [
                    new ExitCriterion("use-case", "Is there a clear use case?"),
                    new ExitCriterion("technical-fit", "Does the solution meet the technical requirements?"),
                    new ExitCriterion("budget", "Is the deal within the customer's budget?"),
                ]
            )
            .Stage("Proposal", 0.50m, ForecastCategory.BestCase, rottingAfter: Duration.FromDays(14))
            .Stage("Negotiation", 0.80m, ForecastCategory.Commit)
            .Won("Won")
            .Lost("Lost")
            .AllowSkipping()
            .Build();

    private static PipelineDefinition Read(string json) => JsonSerializer.Deserialize<PipelineDefinition>(json, SalesPipelineJson.Options)!;

    private static SalesPipelineJsonException ReadFails(string json) => Assert.Throws<SalesPipelineJsonException>(() => Read(json));

    private static string Golden() => GoldenFile.AssertMatches("pipeline-definition.json", Quickstart());

    [Fact]
    public void Quickstart_pipeline_matches_its_golden_file_and_reads_back_the_same()
    {
        var back = Read(Golden());
        PipelineAssert.Same(Quickstart(), back);
        Assert.Equal(Quickstart().ToMermaid(), back.ToMermaid());
    }

    // The quickstart's pipeline where sending a quote moves a deal to Proposal and accepting it wins the deal.
    private static PipelineDefinition WithQuoteStages() =>
        PipelineDefinition
            .CreateBuilder("Default")
            .Stage("Prospecting", probability: 0.10m, category: ForecastCategory.Pipeline)
            .Stage("Proposal", 0.50m, ForecastCategory.BestCase)
            .Stage("Contract", 0.90m, ForecastCategory.Commit)
            .Won("Won")
            .Lost("Lost")
            .QuoteStages(onSent: "proposal", onAccepted: "won")
            .Build();

    private static string QuoteGolden() => GoldenFile.AssertMatches("pipeline-definition.quote-stages.json", WithQuoteStages());

    [Fact]
    public void A_document_without_quote_stages_reads_as_none_and_is_written_again_byte_for_byte()
    {
        var json = Golden();
        Assert.DoesNotContain("quoteStages", json, StringComparison.Ordinal);
        var back = Read(json);
        Assert.Equal(QuoteStageMoves.None, back.QuoteStages);
        Assert.Equal(json, JsonSerializer.Serialize(back, GoldenFile.Indented) + "\n");
    }

    [Fact]
    public void Quote_stages_match_their_golden_file_and_read_back_exactly()
    {
        var json = QuoteGolden();
        Assert.Contains(
            "\"quoteStages\": {\n    \"onSent\": \"proposal\",\n    \"onAccepted\": \"won\"\n  }",
            json,
            StringComparison.Ordinal
        );
        var back = Read(json);
        Assert.Equal(new QuoteStageMoves("proposal", "won"), back.QuoteStages);
        PipelineAssert.Same(WithQuoteStages(), back);
        Assert.Equal(json, JsonSerializer.Serialize(back, GoldenFile.Indented) + "\n");
    }

    [Fact]
    public void Only_one_quote_move_is_written_and_read_as_such()
    {
        var json = QuoteGolden().Replace("\"onSent\": \"proposal\",", "", StringComparison.Ordinal);
        var back = Read(json);
        Assert.Equal(new QuoteStageMoves(null, "won"), back.QuoteStages);
        Assert.DoesNotContain("onSent", JsonSerializer.Serialize(back, SalesPipelineJson.Options), StringComparison.Ordinal);
    }

    [Theory]
    // Each QuoteStages rule of the builder, broken once, at the member it is about, with the builder's exception inside.
    [InlineData("\"onSent\": \"proposal\"", "\"onSent\": \"quote-issued\"", "$.quoteStages.onSent", "not a stage id of the pipeline")]
    [InlineData("\"onSent\": \"proposal\"", "\"onSent\": \"won\"", "$.quoteStages.onSent", "is the Won stage")]
    [InlineData("\"onAccepted\": \"won\"", "\"onAccepted\": \"signed\"", "$.quoteStages.onAccepted", "not a stage id of the pipeline")]
    [InlineData("\"onAccepted\": \"won\"", "\"onAccepted\": \"lost\"", "$.quoteStages.onAccepted", "is the Lost stage")]
    [InlineData("\"onAccepted\": \"won\"", "\"onAccepted\": \"prospecting\"", "$.quoteStages.onAccepted", "is not after on-sent stage")]
    public void A_quote_stage_the_builder_refuses_is_named_at_its_member(string from, string to, string path, string rule)
    {
        var json = QuoteGolden();
        Assert.Contains(from, json, StringComparison.Ordinal);
        var error = ReadFails(json.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal(path, error.FullPath);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        var inner = Assert.IsType<PipelineDefinitionException>(error.InnerException);
        Assert.Single(inner.Problems);
    }

    [Theory]
    [InlineData("\"onSent\": \"proposal\"", "\"onsent\": \"proposal\"", "$.quoteStages.onsent", "has no field")]
    [InlineData("\"onSent\": \"proposal\"", "\"onSent\": \" \"", "$.quoteStages.onSent", "is blank")]
    [InlineData("\"onSent\": \"proposal\"", "\"onSent\": 2", "$.quoteStages.onSent", "Expected")]
    [InlineData("\"onSent\": \"proposal\",", "\"onSent\": null,", "$.quoteStages.onSent", "")]
    public void Bad_quote_stage_members_name_the_path(string from, string to, string path, string rule)
    {
        var json = QuoteGolden().Replace(from, to, StringComparison.Ordinal);
        if (rule.Length == 0)
        {
            // null is the same as absent for an optional member.
            Assert.Equal(new QuoteStageMoves(null, "won"), Read(json).QuoteStages);
            return;
        }
        var error = ReadFails(json);
        Assert.Equal(path, error.FullPath);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_quote_stages_are_refused_rather_than_read_as_none()
    {
        var json = QuoteGolden()
            .Replace("\"onSent\": \"proposal\",", "", StringComparison.Ordinal)
            .Replace("\"onAccepted\": \"won\"", "", StringComparison.Ordinal);
        var error = ReadFails(json);
        Assert.Equal("$.quoteStages", error.FullPath);
        Assert.Contains("names neither onSent nor onAccepted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probabilities_keep_their_written_scale()
    {
        var json = Golden();
        Assert.Contains("\"probability\": \"0.10\",", json, StringComparison.Ordinal);
        // 0.10m and 0.1m are equal decimals; the scale shows in the text, and the text is what a round trip keeps.
        Assert.Equal("0.10", Read(json).Stages[0].Probability.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_builder_rule_is_reported_at_its_field_with_the_builder_exception_inside()
    {
        var json = Golden().Replace("\"probability\": \"0.50\"", "\"probability\": \"1.5\"", StringComparison.Ordinal);
        var error = ReadFails(json);
        Assert.Equal("$.stages[2].probability", error.FullPath);
        Assert.StartsWith("$.stages[2].probability: Stage \"Proposal\" has probability 1.5;", error.Message, StringComparison.Ordinal);
        var inner = Assert.IsType<PipelineDefinitionException>(error.InnerException);
        Assert.Single(inner.Problems);
    }

    [Theory]
    // Each builder rule, broken once, at the field the problem is about.
    [InlineData("\"category\": \"Commit\"", "\"category\": \"Closed\"", "$.stages[3].category")]
    [InlineData("\"id\": \"budget\"", "\"id\": \"use-case\"", "$.stages[1].exitCriteria[2].id")]
    [InlineData("\"id\": \"negotiation\"", "\"id\": \"proposal\"", "$.stages[3].id")]
    [InlineData("\"name\": \"Negotiation\"", "\"name\": \"PROPOSAL\"", "$.stages[3].name")]
    [InlineData("\"id\": \"won\"", "\"id\": \" won\"", "$.stages[4].id")]
    [InlineData("\"rottingAfter\": \"336:00:00\"", "\"rottingAfter\": \"-24:00:00\"", "$.stages[2].rottingAfter")]
    [InlineData("\"kind\": \"Lost\"", "\"kind\": \"Won\"", "$.stages[5].kind")]
    public void Each_builder_rule_names_the_field(string from, string to, string path)
    {
        var json = Golden();
        Assert.Contains(from, json, StringComparison.Ordinal);
        var error = ReadFails(json.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal(path, error.FullPath);
        Assert.IsType<PipelineDefinitionException>(error.InnerException);
    }

    [Theory]
    [InlineData("\"allowReopen\": true", "\"allowReopen\": true, \"alowSkipping\": true", "$.policies.alowSkipping", "has no field")]
    [InlineData("\"allowReopen\": true,", "", "$.policies.allowReopen", "is missing")]
    [InlineData(
        "\"category\": \"Commit\",",
        "\"category\": \"Commit\", \"probability\": \"0.2\",",
        "$.stages[3].probability",
        "given twice"
    )]
    [InlineData("\"category\": \"BestCase\"", "\"category\": 2", "$.stages[2].category", "the name of a ForecastCategory")]
    [InlineData("\"category\": \"BestCase\"", "\"category\": \"bestCase\"", "$.stages[2].category", "is not a ForecastCategory")]
    [InlineData("\"probability\": \"0.50\"", "\"probability\": 0.50", "$.stages[2].probability", "exact decimal in a string")]
    [InlineData("\"rottingAfter\": \"336:00:00\"", "\"rottingAfter\": \"two weeks\"", "$.stages[2].rottingAfter", "is not a duration")]
    [InlineData("\"version\": 1", "\"version\": 2", "$.version", "newer than this package reads")]
    [InlineData("\"type\": \"PipelineDefinition\"", "\"type\": \"Pipeline\"", "$.type", "Unknown document type")]
    [InlineData("\"question\": \"Is there a clear use case?\"", "\"question\": \"\"", "$.stages[1].exitCriteria[0].question", "is blank")]
    [InlineData("\"name\": \"Default\"", "\"name\": \" \"", "$.name", "is blank")]
    [InlineData("\"kind\": \"Won\"", "\"kind\": \"Won\", \"probability\": \"1\"", "$.stages[4].probability", "Won has no field")]
    [InlineData("\"kind\": \"Won\"", "\"kind\": \"Closed\"", "$.stages[4].kind", "Unknown stage kind")]
    public void Bad_json_names_the_path_and_the_rule(string from, string to, string path, string rule)
    {
        var json = Golden();
        Assert.Contains(from, json, StringComparison.Ordinal);
        var error = ReadFails(json.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal(path, error.FullPath);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_stage_after_won_is_refused_rather_than_reordered()
    {
        var json = """
            {"type":"PipelineDefinition","version":1,"name":"P",
             "policies":{"allowSkipping":false,"allowReopen":true,"requireExitCriteriaToWin":true},
             "stages":[{"kind":"Open","id":"a","name":"A","probability":"0.1","category":"Pipeline","exitCriteria":[]},
                       {"kind":"Won","id":"won","name":"Won"},
                       {"kind":"Open","id":"b","name":"B","probability":"0.5","category":"Commit","exitCriteria":[]},
                       {"kind":"Lost","id":"lost","name":"Lost"}]}
            """;
        Assert.Equal("$.stages[2].kind", ReadFails(json).FullPath);
    }

    [Fact]
    public void Several_problems_name_the_first_and_keep_all_in_the_inner_exception()
    {
        var json = Golden()
            .Replace("\"probability\": \"0.50\"", "\"probability\": \"-0.5\"", StringComparison.Ordinal)
            .Replace("\"probability\": \"0.80\"", "\"probability\": \"8\"", StringComparison.Ordinal);
        var error = ReadFails(json);
        Assert.Equal("$.stages[2].probability", error.FullPath);
        Assert.Contains("(1 more problem: the InnerException lists every one.)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Assert.IsType<PipelineDefinitionException>(error.InnerException).Problems.Count);
    }

    [Fact]
    public void Generated_definitions_read_back_with_the_same_stages_criteria_and_policies() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DocumentGenerators.Pipelines.ToArbitrary(),
                pipeline =>
                {
                    var back = Read(JsonSerializer.Serialize(pipeline, SalesPipelineJson.Options));
                    PipelineAssert.Same(pipeline, back);
                    // Written again, the definition gives the same text: nothing was lost or added on the way.
                    Assert.Equal(
                        JsonSerializer.Serialize(pipeline, SalesPipelineJson.Options),
                        JsonSerializer.Serialize(back, SalesPipelineJson.Options)
                    );
                }
            )
        );
}
