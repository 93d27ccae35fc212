using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Frames.CustomerFrameDeals;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Frames;

// The quote-to-win report from the frame against the deal-by-deal code (the same call through a lazy sequence, which
// gets no frame): every row, or the same exception. Quotes name deals of the list and others, some sent and some only
// submitted, some deals quoted twice; the deals include pooled ones (owner key "(unassigned)") and ids given twice.
public class QuoteToWinFrameTests
{
    private static readonly Gen<Quote[]> QuotesGen =
        from picks in Gen.ListOf(from deal in Gen.Choose(0, 40) from sent in Gen.Elements(false, true) select (deal, sent))
        select picks.Take(30).Select((p, i) => Quote($"Q{i}", $"D{p.deal}", p.sent)).ToArray();

    [Fact]
    public void QuoteToWin_GivesTheDealByDealReport_AndTheKernelRunsForMostReports()
    {
        var (reports, taken) = (0, 0);
        PropertyAssert.Holds(
            Prop.ForAll(
                WithCustomers.ToArbitrary(),
                QuotesGen.ToArbitrary(),
                (deals, quotes) =>
                {
                    var expected = Outcome(() => Render(QuoteReports.QuoteToWin(quotes, deals.Select(d => d))));
                    Assert.Equal(expected, Outcome(() => Render(QuoteReports.QuoteToWin(quotes, deals))));
                    if (deals.Length == 0)
                    {
                        return;
                    }
                    reports++;
                    var quoted = quotes.Where(q => q.Events.Any(e => e is QuoteSent)).Select(q => q.DealId).ToHashSet();
                    if (QuoteReports.TryQuoteToWin(DealFrame.Of(deals), quoted, out var report))
                    {
                        taken++;
                        Assert.Equal(expected, Render(report));
                    }
                }
            )
        );
        Assert.True(taken * 3 > reports * 2, $"the kernel gave {taken} of {reports} reports");
    }

    [Fact]
    public void TryQuoteToWin_RefusesAnIdGivenTwice_WhichTheDealCodeCountsTwice()
    {
        var deal = WithCustomers.Sample(1, new Rnd(5UL), 10).First(d => d.Length > 0)[0];
        var quoted = new HashSet<DealId> { deal.Id };

        Assert.False(QuoteReports.TryQuoteToWin(DealFrame.Of([deal, deal]), quoted, out _));
        Assert.Equal(2, QuoteReports.QuoteToWin([Quote("Q1", deal.Id.Value, sent: true)], [deal, deal]).Rows[0].Quoted);
    }

    private static Quote Quote(string id, string deal, bool sent)
    {
        var at = FrameDeals.T0;
        var submitted = global::SalesPipeline
            .Quotes.Quote.Create(id, new DealId(deal), "alice", new LocalDate(2026, 3, 31), Lines(5m), at, "alice")
            .Submit(Policy, Org, at + Duration.FromHours(1), "alice");
        return sent ? submitted.Send(at + Duration.FromHours(2), "alice") : submitted;
    }

    private static string Render(QuoteToWinReport report) =>
        string.Join(
            "\n",
            report.Rows.Select(r => $"{r.Owner ?? "-"} {r.Quoted} {r.Won} {r.Lost} {r.Rate} {r.DecidedRate}").Append(report.ToString())
        );
}
