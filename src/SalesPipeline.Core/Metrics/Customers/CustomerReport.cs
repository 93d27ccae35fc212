using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;

namespace SalesPipeline.Metrics;

/// <summary>The customer report (<see cref="CustomerAnalysis.Of"/>): one line per customer, in ordinal order of the key.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CustomerReport
{
    internal CustomerReport(LocalDate asOf, Currency? currency, IReadOnlyList<CustomerLine> lines)
    {
        AsOf = asOf;
        Currency = currency;
        Lines = lines;
    }

    /// <summary>The date the collections were read on.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The reporting currency; null only when there were no deals, no schedules and no rates.</summary>
    public Currency? Currency { get; }

    /// <summary>One line per customer.</summary>
    public IReadOnlyList<CustomerLine> Lines { get; }

    /// <summary>A compact table: customer, won, open, stopped, collected, outstanding (counts in parentheses).</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(
            CultureInfo.InvariantCulture,
            $"Customers as of {AsOf:uuuu-MM-dd} ({Currency?.Code})\n{"Customer", -16} {"Won", 22} {"Open", 22} {"Stopped", 22} {"Collected", 16} {"Outstanding", 16}\n"
        );
        foreach (var l in Lines)
        {
            text.Append(
                CultureInfo.InvariantCulture,
                $"{l.AccountId, -16} {Cell(l.Won, l.WonDeals), 22} {Cell(l.OpenPipeline, l.OpenDeals), 22} {Cell(l.Stopped, l.StoppedDeals), 22} {N(l.Collected), 16} {N(l.Outstanding), 16}\n"
            );
        }
        return text.ToString().TrimEnd('\n');
    }

    private static string N(Money money) => money.Amount.ToString("N2", CultureInfo.InvariantCulture);

    private static string Cell(Money money, int count) => string.Create(CultureInfo.InvariantCulture, $"{N(money)} ({count})");
}
