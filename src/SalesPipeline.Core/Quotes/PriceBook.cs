using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>
/// The products a company sells and their prices, valid for a period: the source of a quote line's list price, floor
/// price and default unit price.
/// </summary>
/// <remarks>
/// <para>A price book answers only for the dates of <see cref="Validity"/> (both ends inclusive): a price asked for a
/// date outside it, for a product it does not hold, or in a currency the product has no price in, is an error that
/// says which, never a guess.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
/// <example><code>
/// var book = new PriceBook("2026 list", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)), [seats]);
/// book.PriceOf("seat", Currency.USD, new LocalDate(2026, 3, 2)); // USD 480.00
/// </code></example>
public sealed class PriceBook
{
    private readonly Product[] products;
    private readonly FrozenDictionary<string, Product> byId;

    /// <summary>Creates a price book.</summary>
    /// <param name="name">The price book's name, for example "2026 list"; not blank.</param>
    /// <param name="validity">The dates the prices hold for, both ends inclusive (ISO calendar, 0001-01-01 to 9999-12-31).</param>
    /// <param name="products">The products, at least one, with distinct ids.</param>
    /// <exception cref="ArgumentNullException">An argument or a product is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, <paramref name="products"/> is empty, or two products share an id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="validity"/> has a date outside the supported range.</exception>
    public PriceBook(string name, DateInterval validity, IEnumerable<Product> products)
    {
        Name = Preconditions.CheckNotBlank(name);
        Validity = Preconditions.CheckDates(validity);
        this.products = Preconditions.CheckNoNullElement(products, "Product");
        Preconditions.CheckArgument(
            this.products.Length > 0,
            nameof(products),
            $"Price book \"{name}\" needs at least one product; none was given."
        );
        var seen = new Dictionary<string, Product>(StringComparer.Ordinal);
        foreach (var product in this.products)
        {
            Preconditions.CheckArgument(
                seen.TryAdd(product.Id, product),
                nameof(products),
                $"Price book \"{name}\" has two products with id \"{product.Id}\"; product ids must be unique."
            );
        }
        byId = seen.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The price book's name.</summary>
    public string Name { get; }

    /// <summary>The dates the prices hold for, both ends inclusive.</summary>
    public DateInterval Validity { get; }

    /// <summary>The products, in the order given.</summary>
    public IReadOnlyList<Product> Products => products.AsReadOnly();

    /// <summary>Whether the prices hold on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when <paramref name="date"/> is within <see cref="Validity"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public bool IsValidOn(LocalDate date) => Validity.Contains(Preconditions.CheckDate(date));

    /// <summary>The product with the given id.</summary>
    /// <param name="productId">The product's id.</param>
    /// <returns>The product.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="productId"/> is null.</exception>
    /// <exception cref="ArgumentException">The price book has no such product.</exception>
    public Product GetProduct(string productId)
    {
        Preconditions.CheckNotNull(productId);
        return byId.TryGetValue(productId, out var product)
            ? product
            : throw new ArgumentException(
                $"Price book \"{Name}\" has no product \"{productId}\"; its products are {string.Join(", ", products.Select(p => p.Id))}.",
                nameof(productId)
            );
    }

    /// <summary>The list price per unit of a product in a currency on a date.</summary>
    /// <param name="productId">The product's id.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="on">The date the price is for; within <see cref="Validity"/>.</param>
    /// <returns>The list price per unit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="productId"/> or <paramref name="currency"/> is null.</exception>
    /// <exception cref="ArgumentException">The price book has no such product, or the product has no price in <paramref name="currency"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="on"/> is outside <see cref="Validity"/> (or not a supported date).</exception>
    public Money PriceOf(string productId, Currency currency, LocalDate on) => Priced(productId, currency, on).List;

    /// <summary>
    /// A quote line for a product as this price book prices it on a date: the list price and floor in the quote's
    /// currency, and the unit price given or, by default, the list price.
    /// </summary>
    /// <param name="productId">The product's id.</param>
    /// <param name="quantity">The quantity, above zero.</param>
    /// <param name="currency">The quote's currency.</param>
    /// <param name="on">The date the prices are for (the quote's date); within <see cref="Validity"/>.</param>
    /// <param name="discount">The line discount, if any.</param>
    /// <param name="unitPrice">The unit price, when the rep quotes another than the list price; in <paramref name="currency"/>.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="productId"/> or <paramref name="currency"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The price book has no such product, or it has no price in <paramref name="currency"/>; or the line is invalid (see
    /// <see cref="QuoteLine(string, decimal, Money, Money, Money?, Discount?)"/>).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="on"/> is outside <see cref="Validity"/>; or the quantity, unit price or discount is out of range.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="unitPrice"/> or an amount discount is in another currency.</exception>
    public QuoteLine Line(
        string productId,
        decimal quantity,
        Currency currency,
        LocalDate on,
        Discount? discount = null,
        Money? unitPrice = null
    )
    {
        var (product, list) = Priced(productId, currency, on);
        return new QuoteLine(productId, quantity, unitPrice ?? list, list, product.FloorPriceIn(currency), discount);
    }

    /// <summary>"name (start..end): n products".</summary>
    /// <returns>The invariant text, for example <c>"2026 list (2026-01-01..2026-12-31): 3 products"</c>.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Name} ({Validity.Start:uuuu-MM-dd}..{Validity.End:uuuu-MM-dd}): {products.Length} products"
        );

    private (Product Product, Money List) Priced(string productId, Currency currency, LocalDate on)
    {
        Preconditions.CheckNotNull(currency);
        var product = GetProduct(productId);
        Preconditions.CheckDate(on);
        Preconditions.CheckRange(
            IsValidOn(on),
            nameof(on),
            on,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Price book \"{Name}\" holds from {Validity.Start:uuuu-MM-dd} to {Validity.End:uuuu-MM-dd}; it has no prices for {on:uuuu-MM-dd}."
            )
        );
        var list =
            product.ListPriceIn(currency)
            ?? throw new ArgumentException(
                $"Product \"{productId}\" of price book \"{Name}\" has no price in {currency.Code}; it is priced in {string.Join(", ", product.ListPrices.Select(p => p.Currency.Code))}.",
                nameof(currency)
            );
        return (product, list);
    }
}
