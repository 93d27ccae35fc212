using System;
using System.Collections.Generic;

namespace SalesPipeline.Html.Charts;

// A linear map from data values to pixels, and "nice" round tick values (1, 2 or 5 times a power of ten) for an axis.
internal sealed class Scale
{
    private Scale(double min, double max, double from, double to, double step)
    {
        Min = min;
        Max = max;
        From = from;
        To = to;
        Step = step;
    }

    // The data range [Min, Max] drawn from pixel From to pixel To (To may be less than From: a y axis grows upwards).
    public double Min { get; }

    public double Max { get; }

    public double From { get; }

    public double To { get; }

    // The tick step (0 when the range is given exactly and has no ticks of its own).
    public double Step { get; }

    // A range widened to round ticks, always holding 0: for bars, which grow from zero.
    public static Scale FromZero(double low, double high, double from, double to, int ticks = 5, double minStep = 0)
    {
        low = Math.Min(0, low);
        high = Math.Max(0, high);
        if (high - low <= 0)
        {
            high = 1;
        }
        var step = Math.Max(minStep, NiceStep((high - low) / ticks));
        return new Scale(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, from, to, step);
    }

    // The range exactly as given (a distribution's support), with round ticks inside it.
    public static Scale Exact(double low, double high, double from, double to, int ticks = 6)
    {
        var step = high > low ? NiceStep((high - low) / ticks) : 0;
        return new Scale(low, high, from, to, step);
    }

    public double Map(double value) => Max > Min ? From + ((value - Min) / (Max - Min) * (To - From)) : (From + To) / 2;

    public IEnumerable<double> Ticks()
    {
        if (Step <= 0)
        {
            yield return Min;
            yield break;
        }
        var first = Math.Ceiling((Min / Step) - 1e-9);
        var last = Math.Floor((Max / Step) + 1e-9);
        for (var i = first; i <= last; i++)
        {
            // i * Step rather than a running sum, so 0.1 + 0.1 + 0.1 never drifts to 0.30000000000000004.
            yield return Math.Round(i * Step, 10) + 0.0; // + 0.0 turns -0 into 0
        }
    }

    internal static double NiceStep(double rough)
    {
        if (!(rough > 0) || double.IsInfinity(rough))
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var nice = fraction switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 5 => 5,
            _ => 10,
        };
        return nice * power;
    }
}
