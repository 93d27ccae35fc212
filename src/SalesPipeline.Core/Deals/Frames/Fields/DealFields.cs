using System.Collections.Generic;
using System.Linq;

namespace SalesPipeline.Deals;

// The fields of each deal that group and join rows beyond the frame's current-state columns, recorded from the deal
// when its row is built (DealFields.Recorder), so that group keys, id lookups and customer columns are read from
// columns instead of from a deal per row: the id and lead id (text heaps), the pool team, source code, product,
// customer (and from it the account, with the ordinal-first name per account), loss and stop reason codes, last open stage, the
// competitor lost to and the set of competitors faced, whether the deal waits in a pool and whether it was created in
// one, and the amounts the frame's mantissa column cannot hold. Codes are in ordinal order of the text, so parts
// recorded apart and joined (Join) give the very columns one pass gives. Immutable; safe to read from any thread.
internal sealed partial class DealFields
{
    internal const byte Pooled = 1;

    internal const byte CreatedInPool = 2;

    internal int Count => Pool.Length;

    // Deal.Id: offsets into IdText. Empty in the fields of a frame without deal objects until the frame gives them its
    // history's (WithIds): HasIds tells.
    internal required int[] IdOffset { get; init; }

    internal required TextHeap IdText { get; init; }

    // Deal.LeadId, for the deals that have one: offsets into LeadText, by row.
    internal required SparseColumn<int> Lead { get; init; }

    internal required TextHeap LeadText { get; init; }

    // Deal.Team (the pool's team), Deal.Source's code, Deal.Product.
    internal required FieldColumn<string> Team { get; init; }

    internal required FieldColumn<string> Source { get; init; }

    internal required FieldColumn<string> Product { get; init; }

    // Deal.Customer, ordered by account id, then name (ordinally): a row's own customer, so that a subset of the rows
    // (a frame as of an instant) knows its own first name per account.
    internal required FieldColumn<Customer> Customer { get; init; }

    // The distinct account ids of Customer's values, in ordinal order; the account code of each customer code; and per
    // account code the ordinal-first name among its customers (the first of its customers, in their order).
    internal required string[] Accounts { get; init; }

    internal required int[] AccountOfCustomer { get; init; }

    internal required string[] AccountNames { get; init; }

    // Deal.LossReason's code, Deal.StopReason's code, Deal.LastOpenStageId, Deal.Competitor, Deal.Competitors.
    internal required FieldColumn<string> LossReason { get; init; }

    internal required FieldColumn<string> StopReason { get; init; }

    internal required FieldColumn<string> LastOpenStage { get; init; }

    internal required FieldColumn<string> Competitor { get; init; }

    internal required CompetitorSetColumn Competitors { get; init; }

    // Pooled (Deal.Owner is null) and CreatedInPool (the first event names no owner), by row.
    internal required byte[] Pool { get; init; }

    // Deal.Amount.Amount where Exactness.TrySplit fails (28 digits, or a scale past what the kernels sum), by row.
    internal required SparseColumn<decimal> WideAmounts { get; init; }

    internal bool HasIds => IdOffset.Length == Count;

    internal DealId IdAt(int row) => IdText[IdOffset[row]] is { Length: > 0 } id ? new DealId(id) : default;

    // The account code of the row's customer, or DealFrame.NoCode for none.
    internal int AccountAt(int row) => Customer.CodeAt(row) is var code and >= 0 ? AccountOfCustomer[code] : DealFrame.NoCode;

    internal bool IsPooled(int row) => (Pool[row] & Pooled) != 0;

    internal bool WasCreatedInPool(int row) => (Pool[row] & CreatedInPool) != 0;

    // The memory of each column in bytes (array payloads; dictionaries estimated from their strings), for the
    // performance notes.
    internal IReadOnlyList<(string Column, long Bytes)> ColumnBytes() =>
        [
            ("Ids", (4L * IdOffset.Length) + IdText.Bytes),
            ("Leads", Lead.Bytes(4) + LeadText.Bytes),
            ("Team", Team.Bytes),
            ("Source", Source.Bytes),
            ("Product", Product.Bytes),
            ("Customer", Customer.Bytes + (4L * AccountOfCustomer.Length) + Accounts.Length * 8L),
            ("LossReason", LossReason.Bytes),
            ("StopReason", StopReason.Bytes),
            ("LastOpenStage", LastOpenStage.Bytes),
            ("Competitor", Competitor.Bytes),
            ("Competitors", Competitors.Bytes),
            ("Pool", Pool.LongLength),
            ("WideAmounts", WideAmounts.Bytes(16)),
        ];

    // These columns with the ids read from another heap that holds the same id at each row: a frame without deal
    // objects takes its history's (its builders recorded none), so that a million ids are held once (about 13 MB)
    // rather than twice.
    internal DealFields WithIds(int[] idOffset, TextHeap idText) =>
        new()
        {
            IdOffset = idOffset,
            IdText = idText,
            Lead = Lead,
            LeadText = LeadText,
            Team = Team,
            Source = Source,
            Product = Product,
            Customer = Customer,
            Accounts = Accounts,
            AccountOfCustomer = AccountOfCustomer,
            AccountNames = AccountNames,
            LossReason = LossReason,
            StopReason = StopReason,
            LastOpenStage = LastOpenStage,
            Competitor = Competitor,
            Competitors = Competitors,
            Pool = Pool,
            WideAmounts = WideAmounts,
        };

    // A string object's bytes (none for null), for the estimates of the dictionaries.
    internal static long TextBytes(string? value) => value is null ? 0 : 22 + (2L * value.Length);

    // The parts' rows in order, as one column set: the columns one Recorder given every row would build (with ids when
    // every part has them).
    internal static DealFields Join(IReadOnlyList<DealFields> parts)
    {
        var recorder = new Recorder(recordIds: parts.All(p => p.HasIds));
        foreach (var part in parts)
        {
            for (var row = 0; row < part.Count; row++)
            {
                recorder.Copy(part, row);
            }
        }
        return recorder.Build();
    }
}
