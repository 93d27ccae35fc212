using NodaTime;
using SalesPipeline.Csv.Tests.Support;

namespace SalesPipeline.Csv.Tests.Errors;

public class BlankKindTests
{
    [Fact]
    public void A_history_kind_of_a_no_break_space_is_missing_and_the_kind_is_taken_from_the_stages()
    {
        // A white-space-only cell is missing in every reader (docs/csv.md, "Cells"): the row is a move, derived from its
        // stages, as with an empty kind cell; it is not an unknown kind.
        const string deals =
            "deal_id,owner,amount,currency,stage,created_at,expected_close\nD1,alice,100,USD,qualified,2025-03-01T00:00:00Z,2025-06-30\n";
        var history =
            "deal_id,at,kind,from_stage,to_stage\n"
            + "D1,2025-03-01T00:00:00Z,created,,prospecting\n"
            + "D1,2025-03-05T09:00:00Z,\u00a0,prospecting,qualified\n";

        var result = Sample.Read(deals, history);

        Assert.Empty(result.Errors);
        Assert.Equal(Instant.FromUtc(2025, 3, 5, 9, 0), Assert.Single(result.Deals).StageEnteredAt);
    }
}
