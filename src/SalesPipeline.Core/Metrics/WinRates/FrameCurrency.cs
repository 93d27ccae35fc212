using System;
using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

// The ReportingValue rule without rates, on frame currency codes: every counted amount in the given currency, or else
// all in one currency (the first counted fixes it). A kernel stops at a row that breaks it (the deal code throws
// there, naming the currencies); parts of a split each keep what they saw and must agree.
internal struct FrameCurrency
{
    internal const int Unknown = -1;
    internal const int Absent = -2;

    internal FrameCurrency(int wanted) => Seen = wanted;

    // The code of the currency counted so far, Unknown before the first, Absent when the given one is in no row.
    internal int Seen;

    // The code every counted row must have: the given currency's (Absent when no row has it), the frame's one
    // currency, or Unknown when the first counted row decides.
    internal static int Wanted(WinRateOptions options, DealFrame frame) =>
        options.Currency is { } given ? (Array.IndexOf(frame.Currencies, given) is var code and >= 0 ? code : Absent)
        : frame.Currencies.Length == 1 ? 0
        : Unknown;

    // False when the row's currency breaks the rule.
    internal bool Accept(int code)
    {
        if (code == Seen)
        {
            return true;
        }
        if (Seen != Unknown)
        {
            return false;
        }
        Seen = code;
        return true;
    }

    // The one currency the parts saw (Unknown when none counted), or null when two saw different ones.
    internal static int? Agree(int wanted, int[] seen)
    {
        var currency = wanted;
        foreach (var part in seen)
        {
            if (part == Unknown || part == currency)
            {
                continue;
            }
            if (currency != Unknown)
            {
                return null;
            }
            currency = part;
        }
        return currency;
    }
}
