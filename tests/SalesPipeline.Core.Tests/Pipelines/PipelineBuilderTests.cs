using NodaTime;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Pipelines;

public sealed class PipelineBuilderTests
{
    private static PipelineDefinition Enterprise() =>
        PipelineDefinition
            .CreateBuilder("Enterprise")
            .Stage("Needs Analysis", 0.15m)
            .Stage(
                "Quote",
                0.40m,
                ForecastCategory.BestCase,
                exitCriteria: [new ExitCriterion("price-ok", "Is the price agreed?"), "signer-known"],
                id: "q1",
                rottingAfter: Duration.FromDays(14)
            )
            .Stage("Contract Sent", 0.90m, ForecastCategory.Commit)
            .Won("Closed Won")
            .Lost("Closed Lost", id: "dead")
            .Build();

    [Fact]
    public void Build_ValidCustomPipeline_KeepsNamesOrderIdsAndDefaultPolicies()
    {
        var p = Enterprise();

        Assert.Equal("Enterprise", p.Name);
        Assert.Equal(["Needs Analysis", "Quote", "Contract Sent", "Closed Won", "Closed Lost"], p.Stages.Select(s => s.Name));
        Assert.Equal([0, 1, 2, 3, 4], p.Stages.Select(s => s.Index));
        Assert.Equal(["needs-analysis", "q1", "contract-sent", "closed-won", "dead"], p.Stages.Select(s => s.Id));
        Assert.Equal(["needs-analysis", "q1", "contract-sent"], p.OpenStages.Select(s => s.Id));
        Assert.Equal("needs-analysis", p.FirstOpenStage.Id);
        Assert.Equal("closed-won", p.WonStage.Id);
        Assert.Equal("dead", p.LostStage.Id);
        Assert.Equal(new PipelinePolicies(AllowSkipping: false, AllowReopen: true, RequireExitCriteriaToWin: true), p.Policies);
    }

    [Fact]
    public void Build_ValidCustomPipeline_OpenStagesKeepProbabilityCategoryCriteriaAndRotting()
    {
        var p = Enterprise();
        var quote = p.GetStage("q1");

        Assert.Equal(StageKind.Open, quote.Kind);
        Assert.True(quote.IsOpen);
        Assert.False(quote.IsClosed);
        Assert.Equal(0.40m, quote.Probability);
        Assert.Equal(ForecastCategory.BestCase, quote.Category);
        Assert.Equal(Duration.FromDays(14), quote.RottingAfter);
        Assert.Equal(["price-ok", "signer-known"], quote.ExitCriteria.Select(c => c.Id));
        Assert.Equal("Is the price agreed?", quote.ExitCriteria[0].Question);
        Assert.Equal("signer-known", quote.ExitCriteria[1].Question);

        var first = p.GetStage("needs-analysis");
        Assert.Equal(0.15m, first.Probability);
        Assert.Equal(ForecastCategory.Pipeline, first.Category);
        Assert.Empty(first.ExitCriteria);
        Assert.Null(first.RottingAfter);
        Assert.Equal(["price-ok", "signer-known"], p.ExitCriteria.Select(c => c.Id));
    }

    [Fact]
    public void Build_TerminalStages_WonIsOneAndClosedLostIsZeroAndOmitted()
    {
        var p = Enterprise();
        var won = p.WonStage;
        var lost = p.LostStage;

        Assert.Equal(StageKind.Won, won.Kind);
        Assert.True(won.IsClosed);
        Assert.Equal(1m, won.Probability);
        Assert.Equal(ForecastCategory.Closed, won.Category);
        Assert.Equal(3, won.Index);
        Assert.Empty(won.ExitCriteria);
        Assert.Null(won.RottingAfter);

        Assert.Equal(StageKind.Lost, lost.Kind);
        Assert.True(lost.IsClosed);
        Assert.Equal(0m, lost.Probability);
        Assert.Equal(ForecastCategory.Omitted, lost.Category);
        Assert.Equal(4, lost.Index);
        Assert.Empty(lost.ExitCriteria);
    }

    [Theory]
    [InlineData("Needs Analysis", "needs-analysis")]
    [InlineData("Closed Won", "closed-won")]
    [InlineData("  Follow-up / Call  ", "follow-up-call")]
    [InlineData("(Re)Discovery", "re-discovery")]
    public void Stage_NoExplicitId_DerivesLowerCaseHyphenatedId(string name, string expectedId)
    {
        var p = PipelineDefinition.CreateBuilder("P").Stage(name, 0.5m).Won("Won").Lost("Lost").Build();

        Assert.Equal(expectedId, p.FirstOpenStage.Id);
        Assert.Equal(name, p.FirstOpenStage.Name);
    }

    [Fact]
    public void Build_BoundaryProbabilitiesZeroAndOne_AreAccepted()
    {
        var p = PipelineDefinition
            .CreateBuilder("P")
            .Stage("Cold", 0m)
            .Stage("Signed", 1m, ForecastCategory.Commit)
            .Won("Won")
            .Lost("Lost")
            .Build();

        Assert.Equal([0m, 1m], p.OpenStages.Select(s => s.Probability));
    }

    [Fact]
    public void WithPolicies_GivenPolicies_AreUsed()
    {
        var policies = new PipelinePolicies(AllowSkipping: true, AllowReopen: false, RequireExitCriteriaToWin: false);

        var p = PipelineDefinition.CreateBuilder("P").Stage("A", 0.5m).Won("Won").Lost("Lost").WithPolicies(policies).Build();

        Assert.True(p.Policies.AllowSkipping);
        Assert.False(p.Policies.AllowReopen);
        Assert.False(p.Policies.RequireExitCriteriaToWin);
    }

    [Fact]
    public void FluentPolicies_EachCall_ChangesOnlyItsOwnPolicy()
    {
        var skipping = PipelineDefinition.CreateBuilder("P").Stage("A", 0.5m).Won("Won").Lost("Lost").AllowSkipping().Build();
        var noReopen = PipelineDefinition.CreateBuilder("P").Stage("A", 0.5m).Won("Won").Lost("Lost").AllowReopen(false).Build();
        var freeWin = PipelineDefinition
            .CreateBuilder("P")
            .Stage("A", 0.5m)
            .Won("Won")
            .Lost("Lost")
            .RequireExitCriteriaToWin(false)
            .Build();

        Assert.Equal(new PipelinePolicies(true, true, true), skipping.Policies);
        Assert.Equal(new PipelinePolicies(false, false, true), noReopen.Policies);
        Assert.Equal(new PipelinePolicies(false, true, false), freeWin.Policies);
    }

    [Fact]
    public void FluentPolicies_AfterWithPolicies_OverrideOnlyTheNamedPolicy()
    {
        var p = PipelineDefinition
            .CreateBuilder("P")
            .Stage("A", 0.5m)
            .Won("Won")
            .Lost("Lost")
            .WithPolicies(new PipelinePolicies(AllowSkipping: true, AllowReopen: false, RequireExitCriteriaToWin: false))
            .AllowSkipping(false)
            .AllowReopen()
            .Build();

        Assert.Equal(new PipelinePolicies(AllowSkipping: false, AllowReopen: true, RequireExitCriteriaToWin: false), p.Policies);
    }

    [Fact]
    public void WithPolicies_Null_ThrowsArgumentNullException()
    {
        var builder = PipelineDefinition.CreateBuilder("P");

        var ex = Assert.Throws<ArgumentNullException>(() => builder.WithPolicies(null!));

        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void Build_ManyProblems_ReportsEveryProblemAtOnce()
    {
        var builder = PipelineDefinition
            .CreateBuilder("Broken")
            .Stage("Discovery", 0.1m, id: "disc")
            .Stage("Demo", 0.2m, id: "disc")
            .Stage("Proposal", 1.5m)
            .Stage("PROPOSAL", -0.1m, id: "proposal-2")
            .Stage("Negotiation", 0.8m, ForecastCategory.Closed)
            .Stage("Review", 0.5m, exitCriteria: ["budget"])
            .Stage("Legal", 0.6m, exitCriteria: ["budget"], rottingAfter: Duration.Zero)
            .Stage("Signature", 0.9m, rottingAfter: Duration.FromDays(-1))
            .Stage("   ", 0.3m)
            .Stage("???", 0.3m)
            .Lost("Lost")
            .Lost("Dropped");

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);
        var problems = ex.Problems;

        Assert.Equal("Broken", ex.PipelineName);
        Assert.Equal(12, problems.Count);
        Assert.Single(problems, p => p.Contains("stage id", StringComparison.Ordinal) && p.Contains("\"disc\"", StringComparison.Ordinal));
        Assert.Single(problems, p => p.Contains("Proposal", StringComparison.Ordinal) && p.Contains("1.5", StringComparison.Ordinal));
        Assert.Single(problems, p => p.Contains("PROPOSAL", StringComparison.Ordinal) && p.Contains("-0.1", StringComparison.Ordinal));
        Assert.Single(
            problems,
            p => p.Contains("stage name", StringComparison.Ordinal) && p.Contains("\"proposal\"", StringComparison.OrdinalIgnoreCase)
        );
        Assert.Single(problems, p => p.Contains("Negotiation", StringComparison.Ordinal) && p.Contains("Closed", StringComparison.Ordinal));
        Assert.Single(
            problems,
            p =>
                p.Contains("\"budget\"", StringComparison.Ordinal)
                && p.Contains("Review", StringComparison.Ordinal)
                && p.Contains("Legal", StringComparison.Ordinal)
        );
        Assert.Single(problems, p => p.Contains("Legal", StringComparison.Ordinal) && p.Contains("rotting", StringComparison.Ordinal));
        Assert.Single(problems, p => p.Contains("Signature", StringComparison.Ordinal) && p.Contains("rotting", StringComparison.Ordinal));
        Assert.Single(problems, p => p.Contains("stage 9", StringComparison.Ordinal) && p.Contains("no name", StringComparison.Ordinal));
        Assert.Single(
            problems,
            p => p.Contains("\"???\"", StringComparison.Ordinal) && p.Contains("letters or digits", StringComparison.Ordinal)
        );
        Assert.Single(problems, p => p.StartsWith("A pipeline", StringComparison.Ordinal) && p.Contains("Won", StringComparison.Ordinal));
        Assert.Single(
            problems,
            p =>
                p.StartsWith("A pipeline", StringComparison.Ordinal)
                && p.Contains("Lost", StringComparison.Ordinal)
                && p.Contains('2', StringComparison.Ordinal)
        );
        Assert.Contains("12 problems", ex.Message, StringComparison.Ordinal);
        Assert.All(problems, p => Assert.Contains(p, ex.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NoOpenStage_ReportsOneProblem()
    {
        var builder = PipelineDefinition.CreateBuilder("Empty").Won("Won").Lost("Lost");

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("open stage", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EmptyPipelineName_ReportsOneProblem()
    {
        const string name = "   ";
        var builder = PipelineDefinition.CreateBuilder(name).Stage("A", 0.5m).Won("Won").Lost("Lost");

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("pipeline name", problem, StringComparison.Ordinal);
        Assert.Equal(name, ex.PipelineName);
    }

    [Fact]
    public void Build_NoWonAndNoLost_ReportsBothMissing()
    {
        var builder = PipelineDefinition.CreateBuilder("P").Stage("A", 0.5m);

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);

        Assert.Equal(2, ex.Problems.Count);
        Assert.Single(ex.Problems, p => p.Contains("Won", StringComparison.Ordinal));
        Assert.Single(ex.Problems, p => p.Contains("Lost", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded")]
    public void Build_ExplicitIdBlankOrPadded_ReportsTheId(string id)
    {
        var builder = PipelineDefinition.CreateBuilder("P").Stage("A", 0.5m, id: id).Won("Won").Lost("Lost");

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);

        var problem = Assert.Single(ex.Problems);
        Assert.Contains($"\"{id}\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WonAndOpenStageShareDerivedId_ReportsDuplicateIdAndName()
    {
        var builder = PipelineDefinition.CreateBuilder("P").Stage("Won", 0.5m).Won("Won").Lost("Lost");

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);

        Assert.Equal(2, ex.Problems.Count);
        Assert.Single(ex.Problems, p => p.Contains("stage id \"won\"", StringComparison.Ordinal));
        Assert.Single(ex.Problems, p => p.Contains("stage name \"Won\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_UndefinedCategory_ReportsIt()
    {
        var builder = PipelineDefinition.CreateBuilder("P").Stage("A", 0.5m, (ForecastCategory)42).Won("Won").Lost("Lost");

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("42", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NullExitCriterion_IsReportedByStageAndPosition()
    {
        var builder = PipelineDefinition
            .CreateBuilder("P")
            .Stage("Review", 0.5m, exitCriteria: new ExitCriterion[] { "budget", null! })
            .Won("Won")
            .Lost("Lost");

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);

        Assert.Equal("Stage \"Review\": exit criterion 1 is null.", Assert.Single(ex.Problems));
    }

    // Each repeat is reported against the stage that first used the id, not against the previous repeat.
    [Fact]
    public void Build_ExitCriterionIdInThreeStages_ReportsEachRepeatAgainstTheFirstUse()
    {
        var builder = PipelineDefinition
            .CreateBuilder("P")
            .Stage("A", 0.2m, exitCriteria: ["budget"])
            .Stage("B", 0.4m, exitCriteria: ["budget"])
            .Stage("C", 0.6m, exitCriteria: ["budget"])
            .Won("Won")
            .Lost("Lost");

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);

        Assert.Equal(
            [
                "Exit criterion id \"budget\" is used more than once (in Stage \"A\" and Stage \"B\"); ids must be unique across the pipeline.",
                "Exit criterion id \"budget\" is used more than once (in Stage \"A\" and Stage \"C\"); ids must be unique across the pipeline.",
            ],
            ex.Problems
        );
    }

    // A stage without a name is reported once, by its position; it is not also a repeated name of another nameless stage.
    [Fact]
    public void Build_TwoStagesWithoutNames_AreEachReportedOnceByPosition()
    {
        var builder = PipelineDefinition.CreateBuilder("P").Stage(null!, 0.2m, id: "a").Stage(null!, 0.4m, id: "b").Won("Won").Lost("Lost");

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);

        Assert.Equal(
            [
                "Open stage 1 has no name; every stage needs a display name (one with a visible character).",
                "Open stage 2 has no name; every stage needs a display name (one with a visible character).",
            ],
            ex.Problems
        );
    }

    [Fact]
    public void Build_WonAndLostNamesWithoutLettersOrDigits_AreReportedAsTheWonAndLostStage()
    {
        var builder = PipelineDefinition.CreateBuilder("P").Stage("A", 0.5m).Won("???").Lost("!!!");

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);

        Assert.Equal(
            [
                "Won stage \"???\" has no letters or digits to derive an id from; pass id: explicitly.",
                "Lost stage \"!!!\" has no letters or digits to derive an id from; pass id: explicitly.",
            ],
            ex.Problems
        );
    }

    // A stage whose id could not be derived is reported for that alone: its missing id is not compared with the
    // other ids. An id of only an invisible character folds to "" too, and is reported for its invisible character.
    [Fact]
    public void Build_StageWithoutAnId_IsLeftOutOfTheLookAlikeChecks()
    {
        var builder = PipelineDefinition.CreateBuilder("P").Stage("???", 0.2m).Stage("Demo", 0.4m, id: "\u200B").Won("Won").Lost("Lost");

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);

        Assert.Equal(2, ex.Problems.Count);
        Assert.Equal("Stage \"???\" has no letters or digits to derive an id from; pass id: explicitly.", ex.Problems[0]);
        Assert.StartsWith("The stage id \"<U+200B>\" contains ", ex.Problems[1], StringComparison.Ordinal);
        Assert.DoesNotContain(ex.Problems, p => p.Contains("\"\"", StringComparison.Ordinal));
    }

    // Likewise a blank name is reported as missing and not compared with the other names, even with one that folds to "".
    [Fact]
    public void Build_BlankStageName_IsLeftOutOfTheLookAlikeChecks()
    {
        var builder = PipelineDefinition
            .CreateBuilder("P")
            .Stage("  ", 0.2m, id: "a")
            .Stage("\u200B", 0.4m, id: "b")
            .Won("Won")
            .Lost("Lost");

        var ex = Assert.Throws<PipelineDefinitionException>(builder.Build);

        Assert.Contains("Open stage 1 has no name; every stage needs a display name (one with a visible character).", ex.Problems);
        // A name made only of a zero-width space (U+200B, not white space to .NET) displays as nothing: no name either.
        Assert.Contains("Open stage 2 has no name; every stage needs a display name (one with a visible character).", ex.Problems);
        Assert.DoesNotContain(ex.Problems, p => p.Contains("\"\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_BuilderReusedAfterBuild_DoesNotChangeTheBuiltDefinition()
    {
        var builder = PipelineDefinition.CreateBuilder("P").Stage("A", 0.5m, exitCriteria: ["x"]).Won("Won").Lost("Lost");
        var first = builder.Build();

        builder.Stage("B", 0.7m).AllowSkipping().AllowReopen(false);
        var second = builder.Build();

        Assert.Equal(["a", "won", "lost"], first.Stages.Select(s => s.Id));
        Assert.Equal(PipelinePolicies.Default, first.Policies);
        Assert.Equal(["a", "b", "won", "lost"], second.Stages.Select(s => s.Id));
        Assert.Equal(new PipelinePolicies(true, false, true), second.Policies);
        Assert.Equal(["x"], first.ExitCriteria.Select(c => c.Id));
    }

    [Fact]
    public void Stage_CriteriaListMutatedAfterwards_DoesNotChangeTheDefinition()
    {
        var criteria = new List<ExitCriterion> { "budget" };
        var builder = PipelineDefinition.CreateBuilder("P").Stage("A", 0.5m, exitCriteria: criteria).Won("Won").Lost("Lost");
        criteria.Add("late");

        var p = builder.Build();

        Assert.Equal(["budget"], p.ExitCriteria.Select(c => c.Id));
    }
}
