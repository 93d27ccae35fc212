using System;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class WinRateAccumulator
{
    // False when a row could not be proved to give what Add gives (the caller then runs Add on every deal).
    private bool Accumulate(in FramePlan plan, int from, int to, FrameCell[] cells, out int seen)
    {
        var frame = plan.Frame;
        var currencies = frame.AmountCurrency;
        var mantissas = plan.Amounts.Mantissa;
        var scales = plan.Amounts.Scale;
        var rated = options.Rates is not null;
        var group = plan.Groups?.Group;
        var common = plan.Scale;
        var scope = new FrameScope(options, frame);
        var window = new FrameWindow(options, needDays: index is not null);
        var currency = new FrameCurrency(plan.Currency);
        seen = FrameCurrency.Unknown;
        for (var r = from; r < to; r++)
        {
            var outcome = scope.Classify(r, out var at);
            if (outcome is DealOutcome.Excluded or FrameScope.Refused)
            {
                if (outcome == FrameScope.Refused)
                {
                    return false;
                }
                continue;
            }
            var place = window.Place(at, out var day);
            if (place != FrameWindow.Inside)
            {
                if (place == FrameWindow.Refused)
                {
                    return false; // InWindow refuses the date: the deal code throws for it
                }
                continue;
            }
            var cell = 0;
            if (index is not null)
            {
                cell = index.IndexOfDay(day);
                if (cell < 0)
                {
                    continue;
                }
            }
            if (!rated && !currency.Accept(currencies[r]))
            {
                return false; // a second currency, or not the given one: the deal code throws
            }
            if (group is not null)
            {
                cell = group[r];
            }
            var scale = scales[r];
            if (scale == ReportingAmounts.Unusable)
            {
                return false; // the rates cannot convert it: the deal code throws
            }
            cells[cell].Add(outcome, FrameAmounts.AtScale(mantissas[r], scale, common), scale);
        }
        seen = currency.Seen;
        return true;
    }

    // What a call reads, fixed before the kernel runs.
    private readonly struct FramePlan
    {
        internal FramePlan(DealFrame frame, ReportingAmounts amounts, FrameGroups? groups, int currency)
        {
            Frame = frame;
            Amounts = amounts;
            Groups = groups;
            Scale = amounts.Exactness.MaxAmountScale;
            Currency = currency;
        }

        internal DealFrame Frame { get; }

        // The amounts as counted: the frame's own, or converted by the rates.
        internal ReportingAmounts Amounts { get; }

        internal FrameGroups? Groups { get; }

        internal byte Scale { get; }

        // FrameCurrency.Wanted.
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
