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

    private static JsonException ReadFails(string json) => Assert.ThrowsAny<JsonException>(() => Read(json));

    private static string Golden() => Documents.Golden.AssertMatches("pipeline-definition.json", Quickstart());

    [Fact]
    public void Quickstart_pipeline_matches_its_golden_file_and_reads_back_the_same()
    {
        var back = Read(Golden());
        PipelineAssert.Same(Quickstart(), back);
        Assert.Equal(Quickstart().ToMermaid(), back.ToMermaid());
    }

    [Fact]
    public void Probabilities_keep_their_written_scale()
    {
        var json = Golden();
        Assert.Contains("\"probability\": 0.10,", json, StringComparison.Ordinal);
        // 0.10m and 0.1m are equal decimals; the scale shows in the text, and the text is what a round trip keeps.
        Assert.Equal("0.10", Read(json).Stages[0].Probability.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_builder_rule_is_reported_at_its_field_with_the_builder_exception_inside()
    {
        var json = Golden().Replace("\"probability\": 0.50", "\"probability\": 1.5", StringComparison.Ordinal);
        var error = ReadFails(json);
        Assert.Equal("$.stages[2].probability", error.Path);
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
    [InlineData("\"name\": \"Proposal\"", "\"name\": \" \"", "$.stages[2].name")]
    [InlineData("\"id\": \"won\"", "\"id\": \" won\"", "$.stages[4].id")]
    [InlineData("\"rottingAfter\": \"336:00:00\"", "\"rottingAfter\": \"-24:00:00\"", "$.stages[2].rottingAfter")]
    [InlineData("\"name\": \"Default\"", "\"name\": \"\"", "$.name")]
    [InlineData("\"kind\": \"Lost\"", "\"kind\": \"Won\"", "$.stages[5].kind")]
    public void Each_builder_rule_names_the_field(string from, string to, string path)
    {
        var json = Golden();
        Assert.Contains(from, json, StringComparison.Ordinal);
        var error = ReadFails(json.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal(path, error.Path);
        Assert.IsType<PipelineDefinitionException>(error.InnerException);
    }

    [Theory]
    [InlineData("\"allowReopen\": true", "\"allowReopen\": true, \"alowSkipping\": true", "$.policies.alowSkipping", "unknown field")]
    [InlineData("\"allowReopen\": true,", "", "$.policies.allowReopen", "required field is missing")]
    [InlineData(
        "\"category\": \"Commit\",",
        "\"category\": \"Commit\", \"probability\": 0.2,",
        "$.stages[3].probability",
        "more than once"
    )]
    [InlineData("\"category\": \"BestCase\"", "\"category\": 2", "$.stages[2].category", "expected a string")]
    [InlineData("\"category\": \"BestCase\"", "\"category\": \"bestCase\"", "$.stages[2].category", "not a ForecastCategory")]
    [InlineData("\"probability\": 0.50", "\"probability\": \"0.50\"", "$.stages[2].probability", "expected a decimal")]
    [InlineData("\"rottingAfter\": \"336:00:00\"", "\"rottingAfter\": \"two weeks\"", "$.stages[2].rottingAfter", "not a valid Duration")]
    [InlineData("\"version\": 1", "\"version\": 2", "$.version", "reads version 1")]
    [InlineData("\"type\": \"PipelineDefinition\"", "\"type\": \"SalesOrg\"", "$.type", "expected the document type")]
    [InlineData(
        "\"question\": \"Is there a clear use case?\"",
        "\"question\": \"\"",
        "$.stages[1].exitCriteria[0].question",
        "must not be empty"
    )]
    [InlineData("\"kind\": \"Won\"", "\"kind\": \"Won\", \"probability\": 1", "$.stages[4].probability", "a Won stage has no")]
    public void Bad_json_names_the_path_and_the_rule(string from, string to, string path, string rule)
    {
        var json = Golden();
        Assert.Contains(from, json, StringComparison.Ordinal);
        var error = ReadFails(json.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_stage_after_won_is_refused_rather_than_reordered()
    {
        var json = """
            {"type":"PipelineDefinition","version":1,"name":"P",
             "policies":{"allowSkipping":false,"allowReopen":true,"requireExitCriteriaToWin":true},
             "stages":[{"id":"a","name":"A","kind":"Open","probability":0.1,"category":"Pipeline","exitCriteria":[],"rottingAfter":null},
                       {"id":"won","name":"Won","kind":"Won"},
                       {"id":"b","name":"B","kind":"Open","probability":0.5,"category":"Commit","exitCriteria":[],"rottingAfter":null},
                       {"id":"lost","name":"Lost","kind":"Lost"}]}
            """;
        Assert.Equal("$.stages[2].kind", ReadFails(json).Path);
    }

    [Fact]
    public void Several_problems_name_the_first_and_keep_all_in_the_inner_exception()
    {
        var json = Golden()
            .Replace("\"probability\": 0.50", "\"probability\": -0.5", StringComparison.Ordinal)
            .Replace("\"probability\": 0.80", "\"probability\": 8", StringComparison.Ordinal);
        var error = ReadFails(json);
        Assert.Equal("$.stages[2].probability", error.Path);
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
