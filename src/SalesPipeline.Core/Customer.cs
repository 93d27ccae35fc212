using System;
using SalesPipeline.Utility;

namespace SalesPipeline;

/// <summary>
/// The customer behind a deal: the account's id in your CRM and its name. Reports group by <see cref="AccountId"/> and
/// show <see cref="Name"/>; two deals for the same account id are deals for the same customer, whatever the name says.
/// </summary>
/// <remarks>An immutable value with ordinal equality on both parts. Thread-safe.</remarks>
/// <example><c>new Customer("ACC-1042", "Northwind Traders")</c></example>
public sealed record Customer
{
    /// <summary>Creates a customer reference.</summary>
    /// <param name="accountId">The account's id, for example "ACC-1042"; kept exactly as given.</param>
    /// <param name="name">The account's name, for example "Northwind Traders"; kept exactly as given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="accountId"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="accountId"/> or <paramref name="name"/> is empty or whitespace, or <paramref name="accountId"/> is "(none)" (the reports' key of deals without a customer, <c>BreakdownKeys.None</c>).</exception>
    public Customer(string accountId, string name)
    {
        AccountId = Preconditions.CheckNotBlank(accountId);
        Preconditions.CheckArgument(
            accountId != NoAccount,
            nameof(accountId),
            $"The account id \"{NoAccount}\" is the reports' key of deals without a customer; a customer's account id must differ from it."
        );
        Name = Preconditions.CheckNotBlank(name);
    }

    /// <summary>The account's id.</summary>
    public string AccountId { get; }

    /// <summary>The account's name.</summary>
    public string Name { get; }

    /// <summary>The name and the id, for example <c>Northwind Traders (ACC-1042)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name} ({AccountId})";

    // BreakdownKeys.None, defined here so the root type does not reach up into Metrics.
    internal const string NoAccount = "(none)";

    // A stored customer must satisfy what the constructor demands; null when it does (for event folds and decoders).
    internal static string? Problem(Customer c) =>
        string.IsNullOrWhiteSpace(c.AccountId) || string.IsNullOrWhiteSpace(c.Name)
            ? "the customer's account id and name must not be empty."
        : c.AccountId == NoAccount ? $"the account id \"{NoAccount}\" is the reports' key of deals without a customer."
        : null;
}
