using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Health;

public sealed partial class PipelineHealthAccumulator
{
    /// <summary>Runs every check over the deals added so far.</summary>
    /// <returns>The report; the accumulator can go on accumulating.</returns>
    /// <exception cref="MissingExchangeRateException">
    /// An amount the report uses (a deal at risk, a deal counted in coverage, the coverage target) is in a currency with
    /// no rate (or, without rates, differs from the reporting currency).
    /// </exception>
    public HealthReport Result()
    {
        var today = asOf.InZone(policy.Zone).Date;
        var currency = ReportingCurrency();
        var money = new ForecastOptions { Rates = inputs.Rates, Zone = policy.Zone };
        var skipped = new List<string>();
        var (typical, source) = TypicalCycle(skipped);

        var limits = pipeline.OpenStages.Select(RottingLimit).ToArray();
        var checks = new DealChecks(pipeline, policy, inputs.Activities, asOf, limits, today, typical);
        var counts = new int[pipeline.OpenStages.Count];
        var atRisk = AtRisk(checks, counts, money, currency);

        var findings = new List<HealthFinding>();
        findings.AddRange(LateStageFindings(counts, skipped));
        var coverage = Coverage(currency, money, today);
        if (coverage is { IsEnough: false })
        {
            findings.Add(LowCoverage(coverage));
        }
        findings.AddRange(StageFindings(counts, skipped));

        return new HealthReport(
            asOf,
            currency,
            open.Count,
            won.Count,
            lost,
            stopped,
            findings.AsReadOnly(),
            atRisk,
            LeadFindings().ToArray().AsReadOnly(),
            typical,
            source,
            coverage,
            skipped.AsReadOnly(),
            policy.ShortlistSize
        );
    }

    // The open deals with findings, in ordinal order of their ids, and the open deals per stage. The checks read each
    // deal alone, so a large pipeline is split across the cores, each part counting its deals' findings in place; a
    // failure is the earliest part's, rethrown as is, so it is the one a single pass meets first.
    private AtRiskDeals AtRisk(DealChecks checks, int[] counts, ForecastOptions money, Currency? currency)
    {
        var findings = new int[open.Count];
        var amounts = new Money[open.Count];
        var probabilities = new decimal[open.Count];
        var partCounts = FramePartitions.Run(
            open.Count,
            FramePartitions.Parts(open.Count),
            (_, from, to) =>
            {
                var stages = new int[counts.Length];
                for (var i = from; i < to; i++)
                {
                    var deal = open[i];
                    var stage = pipeline.GetStage(deal.StageId).Index;
                    stages[stage]++;
                    findings[i] = checks.Count(deal, stage);
                    if (findings[i] > 0)
                    {
                        amounts[i] = money.ToReporting(deal.Amount, currency!);
                        probabilities[i] = pipeline.WinProbabilityOf(deal).Value;
                    }
                }
                return stages;
            }
        );
        foreach (var stages in partCounts)
        {
            for (var s = 0; s < counts.Length; s++)
            {
                counts[s] += stages[s];
            }
        }
        var order = InIdOrder(findings);
        var start = new int[order.Length + 1];
        var (atRiskDeals, atRiskAmounts, atRiskProbabilities) = (
            new Deal[order.Length],
            new Money[order.Length],
            new decimal[order.Length]
        );
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            (atRiskDeals[k], atRiskAmounts[k], atRiskProbabilities[k]) = (open[i], amounts[i], probabilities[i]);
            start[k + 1] = start[k] + findings[i];
        }
        return new AtRiskDeals(atRiskDeals, atRiskAmounts, atRiskProbabilities, start, checks);
    }

    // The positions in `open` of the deals with findings, in ordinal order of their ids. Over a frame, the frame's id
    // order (sorted once per frame) is walked; otherwise the ids are sorted here.
    private int[] InIdOrder(int[] findings)
    {
        if (openRows is { } rows && frameRows is { } frame && rows.Count == open.Count)
        {
            var positionOfRow = new int[frame.Count];
            Array.Fill(positionOfRow, -1);
            for (var i = 0; i < rows.Count; i++)
            {
                positionOfRow[rows[i]] = i;
            }
            var ordered = new List<int>();
            foreach (var row in frame.RowsById)
            {
                if (positionOfRow[row] is var i && i >= 0 && findings[i] > 0)
                {
                    ordered.Add(i);
                }
            }
            return [.. ordered];
        }
        var positions = new List<int>();
        for (var i = 0; i < findings.Length; i++)
        {
            if (findings[i] > 0)
            {
                positions.Add(i);
            }
        }
        var ids = positions.ConvertAll(i => open[i].Id.Value).ToArray();
        var sorted = positions.ToArray();
        Array.Sort(ids, sorted, StringComparer.Ordinal);
        return sorted;
    }

    // The one rule (docs/money.md): the rates' currency, else the one currency of the coverage target and every deal
    // added (open, won or lost); mixed currencies without rates throw, naming them.
    private Currency? ReportingCurrency() =>
        ReportingCurrencyRule.Choose(inputs.Rates, inputs.Coverage is { } goal ? currencies.Prepend(goal.Target.Currency) : currencies);

    private (Duration?, TypicalCycleSource) TypicalCycle(List<string> skipped)
    {
        if (policy.TypicalWonCycle is { } given)
        {
            return (given, TypicalCycleSource.Policy);
        }
        if (won.Count == 0)
        {
            skipped.Add(
                "Older than the typical won cycle: there are no won deals to take the median from and HealthPolicy.TypicalWonCycle is not set."
            );
            return (null, TypicalCycleSource.Unknown);
        }
        // As durations, not as a long count of nanoseconds: that holds only 292 years, and a deal may be created in year 1.
        var cycles = won.Select(d => d.ClosedAt!.Value - d.CreatedAt).Order().ToArray();
        var mid = cycles.Length / 2;
        // The mean of the two middle values when the count is even, rounded down to the nanosecond.
        var median = cycles.Length % 2 == 1 ? cycles[mid] : cycles[mid - 1] + ((cycles[mid] - cycles[mid - 1]) / 2L);
        return (median, TypicalCycleSource.MedianOfWonDeals);
    }

    private Duration RottingLimit(Stage stage) =>
        policy.RottingAfterByStage.TryGetValue(stage.Id, out var limit) ? limit : stage.RottingAfter ?? policy.RottingAfter;

    private IEnumerable<HealthFinding> StageFindings(int[] counts, List<string> skipped)
    {
        var total = open.Count;
        var judgeShares = total >= policy.MinOpenDealsForShares;
        if (!judgeShares)
        {
            skipped.Add(
                $"Crowded stages by share: {Deals(total)} open, fewer than HealthPolicy.MinOpenDealsForShares ({policy.MinOpenDealsForShares})."
            );
        }
        for (var i = 0; i < counts.Length; i++)
        {
            var stage = pipeline.OpenStages[i];
            var share = total == 0 ? 0m : (decimal)counts[i] / total;
            if (judgeShares && share > policy.MaxStageShare)
            {
                yield return new HealthFinding(
                    FindingKind.CrowdedStage,
                    HealthSubject.Stage,
                    share,
                    policy.MaxStageShare,
                    HealthUnit.Share,
                    stageId: stage.Id,
                    text: $"{counts[i]} of the {total} open deals ({HealthText.PercentUp(share)}) are in stage {stage.Id} (limit {HealthText.Percent(policy.MaxStageShare)})."
                );
            }
            if (policy.MaxDealsPerStage is { } max && counts[i] > max)
            {
                yield return new HealthFinding(
                    FindingKind.CrowdedStage,
                    HealthSubject.Stage,
                    counts[i],
                    max,
                    HealthUnit.Count,
                    stageId: stage.Id,
                    text: $"{Deals(counts[i])} open in stage {stage.Id} (limit {max})."
                );
            }
        }
    }

    private IEnumerable<HealthFinding> LateStageFindings(int[] counts, List<string> skipped)
    {
        var late = policy.LateStages is { } named
            ? pipeline.OpenStages.Where(s => named.Contains(s.Id, StringComparer.Ordinal)).ToArray()
            : pipeline.OpenStages.Where(s => s.Probability >= policy.LateStageProbability).ToArray();
        var total = open.Count;
        if (late.Length == 0)
        {
            skipped.Add(
                policy.LateStages is null
                    ? $"Late-stage pile-up: no open stage has a probability of at least {HealthText.Percent(policy.LateStageProbability)} (HealthPolicy.LateStageProbability)."
                    : "Late-stage pile-up: no open stage is named in HealthPolicy.LateStages."
            );
            yield break;
        }
        if (total < policy.MinOpenDealsForShares)
        {
            skipped.Add(
                $"Late-stage pile-up: {Deals(total)} open, fewer than HealthPolicy.MinOpenDealsForShares ({policy.MinOpenDealsForShares})."
            );
            yield break;
        }
        var inLate = late.Sum(s => counts[s.Index]);
        var share = (decimal)inLate / total;
        if (share > policy.MaxLateStageShare)
        {
            yield return new HealthFinding(
                FindingKind.LateStagePileUp,
                HealthSubject.Pipeline,
                share,
                policy.MaxLateStageShare,
                HealthUnit.Share,
                text: $"{inLate} of the {total} open deals ({HealthText.PercentUp(share)}) are in the late stages {string.Join(", ", late.Select(s => s.Id))} (limit {HealthText.Percent(policy.MaxLateStageShare)})."
            );
        }
    }

    private CoverageResult? Coverage(Currency? currency, ForecastOptions money, LocalDate today)
    {
        if (inputs.Coverage is not { } goal)
        {
            return null;
        }
        var index = new PeriodIndex([goal.Period], today);
        var (openAmount, openDeals) = InPeriod(open);
        var (wonAmount, _) = InPeriod(won);
        return new CoverageResult(
            goal.Period,
            money.ToReporting(goal.Target, currency!),
            Money.Of(wonAmount, currency!),
            Money.Of(openAmount, currency!),
            openDeals,
            goal.WinRate
        );

        // The forecasts' placement rule: open deals by expected close (not before today), won deals by won date.
        (decimal Amount, int Deals) InPeriod(List<Deal> deals)
        {
            var amount = 0m;
            var count = 0;
            foreach (var deal in deals)
            {
                if (index.SlotOf(deal, policy.Zone) == 0)
                {
                    amount += money.ToReporting(deal.Amount, currency!).Amount;
                    count++;
                }
            }
            return (amount, count);
        }
    }

    private static HealthFinding LowCoverage(CoverageResult coverage) =>
        new(
            FindingKind.LowCoverage,
            HealthSubject.Pipeline,
            coverage.Coverage!.Value,
            coverage.RequiredCoverage,
            HealthUnit.Ratio,
            text: string.Create(
                CultureInfo.InvariantCulture,
                $"Open pipeline {coverage.OpenPipeline} expected to close in {coverage.Period.Label} covers {HealthText.RatioDown(coverage.Coverage!.Value)} the remaining target {coverage.RemainingTarget}; at a {HealthText.Percent(coverage.WinRate)} win rate it needs {HealthText.Ratio(coverage.RequiredCoverage)}."
            )
        );

    private IEnumerable<HealthFinding> LeadFindings()
    {
        // Each lead as it was at the as-of instant (created by then: checked on entry), so a lead assigned, converted or
        // disqualified later still counts where it stood.
        var leads = inputs
            .Leads.Select(l => l.AsOf(asOf))
            .Where(l => l.Status is LeadStatus.New or LeadStatus.Working)
            .OrderBy(l => l.Id.Value, StringComparer.Ordinal);
        foreach (var lead in leads)
        {
            var lastTouch = inputs.Activities.LastTouchOf(lead, asOf);
            var idle = asOf - (lastTouch ?? lead.CreatedAt);
            if (idle > policy.LeadUntouchedAfter)
            {
                var days = HealthText.Days(idle);
                var limit = HealthText.Days(policy.LeadUntouchedAfter);
                yield return new HealthFinding(
                    FindingKind.UntouchedLead,
                    HealthSubject.Lead,
                    days,
                    limit,
                    HealthUnit.Days,
                    lead: lead.Id,
                    owner: lead.Owner,
                    text: lastTouch is null
                        ? $"Never touched since it arrived {HealthText.DaysUp(days)} ago (limit {HealthText.DaysLimit(limit)})."
                        : $"No touch for {HealthText.DaysUp(days)} (limit {HealthText.DaysLimit(limit)})."
                );
            }
            if (lead.IsInPool && lead.InPoolSince is { } pooled && pooled <= asOf && asOf - pooled > policy.PoolWaitAfter)
            {
                var (days, limit) = (HealthText.Days(asOf - pooled), HealthText.Days(policy.PoolWaitAfter));
                yield return new HealthFinding(
                    FindingKind.WaitingInPool,
                    HealthSubject.Lead,
                    days,
                    limit,
                    HealthUnit.Days,
                    lead: lead.Id,
                    text: DealChecks.PoolText(lead.Team, days, limit)
                );
            }
        }
    }

    private static string Deals(int count) => count == 1 ? "1 deal is" : $"{count} deals are";
}
