using NodaTime;
using SalesPipeline.Collections;

namespace SalesPipeline.Quotes;

public sealed partial class Quote
{
    /// <summary>
    /// The collection schedule of the contract an accepted quote becomes: <see cref="CollectionSchedule.Create"/> for
    /// exactly the quote total under <paramref name="terms"/>.
    /// </summary>
    /// <param name="terms">The payment terms.</param>
    /// <param name="signedOn">The signing date the due rules count from.</param>
    /// <param name="contract">Who the contract belongs to, for receivables reports; optional.</param>
    /// <returns>The schedule; its instalments add up to <see cref="Total"/> exactly.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="terms"/> is null.</exception>
    /// <exception cref="System.ArgumentException">The terms do not fit the total (see <see cref="CollectionSchedule.Create"/>).</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The total is zero (a free quote has nothing to collect), or a date is outside the supported range.</exception>
    /// <exception cref="QuoteOperationException">The quote is not accepted.</exception>
    /// <example><code>
    /// var schedule = accepted.ToCollectionSchedule(
    ///     PaymentTerms.Create(TermsLine.Percentage(30m, DueRule.DaysAfterStart(0)), TermsLine.Balance(DueRule.DaysAfterStart(90))),
    ///     new LocalDate(2026, 3, 20));
    /// </code></example>
    public CollectionSchedule ToCollectionSchedule(PaymentTerms terms, LocalDate signedOn, ContractInfo? contract = null)
    {
        Utility.Preconditions.CheckNotNull(terms);
        Utility.Preconditions.CheckDate(signedOn);
        Refuse(!IsAccepted, $"only an accepted quote becomes a contract; the quote is {Describe(Status)}.");
        return CollectionSchedule.Create(Total, signedOn, terms, contract);
    }
}
