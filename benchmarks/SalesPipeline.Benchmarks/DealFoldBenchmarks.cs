using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// Deal.FromEvents over 10,000 imported histories of three events (imported in prospecting, moved to qualified, won), the
// shape of most deals a CSV load builds (issue 14: the fold used to copy the whole deal record per event, about 1 KB a
// three-event deal). Per operation: all 10,000 histories.
[MemoryDiagnoser]
[MedianColumn]
public class DealFoldBenchmarks
{
    private const int Histories = 10_000;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    private DealEvent[][] histories = [];

    [GlobalSetup]
    public void Setup()
    {
        var records = new List<DealImport>(Histories);
        for (var i = 0; i < Histories; i++)
        {
            var created = Start + Duration.FromMinutes(i);
            var (moved, won) = (created + Duration.FromDays(3), created + Duration.FromDays(20));
            records.Add(
                new DealImport
                {
                    Id = new DealId(string.Create(CultureInfo.InvariantCulture, $"D{i:D7}")),
                    Owner = string.Create(CultureInfo.InvariantCulture, $"rep{i % 20:D2}"),
                    Amount = Money.Of(1_000m + i, Currency.USD),
                    StageId = Pipeline.WonStage.Id,
                    Status = DealStatus.Won,
                    CreatedAt = created,
                    ClosedAt = won,
                    ExpectedClose = new LocalDate(2026, 6, 30),
                    History = [new("prospecting", created), new("qualified", moved), new(Pipeline.WonStage.Id, won)],
                }
            );
        }
        var result = Pipeline.Import(records, Start + Duration.FromDays(400));
        if (!result.IsComplete)
        {
            throw new InvalidOperationException(result.ToString());
        }
        histories = [.. result.Deals.Select(d => d.Events.ToArray())];
    }

    [Benchmark]
    public int FromEvents()
    {
        var events = 0;
        foreach (var history in histories)
        {
            events += Deal.FromEvents(history).Events.Count;
        }
        return events;
    }

    [Benchmark]
    public int FromEventsWithPipeline()
    {
        var events = 0;
        foreach (var history in histories)
        {
            events += Deal.FromEvents(Pipeline, history).Events.Count;
        }
        return events;
    }
}
