using System.Globalization;

namespace SalesPipeline.Collections;

/// <summary>Collection progress of one contract, rep, team or the company, as of a date (<see cref="CollectionProgress.Of"/>).</summary>
/// <param name="Key">The contract id, rep id, team id, "total", or <see cref="Receivables.Unassigned"/>.</param>
/// <param name="Due">Due so far: the amounts of the instalments due on or before the date (<see cref="CollectionStatus.Billed"/>).</param>
/// <param name="PaidOnDue">What has been paid on those instalments: <paramref name="Due"/> less <see cref="CollectionStatus.Outstanding"/>.</param>
/// <param name="Outstanding">What those instalments still owe.</param>
/// <param name="Collected">The cash kept (<see cref="CollectionStatus.Collected"/>: received less refunds and reversals),
/// including prepayments of instalments not yet due and credit.</param>
/// <param name="Rate"><paramref name="PaidOnDue"/> / <paramref name="Due"/>, from 0 to 1, unrounded; null when nothing is due yet.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ProgressLine(string Key, Money Due, Money PaidOnDue, Money Outstanding, Money Collected, decimal? Rate)
{
    /// <summary>"alice due USD 6,500.00 paid USD 4,000.00 (61.5 %) collected USD 4,000.00".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Key} due {Due} paid {PaidOnDue} ({(Rate is { } r ? (r * 100m).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a")}) collected {Collected}"
        );
}
