using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class WinRateAccumulator
{
    // Dense cells (groups x parts) beyond this many would cost more memory than the dictionary the deal path fills.
    private const long MaxFrameCells = 4_000_000;

    private const int UnknownCurrency = -1;
    private const int AbsentCurrency = -2;

    private static readonly Int128[] Pow10 = Array.ConvertAll(Exactness.Pow10, p => (Int128)p);

    // Instants whose date in any zone (offsets are within 18 hours) is a supported date, 0001-01-01 to 9999-12-31, so
    // WinRateOptions.InWindow cannot refuse it: without a window the kernel then needs no date at all.
    private static readonly long SafeFrom = Instant.FromUtc(1, 1, 2, 0, 0).ToUnixTimeTicks();
    private static readonly long SafeTo = Instant.FromUtc(9999, 12, 30, 0, 0).ToUnixTimeTicks();
    private static readonly int MaxDay = DateOnly.MaxValue.DayNumber;

    // What the entry points run: the frame kernel over a list of deals when it can prove the result, else Add on every
    // deal (which also reports a null list or element, by position, as before).
    internal WinRateAccumulator AddAll(IEnumerable<Deal> deals)
    {
        if (DealFrames.For(deals) is not { } frame)
        {
            AddRange(deals);
        }
        else if (!TryAdd(frame))
        {
            AddRange(frame.Deals);
        }
        return this;
    }

    // The exact state (every cell, its sums with their scales, and the reporting currency), for the tests that hold
    // the kernel to Add.
    internal string StateText() =>
        string.Join(
            "\n",
            groups
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}: {Text(g.Value)}")
                .Concat(periodCells.Select((c, i) => $"#{i}: {Text(c)}"))
                .Append($"total: {Text(total)} in {value.Currency?.Code ?? "-"}")
        );

    private static string Text(WinRateCell c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Won} {c.Lost} {c.Open} {c.WonValue} {c.LostValue} {c.OpenValue}");

    // Adds every deal of the frame, as Add(deal) for each would, and returns true; or returns false and changes nothing
    // when the integer kernel cannot prove the result identical (then the caller adds the frame's deals one by one):
    // conversion by rates, a counted amount in a currency the reporting-currency rule would refuse, amounts whose sums
    // could round, a date InWindow would refuse, an accumulator that already holds deals. parts > 0 sets the split
    // (tests use it to run the merge of parts on small frames); 0 splits large frames across the cores.
    internal bool TryAdd(DealFrame frame, int parts = 0)
    {
        if (total.Won + total.Lost + total.Open > 0 || options.Rates is not null || !frame.Exactness.AmountsSum)
        {
            return false;
        }
        var groupsOfRows = grouping switch
        {
            Grouping.Breakdown => FrameGroupings.Of(frame, breakdown),
            Grouping.Competitor => FrameGroupings.Competitors(frame),
            _ => null,
        };
        var width = groupsOfRows?.Count ?? (grouping == Grouping.Period ? periods.Length : 1);
        if (parts <= 0)
        {
            parts = frame.Count >= DealFrame.ParallelThreshold ? Math.Clamp(Environment.ProcessorCount, 1, 8) : 1;
        }
        if ((long)width * parts > MaxFrameCells)
        {
            parts = 1;
            if (width > MaxFrameCells)
            {
                return false;
            }
        }
        var plan = new FramePlan(this, frame, groupsOfRows);
        var cells = new FrameCell[parts][];
        var seen = new int[parts];
        var valid = new bool[parts];
        if (parts == 1)
        {
            cells[0] = new FrameCell[width];
            valid[0] = Accumulate(plan, 0, frame.Count, cells[0], out seen[0]);
        }
        else
        {
            Parallel.For(
                0,
                parts,
                part =>
                {
                    cells[part] = new FrameCell[width];
                    valid[part] = Accumulate(
                        plan,
                        (int)((long)frame.Count * part / parts),
                        (int)((long)frame.Count * (part + 1) / parts),
                        cells[part],
                        out seen[part]
                    );
                }
            );
        }
        if (Array.IndexOf(valid, false) >= 0 || CurrencyOf(plan.Currency, seen) is not { } currency)
        {
            return false;
        }
        var merged = cells[0];
        for (var part = 1; part < parts; part++)
        {
            for (var i = 0; i < width; i++)
            {
                merged[i].Add(cells[part][i]);
            }
        }
        return Apply(frame, groupsOfRows, merged, currency);
    }

    // The one currency of the counted rows (or the given one), UnknownCurrency when none counted; null when two parts
    // saw different ones (the deal code throws naming both).
    private static int? CurrencyOf(int want, int[] seen)
    {
        var currency = want;
        foreach (var part in seen)
        {
            if (part == UnknownCurrency || part == currency)
            {
                continue;
            }
            if (currency != UnknownCurrency)
            {
                return null;
            }
            currency = part;
        }
        return currency;
    }

    // Folds the dense cells into the accumulator's state; false, with nothing changed, when a group's keys cannot be read.
    private bool Apply(DealFrame frame, FrameGroups? groupsOfRows, FrameCell[] merged, int currency)
    {
        var sum = default(FrameCell);
        foreach (var cell in merged)
        {
            sum.Add(cell);
        }
        if (sum.Count == 0)
        {
            return true;
        }
        var scale = frame.Exactness.MaxAmountScale;
        Dictionary<string, FrameCell>? keyed = null;
        if (groupsOfRows is not null)
        {
            keyed = new Dictionary<string, FrameCell>(StringComparer.Ordinal);
            for (var g = 0; g < merged.Length; g++)
            {
                if (merged[g].Count == 0)
                {
                    continue;
                }
                var deal = frame.Deals[groupsOfRows.Representative[g]];
                IReadOnlyList<string> keys;
                try
                {
                    keys =
                        grouping == Grouping.Competitor
                            ? FrameGroupings.CompetitorKeysOf(deal)
                            : BreakdownKeys.Of(deal, breakdown, options.Organization);
                }
#pragma warning disable CA1031 // the deal code throws the same for this deal; it runs instead and reports it in order
                catch (Exception)
#pragma warning restore CA1031
                {
                    return false;
                }
                foreach (var key in keys)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(keyed, key, out _).Add(merged[g]);
                }
            }
        }
        value.Saw(frame.Currencies[currency]);
        total = sum.ToCell(scale);
        if (keyed is not null)
        {
            foreach (var (key, cell) in keyed)
            {
                groups[key] = cell.ToCell(scale);
            }
        }
        else if (grouping == Grouping.Period)
        {
            for (var i = 0; i < merged.Length; i++)
            {
                periodCells[i] = merged[i].ToCell(scale);
            }
        }
        return true;
    }

    // False when a row could not be proved to give what Add gives (the caller then runs Add on every deal).
    private bool Accumulate(in FramePlan plan, int from, int to, FrameCell[] cells, out int seen)
    {
        var frame = plan.Frame;
        var status = frame.Status;
        var decidedAt = frame.DecidedAt;
        var createdAt = frame.CreatedAt;
        var currencies = frame.AmountCurrency;
        var mantissas = frame.AmountMantissa;
        var scales = frame.AmountScale;
        var group = plan.Groups?.Group;
        var created = options.Definition == WinRateDefinition.Created;
        var stoppedAsLost = options.CountStoppedAsLost;
        var common = plan.Scale;
        var zone = new ZoneDays(options.Zone);
        seen = plan.Currency;
        for (var r = from; r < to; r++)
        {
            DealOutcome outcome;
            long at;
            if (created)
            {
                at = createdAt[r];
                switch ((DealStatus)status[r])
                {
                    case DealStatus.Won:
                        outcome = DealOutcome.Won;
                        break;
                    case DealStatus.Lost:
                        outcome = DealOutcome.Lost;
                        break;
                    case DealStatus.Stopped:
                        outcome = stoppedAsLost ? DealOutcome.Lost : DealOutcome.Open;
                        break;
                    case DealStatus.Open:
                        outcome = DealOutcome.Open;
                        break;
                    default:
                        return false;
                }
            }
            else
            {
                at = decidedAt[r];
                switch ((DealStatus)status[r])
                {
                    case DealStatus.Won:
                        outcome = DealOutcome.Won;
                        break;
                    case DealStatus.Lost:
                        outcome = DealOutcome.Lost;
                        break;
                    // A stopped deal has no ClosedAt: it is decided only by its stop, and only when that counts as lost.
                    case DealStatus.Stopped when stoppedAsLost:
                        outcome = DealOutcome.Lost;
                        break;
                    case DealStatus.Stopped:
                        continue;
                    // An open deal has neither instant; one that had would not be a deal the fold made.
                    case DealStatus.Open when at == DealFrame.NoInstant:
                        continue;
                    default:
                        return false;
                }
                if (at == DealFrame.NoInstant)
                {
                    return false;
                }
            }
            var cell = 0;
            if (plan.Dated)
            {
                var day = zone.DayOf(at);
                if (day < 0 || day > MaxDay)
                {
                    return false; // InWindow refuses the date: the deal code throws for it
                }
                if (day < plan.StartDay || day >= plan.EndDay)
                {
                    continue;
                }
                if (index is not null)
                {
                    cell = index.IndexOfDay(day);
                    if (cell < 0)
                    {
                        continue;
                    }
                }
            }
            else if (at < SafeFrom || at >= SafeTo)
            {
                return false;
            }
            int currency = currencies[r];
            if (currency != seen)
            {
                if (seen != UnknownCurrency)
                {
                    return false; // a second currency, or not the given one: the deal code throws
                }
                seen = currency;
            }
            if (group is not null)
            {
                cell = group[r];
            }
            var scale = scales[r];
            cells[cell].Add(outcome, (Int128)mantissas[r] * Pow10[common - scale], scale);
        }
        return true;
    }

    // What a call reads, fixed before the kernel runs.
    private readonly struct FramePlan
    {
        internal FramePlan(WinRateAccumulator accumulator, DealFrame frame, FrameGroups? groups)
        {
            var options = accumulator.options;
            Frame = frame;
            Groups = groups;
            Scale = frame.Exactness.MaxAmountScale;
            Dated = options.Start is not null || options.End is not null || accumulator.index is not null;
            StartDay = options.Start is { } start ? start.ToDateOnly().DayNumber : int.MinValue;
            EndDay = options.End is { } end ? end.ToDateOnly().DayNumber : int.MaxValue;
            Currency =
                options.Currency is { } given ? (Array.IndexOf(frame.Currencies, given) is var code and >= 0 ? code : AbsentCurrency)
                : frame.Currencies.Length == 1 ? 0
                : UnknownCurrency;
        }

        internal DealFrame Frame { get; }

        internal FrameGroups? Groups { get; }

        internal byte Scale { get; }

        internal bool Dated { get; }

        internal int StartDay { get; }

        internal int EndDay { get; }

        // The code of the currency every counted row must have, UnknownCurrency when the first counted row fixes it,
        // AbsentCurrency when the given one is in no row (then no row may count).
        internal int Currency { get; }
    }

    private struct FrameCell
    {
        private int won;
        private int lost;
        private int open;
        private ExactSum wonValue;
        private ExactSum lostValue;
        private ExactSum openValue;

        internal readonly int Count => won + lost + open;

        internal void Add(DealOutcome outcome, Int128 amount, byte scale)
        {
            switch (outcome)
            {
                case DealOutcome.Won:
                    won++;
                    wonValue.Add(amount, scale);
                    break;
                case DealOutcome.Lost:
                    lost++;
                    lostValue.Add(amount, scale);
                    break;
                default:
                    open++;
                    openValue.Add(amount, scale);
                    break;
            }
        }

        internal void Add(FrameCell other)
        {
            won += other.won;
            lost += other.lost;
            open += other.open;
            wonValue.Add(other.wonValue);
            lostValue.Add(other.lostValue);
            openValue.Add(other.openValue);
        }

        internal readonly WinRateCell ToCell(int scale) =>
            new(won, lost, open, wonValue.ToDecimal(scale), lostValue.ToDecimal(scale), openValue.ToDecimal(scale));
    }
}
