using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Tests.Frames;

// FrameDeals with who they are for: a customer of a few accounts (one account under two names, one only its case
// tells apart), a product or none, a pool's team, now and then a customer changed
// at the end of the history (so a past state has another customer), and in one list in ten a deal given twice.
internal static class CustomerFrameDeals
{
    private static readonly Customer?[] Customers =
    [
        null,
        new("ACC-1", "Acme"),
        new("ACC-1", "Acme Corp"),
        new("ACC-2", "Beta"),
        new("ACC-3", "Gamma"),
        new("acc-1", "acme"), // sorts after the capital ids (ordinal)
    ];

    private static readonly string?[] Products = [null, "crm", "erp"];
    private static readonly string?[] Teams = [null, "dach", "emea"];

    public static readonly Gen<Deal[]> WithCustomers = With(FrameDeals.Deals);

    public static readonly Gen<Deal[]> PlainWithCustomers = With(FrameDeals.PlainDeals);

    private static Gen<Deal[]> With(Gen<Deal[]> source) =>
        from deals in source
        from shaped in Gen.CollectToArray(deals, Shape)
        from twice in Gen.Frequency((9, Gen.Constant(-1)), (1, Gen.Choose(0, 1_000)))
        select twice < 0 || shaped.Length == 0 ? shaped : [.. shaped, shaped[twice % shaped.Length]];

    private static Gen<Deal> Shape(Deal deal) =>
        from customer in Gen.Elements(Customers)
        from product in Gen.Elements(Products)
        from team in Gen.Elements(Teams)
        from pool in Gen.Frequency((4, Gen.Constant(-1)), (1, Gen.Choose(0, Teams.Length - 1)))
        from changed in Gen.Frequency((4, Gen.Constant<Customer?>(null)), (1, Gen.Elements(Customers)))
        select Rebuild(deal, customer, product, team, pool, changed);

    // A team is named only for a deal created in the pool; a deal not decided may be pooled at the end.
    private static Deal Rebuild(Deal deal, Customer? customer, string? product, string? team, int pool, Customer? changed)
    {
        var events = deal.Events.ToList();
        var created = (DealCreated)events[0];
        events[0] = created with { Customer = customer, Product = product, Team = created.Owner is null ? team : null };
        if (pool >= 0 && !deal.IsClosed && !(deal.IsInPool && team == Teams[pool]))
        {
            events.Add(new DealAssignedToPool(deal.Id, events[^1].At + Duration.FromHours(3), "alice", Teams[pool]));
        }
        if (changed is not null)
        {
            events.Add(new CustomerChanged(deal.Id, events[^1].At + Duration.FromHours(5), "alice", changed));
        }
        return Deal.FromEvents(events);
    }

    public static string Text(Money? money) =>
        money is null ? "-" : money.Currency.Code + " " + money.Amount.ToString(CultureInfo.InvariantCulture);

    // What an operation gave: its text, or its exception's type, message and parameter.
    public static string Outcome(Func<string> run)
    {
        try
        {
            return run();
        }
        catch (Exception e)
        {
            return $"{e.GetType().FullName}: {e.Message} [{(e as ArgumentException)?.ParamName}]";
        }
    }
}
