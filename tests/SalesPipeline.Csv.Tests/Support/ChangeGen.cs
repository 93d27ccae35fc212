using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Csv.Tests.Support;

// Random valid field changes for a DealGen record: amounts (sometimes re-quoted in another currency), close dates and
// owners, each chain ending in the record's current value, at instants (often tied with each other or with the stage
// entries) between the deal's first observation and asOf, amounts and dates only while the deal is open.
internal static class ChangeGen
{
    private static readonly Currency[] Currencies = [Currency.USD, Currency.EUR, Currency.KWD];

    public static DealImport Add(DealImport r, Random rng)
    {
        // The first observation and the end of the open stretch (docs/pipelines-and-deals.md, "Imported deals").
        var (observed, openUntil) =
            r.History.Count > 0 ? (r.History[0].EnteredAt, r.Status == DealStatus.Open ? DealGen.AsOf : r.ClosedAt)
            : r.Status != DealStatus.Open ? (r.ClosedAt!.Value, (Instant?)null)
            : (r.StageEnteredAt ?? DealGen.AsOf, DealGen.AsOf);
        List<FieldChange<T>> Chain<T>(Instant? until, T current, Func<T, T> other)
        {
            if (until is not { } end)
            {
                return [];
            }
            var candidates = r.History.Select(e => e.EnteredAt).Append(observed).Append(end).Where(t => t >= observed && t <= end).ToList();
            var at = Enumerable
                .Range(0, rng.Next(0, 4))
                .Select(_ =>
                    rng.Next(3) == 0
                        ? candidates[rng.Next(candidates.Count)]
                        : observed.Plus(Duration.FromSeconds(rng.NextInt64(0, (long)(end - observed).TotalSeconds + 1)))
                )
                .Distinct() // rows of one field at one instant would keep their file order, which the writer scrambles
                .Order()
                .ToList();
            var values = new T[at.Count + 1];
            values[^1] = current;
            for (var k = at.Count - 1; k >= 0; k--)
            {
                values[k] = other(values[k + 1]);
            }
            return [.. at.Select((t, k) => new FieldChange<T>(t, values[k], values[k + 1], rng.Next(2) == 0 ? null : "ops, \"EMEA\""))];
        }
        return r with
        {
            AmountChanges = Chain(
                openUntil,
                r.Amount,
                a =>
                    rng.Next(4) == 0
                        ? Money.Of(rng.Next(0, 1_000_000) / 100m, Currencies.First(c => c != a.Currency))
                        : Money.Of(a.Amount + rng.Next(1, 100_000) / 100m, a.Currency)
            ),
            ExpectedCloseChanges = Chain(
                openUntil,
                r.ExpectedClose,
                d => d.PlusDays(rng.Next(2) == 0 ? -rng.Next(1, 60) : rng.Next(1, 60))
            ),
            // DealGen draws owned deals: a pooled one has no owner changes here.
            OwnerChanges = r.Owner is null ? [] : Chain(DealGen.AsOf, r.Owner, o => o == "rep9" ? "rep8" : "rep9"),
        };
    }
}
