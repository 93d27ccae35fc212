using System;
using System.Threading;
using SalesPipeline.Deals;
using SalesPipeline.Utility;

namespace SalesPipeline.Health;

// The open deals with findings, in ordinal order of their ids: the report's Deals. A large pipeline has hundreds of
// thousands of them, so the inspection keeps only what ranks them (where the deal is: an object as of the as-of instant,
// or a frame's row; its amount in the reporting currency, its probability, the exact weighted amount and the number of
// findings); each DealHealth and its findings are built on first read, by the same checks on the deal, and kept. So a
// frame's deals are read (and, for a frame without deal objects, made) only for the entries a caller reads. Safe to read from several threads: two threads
// reading the same entry at once may both build it, and one of the two equal objects is kept.
internal sealed class AtRiskDeals : ReadOnlyListBase<DealHealth>
{
    private readonly AtRiskEntry[] deals;
    private readonly decimal[] amounts;
    private readonly Currency? currency;
    private readonly decimal[] probabilities;
    private readonly decimal[] weighted;
    private readonly int[] findingStart;
    private readonly DealChecks checks;
    private readonly DealHealth?[] built;

    // findingStart has one entry more than deals: deal i's findings are numbers findingStart[i] to findingStart[i + 1] - 1.
    // The amounts are in the reporting currency (null only when there are no deals).
    internal AtRiskDeals(
        AtRiskEntry[] deals,
        decimal[] amounts,
        Currency? currency,
        decimal[] probabilities,
        int[] findingStart,
        DealChecks checks
    )
    {
        this.deals = deals;
        this.amounts = amounts;
        this.currency = currency;
        this.probabilities = probabilities;
        this.findingStart = findingStart;
        this.checks = checks;
        weighted = new decimal[deals.Length];
        for (var i = 0; i < deals.Length; i++)
        {
            weighted[i] = amounts[i] * probabilities[i];
        }
        built = new DealHealth?[deals.Length];
    }

    public override int Count => deals.Length;

    // The number of findings of every deal together.
    internal int FindingCount => findingStart[^1];

    public override DealHealth this[int index]
    {
        get
        {
            Preconditions.CheckIndex(index, deals.Length);
            if (Volatile.Read(ref built[index]) is { } health)
            {
                return health;
            }
            var deal = deals[index].Deal;
            var made = new DealHealth(deal, Money.Of(amounts[index], currency!), probabilities[index], checks.Findings(deal).AsReadOnly());
            return Interlocked.CompareExchange(ref built[index], made, null) ?? made;
        }
    }

    // The finding with the given number (0 to FindingCount - 1), counting every deal's findings in the order of the
    // deals. Every deal here has a finding, so the starts rise strictly and an exact hit is that deal's first.
    internal HealthFinding FindingAt(int number)
    {
        var at = Array.BinarySearch(findingStart, 0, deals.Length, number);
        var deal = at >= 0 ? at : ~at - 1;
        return this[deal].Findings[number - findingStart[deal]];
    }

    // The deal's rank keys for the review shortlist: a higher weighted amount first, then more findings, then the
    // lower index (ordinal id order, as the entries are sorted by id and ids are unique).
    internal decimal Weighted(int index) => weighted[index];

    internal int FindingsOf(int index) => findingStart[index + 1] - findingStart[index];

    internal string Owner(int index) => deals[index].Owner;
}

// An open deal at risk: the deal as of the as-of instant (View), or a row of a frame whose columns are that state.
internal readonly record struct AtRiskEntry(Deal? View, DealFrame? Frame, int Row)
{
    internal Deal Deal => View ?? Frame!.DealAt(Row);

    internal string Owner => View?.OwnerKey ?? Frame!.OwnerKeys[Frame.OwnerKey[Row]];
}
