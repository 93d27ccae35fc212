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
            OpenCount,
            kept.Sum(run => run.WonCount),
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

    private int OpenCount => kept.Sum(run => run.OpenCount);

    // The open deals with findings, in ordinal order of their ids, and the open deals per stage. The open deals are
    // numbered in the order they were added, run after run. The checks read each deal alone, so a large pipeline is
    // split across the cores, each part counting its deals' findings in place; a failure is the earliest part's,
    // rethrown as is, so it is the one a single pass meets first. A frame's row is checked on its columns
    // (DealChecks.Count for a row), a deal object by the deal code; the deals at risk are kept as rows and built
    // when the report is read.
    private AtRiskDeals AtRisk(DealChecks checks, int[] counts, ForecastOptions money, Currency? currency)
    {
        var total = OpenCount;
        var starts = RunStarts();
        var findings = new int[total];
        var amounts = new decimal[total]; // in the reporting currency
        var probabilities = new decimal[total];
        var rowChecks = kept.ConvertAll(run => run is KeptRows rows ? checks.For(rows.Frame) : null);
        var partCounts = FramePartitions.Run(
            total,
            FramePartitions.Parts(total),
            (_, from, to) =>
            {
                var stages = new int[counts.Length];
                for (var k = 0; k < kept.Count; k++)
                {
                    for (int p = Math.Max(from, starts[k]), end = Math.Min(to, starts[k + 1]); p < end; p++)
                    {
                        var i = p - starts[k];
                        var rows = kept[k] as KeptRows;
                        var deal = rows is null ? ((KeptViews)kept[k]).Open[i] : rows.ViewOf(rows.Open[i]);
                        if (deal is null)
                        {
                            var row = rows!.Open[i];
                            var onRow = rowChecks[k]!;
                            var stage = onRow.StageIndex(row);
                            stages[stage]++;
                            findings[p] = onRow.Count(row, stage);
                            if (findings[p] > 0)
                            {
                                amounts[p] = ReportingAmountOf(rows.Frame, row, money, currency!);
                                probabilities[p] = onRow.Probability(row);
                            }
                            continue;
                        }
                        var index = pipeline.GetStage(deal.StageId).Index;
                        stages[index]++;
                        findings[p] = checks.Count(deal, index);
                        if (findings[p] > 0)
                        {
                            amounts[p] = money.ToReporting(deal.Amount, currency!).Amount;
                            probabilities[p] = pipeline.WinProbabilityOf(deal).Value;
                        }
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
        var order = InIdOrder(findings, starts);
        var start = new int[order.Length + 1];
        var (atRiskDeals, atRiskAmounts, atRiskProbabilities) = (
            new AtRiskEntry[order.Length],
            new decimal[order.Length],
            new decimal[order.Length]
        );
        for (var k = 0; k < order.Length; k++)
        {
            var p = order[k];
            (atRiskDeals[k], atRiskAmounts[k], atRiskProbabilities[k]) = (OpenAt(p, starts), amounts[p], probabilities[p]);
            start[k + 1] = start[k] + findings[p];
        }
        return new AtRiskDeals(atRiskDeals, atRiskAmounts, currency, atRiskProbabilities, start, checks);
    }

    // A row's amount in the reporting currency, by ExchangeRates.ToReporting's rule, without making a Money when there
    // is nothing to convert (no rates, and the amount already in the reporting currency): a frame has no Money object
    // per row, and making one for each of a million rows would be most of what the checks allocate.
    private decimal ReportingAmountOf(DealFrame frame, int row, ForecastOptions money, Currency currency)
    {
        var from = frame.Currencies[frame.AmountCurrency[row]];
        var amount = frame.AmountAt(row);
        return inputs.Rates is null && from == currency ? amount : money.ToReporting(Money.Of(amount, from), currency).Amount;
    }

    // Where each run's open deals start in the numbering of every open deal; one entry more than runs.
    private int[] RunStarts()
    {
        var starts = new int[kept.Count + 1];
        for (var k = 0; k < kept.Count; k++)
        {
            starts[k + 1] = starts[k] + kept[k].OpenCount;
        }
        return starts;
    }

    // The open deal numbered p: a deal object, or a frame's row.
    private AtRiskEntry OpenAt(int p, int[] starts)
    {
        var (k, i) = RunOf(p, starts);
        if (kept[k] is KeptViews views)
        {
            return new AtRiskEntry(views.Open[i], null, -1);
        }
        var rows = (KeptRows)kept[k];
        var row = rows.Open[i];
        return new AtRiskEntry(rows.ViewOf(row), rows.Frame, row);
    }

    // The id of the open deal numbered p, a frame row's from the id column: no deal is built to be sorted.
    private string IdOf(int p, int[] starts)
    {
        var (k, i) = RunOf(p, starts);
        if (kept[k] is KeptViews views)
        {
            return views.Open[i].Id.Value;
        }
        var rows = (KeptRows)kept[k];
        return rows.Frame.Fields.IdAt(rows.Open[i]).Value;
    }

    // The run holding the open deal numbered p, and its place among the run's open deals.
    private (int Run, int Index) RunOf(int p, int[] starts)
    {
        // The first run whose open deals end after p (a run with no open deal ends where it starts).
        int low = 0,
            high = kept.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (starts[mid + 1] <= p)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return (low, p - starts[low]);
    }

    // The numbers of the open deals with findings, in ordinal order of their ids. When every deal came from one
    // frame, the frame's id order (sorted once per frame) is walked; otherwise the ids are sorted here.
    private int[] InIdOrder(int[] findings, int[] starts)
    {
        if (kept is [KeptRows rows])
        {
            var positionOfRow = new int[rows.Frame.Count];
            Array.Fill(positionOfRow, -1);
            for (var i = 0; i < rows.Open.Length; i++)
            {
                positionOfRow[rows.Open[i]] = i;
            }
            var ordered = new List<int>();
            foreach (var row in rows.Frame.RowsById)
            {
                if (positionOfRow[row] is var i && i >= 0 && findings[i] > 0)
                {
                    ordered.Add(i);
                }
            }
            return [.. ordered];
        }
        var positions = new List<int>();
        for (var p = 0; p < findings.Length; p++)
        {
            if (findings[p] > 0)
            {
                positions.Add(p);
            }
        }
        var ids = positions.ConvertAll(p => IdOf(p, starts)).ToArray();
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
        var won = kept.Sum(run => run.WonCount);
        if (won == 0)
        {
            skipped.Add(
                "Older than the typical won cycle: there are no won deals to take the median from and HealthPolicy.TypicalWonCycle is not set."
            );
            return (null, TypicalCycleSource.Unknown);
        }
        // As durations, not as a long count of nanoseconds: that holds only 292 years, and a deal may be created in year 1.
        var cycles = new List<Duration>(won);
        foreach (var run in kept)
        {
            if (run is KeptViews views)
            {
                cycles.AddRange(views.Won.Select(d => d.ClosedAt!.Value - d.CreatedAt));
                continue;
            }
            var rows = (KeptRows)run;
            foreach (var row in rows.Won)
            {
                cycles.Add(
                    rows.ViewOf(row) is { } view
                        ? view.ClosedAt!.Value - view.CreatedAt
                        : Duration.FromTicks(rows.Frame.DecidedAt[row] - rows.Frame.CreatedAt[row])
                );
            }
        }
        cycles.Sort();
        var mid = cycles.Count / 2;
        // The mean of the two middle values when the count is even, rounded down to the nanosecond.
        var median = cycles.Count % 2 == 1 ? cycles[mid] : cycles[mid - 1] + ((cycles[mid] - cycles[mid - 1]) / 2L);
        return (median, TypicalCycleSource.MedianOfWonDeals);
    }

    private Duration RottingLimit(Stage stage) =>
        policy.RottingAfterByStage.TryGetValue(stage.Id, out var limit) ? limit : stage.RottingAfter ?? policy.RottingAfter;

    private IEnumerable<HealthFinding> StageFindings(int[] counts, List<string> skipped)
    {
        var total = OpenCount;
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
        var total = OpenCount;
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
        var (openAmount, openDeals) = InPeriod(open: true);
        var (wonAmount, _) = InPeriod(open: false);
        return new CoverageResult(
            goal.Period,
            money.ToReporting(goal.Target, currency!),
            Money.Of(wonAmount, currency!),
            Money.Of(openAmount, currency!),
            openDeals,
            goal.WinRate
        );

        // The forecasts' placement rule: open deals by expected close (not before today), won deals by won date; a frame
        // row by its columns, by the same rule (PeriodIndex.TrySlotOf), unless its won date is one only the deal code
        // places (it throws there).
        (decimal Amount, int Deals) InPeriod(bool open)
        {
            var amount = 0m;
            var count = 0;
            var zone = new ZoneDays(policy.Zone);
            foreach (var run in kept)
            {
                if (run is KeptViews views)
                {
                    foreach (var deal in open ? views.Open : views.Won)
                    {
                        Add(deal.Amount, index.SlotOf(deal, policy.Zone));
                    }
                    continue;
                }
                var rows = (KeptRows)run;
                var frame = rows.Frame;
                foreach (var row in open ? rows.Open : rows.Won)
                {
                    if (rows.ViewOf(row) is { } view)
                    {
                        Add(view.Amount, index.SlotOf(view, policy.Zone));
                    }
                    else if ((!open || frame.ExpectedCloseDay[row] >= 0) && index.TrySlotOf(frame, row, zone, out var slot))
                    {
                        if (slot == 0)
                        {
                            amount += ReportingAmountOf(frame, row, money, currency!);
                            count++;
                        }
                    }
                    else
                    {
                        var deal = frame.DealAt(row);
                        Add(deal.Amount, index.SlotOf(deal, policy.Zone));
                    }
                }
            }
            return (amount, count);

            void Add(Money dealAmount, int slot)
            {
                if (slot == 0)
                {
                    amount += money.ToReporting(dealAmount, currency!).Amount;
                    count++;
                }
            }
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
