using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Targets;
using static SalesPipeline.Tests.Collections.CollectionFixtures;
using static SalesPipeline.Tests.Collections.Receivables.ReceivablesFixtures;

namespace SalesPipeline.Tests.Collections.Receivables;

public sealed class DaysSalesOutstandingTests
{
    private static readonly FiscalPeriod Q1 = new("2026-Q1", new DateInterval(D("2026-01-01"), D("2026-03-31")));

    // On 2026-03-31: C-1 billed 3,000 + 3,500 + 3,500 = 10,000.00 in Q1, owes 6,000.00; C-2 not signed yet; C-3 billed in
    // December (not in Q1), owes 900.00; C-4 billed 1,000.00 on 03-01, paid (the milestone half is not billed).
    // Receivables 6,900.00, billed 11,000.00, 31 + 28 + 31 = 90 days: DSO = 6,900 x 90 / 11,000 = 621,000 / 11,000 = 56.4545...
    [Fact]
    public void Of_WorkedBook_ByHand()
    {
        var dso = DaysSalesOutstanding.Of(Book(), Q1);

        Assert.Equal((Usd(6_900m), Usd(11_000m), 90), (dso.Receivables, dso.Billed, dso.Days));
        Assert.Equal(621_000m / 11_000m, dso.Value);
        Assert.Equal(56.45m, Math.Round(dso.Value!.Value, 2));
    }

    // Nothing falls due in January 2027 (the last instalment of the book is C-1's 2026-03-31): DSO is undefined, not zero.
    [Fact]
    public void Of_NothingBilled_ValueIsNull()
    {
        var dso = DaysSalesOutstanding.Of(Book(), new FiscalPeriod("Jan", new DateInterval(D("2027-01-01"), D("2027-01-31"))));

        Assert.Null(dso.Value);
        Assert.Equal(Usd(0m), dso.Billed);
        Assert.Equal(Usd(7_900m), dso.Receivables); // 6,000 + 1,000 + 900, still owed
    }

    [Fact]
    public void Of_BadInput_Throws()
    {
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => DaysSalesOutstanding.Of(Book(), null!)).ParamName);
        Assert.Equal("schedules", Assert.Throws<ArgumentException>(() => DaysSalesOutstanding.Of([], Q1)).ParamName);
    }
}
