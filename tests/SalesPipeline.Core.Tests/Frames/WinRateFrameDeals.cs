using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Tests.Metrics;
using static SalesPipeline.Tests.Metrics.MetricDeals;

namespace SalesPipeline.Tests.Frames;

// Deals and options that try to make the frame kernel differ from Add: amounts equal in value but not in scale
// (100 and 100.00), sub-cent amounts, a real owner named "(unassigned)" beside pooled deals, pools of known, unknown
// and no team, a second currency now and then, stopped deals (some resumed or lost), reopened histories
// (Histories), customers, instants at every hour so zone dates cross midnight, and windows and periods in Berlin and
// Santiago (where a DST change falls at midnight).
internal static class WinRateFrameDeals
{
    public static readonly decimal[] Amounts = [100m, 100.00m, 0.001m, 0m, 0.00m, 12.5m, 99_999.99m, 7.125m, 1_000_000.0000m];

    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    public static readonly DateTimeZone Santiago = DateTimeZoneProviders.Tzdb["America/Santiago"];

    private static readonly string[] FrameOwners = [.. Owners, BreakdownKeys.Unassigned];

    public static Gen<Deal> DealGen(int index, bool mixed) =>
        from owner in Gen.Elements(FrameOwners)
        from pick in Gen.Choose(0, Amounts.Length)
        from cents in Gen.Choose(0, 5_000_000)
        from euro in Gen.Choose(0, 3)
        from created in Gen.Choose(0, 330)
        from createdHour in Gen.Choose(0, 23)
        from length in Gen.Choose(0, 40)
        from closedHour in Gen.Choose(0, 23)
        from outcome in Gen.Choose(0, 5)
        from competitors in Gen.SubListOf(CompetitorNames.Append(BreakdownKeys.None).ToArray())
        from lostTo in Gen.Elements<string?>(null, "Globex", "Acme Rival")
        from pool in Gen.Choose(0, 6)
        from source in Gen.Elements<string?>(null, "web", "referral")
        from product in Gen.Elements<string?>(null, "crm", "erp")
        from customer in Gen.Elements<string?>(null, "ACC-1", "ACC-2")
        select Build(
            index,
            owner,
            pick < Amounts.Length ? Amounts[pick] : cents / 100m,
            mixed && euro == 0 ? Currency.EUR : Currency.USD,
            created,
            createdHour,
            length,
            closedHour,
            outcome,
            [.. competitors],
            lostTo,
            pool,
            source,
            product,
            customer
        );

    // Mostly built deals, a quarter free histories (reopened, resumed, stopped then lost); a second currency in one
    // case in five.
    public static Gen<Deal[]> DealsGen =>
        from n in Gen.Choose(0, 40)
        from mixed in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from deals in Gen.CollectToArray(Enumerable.Range(0, n), i => Gen.Frequency((3, DealGen(i, mixed)), (1, History.RandomDeal)))
        select deals;

    private static Deal Build(
        int index,
        string owner,
        decimal amount,
        Currency currency,
        int created,
        int createdHour,
        int length,
        int closedHour,
        int outcome,
        string[] competitors,
        string? lostTo,
        int pool,
        string? source,
        string? product,
        string? customer
    )
    {
        var at = Day(created, createdHour);
        var deal = Deal.Open(
            Pipeline,
            new DealId("F-" + index.ToString(CultureInfo.InvariantCulture)),
            "Deal",
            owner,
            Money.Of(amount, currency),
            new LocalDate(2026, 12, 31),
            at,
            source: source is null ? null : new LeadSource(source),
            product: product
        );
        foreach (var competitor in competitors)
        {
            deal = Pipeline.NoteCompetitor(deal, competitor, at, owner);
        }
        if (customer is not null)
        {
            deal = Pipeline.ChangeCustomer(deal, new Customer(customer, "Customer " + customer), at, owner);
        }
        // Pools: a known team, its parent, one the organisation does not know, the company pool.
        if (pool < 4)
        {
            deal = Try(
                deal,
                DealCommand.AssignToPool(
                    pool switch
                    {
                        0 => "dach",
                        1 => "emea",
                        2 => "ghost",
                        _ => null,
                    },
                    at,
                    owner
                )
            );
        }
        var closed = Day(created + length, closedHour);
        return outcome switch
        {
            1 => Try(deal, DealCommand.Win(closed, owner)),
            2 => Try(deal, DealCommand.Lose(LossReason.Price, closed, owner, lostTo)),
            3 => Try(deal, DealCommand.Stop(StopReason.OnHold, closed, owner)),
            4 => Try(Try(deal, DealCommand.Stop(StopReason.OnHold, at, owner)), DealCommand.Lose(LossReason.Price, closed, owner)),
            _ => deal,
        };
    }

    // A pooled deal cannot be won or lost by nobody: a refused command leaves the deal as it was.
    private static Deal Try(Deal deal, DealCommand command) => Pipeline.Apply(deal, command) is { IsAccepted: true } r ? r.Deal : deal;

    public static Gen<WinRateOptions> OptionsGen =>
        from definition in Gen.Elements(WinRateDefinition.Decided, WinRateDefinition.Created)
        from stoppedAsLost in Gen.Elements(false, true)
        from zone in Gen.Elements(DateTimeZone.Utc, Berlin, Santiago)
        from window in Gen.Choose(0, 4)
        from start in Gen.Choose(-5, 300)
        from length in Gen.Choose(1, 120)
        from currency in Gen.Elements<Currency?>(null, null, null, Currency.USD, Currency.USD, Currency.EUR)
        select new WinRateOptions
        {
            Definition = definition,
            CountStoppedAsLost = stoppedAsLost,
            Zone = zone,
            Start = window is 1 or 2 ? Date(start) : null,
            End = window is 1 or 3 ? Date(start + length) : null,
            Currency = currency,
            Organization = Org,
        };

    public static LocalDate Date(int day) => new LocalDate(2026, 1, 1).PlusDays(day);

    // How the accumulator groups: 0 none, 1..5 a breakdown, 6 competitors, 7 months, 8 every other month, 9 quarters.
    public static WinRateAccumulator Accumulator(int grouping, WinRateOptions options) =>
        grouping switch
        {
            0 => new WinRateAccumulator(options),
            >= 1 and <= 5 => WinRateAccumulator.By((Breakdown)grouping, options),
            6 => WinRateAccumulator.ByCompetitor(options),
            _ => WinRateAccumulator.ByPeriod(Periods(grouping), options),
        };

    public static IReadOnlyList<FiscalPeriod> Periods(int grouping) =>
        grouping switch
        {
            7 => FiscalCalendar.Calendar.Months(2026),
            8 => FiscalCalendar.Calendar.Months(2026).Where((_, i) => i % 2 == 0).ToArray(),
            _ => FiscalCalendar.Calendar.Quarters(2026),
        };

    // Every line and every field, decimals by ToString so scales count, then the text.
    public static string Render(WinRateTable table) =>
        string.Join("\n", table.Lines.Select(l => l.Key + " | " + Render(l.Rate)).Append("total | " + Render(table.Total)));

    public static string Render(WinRateResult r) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{r.Definition} {r.Won} {r.Lost} {r.Open} {r.CountRate} {r.CountInterval?.Lower:R} {r.CountInterval?.Upper:R} {Render(r.WonValue)} {Render(r.LostValue)} {Render(r.OpenValue)} {r.ValueRate} | {r}"
        );

    private static string Render(Money? money) =>
        money is null ? "-" : money.Currency.Code + " " + money.Amount.ToString(CultureInfo.InvariantCulture);

    // What an operation gave: its text, or its exception's type, message and parameter.
    public static string Outcome(Func<string> run)
    {
        try
        {
            return run();
        }
        // Only the exceptions the library documents: anything else (a NullReferenceException, an OverflowException) is a
        // bug even when both paths throw it alike, and fails the test.
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return $"{e.GetType().FullName}: {e.Message} [{(e as ArgumentException)?.ParamName}]";
        }
    }
}
