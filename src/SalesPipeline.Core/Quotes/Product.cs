using System;
using System.Collections.Generic;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>
/// A product of a <see cref="PriceBook"/>: an id, a name, the unit it is sold in, a list price in each currency it is
/// sold in, and optionally a floor price per currency (the lowest unit price a rep may quote without approval).
/// </summary>
/// <remarks>
/// <para>Prices are per unit and need not be whole minor units (USD 0.0125 per API call is a price); a quote line rounds
/// its amount, not the price (<see cref="QuoteTotals"/>). A floor is at most the list price in its currency, and exists
/// only in a currency that has a list price.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
/// <example><code>
/// var seats = new Product("seat", "User seat", "seat/year",
///     [Money.Of(480m, Currency.USD), Money.Of(440m, Currency.EUR)],
///     floorPrices: [Money.Of(400m, Currency.USD)]);
/// seats.ListPriceIn(Currency.USD); // USD 480.00
/// seats.FloorPriceIn(Currency.EUR); // null: no floor in EUR
/// </code></example>
public sealed class Product
{
    private readonly Money[] listPrices;
    private readonly Money[] floorPrices;

    /// <summary>Creates a product.</summary>
    /// <param name="id">The product's id, unique in its price book (compared ordinally); not blank.</param>
    /// <param name="name">The display name; not blank.</param>
    /// <param name="unit">The unit a quantity counts, for example "seat/year" or "hour"; not blank.</param>
    /// <param name="listPrices">The list price per unit, one per currency, at least one; none negative.</param>
    /// <param name="floorPrices">The floor price per unit, at most one per currency, each in a currency of
    /// <paramref name="listPrices"/>, not negative and not above the list price; none by default.</param>
    /// <exception cref="ArgumentNullException">An argument or a price is null.</exception>
    /// <exception cref="ArgumentException">
    /// A text argument is blank; <paramref name="listPrices"/> is empty; two prices of one list share a currency; a floor
    /// is in a currency without a list price.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A price is negative, or a floor is above the list price.</exception>
    public Product(string id, string name, string unit, IEnumerable<Money> listPrices, IEnumerable<Money>? floorPrices = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotBlank(name);
        Unit = Preconditions.CheckNotBlank(unit);
        this.listPrices = CheckPrices(listPrices, "List price", nameof(listPrices));
        Preconditions.CheckArgument(
            this.listPrices.Length > 0,
            nameof(listPrices),
            $"Product \"{id}\" needs a list price in at least one currency; none was given."
        );
        this.floorPrices = floorPrices is null ? [] : CheckPrices(floorPrices, "Floor price", nameof(floorPrices));
        foreach (var floor in this.floorPrices)
        {
            var list =
                Find(this.listPrices, floor.Currency)
                ?? throw new ArgumentException(
                    $"Product \"{id}\" has a floor price {floor} but no list price in {floor.Currency.Code}; a floor needs a list price in its currency.",
                    nameof(floorPrices)
                );
            Preconditions.CheckRange(
                floor.Amount <= list.Amount,
                nameof(floorPrices),
                floor,
                $"Product \"{id}\" has floor price {floor} above its list price {list}; a floor is at most the list price."
            );
        }
    }

    /// <summary>The product's id.</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The unit a quantity counts.</summary>
    public string Unit { get; }

    /// <summary>The list prices per unit, one per currency, in the order given.</summary>
    public IReadOnlyList<Money> ListPrices => listPrices.AsReadOnly();

    /// <summary>The floor prices per unit, at most one per currency, in the order given.</summary>
    public IReadOnlyList<Money> FloorPrices => floorPrices.AsReadOnly();

    /// <summary>The list price per unit in <paramref name="currency"/>, or null when the product has none in it.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The list price, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    public Money? ListPriceIn(Currency currency) => Find(listPrices, Preconditions.CheckNotNull(currency));

    /// <summary>The floor price per unit in <paramref name="currency"/>, or null when there is no floor in it.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The floor price, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    public Money? FloorPriceIn(Currency currency) => Find(floorPrices, Preconditions.CheckNotNull(currency));

    /// <summary>"id: name, per unit, list prices".</summary>
    /// <returns>The invariant text, for example <c>"seat: User seat, per seat/year, USD 480.00 | EUR 440.00"</c>.</returns>
    public override string ToString() => $"{Id}: {Name}, per {Unit}, {string.Join(" | ", listPrices.Select(p => p.ToString()))}";

    private static Money? Find(Money[] prices, Currency currency) => Array.Find(prices, p => ReferenceEquals(p.Currency, currency));

    private static Money[] CheckPrices(IEnumerable<Money> prices, string what, string paramName)
    {
        var array = Preconditions.CheckNoNullElement(prices, what, paramName);
        for (var i = 0; i < array.Length; i++)
        {
            Preconditions.CheckRange(!array[i].IsNegative, paramName, array[i], $"{what} {i} is {array[i]}; a price must not be negative.");
            for (var j = 0; j < i; j++)
            {
                Preconditions.CheckArgument(
                    !ReferenceEquals(array[j].Currency, array[i].Currency),
                    paramName,
                    $"{what}s {j} and {i} are both in {array[i].Currency.Code}; give one price per currency."
                );
            }
        }
        return array;
    }
}
