using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Pipelines;

public sealed class PipelineDefinitionExceptionTests
{
    [Fact]
    public void Message_Problems_AreCountedAndListedOnePerLine()
    {
        var ex = new PipelineDefinitionException("Enterprise", ["First problem.", "Second problem."]);

        Assert.Equal("Pipeline \"Enterprise\" is invalid (2 problems):\n- First problem.\n- Second problem.", ex.Message);
        Assert.Equal("Enterprise", ex.PipelineName);
        Assert.Equal(["First problem.", "Second problem."], ex.Problems);
        Assert.IsAssignableFrom<InvalidOperationException>(ex);
        Assert.Equal("Pipeline \"P\" is invalid (1 problem):\n- Only one.", new PipelineDefinitionException("P", ["Only one."]).Message);
    }

    [Fact]
    public void Problems_SourceListChangedAfterwards_StaysAsGiven()
    {
        var source = new List<string> { "a" };
        var ex = new PipelineDefinitionException("P", source);

        source.Add("b");

        Assert.Equal(["a"], ex.Problems);
    }

    [Fact]
    public void Null_problems_give_an_exception_with_no_problems()
    {
        var ex = new PipelineDefinitionException("P", null!);

        Assert.Empty(ex.Problems);
        Assert.Equal("Pipeline \"P\" is invalid (0 problems):\n- ", ex.Message);
    }

    [Fact]
    public void A_null_problem_is_refused_by_its_position()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new PipelineDefinitionException("P", ["First.", null!]));

        Assert.Equal("problems", ex.ParamName);
        Assert.Equal("Problem 1 is null. (Parameter 'problems')", ex.Message);
    }
}
