using SalesPipeline.Deals;
using static SalesPipeline.Tests.Deals.DealFixtures;
using static SalesPipeline.Tests.Deals.ImportTests;

namespace SalesPipeline.Tests.Deals;

// The results and exceptions a user prints or logs: their text and properties, worked out from the parts they join.
public sealed class ResultTextTests
{
    // Qualified's three criteria, unanswered, in the stage's order (PipelineDefinition.Default's questions).
    private const string Unmet =
        "Exit criterion \"use-case\" of stage \"Qualified\" is not answered yes (Is there a clear use case?). "
        + "Exit criterion \"technical-fit\" of stage \"Qualified\" is not answered yes (Does the solution meet the technical requirements?). "
        + "Exit criterion \"budget\" of stage \"Qualified\" is not answered yes (Is the deal within the customer's budget?).";

    [Fact]
    public void ImportResult_Complete_GivesItsDeals()
    {
        var result = Default.Import([Record("A"), Record("B")], AsOfImport);

        Assert.Same(result.Deals, result.GetDealsOrThrow());
        Assert.Equal("read 2: accepted 2, rejected 0", result.ToString());
    }

    [Fact]
    public void ImportResult_Incomplete_ThrowsNamingRecordsAndCountingRejectedRecords()
    {
        // Records 1 and 2 are rejected: 2 records (a sum of the indexes would give 3).
        var result = Default.Import([Record("A"), Record("B") with { Owner = "" }, null], AsOfImport);

        var ex = Assert.Throws<DealImportException>(() => result.GetDealsOrThrow());

        Assert.Equal(result.Errors, ex.Errors);
        AssertArgumentMessage(
            ex,
            "records",
            "2 import record(s) rejected: record 1 (B): Owner = \"\": An owner is not empty; leave it null while the deal waits in a pool. | record 2 (no id): (record) = null: A record must not be null."
        );
    }

    [Fact]
    public void DealImportException_CountsRecordsNotErrors_AndJoinsEveryError()
    {
        ImportError[] errors =
        [
            new(1, new DealId("B"), "Owner", "\"\"", "Rule one."),
            new(3, null, "Id", "null", "Rule two."),
            new(3, null, "Amount", "null", "Rule three."),
        ];

        var ex = new DealImportException(errors, "records");

        // Three errors of two records (1 and 3).
        AssertArgumentMessage(
            ex,
            "records",
            "2 import record(s) rejected: record 1 (B): Owner = \"\": Rule one. | record 3 (no id): Id = null: Rule two. | record 3 (no id): Amount = null: Rule three."
        );
        Assert.Equal(errors, ex.Errors);
    }

    [Fact]
    public void DealImportException_NullError_ThrowsArgumentNullGivingItsPosition()
    {
        var error = new ImportError(0, null, "Id", "null", "Rule.");

        var ex = Assert.Throws<ArgumentNullException>(() => new DealImportException([error, null!], "records"));

        AssertArgumentMessage(ex, "errors", "Error 1 is null.");
    }

    [Fact]
    public void InvalidTransitionException_FromAShortcut_JoinsEveryRejection()
    {
        var deal = InQualified();
        var rejected = Default.Apply(deal, DealCommand.Move("proposal", H(2), "alice"));

        var ex = Assert.Throws<InvalidTransitionException>(() => Default.Move(deal, "proposal", H(2), "alice"));

        Assert.Equal("Deal D-1: the command was rejected: " + Unmet, ex.Message);
        Assert.Equal(new DealId("D-1"), ex.DealId);
        Assert.Equal(rejected.Rejections, ex.Rejections);
    }

    [Fact]
    public void InvalidTransitionException_NullRejection_ThrowsArgumentNullGivingItsPosition()
    {
        var rejection = new Rejection(RejectionCode.NothingToChange, "Nothing.");

        var ex = Assert.Throws<ArgumentNullException>(() => new InvalidTransitionException(new DealId("D-1"), [rejection, null!]));

        AssertArgumentMessage(ex, "rejections", "Rejection 1 is null.");
    }

    [Fact]
    public void TransitionResult_ToString_ShowsTheEventAndDeal_OrEveryRejection()
    {
        var accepted = Default.Apply(NewDeal(), DealCommand.Move("qualified", H(1), "alice"));
        var rejected = Default.Apply(InQualified(), DealCommand.Move("proposal", H(2), "alice"));

        Assert.Equal(
            "accepted: StageMoved -> D-1 Acme: 500 seats | alice | USD 60,000.00 | qualified | close 2026-06-30",
            accepted.ToString()
        );
        Assert.Equal("rejected: " + Unmet, rejected.ToString());
    }

    [Fact]
    public void PermittedMove_ToString_SaysPermitted_OrListsWhatIsMissing()
    {
        var moves = Default.PermittedMoves(InQualified());

        var back = moves.Single(m => m.Target.Id == "prospecting");
        var next = moves.Single(m => m.Target.Id == "proposal");

        Assert.Equal((true, 0), (back.IsPermitted, back.Missing.Count));
        Assert.Equal("-> Prospecting: permitted", back.ToString());
        Assert.Equal((false, 3), (next.IsPermitted, next.Missing.Count));
        Assert.Equal("-> Proposal: " + Unmet, next.ToString());
    }
}
