using System;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Forecasting;

public sealed partial class ForecastSnapshot
{
    // The snapshot as a projection of the deals' frame: the rows of the deals a forecast can place (not lost, not
    // stopped), each amount rounded to minor units and each probability to parts per million as the builder does, and
    // the owners renumbered among those rows (with rates, each converted amount from the frame's converted column,
    // then rounded). Null when the builder could give another result or refuse a deal (another currency without rates,
    // a currency without minor units, a deal the pipeline cannot weigh or the rates cannot convert, amounts past the
    // limit): then the builder runs on the deals.
    internal static ForecastSnapshot? TryProject(DealFrame frame, PipelineDefinition pipeline, Currency currency, ForecastOptions options)
    {
        if (!frame.Exactness.IsoDates || !currency.HasMinorUnit)
        {
            return null;
        }
        // Without rates every amount must already be in the snapshot's currency (the builder throws otherwise).
        if (options.Rates is null && (frame.Currencies is not [var only] || only != currency))
        {
            return null;
        }
        var amounts = frame.AmountsIn(options.Rates);
        if (!amounts.Exactness.NarrowAmounts || FramePlan.TryCreate(frame, pipeline, amounts.Exactness) is not { } plan)
        {
            return null;
        }
        var stagePpm = new int[frame.Stages.Length];
        for (var s = 0; s < stagePpm.Length; s++)
        {
            stagePpm[s] = pipeline.TryGetStage(frame.Stages[s], out var stage) ? Ppm(stage.Probability) : 0;
        }
        var overridePpm = Array.ConvertAll(frame.ProbabilityOverrides, Ppm);
        var rows = 0;
        for (var r = 0; r < frame.Count; r++)
        {
            if (!plan.Stages[frame.Stage[r]].Exists)
            {
                return null;
            }
            rows += (DealStatus)frame.Status[r] is DealStatus.Lost or DealStatus.Stopped ? 0 : 1;
        }
        var amount = new long[rows];
        var ppm = new int[rows];
        var day = new int[rows];
        var kind = new byte[rows];
        var owner = new int[rows];
        var category = new byte[rows];
        var ownerUsed = new bool[frame.OwnerKeys.Length];
        var zone = new ZoneDays(options.Zone);
        var magnitude = 0L;
        var i = 0;
        for (var r = 0; r < frame.Count; r++)
        {
            var status = (DealStatus)frame.Status[r];
            if (status is DealStatus.Lost or DealStatus.Stopped)
            {
                continue;
            }
            var stage = plan.Stages[frame.Stage[r]];
            // A row the rates cannot convert (Unusable) is left to the builder, which throws for it.
            if (
                amounts.Scale[r] == ReportingAmounts.Unusable
                || !TryMinorUnits(amounts.Mantissa[r], amounts.Scale[r], currency.MinorUnit, out var minor)
            )
            {
                return null;
            }
            magnitude += Math.Abs(minor);
            if (magnitude > Money.MaxMinorUnits)
            {
                return null;
            }
            amount[i] = minor;
            var open = stage.IsOpen;
            ppm[i] = open && frame.ProbabilityOverride[r] is var o and >= 0 ? overridePpm[o] : stagePpm[frame.Stage[r]];
            var won = status == DealStatus.Won;
            day[i] = won ? zone.DayOf(frame.DecidedAt[r]) : frame.ExpectedCloseDay[r];
            if (!ZoneDays.IsPlaceable(day[i]))
            {
                return null;
            }
            kind[i] = won ? (byte)WonKind : (byte)OpenKind;
            owner[i] = frame.OwnerKey[r];
            ownerUsed[frame.OwnerKey[r]] = true;
            category[i] = open && frame.CategoryOverride[r] is var c && c != DealFrame.NoCategory ? c : (byte)stage.Category;
            i++;
        }
        // The frame's owner codes are in ordinal order already; the snapshot numbers only the owners of its rows.
        var renumber = new int[ownerUsed.Length];
        var owners = new string[Array.FindAll(ownerUsed, u => u).Length];
        for (int code = 0, next = 0; code < ownerUsed.Length; code++)
        {
            if (ownerUsed[code])
            {
                owners[next] = frame.OwnerKeys[code];
                renumber[code] = next++;
            }
        }
        for (var k = 0; k < owner.Length; k++)
        {
            owner[k] = renumber[owner[k]];
        }
        return new ForecastSnapshot(pipeline, currency, options, owners, amount, ppm, day, kind, owner, category);
    }

    private static int Ppm(decimal probability) => (int)decimal.Round(probability * 1_000_000m, MidpointRounding.AwayFromZero);

    // Money.Round then ToMinorUnits on a mantissa and scale: half away from zero at the currency's minor unit.
    private static bool TryMinorUnits(long mantissa, byte scale, int minorUnit, out long minor)
    {
        minor = 0;
        if (scale <= minorUnit)
        {
            var factor = (long)Exactness.Pow10[minorUnit - scale];
            if (Math.Abs(mantissa) > Money.MaxMinorUnits / factor)
            {
                return false;
            }
            minor = mantissa * factor;
            return true;
        }
        // Up to 10^28: past a long, so the division runs in 128 bits.
        var divisor = (Int128)Exactness.Pow10[scale - minorUnit];
        var (quotient, remainder) = Int128.DivRem(mantissa, divisor);
        if (Int128.Abs(remainder) >= divisor - Int128.Abs(remainder))
        {
            quotient += Math.Sign(mantissa);
        }
        if (Int128.Abs(quotient) > Money.MaxMinorUnits)
        {
            return false;
        }
        minor = (long)quotient;
        return true;
    }
}
