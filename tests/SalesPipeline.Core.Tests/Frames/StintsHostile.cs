using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests.Metrics;

namespace SalesPipeline.Tests.Frames;

// Hostile inputs for the history metrics' frame kernels, and a dump of any result that shows every figure (decimals
// with their scale, doubles round-trip), so "frame result == deal result" compares more than record equality does.
internal static class StintsHostile
{
    // A random history (History.RandomDeal: skips, regressions, reopens, stops and resumes in the same or another stage,
    // zero-length stints) turned, one deal in a few, into: an import not seen entering its stage, an import seen
    // entering it, an import created 30 days before it was observed, a deal imported as won or as lost, or an amount of
    // scale 0 or 4.
    public static readonly Gen<Deal> RandomDeal = from deal in History.RandomDeal from kind in Gen.Choose(0, 14) select Modify(deal, kind);

    // Hostile lists: one in ten has a deal the metrics refuse (another pipeline, a stage the pipeline has not got as an
    // open stage) or another currency, one in thirty a history shifted by 37 ns (instants finer than a tick).
    public static readonly Gen<Deal[]> RandomDeals =
        from deals in Gen.ListOf(RandomDeal)
        from bad in Gen.Choose(0, 29)
        select Spoil(deals.ToArray(), bad);

    private static Deal Modify(Deal deal, int kind)
    {
        var events = deal.Events.ToList();
        var created = (DealCreated)events[0];
        switch (kind)
        {
            case 0 or 1 or 2:
                events[0] = Imported(created, DealStatus.Open, created.StageId, known: kind == 1, kind == 2 ? 30 : 0);
                break;
            case 3 or 4:
                // Imported as closed: a single event (the stage it closed from is unknown).
                return Deal.FromEvents([
                    Imported(created, kind == 3 ? DealStatus.Won : DealStatus.Lost, kind == 3 ? "won" : "lost", true, 10),
                ]);
            case 5:
                events[0] = created with { Amount = Money.Of(decimal.Round(created.Amount.Amount), created.Amount.Currency) };
                break;
            case 6:
                events[0] = created with { Amount = Money.Of(created.Amount.Amount * 1.0000m, created.Amount.Currency) };
                break;
        }
        return Deal.FromEvents(events);
    }

    private static DealImported Imported(DealCreated c, DealStatus status, string stage, bool known, int createdDaysBefore) =>
        new(
            c.DealId,
            c.At,
            c.By,
            c.Pipeline,
            c.Name,
            c.Owner,
            c.Amount,
            c.ExpectedClose,
            stage,
            status,
            c.At.Minus(Duration.FromDays(createdDaysBefore)),
            known,
            status == DealStatus.Lost ? LossReason.Price : null,
            LeadId: c.LeadId,
            Source: c.Source
        );

    private static Deal[] Spoil(Deal[] deals, int bad)
    {
        if (deals.Length == 0 || bad > 3)
        {
            return deals;
        }
        var i = bad * 7 % deals.Length;
        if (bad == 3)
        {
            deals[i] = Deal.FromEvents(deals[i].Events.Select(e => e with { At = e.At.Plus(Duration.FromNanoseconds(37)) }));
            return deals;
        }
        var created = (DealCreated)History.Open("X" + i, 1, "dave").Deal.Events[0];
        deals[i] = Deal.FromEvents([
            bad switch
            {
                0 => created with { Pipeline = "Other" },
                1 => created with { StageId = "won" },
                _ => created with { Amount = Money.Of(5m, Currency.EUR) },
            },
        ]);
        return deals;
    }

    // Every public figure of a result, recursively, in one string: decimals as written (so 1.50 and 1.5 differ), doubles
    // round-trip, lists element by element. Pipeline definitions print by name (they are inputs, not figures).
    public static string Dump(object? value)
    {
        var sb = new StringBuilder();
        Dump(value, sb, 0);
        return sb.ToString();
    }

    // The result of a computation, or its exception's type, message and parameter name.
    public static string Outcome(Func<object> compute)
    {
        try
        {
            return Dump(compute());
        }
        catch (Exception e)
        {
            return $"{e.GetType().FullName}|{e.Message}|{(e as ArgumentException)?.ParamName}";
        }
    }

    private static void Dump(object? value, StringBuilder sb, int depth)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case decimal d:
                sb.Append(d.ToString(CultureInfo.InvariantCulture));
                return;
            case double x:
                sb.Append(x.ToString("R", CultureInfo.InvariantCulture));
                return;
            case string or Enum or bool or int or long or Instant or LocalDate or Currency or Duration:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            case Stage stage:
                sb.Append(stage.Id);
                return;
            case PipelineDefinition pipeline:
                sb.Append(pipeline.Name);
                return;
            case IEnumerable list:
                sb.Append('[');
                foreach (var item in list)
                {
                    Dump(item, sb, depth + 1);
                    sb.Append(',');
                }
                sb.Append(']');
                return;
        }
        var type = value.GetType();
        if (depth > 8 || type.IsPrimitive)
        {
            sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            return;
        }
        sb.Append(type.Name).Append('{');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }
            sb.Append(property.Name).Append('=');
            Dump(property.GetValue(value), sb, depth + 1);
            sb.Append(';');
        }
        sb.Append('}');
    }
}
