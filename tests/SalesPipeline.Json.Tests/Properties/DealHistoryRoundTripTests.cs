using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Json;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests;
using SalesPipeline.Tests.Deals;
using SalesPipeline.Tests.Metrics;

namespace SalesPipeline.Json.Tests.Properties;

// Any deal history the library can produce reads back as equal events, and Deal.FromEvents rebuilds an equal deal:
// as one JSON array (a stream) and event by event (rows of a store).
public class DealHistoryRoundTripTests
{
    [Fact]
    public void Histories_of_accepted_commands_round_trip_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                {
                    var (pipeline, deal, _) = DealScenarios.Walk(scenario);
                    // Read back, the history also passes the checks against its pipeline (whatever Apply would refuse).
                    var back = JsonSerializer.Deserialize<DealEvent[]>(
                        JsonSerializer.Serialize(deal.Events, SalesPipelineJson.Options),
                        SalesPipelineJson.Options
                    )!;
                    return RoundTrips(deal) && Deal.FromEvents(pipeline, back).Equals(deal);
                }
            )
        );

    [Fact]
    public void Histories_with_leads_regressions_and_reopens_round_trip_Property() =>
        PropertyAssert.Holds(Prop.ForAll(History.RandomDeal.ToArbitrary(), RoundTrips));

    // Pooled creations, customers, stops and resumes, pooling, comments and causes: every kind of event, with the
    // pipeline's checks on the way back.
    [Fact]
    public void Histories_with_every_kind_of_event_round_trip_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealHistories.Deals.ToArbitrary(),
                deals =>
                {
                    foreach (var deal in deals)
                    {
                        var json = JsonSerializer.Serialize(deal.Events, SalesPipelineJson.Options);
                        var back = JsonSerializer.Deserialize<DealEvent[]>(json, SalesPipelineJson.Options)!;
                        Assert.Equal(deal.Events, back);
                        Assert.Equal(deal, Deal.FromEvents(back));
                        Assert.Equal(deal, Deal.FromEvents(DealHistories.Pipeline, back));
                    }
                }
            )
        );

    [Fact]
    public void Generated_histories_hold_every_kind_of_deal_event()
    {
        // Otherwise the properties of this class could pass without ever writing a new event type: together (the
        // command scenarios and the issue-13 histories) they write every type; a withdrawn exit criterion is rare in the
        // latter alone (it needs an answer first), so the two are checked as one.
        var all = typeof(DealEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DealEvent)) && !t.IsAbstract).ToList();
        // Fixed seeds: a check of what the generators cover must not depend on the draw of the day.
        var seen = DealHistories.Deals.Sample(12, new Rnd(20_261_206UL), 1000).SelectMany(ds => ds.SelectMany(d => d.Events)).ToList();
        var scenarios = DealScenarios
            .Scenarios.Generator.Sample(12, new Rnd(20_261_207UL), 200)
            .SelectMany(s => DealScenarios.Walk(s).Final.Events);
        Assert.Empty(all.Except(seen.Concat(scenarios).Select(e => e.GetType())).Select(t => t.Name));
        Assert.Contains(seen, e => e.Cause is not null);
        Assert.Contains(seen, e => e is DealCreated { Owner: null, Team: null });
        Assert.Contains(seen, e => e is DealCreated { Owner: null, Team: not null });
        Assert.Contains(seen, e => e is DealCreated { Customer: not null });
    }

    [Fact]
    public void Imported_deals_round_trip_Property() => PropertyAssert.Holds(Prop.ForAll(ImportedDeals.ToArbitrary(), RoundTrips));

    private static bool RoundTrips(Deal deal)
    {
        var json = JsonSerializer.Serialize(deal.Events, SalesPipelineJson.Options);
        var events = JsonSerializer.Deserialize<IReadOnlyList<DealEvent>>(json, SalesPipelineJson.Options)!;
        var oneByOne = deal.Events.Select(e =>
            JsonSerializer.Deserialize<DealEvent>(JsonSerializer.Serialize(e, SalesPipelineJson.Options), SalesPipelineJson.Options)!
        );
        return events.SequenceEqual(deal.Events) && oneByOne.SequenceEqual(deal.Events) && Deal.FromEvents(events).Equals(deal);
    }

    // Deals brought in as they stand: any status, overrides, lead, product and a stage history, through pipeline.Import.
    private static readonly Gen<Deal> ImportedDeals =
        from n in Gen.Choose(1, 1_000_000)
        from status in Gen.Elements(DealStatus.Open, DealStatus.Won, DealStatus.Lost)
        from stage in Gen.Choose(0, 3)
        from cents in Gen.Choose(0, 100_000_000)
        from currency in Gen.Elements(Currency.USD, Currency.JPY, Currency.KWD)
        from ageDays in Gen.Choose(0, 400)
        from withHistory in Gen.Elements(true, false)
        from probability in Gen.Elements<decimal?>(null, 0.35m, 1m)
        from category in Gen.Elements<ForecastCategory?>(null, ForecastCategory.BestCase)
        from lead in Gen.Elements<string?>(null, "L-9")
        from product in Gen.Elements<string?>(null, "Platform")
        from competitor in Gen.Elements<string?>(null, "Globex")
        select Import(n, status, stage, cents, currency, ageDays, withHistory, probability, category, lead, product, competitor);

    private static Deal Import(
        int n,
        DealStatus status,
        int stage,
        int cents,
        Currency currency,
        int ageDays,
        bool withHistory,
        decimal? probability,
        ForecastCategory? category,
        string? lead,
        string? product,
        string? competitor
    )
    {
        var pipeline = PipelineDefinition.Default;
        var asOf = Instant.FromUtc(2026, 6, 1, 12, 0);
        var created = asOf.Minus(Duration.FromDays(ageDays + 2));
        var open = pipeline.OpenStages;
        var record = new DealImport
        {
            Id = new DealId($"X-{n}"),
            Name = $"Imported {n}",
            Owner = "dave",
            Amount = Money.FromMinorUnits(cents, currency),
            StageId = status switch
            {
                DealStatus.Won => pipeline.WonStage.Id,
                DealStatus.Lost => pipeline.LostStage.Id,
                _ => open[stage].Id,
            },
            Status = status,
            ExpectedClose = new LocalDate(2026, 9, 30),
            CreatedAt = created,
            ClosedAt = status == DealStatus.Open ? null : asOf.Minus(Duration.FromDays(1)),
            LossReason = status == DealStatus.Lost ? LossReason.Budget : null,
            Competitor = status == DealStatus.Lost ? competitor : null,
            ProbabilityOverride = status == DealStatus.Open ? probability : null,
            CategoryOverride = status == DealStatus.Open ? category : null,
            History =
                withHistory && status == DealStatus.Open
                    ? open.Take(stage + 1).Select((s, i) => new StageEntry(s.Id, created.Plus(Duration.FromHours(i)))).ToArray()
                    : [],
            LeadId = lead is null ? null : new LeadId(lead),
            Source = lead is null ? null : LeadSource.Referral,
            Product = product,
        };
        return pipeline.Import(record, asOf);
    }
}
