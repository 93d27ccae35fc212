using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>Reports over many quotes: by status, average discount, approval turnaround, quote-to-win rate.</summary>
/// <remarks>
/// Amounts in different currencies are never added: each money row is of one currency. Every report projects to a
/// <see cref="Reporting.ReportTable"/> (<c>ToTable()</c>, columns in docs/quotes.md) and prints as invariant text.
/// Pure functions; thread-safe.
/// </remarks>
public static partial class QuoteReports
{
    /// <summary>How many quotes were in each status at the end of <paramref name="asOf"/>, and their totals.</summary>
    /// <param name="quotes">The quotes.</param>
    /// <param name="asOf">The date; each quote is taken as its events up to the end of that day in its own <see cref="Quote.Zone"/>, and is Expired when past its valid-until date.</param>
    /// <returns>The counts, by status and currency; quotes created after the date are left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quotes"/> or a quote is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported date.</exception>
    public static QuoteStatusReport ByStatus(IEnumerable<Quote> quotes, LocalDate asOf)
    {
        var all = Preconditions.CheckNoNullElement(quotes, "Quote");
        Preconditions.CheckDate(asOf);
        var rows = all.Select(q => q.AsOf(EndOf(asOf, q.Zone)))
            .OfType<(Quote Quote, QuoteStatus Status)>()
            .Select(x => (Status: x.Quote.StatusOn(asOf), x.Quote.Total))
            .GroupBy(x => (x.Status, x.Total.Currency.Code))
            .OrderBy(g => g.Key.Status)
            .ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g =>
            {
                var currency = g.First().Total.Currency;
                return new QuoteStatusCount(g.Key.Status, currency, g.Count(), Money.Sum(g.Select(x => x.Total), currency));
            })
            .ToArray();
        return new QuoteStatusReport(asOf, rows.AsReadOnly());
    }

    /// <summary>
    /// The average discount off list of the quotes' current versions, by rep, team or product: the discount off list
    /// of the lines over their list value (value-weighted, exact).
    /// </summary>
    /// <param name="quotes">The quotes (filter them first, for example to those sent in a quarter).</param>
    /// <param name="by"><see cref="Breakdown.Owner"/> (the quote's rep), <see cref="Breakdown.Team"/> (every team on the rep's path, so a team includes its sub-teams; reps outside the organisation under <see cref="BreakdownKeys.Unassigned"/>) or <see cref="Breakdown.Product"/>.</param>
    /// <param name="org">The organisation; required for <see cref="Breakdown.Team"/>.</param>
    /// <returns>One row per key and currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quotes"/> or a quote is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is Source or undefined.</exception>
    /// <exception cref="ArgumentException"><paramref name="by"/> is Team and <paramref name="org"/> is null.</exception>
    /// <example>Two quotes of alice in USD, list values 63,600 and 10,000 with discounts 8,652 and 0: 8,652 / 73,600 = 11.755...%.</example>
    public static QuoteDiscountReport AverageDiscount(IEnumerable<Quote> quotes, Breakdown by, SalesOrg? org = null)
    {
        var all = Preconditions.CheckNoNullElement(quotes, "Quote");
        Preconditions.CheckRange(
            by is Breakdown.Owner or Breakdown.Team or Breakdown.Product,
            nameof(by),
            by,
            $"Quote discounts break down by Owner, Team or Product; {by} is not one of them."
        );
        Preconditions.CheckArgument(org is not null || by != Breakdown.Team, nameof(org), "A breakdown by team needs the organisation.");
        var groups = new Dictionary<(string Key, string Currency), (HashSet<string> Quotes, Money List, Money Off)>();
        foreach (var quote in all)
        {
            foreach (var line in quote.Totals.Lines)
            {
                foreach (var key in Keys(quote, line, by, org))
                {
                    var id = (key, quote.Currency.Code);
                    var (ids, list, off) = groups.TryGetValue(id, out var g)
                        ? g
                        : ([], Money.Zero(quote.Currency), Money.Zero(quote.Currency));
                    ids.Add(quote.Id);
                    groups[id] = (ids, list + line.ListValue, off + line.DiscountOffList);
                }
            }
        }
        var rows = groups
            .OrderBy(g => g.Key.Key, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .Select(g => new QuoteDiscountRow(
                g.Key.Key,
                g.Value.List.Currency,
                g.Value.Quotes.Count,
                g.Value.List,
                g.Value.Off,
                g.Value.List.IsZero ? null : g.Value.Off.Amount * 100m / g.Value.List.Amount
            ))
            .ToArray();
        return new QuoteDiscountReport(by, rows.AsReadOnly());
    }

    /// <summary>
    /// Every approval request (a submission that needed approval) with the time from submission to its decision: the
    /// last required approval, or a rejection. A request still waiting, or withdrawn by a revision before a decision,
    /// has no decision and no turnaround.
    /// </summary>
    /// <param name="quotes">The quotes.</param>
    /// <returns>The requests by submission time (then quote id), with the median, mean and longest turnaround of the decided ones.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quotes"/> or a quote is null.</exception>
    public static ApprovalTurnaroundReport ApprovalTurnaround(IEnumerable<Quote> quotes)
    {
        var all = Preconditions.CheckNoNullElement(quotes, "Quote");
        var requests = new List<ApprovalRequest>();
        foreach (var quote in all)
        {
            var version = 1;
            ApprovalRequest? open = null;
            var outstanding = new List<RequiredApproval>();
            foreach (var e in quote.Events)
            {
                switch (e)
                {
                    case QuoteRevised r:
                        Close(ref open, requests, null, null);
                        version = r.Version;
                        break;
                    case QuoteSubmitted s when s.Required.Count > 0:
                        open = new ApprovalRequest(quote.Id, version, s.At, null, null);
                        outstanding = [.. s.Required];
                        break;
                    case QuoteApproved a:
                        outstanding.RemoveAll(a.Satisfies.Contains);
                        if (outstanding.Count == 0)
                        {
                            Close(ref open, requests, a.At, true);
                        }
                        break;
                    case QuoteRejected r:
                        Close(ref open, requests, r.At, false);
                        break;
                }
            }
            Close(ref open, requests, null, null);
        }
        var ordered = requests.OrderBy(r => r.SubmittedAt).ThenBy(r => r.QuoteId, StringComparer.Ordinal).ThenBy(r => r.Version).ToArray();
        var times = ordered.Select(r => r.Turnaround).OfType<Duration>().Order().ToArray();
        Duration? median =
            times.Length == 0 ? null
            : times.Length % 2 == 1 ? times[times.Length / 2]
            : (times[(times.Length / 2) - 1] + times[times.Length / 2]) / 2;
        Duration? mean = times.Length == 0 ? null : times.Aggregate(Duration.Zero, (sum, t) => sum + t) / times.Length;
        return new ApprovalTurnaroundReport(ordered.AsReadOnly(), median, mean, times.Length == 0 ? null : times[^1]);
    }

    /// <summary>
    /// The quote-to-win rate: of the deals at least one quote was sent for, how many were won (and lost), overall and by
    /// the deal's owner.
    /// </summary>
    /// <param name="quotes">The quotes.</param>
    /// <param name="deals">The deals; a quoted deal not among them is not counted, a deal without a sent quote is left out.</param>
    /// <returns>The row of every quoted deal, then one row per owner (pooled deals under <see cref="BreakdownKeys.Unassigned"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument, a quote or a deal is null.</exception>
    /// <example>Four deals with a sent quote: two won, one lost, one open: rate 2 / 4 = 0.5, decided rate 2 / 3.</example>
    public static QuoteToWinReport QuoteToWin(IEnumerable<Quote> quotes, IEnumerable<Deal> deals)
    {
        var quoted = Preconditions
            .CheckNoNullElement(quotes, "Quote")
            .Where(q => q.Events.Any(e => e is QuoteSent))
            .Select(q => q.DealId)
            .ToHashSet();
        return DealFrames.For(deals) is { } frame && TryQuoteToWin(frame, quoted, out var report)
            ? report
            : QuoteToWinDealByDeal(quoted, deals);
    }

    // The deal-based code: what QuoteToWin ran before the frame, and still runs for what the frame does not take.
    private static QuoteToWinReport QuoteToWinDealByDeal(HashSet<DealId> quoted, IEnumerable<Deal> deals)
    {
        var decided = Preconditions.CheckNoNullElement(deals, "Deal").Where(d => quoted.Contains(d.Id)).ToArray();
        QuoteToWinRow Row(string? owner, IEnumerable<Deal> group)
        {
            var list = group.ToArray();
            return new QuoteToWinRow(
                owner,
                list.Length,
                list.Count(d => d.Status == DealStatus.Won),
                list.Count(d => d.Status == DealStatus.Lost)
            );
        }
        var rows = new List<QuoteToWinRow> { Row(null, decided) };
        rows.AddRange(
            decided
                .GroupBy(d => d.Owner ?? BreakdownKeys.Unassigned, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Row(g.Key, g))
        );
        return new QuoteToWinReport(rows.AsReadOnly());
    }

    // The last instant of a day in a quote's zone (the last day of the supported range ends with time itself).
    private static Instant EndOf(LocalDate day, DateTimeZone zone) =>
        day == new LocalDate(9999, 12, 31) ? Instant.MaxValue : day.PlusDays(1).AtStartOfDayInZone(zone).ToInstant() - Duration.Epsilon;

    private static void Close(ref ApprovalRequest? open, List<ApprovalRequest> requests, Instant? at, bool? approved)
    {
        if (open is not null)
        {
            requests.Add(open with { DecidedAt = at, Approved = approved });
            open = null;
        }
    }

    private static IEnumerable<string> Keys(Quote quote, PricedLine line, Breakdown by, SalesOrg? org) =>
        by switch
        {
            Breakdown.Owner => [quote.Rep],
            Breakdown.Product => [line.Line.ProductId],
            _ => org!.People.Any(p => p.Id == quote.Rep) ? org.PathOf(quote.Rep).Select(t => t.Id) : [BreakdownKeys.Unassigned],
        };
}
