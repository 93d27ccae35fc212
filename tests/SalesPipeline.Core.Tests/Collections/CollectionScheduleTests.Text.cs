using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

// The texts the Results tests do not pin: a schedule without contract information, a milestone instalment, an
// instalment's own line. Milestone(): USD 1,000.00 signed 2026-03-01, #1 500.00 on signing, #2 500.00 30 days after
// go-live. W 200.00 on 03-02 pays #1 in part; on 03-05 #1 owes 300.00, 4 days overdue (Mar 1 -> Mar 5), and #2 waits
// for go-live. Billed is #1 only (500.00), collected 200.00, outstanding and overdue 300.00.
public partial class CollectionScheduleTests
{
    private static CollectionSchedule MilestonePartlyPaid() => Milestone().Record(Pay("W", "2026-03-02", 200m));

    [Fact]
    public void StatusToString_WithoutContractAndWithAMilestone()
    {
        const string expected = """
            Contract USD 1,000.00 as of 2026-03-05
            #    Due                      Amount               Paid State
            1    2026-03-01           USD 500.00         USD 200.00 Overdue 4d
            2    go-live              USD 500.00           USD 0.00 AwaitingMilestone
            billed USD 500.00 | collected USD 200.00 | outstanding USD 300.00 | overdue USD 300.00
            credit USD 0.00 | refunded USD 0.00 | costs USD 0.00 | collected less costs USD 200.00
            """;

        Assert.Equal(expected + "\n", MilestonePartlyPaid().StatusAsOf(D("2026-03-05")).ToString());
    }

    [Fact]
    public void ScheduleToString_WithoutContractAndWithAMilestone()
    {
        const string expected = """
            Contract USD 1,000.00 signed 2026-03-01
            #1              USD 500.00  2026-03-01
            #2              USD 500.00  on go-live
            1 history entries
            """;

        Assert.Equal(expected + "\n", MilestonePartlyPaid().ToString());
    }

    // Days overdue are shown only when there are some.
    [Fact]
    public void InstalmentStatusToString_DatedOverdueAndAwaitingAMilestone()
    {
        var lines = MilestonePartlyPaid().StatusAsOf(D("2026-03-05")).Instalments;

        Assert.Equal("#1 USD 500.00 due 2026-03-01 paid USD 200.00 Overdue 4 days", lines[0].ToString());
        Assert.Equal("#2 USD 500.00 on go-live paid USD 0.00 AwaitingMilestone", lines[1].ToString());
    }

    [Fact]
    public void ContractInfoToString_IdCustomerAndOwner() =>
        Assert.Equal("C-1 Globex (alice)", new ContractInfo("C-1", "Globex", "alice").ToString());
}
