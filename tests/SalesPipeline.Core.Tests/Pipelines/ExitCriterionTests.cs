using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Pipelines;

public sealed class ExitCriterionTests
{
    [Fact]
    public void Constructor_AndImplicitConversion_KeepIdAndQuestion()
    {
        var c = new ExitCriterion("budget", "Is it within budget?");
        ExitCriterion terse = "use-case";

        Assert.Equal("budget", c.Id);
        Assert.Equal("Is it within budget?", c.Question);
        Assert.Equal("budget: Is it within budget?", c.ToString());
        Assert.Equal("use-case", terse.Id);
        Assert.Equal("use-case", terse.Question);
        Assert.Equal("use-case", terse.ToString());
        Assert.Equal(ExitCriterion.FromId("use-case"), terse);
    }

    [Fact]
    public void Constructor_BlankOrNullArguments_ThrowWithTheParameterName()
    {
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new ExitCriterion(" ", "q?")).ParamName);
        Assert.Equal("question", Assert.Throws<ArgumentException>(() => new ExitCriterion("budget", "")).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => new ExitCriterion(null!, "q?")).ParamName);
        Assert.Equal("question", Assert.Throws<ArgumentNullException>(() => new ExitCriterion("budget", null!)).ParamName);
    }
}
