using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Health;

/// <summary>
/// Collects deals for a pipeline health inspection and merges with other accumulators over other deals, so the deals
/// can be gathered on several threads or services: the merge of the parts gives exactly the report of the whole.
/// </summary>
/// <remarks>
/// <para>Each deal is taken as it was at the as-of instant (<see cref="Deal.AsOf"/>): later events are ignored. Open
/// deals are checked; won deals feed the typical-cycle baseline and the coverage's won-so-far; lost and stopped deals
/// are only counted (a stopped deal is paused on purpose: not stale, rotting or overdue, and not pipeline). The checks run in <see cref="Result"/>, because some need every deal (the median won cycle, the stage
/// shares).</para>
/// <para>A rejected <see cref="Add"/>, <see cref="AddRange"/> or <see cref="Merge"/> changes nothing.</para>
/// <para>An accumulator is mutable and not thread-safe: use one per thread and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed partial class PipelineHealthAccumulator : IFrameAccumulator<PipelineHealthAccumulator>
{
    private readonly PipelineDefinition pipeline;
    private readonly Instant asOf;
    private readonly HealthPolicy policy;
    private readonly HealthInputs inputs;
    private readonly List<KeptDeals> kept = [];
    private readonly HashSet<DealId> ids = []; // of the deals added as objects; a frame's are its own
    private readonly HashSet<Currency> currencies = [];
    private int lost;
    private int stopped;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="pipeline">The pipeline the deals belong to.</param>
    /// <param name="asOf">The instant to inspect the pipeline as of.</param>
    /// <param name="policy">The thresholds; <see cref="HealthPolicy.Default"/> when null.</param>
    /// <param name="inputs">Activities, leads, coverage goal and exchange rates; <see cref="HealthInputs.None"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The policy names a stage the pipeline has no open stage with; the coverage period ended before the as-of date;
    /// a lead was created after <paramref name="asOf"/>, or two leads share an id.
    /// </exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public PipelineHealthAccumulator(PipelineDefinition pipeline, Instant asOf, HealthPolicy? policy = null, HealthInputs? inputs = null)
    {
        this.pipeline = Preconditions.CheckNotNull(pipeline);
        this.asOf = Preconditions.CheckInstant(asOf);
        this.policy = policy ?? HealthPolicy.Default;
        this.inputs = inputs ?? HealthInputs.None;
        CheckPolicy(this.pipeline, this.policy);
        CheckInputs(this.inputs, asOf, this.policy.Zone);
    }

    /// <summary>How many deals have been added (open, won, lost and stopped).</summary>
    public int Count => ids.Count + kept.Sum(run => run is KeptRows rows ? rows.Frame.Count : 0);

    /// <summary>Adds one deal, as it was at the as-of instant.</summary>
    /// <param name="deal">A deal of the pipeline, created at or before the as-of instant.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deal"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The deal belongs to another pipeline or to a stage it lacks, was created after the as-of instant, or has the
    /// same id as a deal already added.
    /// </exception>
    public void Add(Deal deal)
    {
        var view = Check(deal, nameof(deal), null);
        ids.Add(view.Id);
        Keep(view);
    }

    /// <summary>Adds every deal, or none when one of them is rejected.</summary>
    /// <param name="deals">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A deal is rejected (see <see cref="Add"/>); the message names its position and id.</exception>
    /// <remarks>A list of deals is read on the columnar frame, which gives exactly what adding each deal would.</remarks>
    public void AddRange(IEnumerable<Deal> deals)
    {
        Preconditions.CheckNotNull(deals);
        // Not FrameAddRange.Run: its deal path keeps the deals before a refused one, and this one keeps none of them.
        if (FrameAddRange.TryList(this, deals))
        {
            return;
        }
        var views = deals.TryGetNonEnumeratedCount(out var count) ? new List<Deal>(count) : [];
        var index = 0;
        try
        {
            foreach (var deal in deals)
            {
                var view = Check(deal, nameof(deals), index++);
                ids.Add(view.Id); // claimed now, so a repeat within the batch is caught; released if the batch fails
                views.Add(view);
            }
        }
        catch
        {
            foreach (var view in views)
            {
                ids.Remove(view.Id);
            }
            throw;
        }
        foreach (var view in views)
        {
            Keep(view);
        }
    }

    /// <summary>Adds every deal another accumulator holds; the other is left unchanged.</summary>
    /// <param name="other">An accumulator with the same pipeline, as-of instant, policy and inputs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The other was set up differently, or both hold a deal with the same id.</exception>
    public void Merge(PipelineHealthAccumulator other)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckSameSetup(
            nameof(other),
            ("the pipeline", ReferenceEquals(other.pipeline, pipeline)),
            ("the as-of point", other.asOf == asOf),
            ("the policy", other.policy == policy),
            ("the inputs", other.inputs == inputs)
        );
        Preconditions.CheckArgument(!ReferenceEquals(other, this), nameof(other), "An accumulator cannot be merged into itself.");
        var shared = FirstShared(other);
        Preconditions.CheckArgument(shared is null, nameof(other), $"Both accumulators hold deal {shared}; each deal may be added once.");
        Join(other);
    }

    // Merge once its checks passed: the other's deals after this one's, as adding them one by one would keep them.
    private void Join(PipelineHealthAccumulator other)
    {
        ids.UnionWith(other.ids);
        currencies.UnionWith(other.currencies);
        // A run of deal objects is copied, since both accumulators may go on adding to their last one.
        kept.AddRange(other.kept.Select(run => run is KeptViews views ? views.Copy() : run));
        lost += other.lost;
        stopped += other.stopped;
    }

    // The messages are built only on failure: this runs once per deal, a million times for a large pipeline.
    private Deal Check(Deal? deal, string paramName, int? index)
    {
        if (deal is null)
        {
            throw new ArgumentNullException(paramName, index is null ? "The deal is null." : $"Deal {index} is null.");
        }
        if (!string.Equals(deal.Pipeline, pipeline.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Deal {deal.Id}{Where(index)} belongs to pipeline \"{deal.Pipeline}\", not \"{pipeline.Name}\".",
                paramName
            );
        }
        if (!deal.TryAsOf(asOf, out var view))
        {
            throw new ArgumentException(
                $"Deal {deal.Id}{Where(index)} was created at {deal.CreatedAt}, after the inspection's as-of instant {asOf}; "
                    + "pass only deals that existed then, or inspect as of a later instant.",
                paramName
            );
        }
        if (!pipeline.TryGetStage(view.StageId, out _))
        {
            throw new ArgumentException(
                $"Deal {deal.Id}{Where(index)} is in stage \"{view.StageId}\", which pipeline \"{pipeline.Name}\" does not have.",
                paramName
            );
        }
        if (Holds(deal.Id))
        {
            throw new ArgumentException($"Deal {deal.Id}{Where(index)} was given twice; each deal may be inspected once.", paramName);
        }
        return view;
    }

    private static string Where(int? index) => index is null ? "" : $" (position {index})";

    private void Keep(Deal view)
    {
        currencies.Add(view.Amount.Currency);
        switch (view.Status)
        {
            case DealStatus.Open:
                LastViews().Open.Add(view);
                break;
            case DealStatus.Won:
                LastViews().Won.Add(view);
                break;
            case DealStatus.Stopped:
                stopped++;
                break;
            default:
                lost++;
                break;
        }
    }

    private KeptViews LastViews()
    {
        if (kept.Count == 0 || kept[^1] is not KeptViews views)
        {
            views = new KeptViews();
            kept.Add(views);
        }
        return views;
    }

    private static void CheckPolicy(PipelineDefinition pipeline, HealthPolicy policy)
    {
        var stageIds = policy.RottingAfterByStage.Keys.Concat(policy.LateStages ?? []);
        foreach (var stageId in stageIds)
        {
            Preconditions.CheckArgument(
                pipeline.TryGetStage(stageId, out var stage) && stage.IsOpen,
                nameof(policy),
                $"The policy names stage \"{stageId}\", but pipeline \"{pipeline.Name}\" has no open stage with that id; "
                    + $"its open stages are {string.Join(", ", pipeline.OpenStages.Select(s => s.Id))}."
            );
        }
    }

    private static void CheckInputs(HealthInputs inputs, Instant asOf, DateTimeZone zone)
    {
        if (inputs.Coverage is { } goal)
        {
            var today = asOf.InZone(zone).Date;
            Preconditions.CheckArgument(
                goal.Period.End >= today,
                nameof(inputs),
                $"The coverage period {goal.Period} ended before the as-of date {today:uuuu-MM-dd}; coverage is about pipeline still to close."
            );
        }
        var leadIds = new HashSet<LeadId>();
        foreach (var lead in inputs.Leads)
        {
            Preconditions.CheckArgument(
                lead.CreatedAt <= asOf,
                nameof(inputs),
                $"Lead {lead.Id} was created at {lead.CreatedAt}, after the inspection's as-of instant {asOf}."
            );
            Preconditions.CheckArgument(leadIds.Add(lead.Id), nameof(inputs), $"Lead {lead.Id} was given twice.");
        }
    }
}
