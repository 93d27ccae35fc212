using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Pipelines;

public sealed class PipelineDefinitionTests
{
    private static readonly PipelineDefinition Default = PipelineDefinition.Default;

    [Fact]
    public void Default_Stages_AreTheDocumentedSixInOrder()
    {
        Assert.Equal("Default", Default.Name);
        Assert.Equal(["Prospecting", "Qualified", "Proposal", "Negotiation", "Won", "Lost"], Default.Stages.Select(s => s.Name));
        Assert.Equal(["prospecting", "qualified", "proposal", "negotiation", "won", "lost"], Default.Stages.Select(s => s.Id));
        Assert.Equal([0, 1, 2, 3, 4, 5], Default.Stages.Select(s => s.Index));
        Assert.Equal(
            [StageKind.Open, StageKind.Open, StageKind.Open, StageKind.Open, StageKind.Won, StageKind.Lost],
            Default.Stages.Select(s => s.Kind)
        );
    }

    [Fact]
    public void Default_ProbabilitiesAndCategories_AreTheDocumentedOnes()
    {
        Assert.Equal([0.10m, 0.20m, 0.50m, 0.80m, 1m, 0m], Default.Stages.Select(s => s.Probability));
        Assert.Equal(
            [
                ForecastCategory.Pipeline,
                ForecastCategory.Pipeline,
                ForecastCategory.BestCase,
                ForecastCategory.Commit,
                ForecastCategory.Closed,
                ForecastCategory.Omitted,
            ],
            Default.Stages.Select(s => s.Category)
        );
    }

    [Fact]
    public void Default_ExitCriteria_OnlyQualifiedHasUseCaseTechnicalFitBudget()
    {
        Assert.Equal(["use-case", "technical-fit", "budget"], Default.GetStage("qualified").ExitCriteria.Select(c => c.Id));
        Assert.All(Default.Stages.Where(s => s.Id != "qualified"), s => Assert.Empty(s.ExitCriteria));
        Assert.Equal(["use-case", "technical-fit", "budget"], Default.ExitCriteria.Select(c => c.Id));
        Assert.All(Default.ExitCriteria, c => Assert.EndsWith("?", c.Question, StringComparison.Ordinal));
    }

    [Fact]
    public void Default_StageShortcuts_PointAtTheRightStages()
    {
        Assert.Equal("prospecting", Default.FirstOpenStage.Id);
        Assert.Equal("won", Default.WonStage.Id);
        Assert.Equal("lost", Default.LostStage.Id);
        Assert.Equal(["prospecting", "qualified", "proposal", "negotiation"], Default.OpenStages.Select(s => s.Id));
        Assert.All(Default.Stages, s => Assert.Null(s.RottingAfter));
    }

    [Fact]
    public void Default_Policies_AreNoSkippingReopenAllowedCriteriaRequiredToWin()
    {
        Assert.False(Default.Policies.AllowSkipping);
        Assert.True(Default.Policies.AllowReopen);
        Assert.True(Default.Policies.RequireExitCriteriaToWin);
        Assert.Equal(PipelinePolicies.Default, Default.Policies);
    }

    [Theory]
    [InlineData("prospecting", "Prospecting")]
    [InlineData("won", "Won")]
    public void GetStage_KnownId_ReturnsTheStage(string id, string name)
    {
        var stage = Default.GetStage(id);

        Assert.Equal(id, stage.Id);
        Assert.Equal(name, stage.Name);
        Assert.Same(stage, Default.Stages.Single(s => s.Id == id));
    }

    [Fact]
    public void GetStage_UnknownId_ThrowsArgumentExceptionListingStages()
    {
        var ex = Assert.Throws<ArgumentException>(() => Default.GetStage("demo"));

        Assert.Equal("stageId", ex.ParamName);
        Assert.Contains("\"demo\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("prospecting, qualified, proposal, negotiation, won, lost", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetStage_Null_ThrowsArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => Default.GetStage(null!));

        Assert.Equal("stageId", ex.ParamName);
    }

    [Fact]
    public void TryGetStage_KnownId_ReturnsTrueAndTheStage()
    {
        Assert.True(Default.TryGetStage("proposal", out var stage));
        Assert.Equal("Proposal", stage.Name);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData(null)]
    public void TryGetStage_UnknownOrNullId_ReturnsFalseAndNull(string? id)
    {
        Assert.False(Default.TryGetStage(id, out var stage));
        Assert.Null(stage);
    }

    [Fact]
    public void TryGetExitCriterion_KnownIds_ReturnTheOwningStage()
    {
        Assert.All(
            ["use-case", "technical-fit", "budget"],
            id =>
            {
                Assert.True(Default.TryGetExitCriterion(id, out var stage));
                Assert.Equal("qualified", stage.Id);
            }
        );
    }

    [Theory]
    [InlineData("authority")]
    [InlineData(null)]
    public void TryGetExitCriterion_UnknownOrNullId_ReturnsFalseAndNull(string? criterionId)
    {
        Assert.False(Default.TryGetExitCriterion(criterionId, out var stage));
        Assert.Null(stage);
    }

    [Fact]
    public void ToString_Default_ListsOpenStagesThenWonAndLost()
    {
        Assert.Equal("Default: Prospecting > Qualified > Proposal > Negotiation > Won | Lost", Default.ToString());
        Assert.Equal("Proposal (proposal)", Default.GetStage("proposal").ToString());
    }

    // A fresh definition, so that a failing attempt cannot corrupt the shared Default for other tests.
    private static PipelineDefinition Fresh() =>
        PipelineDefinition.CreateBuilder("P").Stage("A", 0.1m, exitCriteria: ["x", "y"]).Stage("B", 0.5m).Won("Won").Lost("Lost").Build();

    [Fact]
    public void Stages_CastToMutableList_CannotChangeTheDefinition()
    {
        var p = Fresh();

        if (p.Stages is IList<Stage> list)
        {
            Assert.Throws<NotSupportedException>(() => list[0] = list[1]);
            Assert.Throws<NotSupportedException>(() => list.Add(list[1]));
            Assert.Throws<NotSupportedException>(() => list.RemoveAt(0));
        }

        Assert.Equal(["a", "b", "won", "lost"], p.Stages.Select(s => s.Id));
    }

    [Fact]
    public void OpenStages_CastToMutableList_CannotChangeTheDefinition()
    {
        var p = Fresh();

        if (p.OpenStages is IList<Stage> list)
        {
            Assert.Throws<NotSupportedException>(() => list[0] = list[1]);
        }

        Assert.Equal(["a", "b"], p.OpenStages.Select(s => s.Id));
        Assert.Equal("a", p.FirstOpenStage.Id);
    }

    [Fact]
    public void ExitCriteria_CastToMutableList_CannotChangeTheStage()
    {
        var stage = Fresh().FirstOpenStage;

        if (stage.ExitCriteria is IList<ExitCriterion> list)
        {
            Assert.Throws<NotSupportedException>(() => list[0] = "z");
            Assert.Throws<NotSupportedException>(() => list.Clear());
        }

        Assert.Equal(["x", "y"], stage.ExitCriteria.Select(c => c.Id));
    }
}
