using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using NodaTime;

namespace SalesPipeline.Collections;

/// <summary>
/// The collection schedule (payment plan) of a signed contract: instalments that add up to the contract total exactly,
/// and the append-only history of what happened to them (payments, refunds, reversals, costs, reschedules, milestones).
/// </summary>
/// <remarks>
/// <para>Created by <see cref="Create"/> from a total, a start (signing) date and <see cref="PaymentTerms"/>. Every change
/// (<see cref="Record"/>, <see cref="RecordAll"/>, <see cref="SetMilestone"/>, <see cref="Reschedule"/>) returns a new
/// schedule whose history is this one's plus the new entries; this schedule is never changed, and a rejected entry
/// leaves it as it was. <see cref="StatusAsOf"/> replays the entries dated on or before a date.</para>
/// <para>Immutable; thread-safe.</para>
/// <example><code>
/// var terms = PaymentTerms.Create(TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)), TermsLine.Balance(DueRule.MonthsAfterStart(1), instalments: 2));
/// var schedule = CollectionSchedule.Create(Money.Of(10_000m, Currency.USD), new LocalDate(2026, 1, 31), terms);
/// // #1 USD 3,000.00 due 2026-01-31, #2 USD 3,500.00 due 2026-02-28, #3 USD 3,500.00 due 2026-03-31
/// schedule = schedule.Record(new Payment("WIRE-1", new LocalDate(2026, 2, 2), Money.Of(4_000m, Currency.USD)));
/// schedule.StatusAsOf(new LocalDate(2026, 3, 5)); // #1 paid, #2 overdue 5 days with USD 1,000.00 paid
/// </code></example>
/// </remarks>
public sealed partial class CollectionSchedule
{
    private static readonly CollectionEntry[] NoEntries = [];

    // Per instalment, in whole minor units, and the due rule of its terms line.
    private readonly long[] amounts;
    private readonly LocalDate?[] plannedDue;
    private readonly DueRule[] rules;
    private readonly CollectionEntry[] history;

    // The state after every entry (null until the first entry: nothing paid, the planned due dates), and the latest
    // entry date (for the fast paths).
    private readonly Ledger? ledger;
    private readonly LocalDate? lastOn;
    private IReadOnlyList<Instalment>? instalments;

    private CollectionSchedule(
        ContractInfo? contract,
        Money total,
        LocalDate signedOn,
        PaymentTerms terms,
        long[] amounts,
        LocalDate?[] plannedDue,
        DueRule[] rules,
        CollectionEntry[] history,
        Ledger? ledger,
        LocalDate? lastOn
    )
    {
        Contract = contract;
        Total = total;
        SignedOn = signedOn;
        Terms = terms;
        this.amounts = amounts;
        this.plannedDue = plannedDue;
        this.rules = rules;
        this.history = history;
        this.ledger = ledger;
        this.lastOn = lastOn;
    }

    private Ledger State => ledger ?? Ledger.Initial(plannedDue);

    /// <summary>Who the contract belongs to (contract id, customer, owning rep, deal), or null when not given.</summary>
    public ContractInfo? Contract { get; }

    /// <summary>The contract total; the instalments add up to it exactly.</summary>
    public Money Total { get; }

    /// <summary>The currency of the contract, of every instalment and of every entry.</summary>
    public Currency Currency => Total.Currency;

    /// <summary>The start (signing) date the due rules count from.</summary>
    public LocalDate SignedOn { get; }

    /// <summary>The payment terms the instalments come from.</summary>
    public PaymentTerms Terms { get; }

    /// <summary>The number of instalments.</summary>
    public int InstalmentCount => amounts.Length;

    /// <summary>The instalments, by number, with their current due dates (after every entry of the history).</summary>
    public IReadOnlyList<Instalment> Instalments => instalments ??= BuildInstalments();

    /// <summary>Every entry ever recorded, in the order recorded. Entries are only ever appended.</summary>
    public IReadOnlyList<CollectionEntry> History => new ReadOnlyCollection<CollectionEntry>(history);

    private ReadOnlyCollection<Instalment> BuildInstalments()
    {
        var state = State;
        var list = new Instalment[amounts.Length];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = new Instalment(
                i + 1,
                Money.FromMinorUnits(amounts[i], Currency),
                state.Due[i],
                plannedDue[i],
                rules[i].MilestoneName,
                Array.AsReadOnly(state.PreviousDue?[i] ?? [])
            );
        }
        return Array.AsReadOnly(list);
    }

    /// <summary>The instalments as a table, then the number of history entries.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Contract?.ToString() ?? "Contract"} {Total} signed {SignedOn:uuuu-MM-dd}\n");
        foreach (var instalment in Instalments)
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"{"#" + instalment.Number.ToString(CultureInfo.InvariantCulture), -5} {instalment.Amount, 20}  {(instalment.DueOn is { } d ? d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "on " + instalment.Milestone)}\n"
            );
        }
        sb.Append(CultureInfo.InvariantCulture, $"{history.Length} history entries\n");
        return sb.ToString();
    }
}
