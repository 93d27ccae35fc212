using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Organization;

namespace SalesPipeline.Tests.Collections.Receivables;

// Portfolios of schedules in one currency, each with random payments, refunds, reversals, reschedules and milestones
// (the collections helper's scripts), owned by a few reps and customers, read on a random date.
internal static class ReceivablesGen
{
    public static readonly SalesOrg Org = SalesOrg
        .CreateBuilder("Acme")
        .Team("east", "East")
        .Team("west", "West")
        .Rep("a", "Ann", "east")
        .Rep("b", "Ben", "east")
        .Rep("c", "Cy", "west")
        .Build();

    public sealed record Portfolio(IReadOnlyList<CollectionSchedule> Schedules, LocalDate AsOf)
    {
        public override string ToString() => $"as of {AsOf}: " + string.Join(" | ", Schedules.Select(s => s.ToString()));
    }

    private sealed record Item(CollectionGen.Script Script, string Owner, string Customer, bool WithContract);

    private static readonly Gen<Item> Items =
        from script in CollectionGen.Scripts
        from owner in Gen.Elements("a", "b", "c", "d") // d is not in the organization
        from customer in Gen.Elements("x", "y", "z")
        from withContract in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new Item(script, owner, customer, withContract);

    public static readonly Gen<Portfolio> Portfolios =
        from items in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Items, n))
        from offset in Gen.Choose(-30, 700)
        select Build(items, offset);

    private static Portfolio Build(Item[] items, int offset)
    {
        var currency = items[0].Script.Case.Currency;
        var schedules = new List<CollectionSchedule>();
        var n = 0;
        foreach (var item in items.Where(i => i.Script.Case.Currency == currency))
        {
            var c = item.Script.Case;
            var contract = item.WithContract ? new ContractInfo($"C{n++}", item.Customer, item.Owner) : null;
            var schedule = CollectionSchedule.Create(c.Total, c.SignedOn, c.Terms, contract);
            for (var step = 0; step < item.Script.Steps.Count; step++)
            {
                if (CollectionGen.EntryFor(item.Script.Steps[step], schedule, step) is not { } entry)
                {
                    continue;
                }
                try
                {
                    schedule = schedule.Record(entry);
                }
                catch (ArgumentException)
                {
                    // A step that does not apply (for example a refund above what is left) is skipped, as in the helper's tests.
                }
            }
            schedules.Add(schedule);
        }
        var asOf = schedules.Min(s => s.SignedOn).PlusDays(offset);
        return new Portfolio(schedules, asOf);
    }
}
