using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Collections;

namespace SalesPipeline.Csv.Reading;

// payments.csv (docs/csv.md): one row per payment, refund or reversal of a contract, recorded against the contract's
// collection schedule. The rows are checked on their own first (cells, kinds, the schedule's currency and instalments),
// then each contract's rows are recorded in date order and the ledger's own rejections are reported on their lines.
internal sealed class PaymentRows
{
    internal const string File = "payments";

    internal const int Contract = 0,
        Reference = 1,
        Kind = 2,
        On = 3,
        Amount = 4,
        Currency = 5,
        Instalment = 6,
        PaymentReference = 7,
        Reason = 8;

    internal static readonly Schema Schema = new(
        File,
        ["contract_id", "reference", "kind", "on", "amount", "currency", "instalment", "payment_reference", "reason"],
        ["contract_id", "reference", "on"]
    );

    private enum EntryKind
    {
        Payment,
        Refund,
        Reversal,
    }

    private static readonly string[] KindCodes = ["payment", "refund", "reversal"];
    private static readonly EntryKind[] Kinds = [EntryKind.Payment, EntryKind.Refund, EntryKind.Reversal];

    private readonly CollectionSchedule[] schedules;
    private readonly Dictionary<string, int> byContract = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), long> seen = [];

    internal PaymentRows(CollectionSchedule[] schedules)
    {
        this.schedules = schedules;
        for (var i = 0; i < schedules.Length; i++)
        {
            byContract.Add(schedules[i].Contract!.ContractId, i);
        }
    }

    // The schedules given, checked: none null, each with a contract, no contract id twice.
    internal static CollectionSchedule[] Check(IEnumerable<CollectionSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        var list = schedules.ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var schedule = list[i] ?? throw new ArgumentNullException(nameof(schedules), $"Schedule {i} is null.");
            if (schedule.Contract is not { } contract)
            {
                throw new ArgumentException(
                    $"Schedule {i} has no ContractInfo, so no row can name it; create it with a contract (CollectionSchedule.Create(..., contract)).",
                    nameof(schedules)
                );
            }
            if (!ids.Add(contract.ContractId))
            {
                throw new ArgumentException(
                    $"Schedule {i} is for contract \"{contract.ContractId}\", as is an earlier one; a contract has one schedule.",
                    nameof(schedules)
                );
            }
        }
        return list;
    }

    internal Row? Parse(RowReader r)
    {
        var contract = r.Required(Contract, "Every row names the contract it is for.");
        CollectionSchedule? schedule = null;
        var index = -1;
        if (contract is not null)
        {
            if (byContract.TryGetValue(contract, out index))
            {
                schedule = schedules[index];
            }
            else
            {
                r.Bad(Contract, "No schedule given is for this contract.");
            }
        }
        var reference = r.Required(Reference, "Every row has its own reference (a bank transaction id, a receipt number).");
        if (contract is not null && reference is not null)
        {
            r.Unique(seen, (contract, reference), Reference, "References are unique within a contract", "contract and reference");
        }
        var kind = r.Choice(Kind, KindCodes, Kinds, "The kind is payment, refund or reversal.");
        // Choice reports a kind exactly when the cell has text.
        var badKind = kind is null && r.Text(Kind) is not null; // the columns a kind needs are not checked then
        var on = r.Date(On, "Every row has its date: when the money was received or paid back.");
        // A reversal has no amount, so it needs no currency; when it names one, it is checked all the same.
        var currency = kind == EntryKind.Reversal && r.IsBlank(Currency) ? schedule?.Currency : r.Currency(Currency, schedule?.Currency);
        if (currency is not null && schedule is not null && currency != schedule.Currency)
        {
            r.Bad(Currency, $"The schedule of contract {contract} is in {schedule.Currency.Code}.");
        }
        Money? amount = null;
        if (kind == EntryKind.Reversal)
        {
            if (!r.IsBlank(Amount))
            {
                r.Bad(Amount, "A reversal takes back the whole payment: it has no amount.");
            }
        }
        else
        {
            amount = r.Amount(Amount, currency, badKind ? null : "A payment or refund has an amount.");
            if (amount is not null)
            {
                if (!amount.IsPositive)
                {
                    r.Bad(Amount, "A payment's or refund's amount is above zero.");
                }
                else if (!amount.Currency.HasMinorUnit || !amount.IsRoundedToMinorUnit)
                {
                    r.Bad(
                        Amount,
                        amount.Currency.HasMinorUnit
                            ? string.Create(
                                CultureInfo.InvariantCulture,
                                $"An amount received or paid back is a whole number of minor units: {amount.Currency.MinorUnit} decimals at most in {amount.Currency.Code}."
                            )
                            : $"{amount.Currency.Code} has no minor unit, so a schedule cannot hold it."
                    );
                }
            }
        }
        var instalment = r.Number(Instalment);
        if (instalment is not null && kind is EntryKind.Refund or EntryKind.Reversal)
        {
            r.Bad(Instalment, "Only a payment names the instalment it pays.");
        }
        else if (instalment > schedule?.InstalmentCount)
        {
            r.Bad(
                Instalment,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The schedule of contract {contract} has instalments 1 to {schedule!.InstalmentCount}."
                )
            );
        }
        var paymentReference = r.Text(PaymentReference);
        var reason = r.Text(Reason);
        if (kind is null or EntryKind.Payment && !badKind)
        {
            if (paymentReference is not null)
            {
                r.Bad(PaymentReference, "Only a refund or a reversal names the payment it takes back.");
            }
            if (reason is not null)
            {
                r.Bad(Reason, "Only a refund or a reversal has a reason.");
            }
        }
        else if (paymentReference is null && !badKind)
        {
            r.Bad(PaymentReference, "A refund or a reversal names the payment it takes back.");
        }
        if (r.HasErrors)
        {
            return null;
        }
        CollectionEntry entry = kind switch
        {
            EntryKind.Refund => new Refund(reference!, on!.Value, paymentReference!, amount!, reason),
            EntryKind.Reversal => new Reversal(reference!, on!.Value, paymentReference!, reason),
            _ => new Payment(reference!, on!.Value, amount!, instalment),
        };
        return new Row(index, entry);
    }

    // Records each contract's accepted rows in date order (rows of the same date in file order); a row the schedule
    // rejects is reported on its line with the ledger's reason. Returns the schedules in the order given and the number
    // of rows recorded.
    internal (CollectionSchedule[] Schedules, long Recorded) Record(
        List<(long Line, Row Value)> rows,
        List<CsvRowError> errors,
        bool stopAtFirstError
    )
    {
        var result = (CollectionSchedule[])schedules.Clone();
        var recorded = 0L;
        foreach (var (line, row) in rows.OrderBy(r => r.Value.Schedule).ThenBy(r => r.Value.Entry.On))
        {
            var schedule = result[row.Schedule];
            try
            {
                result[row.Schedule] = schedule.Record(row.Entry);
                recorded++;
                continue;
            }
            catch (ReferenceConflictException e)
            {
                errors.Add(
                    new CsvRowError(
                        File,
                        line,
                        Schema.Columns[Reference],
                        e.Reference,
                        $"The schedule of contract {schedule.Contract!.ContractId} rejects it: {e.Message}"
                    )
                );
            }
            catch (ArgumentException e)
            {
                // The message without ArgumentException's " (Parameter 'entry')": the row is the entry.
                var reason = e.ParamName is null
                    ? e.Message
                    : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
                if (e is ArgumentOutOfRangeException && e.Message.Contains("Actual value was", StringComparison.Ordinal))
                {
                    reason = reason[..reason.IndexOf("\nActual value was", StringComparison.Ordinal)].TrimEnd();
                }
                errors.Add(
                    new CsvRowError(
                        File,
                        line,
                        null,
                        null,
                        $"The schedule of contract {schedule.Contract!.ContractId} rejects it: {reason}"
                    )
                );
            }
            if (stopAtFirstError)
            {
                throw new CsvImportException([errors[^1]]);
            }
        }
        return (result, recorded);
    }

    // An accepted row: the index of its schedule and the entry to record.
    internal sealed record Row(int Schedule, CollectionEntry Entry);
}
