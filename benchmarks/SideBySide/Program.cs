using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Csv;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;

// The library's side of the comparison with ../shared/bench/pandas_metrics.py (issue 14): loads gen_pipeline.py's
// deals.csv and events.csv into deals with DealCsv.ReadFiles (the canonical CSV format is gen_pipeline.py's), then
// computes the same five results from the deals in memory through the public API, and prints results and the minimum
// time of N runs as JSON in pandas_metrics.py's shape. Usage: SideBySide DIR [--reps N] [--warmup W]; DIR holds the two
// files, or numbered sub-folders that each hold a part's two files (loaded one after the other into one list).
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: SideBySide DIR [--reps N] [--warmup W]");
    return 2;
}
var dir = args[0];
var reps = Option("--reps", 1);
var warmup = Option("--warmup", 0);

var pipeline = PipelineDefinition.Default;

// gen_pipeline.py dates its events up to a few months past its own as-of (2025-12-01); the import refuses events
// after asOf, so read the files as of a later instant. Every metric below then sees each deal's whole history.
var asOf = Instant.FromUtc(2027, 1, 1, 0, 0);

var loadCost = Cost.Start();
var loadClock = Stopwatch.StartNew();

// A folder without deals.csv holds parts in sub-folders (0, 1, ...), each a gen_pipeline.py run with its own ids: the
// 10M-deal measurement, whose load in one call needs more memory than this machine has (see docs/performance.md).
var parts = File.Exists(Path.Combine(dir, "deals.csv")) ? [dir] : Directory.GetDirectories(dir).Order(StringComparer.Ordinal).ToArray();
var loaded = new List<IReadOnlyList<Deal>>();
var events = 0L;
foreach (var part in parts)
{
    var import = DealCsv.ReadFiles(pipeline, Path.Combine(part, "deals.csv"), Path.Combine(part, "events.csv"), asOf);
    loaded.Add(import.GetDealsOrThrow());
    events += import.HistoryRows.Accepted;
}
var deals = loaded.Count == 1 ? loaded[0] : loaded.SelectMany(d => d).ToArray();
loaded.Clear();
loadClock.Stop();
var profile = new JsonObject { ["load"] = loadCost.Stop() };
var heapAfterLoad = GC.GetTotalMemory(forceFullCollection: true);

// Every calendar month from the first deal's creation to asOf: the forecast's periods (a deal expected to close outside
// them would land in OutsidePeriods, which is reported so that nothing is lost silently).
var months = new List<FiscalPeriod>();
for (var month = new LocalDate(2024, 1, 1); month < asOf.InUtc().Date.PlusYears(1); month = month.PlusMonths(1))
{
    months.Add(FiscalPeriod.Of(new DateInterval(month, month.PlusMonths(1).PlusDays(-1))));
}

// Velocity reads each deal as it stood at the window's end: a window from the first creation to asOf gives every
// deal's current state, as pandas reads it, and every close falls inside it.
var everything = FiscalPeriod.Of(new DateInterval(new LocalDate(2024, 1, 1), asOf.InUtc().Date.PlusDays(-1)));

var results = new JsonObject();
var ms = new JsonObject();
var msAll = new JsonObject();
var notes = new JsonObject();

// The first metric over the loaded list builds the deals' frame (columns every later metric over the same list reuses);
// its cost is reported on its own: the first forecast's time, of which a later forecast's time is the metric.
var firstCost = Cost.Start();
var firstClock = Stopwatch.StartNew();
Forecast.StageWeighted(deals, pipeline, months);
firstClock.Stop();
profile["first_call_with_frame_build"] = firstCost.Stop();
Timed("weighted_by_month", () => WeightedByMonth(Forecast.StageWeighted(deals, pipeline, months)));
ForecastSnapshot? snapshot = null;
Timed(
    "snapshot_create",
    () =>
    {
        snapshot = ForecastSnapshot.Create(deals, pipeline);
        return JsonValue.Create(true);
    }
);
results.Remove("snapshot_create");
Timed("weighted_by_month_from_snapshot", () => WeightedByMonth(Forecast.StageWeighted(snapshot!, months)));
Timed("win_rate", WinRates);
Timed("funnel_reached", FunnelReached);
Timed("median_days_in_stage", MedianDaysInStage);
Timed("velocity_per_day", Velocity);

// Not the library: the floor of walking the deal objects, a plain loop over their public properties that gives the
// same two results (no overrides in this data, one currency). What the library spends above it is its own work.
Timed("floor_weighted_loop", WeightedLoop);
Timed("floor_win_rate_loop", WinRateLoop);

var output = new JsonObject
{
    ["rows"] = new JsonObject { ["deals"] = deals.Count, ["events"] = events },
    ["load_parts"] = parts.Length,
    ["load_ms"] = Math.Round(loadClock.Elapsed.TotalMilliseconds),
    ["first_call_ms"] = Math.Round(firstClock.Elapsed.TotalMilliseconds, 1),
    ["ms"] = ms,
    ["results"] = results,
    ["memory"] = new JsonObject
    {
        ["heap_after_load_mb"] = Math.Round(heapAfterLoad / 1048576.0, 1),
        ["peak_working_set_mb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
    },
    ["notes"] = notes,
    ["profile"] = profile,
};
if (reps > 1)
{
    output["ms_all"] = msAll;
}
Console.WriteLine(output.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

// As pandas_metrics.py's timed(): W untimed runs, then N timed ones; the result must not change between runs.
void Timed(string name, Func<JsonNode> compute)
{
    for (var i = 0; i < warmup; i++)
    {
        compute();
    }
    var runs = new JsonArray();
    var best = double.MaxValue;
    for (var i = 0; i < reps; i++)
    {
        var cost = Cost.Start();
        var clock = Stopwatch.StartNew();
        var result = compute();
        clock.Stop();
        profile[name] = cost.Stop();
        var elapsed = Math.Round(clock.Elapsed.TotalMilliseconds, 2);
        runs.Add(elapsed);
        best = Math.Min(best, elapsed);
        if (results[name] is { } earlier && !JsonNode.DeepEquals(earlier, result))
        {
            throw new InvalidOperationException($"{name} changed between runs: {earlier.ToJsonString()} then {result.ToJsonString()}");
        }
        results[name] = result;
    }
    ms[name] = best;
    msAll[name] = runs;
}

// Stage-weighted open amount per expected-close month, for the months that have open deals (pandas groups the open
// deals, so a month without any has no key there).
JsonNode WeightedByMonth(StageWeightedForecast forecast)
{
    var byMonth = new JsonObject();
    foreach (var line in forecast.Periods.Where(line => line.OpenDeals > 0))
    {
        byMonth[line.Period!.Start.ToString("uuuu-MM", CultureInfo.InvariantCulture)] = line.Weighted.Amount;
    }
    notes["weighted_outside_periods_deals"] = forecast.OutsidePeriods.OpenDeals;
    notes["weighted_overdue_deals"] = forecast.Overdue.OpenDeals;
    return byMonth;
}

// Decided deals (won or lost), all time: WinRateDefinition.Decided without a window, pandas' status != "open". One pass:
// the table's Total is the overall rate (every deal once), so WinRate.Of would only walk the deals a second time.
JsonNode WinRates()
{
    var byOwner = WinRate.By(deals, Breakdown.Owner);
    return new JsonObject
    {
        ["overall"] = Math.Round(byOwner.Total.CountRate!.Value, 6),
        ["by_owner_min"] = Math.Round(
            byOwner.Lines.Where(line => line.Rate.CountRate is not null).Min(line => line.Rate.CountRate!.Value),
            6
        ),
    };
}

JsonNode WeightedLoop()
{
    var probability = pipeline.Stages.ToDictionary(stage => stage.Id, stage => stage.Probability, StringComparer.Ordinal);
    var sums = new SortedDictionary<int, decimal>();
    foreach (var deal in deals)
    {
        if (deal.Status == DealStatus.Open)
        {
            var month = deal.ExpectedClose.Year * 100 + deal.ExpectedClose.Month;
            sums[month] = sums.GetValueOrDefault(month) + deal.Amount.Amount * probability[deal.StageId];
        }
    }
    var byMonth = new JsonObject();
    foreach (var (month, sum) in sums)
    {
        byMonth[string.Create(CultureInfo.InvariantCulture, $"{month / 100:D4}-{month % 100:D2}")] = Math.Round(
            sum,
            2,
            MidpointRounding.AwayFromZero
        );
    }
    return byMonth;
}

JsonNode WinRateLoop()
{
    var byOwner = new Dictionary<string, (int Won, int Decided)>(StringComparer.Ordinal);
    var (won, decided) = (0, 0);
    foreach (var deal in deals)
    {
        if (deal.Status is DealStatus.Won or DealStatus.Lost)
        {
            var isWon = deal.Status == DealStatus.Won ? 1 : 0;
            won += isWon;
            decided++;
            var owner = byOwner.GetValueOrDefault(deal.Owner!);
            byOwner[deal.Owner!] = (owner.Won + isWon, owner.Decided + 1);
        }
    }
    return new JsonObject
    {
        ["overall"] = Math.Round((decimal)won / decided, 6),
        ["by_owner_min"] = Math.Round(byOwner.Values.Min(owner => (decimal)owner.Won / owner.Decided), 6),
    };
}

JsonNode FunnelReached()
{
    var funnel = Funnel.Of(deals, pipeline);
    var reached = new JsonObject();
    foreach (var stage in funnel.Stages)
    {
        reached[stage.Stage.Id] = stage.Reached;
    }
    return reached;
}

// pandas measures each event to the next event of the same deal, so a deal's last stint (still open) has no duration:
// only finished stints count, IncludeOpenStints = false. Stages are never re-entered in this data, so the latest stint
// is the only one (latest = cumulative).
JsonNode MedianDaysInStage()
{
    var report = TimeInStage.Of(deals, pipeline, asOf, new TimeInStageOptions { IncludeOpenStints = false });
    var medians = new JsonObject();
    foreach (var stage in report.Stages.Where(stage => stage.Latest is { Count: > 0 }))
    {
        medians[stage.Stage.Id] = Math.Round(stage.Latest!.MedianDays, 4);
    }
    return medians;
}

JsonNode Velocity()
{
    var velocity = SalesVelocity.Of(deals, everything);
    notes["velocity"] = velocity.ToString();
    return velocity.PerDay is { } perDay ? JsonValue.Create(perDay.Amount) : JsonValue.Create("none: " + velocity.Reason);
}

// Where the time goes, without a profiler: what a run allocated (every thread), how long the GC paused it and how many
// collections of each generation it caused; for the load and for the last timed run of each computation.
internal readonly record struct Cost(long Allocated, TimeSpan Paused, int Gen0, int Gen1, int Gen2)
{
    public static Cost Start() =>
        new(
            GC.GetTotalAllocatedBytes(precise: true),
            GC.GetTotalPauseDuration(),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2)
        );

    public JsonObject Stop() =>
        new()
        {
            ["allocated_mb"] = Math.Round((GC.GetTotalAllocatedBytes(precise: true) - Allocated) / 1048576.0, 1),
            ["gc_pause_ms"] = Math.Round((GC.GetTotalPauseDuration() - Paused).TotalMilliseconds, 1),
            ["gc_gen0_gen1_gen2"] = new JsonArray(GC.CollectionCount(0) - Gen0, GC.CollectionCount(1) - Gen1, GC.CollectionCount(2) - Gen2),
        };
}
