using System;
using System.Globalization;
using SalesPipeline.Utility;

namespace SalesPipeline.Quotes;

/// <summary>
/// One line of a quote as the rep entered it: a product, a quantity, the unit price quoted, and the list and floor
/// prices the price book gave it, with an optional line discount. <see cref="QuoteTotals"/> prices it.
/// </summary>
/// <remarks>
/// <para>The line keeps the list and floor prices it was made with, so a quote's history reads the same after the price
/// book changes. Build lines with <see cref="PriceBook.Line"/>, which looks the prices up; a line's product id is unique in
/// its quote (versions are compared line by line by product).</para>
/// <para>Immutable, with value equality; safe to share across threads.</para>
/// </remarks>
public sealed record QuoteLine
{
    /// <summary>Creates a line.</summary>
    /// <param name="productId">The product's id; not blank.</param>
    /// <param name="quantity">The quantity, above zero (fractions allowed: 2.5 hours).</param>
    /// <param name="unitPrice">The unit price quoted; not negative, in a currency that has a minor unit.</param>
    /// <param name="listPrice">The price book's list price per unit, in the same currency; not negative.</param>
    /// <param name="floorPrice">The price book's floor price per unit, if any, in the same currency; not negative, not above the list price.</param>
    /// <param name="discount">The line discount: a percentage, or an amount not above the line's gross amount (quantity x unit price, rounded).</param>
    /// <exception cref="ArgumentNullException"><paramref name="productId"/>, <paramref name="unitPrice"/> or <paramref name="listPrice"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="productId"/> is blank, or the currency of <paramref name="unitPrice"/> has no minor unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="quantity"/> is not above zero; a price is negative; the floor is above the list price; the amount
    /// discount is above the line's gross amount; or quantity x unit price is beyond <see cref="Currency.MaxAmount"/>.
    /// </exception>
    /// <exception cref="CurrencyMismatchException">A price or the amount discount is in another currency than <paramref name="unitPrice"/>.</exception>
    public QuoteLine(
        string productId,
        decimal quantity,
        Money unitPrice,
        Money listPrice,
        Money? floorPrice = null,
        Discount? discount = null
    )
    {
        ProductId = Preconditions.CheckNotBlank(productId);
        Preconditions.CheckRange(
            quantity > 0m,
            nameof(quantity),
            quantity,
            string.Create(CultureInfo.InvariantCulture, $"The quantity of line \"{productId}\" must be above zero; it was {quantity}.")
        );
        Preconditions.CheckNotNull(unitPrice);
        Preconditions.CheckNotNull(listPrice);
        Preconditions.CheckArgument(
            unitPrice.Currency.HasMinorUnit,
            nameof(unitPrice),
            $"A quote is priced in a currency with a minor unit; {unitPrice.Currency.Code} has none."
        );
        CheckPrice(unitPrice, unitPrice, "unit price", nameof(unitPrice));
        CheckPrice(listPrice, unitPrice, "list price", nameof(listPrice));
        if (floorPrice is not null)
        {
            CheckPrice(floorPrice, unitPrice, "floor price", nameof(floorPrice));
            Preconditions.CheckRange(
                floorPrice.Amount <= listPrice.Amount,
                nameof(floorPrice),
                floorPrice,
                $"The floor price {floorPrice} of line \"{productId}\" is above its list price {listPrice}."
            );
        }
        Quantity = quantity;
        UnitPrice = unitPrice;
        ListPrice = listPrice;
        FloorPrice = floorPrice;
        Gross = unitPrice.Multiply(quantity).Round();
        if (discount?.Amount is { } off)
        {
            if (!ReferenceEquals(off.Currency, unitPrice.Currency))
            {
                throw new CurrencyMismatchException(unitPrice.Currency, off.Currency, "discount");
            }
            Preconditions.CheckRange(
                off.Amount <= Gross.Amount,
                nameof(discount),
                off,
                $"The discount {off} of line \"{productId}\" is above the line's amount {Gross} ({Number(quantity)} x {unitPrice}); a discount may not make a line negative."
            );
        }
        Discount = discount;
    }

    /// <summary>The product's id.</summary>
    public string ProductId { get; }

    /// <summary>The quantity, above zero.</summary>
    public decimal Quantity { get; }

    /// <summary>The unit price quoted.</summary>
    public Money UnitPrice { get; }

    /// <summary>The price book's list price per unit when the line was made.</summary>
    public Money ListPrice { get; }

    /// <summary>The price book's floor price per unit when the line was made, or null when there is none.</summary>
    public Money? FloorPrice { get; }

    /// <summary>The line discount, or null.</summary>
    public Discount? Discount { get; }

    /// <summary>The line's currency (that of its prices).</summary>
    public Currency Currency => UnitPrice.Currency;

    // Quantity x unit price, rounded half away from zero: the first rounding of the documented rule.
    internal Money Gross { get; }

    /// <summary>"product: quantity x unit price less discount".</summary>
    /// <returns>The invariant text, for example <c>"seat: 100 x USD 480.00 less 12%"</c>.</returns>
    public override string ToString() => $"{ProductId}: {Number(Quantity)} x {UnitPrice}" + (Discount is null ? "" : $" less {Discount}");

    /// <summary>Whether two lines have the same product, quantity, prices and discount.</summary>
    /// <param name="other">The other line.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(QuoteLine? other) =>
        other is not null
        && ProductId == other.ProductId
        && Quantity == other.Quantity
        && UnitPrice == other.UnitPrice
        && ListPrice == other.ListPrice
        && FloorPrice == other.FloorPrice
        && Discount == other.Discount;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ProductId, Quantity, UnitPrice, ListPrice, FloorPrice, Discount);

    internal static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static void CheckPrice(Money price, Money unitPrice, string what, string paramName)
    {
        if (!ReferenceEquals(price.Currency, unitPrice.Currency))
        {
            throw new CurrencyMismatchException(unitPrice.Currency, price.Currency, $"price a quote line ({what}) with");
        }
        Preconditions.CheckRange(!price.IsNegative, paramName, price, $"The {what} must not be negative; it was {price}.");
    }
}
