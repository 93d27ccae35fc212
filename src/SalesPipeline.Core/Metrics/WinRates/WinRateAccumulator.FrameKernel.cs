using System;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

public sealed partial class WinRateAccumulator
{
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
        var window = new FrameWindow(options, needDays: index is not null);
        var currency = new FrameCurrency(plan.Currency);
        seen = FrameCurrency.Unknown;
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
            if (!currency.Accept(currencies[r]))
            {
                return false; // a second currency, or not the given one: the deal code throws
            }
            if (group is not null)
            {
                cell = group[r];
            }
            var scale = scales[r];
            cells[cell].Add(outcome, FrameAmounts.AtScale(mantissas[r], scale, common), scale);
        }
        seen = currency.Seen;
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
            Currency = FrameCurrency.Wanted(options, frame);
        }

        internal DealFrame Frame { get; }

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
