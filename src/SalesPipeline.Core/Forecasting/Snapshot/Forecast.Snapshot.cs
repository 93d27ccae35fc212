using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

public static partial class Forecast
{
    /// <summary>
    /// The stage-weighted forecast from a prepared <see cref="ForecastSnapshot"/>: the same lines as
    /// <see cref="StageWeighted(IEnumerable{Deals.Deal}, Pipelines.PipelineDefinition, IEnumerable{FiscalPeriod}, ForecastOptions?)"/>,
    /// computed in exact integer arithmetic with no allocation per deal.
    /// </summary>
    /// <param name="snapshot">The prepared deals.</param>
    /// <param name="periods">The periods; they must not overlap.</param>
    /// <param name="asOf">The date the forecast is made on (earlier open deals are overdue); the first period's start when null.</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The periods are empty or overlap.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public static StageWeightedForecast StageWeighted(ForecastSnapshot snapshot, IEnumerable<FiscalPeriod> periods, LocalDate? asOf = null)
    {
        Preconditions.CheckNotNull(snapshot);
        Preconditions.CheckDate(asOf);
        var ps = Periods.CheckNonOverlapping(periods, nameof(periods));
        var index = new PeriodIndex(ps, asOf);

        // Slot P holds overdue deals and P + 1 those outside every period; each slot has one cell per owner.
        var owners = snapshot.Owners.Count;
        var cells = (ps.Length + 2) * owners;
        // Large snapshots are split across the cores, each part into its own cells; integer sums are exact in any
        // order, so the result does not depend on the split.
        var partial = FramePartitions.Run(
            snapshot.Count,
            FramePartitions.Parts(snapshot.Count, splitFrom: SplitFromRows),
            (_, from, to) =>
            {
                var cellsOfPart = new Cells(cells);
                Accumulate(snapshot, from, to, index, cellsOfPart);
                return cellsOfPart;
            }
        );
        var openCount = new int[cells];
        var openAmount = new long[cells];
        var wonCount = new int[cells];
        var wonAmount = new long[cells];
        var weighted = new Int128[cells];
        foreach (var c in partial)
        {
            for (var k = 0; k < cells; k++)
            {
                openCount[k] += c.OpenCount[k];
                openAmount[k] += c.OpenAmount[k];
                wonCount[k] += c.WonCount[k];
                wonAmount[k] += c.WonAmount[k];
                weighted[k] += new Int128(unchecked((ulong)c.WeightedHigh[k]), c.WeightedLow[k]);
            }
        }

        // Slot totals straight from the integer cells: one decimal conversion per slot, not per owner.
        var scale = snapshot.Currency.MinorUnitValue;
        StageWeightedAccumulator.Sums SlotTotal(int key)
        {
            var slot =
                key >= 0 ? key
                : key == StageWeightedAccumulator.OverdueSlot ? ps.Length
                : ps.Length + 1;
            int open = 0,
                won = 0;
            long openSum = 0,
                wonSum = 0;
            Int128 weightedSum = 0;
            for (var k = slot * owners; k < (slot + 1) * owners; k++)
            {
                open += openCount[k];
                won += wonCount[k];
                openSum += openAmount[k];
                wonSum += wonAmount[k];
                weightedSum += weighted[k];
            }
            return new StageWeightedAccumulator.Sums(open, openSum * scale, (decimal)weightedSum / 1_000_000m * scale, won, wonSum * scale);
        }
        return StageWeightedAccumulator.Build(
            ps,
            snapshot.Currency,
            snapshot.Options,
            Entries(snapshot, ps.Length, openCount, openAmount, weighted, wonCount, wonAmount),
            SlotTotal
        );
    }

    // The non-empty cells, slot by slot, owners in ordinal order (the snapshot keeps them sorted).
    private static IEnumerable<(int Slot, string Owner, StageWeightedAccumulator.Sums Sums)> Entries(
        ForecastSnapshot snapshot,
        int periods,
        int[] openCount,
        long[] openAmount,
        Int128[] weighted,
        int[] wonCount,
        long[] wonAmount
    )
    {
        var owners = snapshot.Owners.Count;
        var scale = snapshot.Currency.MinorUnitValue;
        for (var slot = 0; slot < periods + 2; slot++)
        {
            var key =
                slot < periods ? slot
                : slot == periods ? StageWeightedAccumulator.OverdueSlot
                : StageWeightedAccumulator.OutsideSlot;
            for (var o = 0; o < owners; o++)
            {
                var k = slot * owners + o;
                if (openCount[k] != 0 || wonCount[k] != 0)
                {
                    yield return (
                        key,
                        snapshot.Owners[o],
                        new StageWeightedAccumulator.Sums(
                            openCount[k],
                            openAmount[k] * scale,
                            (decimal)weighted[k] / 1_000_000m * scale,
                            wonCount[k],
                            wonAmount[k] * scale
                        )
                    );
                }
            }
        }
    }

    // The snapshot's pass does less per row than a frame kernel (plain integer columns, no exactness checks), so it
    // is split from twice FramePartitions.SplitFromRows rows on (the break-even this pass was first split with).
    private const int SplitFromRows = 200_000;

    private sealed class Cells(int size)
    {
        public readonly int[] OpenCount = new int[size];
        public readonly long[] OpenAmount = new long[size];
        public readonly ulong[] WeightedLow = new ulong[size];
        public readonly long[] WeightedHigh = new long[size];
        public readonly int[] WonCount = new int[size];
        public readonly long[] WonAmount = new long[size];
    }

    // The hot loop: one pass over the columns, integer sums only.
    private static void Accumulate(ForecastSnapshot s, int from, int to, PeriodIndex index, Cells cells)
    {
        var slotOfDay = index.DayTable;
        var lo = index.FirstDay;
        var asOfDay = index.AsOfDay;
        var periods = index.Periods.Length;
        var openCount = cells.OpenCount;
        var openAmount = cells.OpenAmount;
        var weightedLow = cells.WeightedLow;
        var weightedHigh = cells.WeightedHigh;
        var wonCount = cells.WonCount;
        var wonAmount = cells.WonAmount;
        var owners = s.Owners.Count;
        var amounts = s.AmountMinor;
        var ppm = s.ProbabilityPpm;
        var days = s.Day;
        var kinds = s.Kind;
        var ownerOf = s.Owner;
        for (var i = from; i < to; i++)
        {
            var rel = unchecked((uint)(days[i] - lo)); // days before the first period wrap to large values and miss the table
            var slot = rel < (uint)slotOfDay.Length ? slotOfDay[rel] : -1;
            var amount = amounts[i];
            if (kinds[i] == ForecastSnapshot.OpenKind)
            {
                slot =
                    days[i] < asOfDay ? periods
                    : slot < 0 ? periods + 1
                    : slot;
                var k = slot * owners + ownerOf[i];
                openCount[k]++;
                openAmount[k] += amount;
                // A 128-bit sum as two words: Int128's checked addition is several times slower in this loop. The
                // product needs 128 bits too: up to 10^18 minor units x 10^6 ppm (a long holds only 9.2 x 10^18).
                var high = Math.BigMul((ulong)amount, (ulong)ppm[i], out var product);
                var low = unchecked(weightedLow[k] + product);
                weightedHigh[k] += (long)high + (low < product ? 1 : 0);
                weightedLow[k] = low;
            }
            else if (slot >= 0)
            {
                var k = slot * owners + ownerOf[i];
                wonCount[k]++;
                wonAmount[k] += amount;
            }
        }
    }
}
