using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;

namespace SalesPipeline.Collections;

/// <summary>
/// A <see cref="CollectionSchedule"/> as of a date (<see cref="CollectionSchedule.StatusAsOf"/>): every instalment's
/// state, and the contract totals, all counting only entries dated on or before <see cref="AsOf"/>.
/// </summary>
/// <remarks>
/// <para>The totals, exactly (all in whole minor units, nothing rounded):</para>
/// <list type="bullet">
/// <item><see cref="Billed"/>: the amounts of the instalments due on or before the date (instalments waiting for a
/// milestone are not billed).</item>
/// <item><see cref="Allocated"/>: what the payments have paid on instalments, summed over all instalments (billed or not).</item>
/// <item><see cref="Received"/>: the payments' amounts. <see cref="Refunded"/>: refunds and reversals together
/// (<see cref="Reversed"/> is the reversals' part).</item>
/// <item><see cref="Collected"/> = <see cref="Received"/> - <see cref="Refunded"/>, the cash kept; it always equals
/// <see cref="Allocated"/> + <see cref="Credit"/>.</item>
/// <item><see cref="Credit"/>: what was received beyond every instalment (only when all are paid), kept for the customer
/// until refunded.</item>
/// <item><see cref="Outstanding"/>: what the billed instalments still owe (billed less what was paid on them).</item>
/// <item><see cref="Overdue"/>: what the instalments due before the date still owe; part of <see cref="Outstanding"/>.</item>
/// <item><see cref="Remaining"/>: what all instalments still owe, <see cref="CollectionSchedule.Total"/> -
/// <see cref="Allocated"/>.</item>
/// <item><see cref="Costs"/>: the contract costs; <see cref="CollectedLessCosts"/> = <see cref="Collected"/> - <see cref="Costs"/>.</item>
/// </list>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class CollectionStatus
{
    internal CollectionStatus(CollectionSchedule schedule, LocalDate asOf, IReadOnlyList<InstalmentStatus> instalments, Amounts totals)
    {
        Contract = schedule.Contract;
        Total = schedule.Total;
        AsOf = asOf;
        Instalments = instalments;
        Billed = totals.Billed;
        Allocated = totals.Allocated;
        Received = totals.Received;
        Refunded = totals.Refunded;
        Reversed = totals.Reversed;
        Credit = totals.Credit;
        Outstanding = totals.Outstanding;
        Overdue = totals.Overdue;
        Costs = totals.Costs;
    }

    /// <summary>The contract's identity, or null when the schedule has none.</summary>
    public ContractInfo? Contract { get; }

    /// <summary>The contract total.</summary>
    public Money Total { get; }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency => Total.Currency;

    /// <summary>The date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Every instalment, by number.</summary>
    public IReadOnlyList<InstalmentStatus> Instalments { get; }

    /// <summary>The amounts of the instalments due on or before the date.</summary>
    public Money Billed { get; }

    /// <summary>What payments have paid on instalments, net of refunds.</summary>
    public Money Allocated { get; }

    /// <summary>The payments received.</summary>
    public Money Received { get; }

    /// <summary>Refunds and reversals together.</summary>
    public Money Refunded { get; }

    /// <summary>The reversals' part of <see cref="Refunded"/>.</summary>
    public Money Reversed { get; }

    /// <summary>Received beyond every instalment, kept as the customer's credit.</summary>
    public Money Credit { get; }

    /// <summary>What the billed instalments still owe.</summary>
    public Money Outstanding { get; }

    /// <summary>What the instalments due before the date still owe.</summary>
    public Money Overdue { get; }

    /// <summary>The contract costs.</summary>
    public Money Costs { get; }

    /// <summary>The cash kept: received less refunded (= allocated + credit).</summary>
    public Money Collected => Received - Refunded;

    /// <summary>What all instalments still owe: the total less what was allocated.</summary>
    public Money Remaining => Total - Allocated;

    /// <summary>The cash kept less the costs.</summary>
    public Money CollectedLessCosts => Collected - Costs;

    /// <summary>A table: one row per instalment, then the totals.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Contract?.ToString() ?? "Contract"} {Total} as of {AsOf:uuuu-MM-dd}\n");
        sb.Append(CultureInfo.InvariantCulture, $"{"#", -4} {"Due", -12} {"Amount", 18} {"Paid", 18} State\n");
        foreach (var line in Instalments)
        {
            var due = line.DueOn is { } d ? d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : line.Milestone ?? "";
            var state =
                line.DaysOverdue > 0 ? $"{line.State} {line.DaysOverdue.ToString(CultureInfo.InvariantCulture)}d" : line.State.ToString();
            sb.Append(CultureInfo.InvariantCulture, $"{line.Number, -4} {due, -12} {line.Amount, 18} {line.Paid, 18} {state}\n");
        }
        sb.Append(
            CultureInfo.InvariantCulture,
            $"billed {Billed} | collected {Collected} | outstanding {Outstanding} | overdue {Overdue}\n"
        );
        sb.Append(
            CultureInfo.InvariantCulture,
            $"credit {Credit} | refunded {Refunded} | costs {Costs} | collected less costs {CollectedLessCosts}\n"
        );
        return sb.ToString();
    }

    internal readonly record struct Amounts(
        Money Billed,
        Money Allocated,
        Money Received,
        Money Refunded,
        Money Reversed,
        Money Credit,
        Money Outstanding,
        Money Overdue,
        Money Costs
    );
}
