using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SalesPipeline.Deals;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// Whether SalesOrg.VisibleTo would gain from the frame (issue 14): 1,000,000 deals of 1,000 reps in 50 teams under 5
// regions (CategoryForecastBenchmarks' organisation), seen by a region's lead (200 reps, a fifth of the deals).
// "DealByDeal" is VisibleTo as it is, enumerated. "FrameCached" is a prototype of the frame path at its best: the
// frame already cached with the list (DealFrames.For only confirms it), the visibility of each owner code computed
// once, rows filtered by code. "FrameBuilt" is the same on a list no frame was built for yet (a copy each time).
[MemoryDiagnoser]
[MedianColumn]
public class VisibleToBenchmarks
{
    private static readonly int DealCount = BenchScale.Deals;
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;

    private SalesOrg org = null!;
    private Deal[] deals = [];

    [GlobalSetup]
    public void Setup()
    {
        var builder = SalesOrg.CreateBuilder("Acme");
        for (var region = 0; region < 5; region++)
        {
            builder.Team($"region-{region}", $"Region {region}", lead: $"rep-{region * 200}");
            for (var team = 0; team < 10; team++)
            {
                var teamId = $"team-{region}-{team}";
                builder.Team(teamId, $"Team {region}.{team}", parent: $"region-{region}", lead: $"rep-{region * 200 + team * 20}");
                for (var rep = 0; rep < 20; rep++)
                {
                    builder.Rep($"rep-{region * 200 + team * 20 + rep}", "Rep", teamId);
                }
            }
        }
        org = builder.Build();
        deals = new DealGenerator(new DealGeneratorOptions { Count = DealCount, Pipeline = Pipeline }).Generate();
        _ = DealFrames.For(deals);
    }

    [Benchmark(Baseline = true)]
    public int DealByDeal() => org.VisibleTo("rep-200", deals).Count();

    [Benchmark]
    public int FrameCached() => ByFrame(org.ScopeOf("rep-200"), deals).Count();

    [Benchmark]
    public int FrameBuilt() => ByFrame(org.ScopeOf("rep-200"), (Deal[])deals.Clone()).Count();

    private static IEnumerable<Deal> ByFrame(VisibilityScope scope, Deal[] list)
    {
        var frame = DealFrames.For(list)!;
        var visible = new bool[frame.OwnerKeys.Length];
        for (var code = 0; code < visible.Length; code++)
        {
            visible[code] = scope.Includes(frame.OwnerKeys[code]);
        }
        for (var r = 0; r < frame.Count; r++)
        {
            var deal = frame.DealAt(r);
            // An ownerless deal (in a pool) is judged by its team, as today.
            if (visible[frame.OwnerKey[r]] || (deal.Owner is null && scope.CanSee(deal)))
            {
                yield return deal;
            }
        }
    }
}
