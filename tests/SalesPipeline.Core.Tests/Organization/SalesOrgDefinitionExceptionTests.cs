using SalesPipeline.Organization;

namespace SalesPipeline.Tests.Organization;

public sealed class SalesOrgDefinitionExceptionTests
{
    [Fact]
    public void Message_counts_the_problems_in_the_singular_or_plural_and_lists_one_per_line()
    {
        var one = new SalesOrgDefinitionException("Acme", ["Only one."]);
        var two = new SalesOrgDefinitionException("Acme", ["First.", "Second."]);

        Assert.Equal("Sales organization \"Acme\" is invalid (1 problem):\n- Only one.", one.Message);
        Assert.Equal("Sales organization \"Acme\" is invalid (2 problems):\n- First.\n- Second.", two.Message);
        Assert.Equal(["First.", "Second."], two.Problems);
        Assert.IsAssignableFrom<InvalidOperationException>(two);
    }

    [Fact]
    public void Null_problems_give_an_exception_with_no_problems()
    {
        var ex = new SalesOrgDefinitionException("Acme", null!);

        Assert.Empty(ex.Problems);
        Assert.Equal("Sales organization \"Acme\" is invalid (0 problems):\n- ", ex.Message);
    }

    [Fact]
    public void A_null_problem_is_refused_by_its_position()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new SalesOrgDefinitionException("Acme", ["First.", null!]));

        Assert.Equal("problems", ex.ParamName);
        Assert.Equal("Problem 1 is null. (Parameter 'problems')", ex.Message);
    }
}
