using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Cli.Input;
using SalesPipeline.Collections;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Metrics;
using SalesPipeline.Reporting;
using SalesPipeline.Targets;

namespace SalesPipeline.Cli.Reports;

/// <summary>
/// Computes the sections of a command from a <see cref="Dataset"/> with Core's reports, each projected with its
/// <c>ToTable()</c>. The periods: the forecasts and the cash forecast cover the <see cref="ReportSettings.Periods"/>
/// fiscal months from the month of the as-of date; the revenue distribution and the coverage are for the fiscal
/// quarter of the as-of date; velocity compares the last complete fiscal quarter with the one before it.
/// </summary>
internal static class ReportBuilder
{
    /// <summary>The sections of <paramref name="kind"/> over <paramref name="data"/>.</summary>
    public static ReportResults Build(Dataset data, ReportKind kind, ReportSettings settings)
    {
        var sections = new List<ReportSection>();
        var results = new ReportResults(sections);
        var months = Months(data.Calendar, data.AsOf, settings.Periods);
        var quarter = data.Calendar.QuarterContaining(data.AsOf);
        // The report's currency is given to every report as rates of one currency, so a set of no deals (a filter or an
        // as-of date that leaves none) gives empty tables instead of "no deals to tell the currency from".
        var rates = ExchangeRates.In(data.Currency);
        var forecastOptions = new ForecastOptions
        {
            AsOf = data.AsOf,
            Zone = data.Zone,
            Organization = data.Organization,
            Rates = rates,
        };
        var scope = ReportScope.Of(data, quarter, settings.Target);
        var all = kind == ReportKind.Report;

        if (all || kind == ReportKind.Forecast)
        {
            results = AddForecasts(data, sections, results, months, quarter, forecastOptions, scope);
        }
        if (all || kind == ReportKind.Funnel)
        {
            results = AddProcessMetrics(data, sections, results, rates);
        }
        if (all || kind == ReportKind.Health)
        {
            AddHealth(data, sections, quarter, scope, rates);
        }
        if (all)
        {
            AddAttainment(data, sections, forecastOptions, scope);
        }
        if (all || kind == ReportKind.Collections)
        {
            results = AddCollections(data, sections, results, months);
        }
        return results;
    }

    /// <summary>The <paramref name="count"/> fiscal months from the one containing <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<FiscalPeriod> Months(FiscalCalendar calendar, LocalDate asOf, int count)
    {
        var months = new List<FiscalPeriod>(count);
        var month = calendar.MonthContaining(asOf);
        for (var i = 0; i < count; i++)
        {
            months.Add(month);
            month = calendar.MonthContaining(month.End.PlusDays(1));
        }
        return months;
    }

    private static ReportResults AddForecasts(
        Dataset data,
        List<ReportSection> sections,
        ReportResults results,
        IReadOnlyList<FiscalPeriod> months,
        FiscalPeriod quarter,
        ForecastOptions options,
        ReportScope scope
    )
    {
        var target = scope.Target;
        // Core's pipeline by stage and its table: the stopped deals on their own line, in no forecast.
        var byStage = Forecast.ByStage(data.Deals, data.Pipeline, options).ToTable();
        sections.Add(
            new ReportSection(
                SectionTitles.PipelineByStage,
                [
                    new TableView(
                        byStage,
                        "Open deals by stage; stopped deals on their own line, in no forecast",
                        ["scope", "stage_name", "deals", "amount", "probability", "weighted"]
                    ),
                ],
                []
            )
        );

        var weighted = Forecast.StageWeighted(data.Deals, data.Pipeline, months, options);
        var weightedTable = weighted.ToTable();
        var category = Forecast.ByCategory(data.Deals, data.Pipeline, months, data.Organization, options: options);
        var categoryTable = category.ToTable();
        sections.Add(
            new ReportSection(
                SectionTitles.Forecast,
                [
                    new TableView(
                        weightedTable,
                        "Stage-weighted: open amount x win probability, plus what is already won",
                        ["label", "open_deals", "open_amount", "weighted", "won_deals", "won", "expected"],
                        TableView.Where(weightedTable, "scope", "period", "overdue", "outside_periods", "total")
                    ),
                    new TableView(
                        categoryTable,
                        $"Rep categories, the company's roll-up ({data.Organization.Company})",
                        [
                            "scope",
                            "period_label",
                            "gross_closed",
                            "gross_commit",
                            "gross_best_case",
                            "gross_pipeline",
                            "gross_commit_cumulative",
                            "gross_best_case_cumulative",
                        ],
                        row =>
                            TableView.Where(categoryTable, "node_kind", "company")(row)
                            || TableView.Where(categoryTable, "scope", "overdue")(row)
                    ),
                ],
                ["Owner and team lines and the other nodes of the roll-up are in --json and --csv; every column is on the --html page too."]
            )
        );

        var distribution = Forecast.Distribution(data.Deals, data.Pipeline, quarter, new DistributionOptions { Forecast = options });
        var views = new List<TableView>
        {
            new(
                distribution.ToSummaryTable(),
                $"Revenue in {quarter.Label} (won so far plus the open deals expected to close in it)",
                ["period_label", "method", "open_deals", "won", "mean", "p10", "p50", "p90"]
            ),
        };
        var notes = new List<string> { "P10 is the value V with P(revenue <= V) >= 10%; likewise P50 and P90." };
        if (target is not null)
        {
            views.Add(new TableView(TargetChance(distribution, target), $"The chance of reaching the target ({scope.TargetSource})"));
        }
        else
        {
            notes.Add(
                $"No target: {scope.Whose} has no quota for {quarter.Label}; give --target, or such a quota (--quotas), for the chance of reaching it."
            );
        }
        sections.Add(new ReportSection(SectionTitles.Distribution, views, notes));
        return results with { StageWeighted = weighted, Category = category, Distribution = distribution, Target = target };
    }

    private static ReportResults AddProcessMetrics(Dataset data, List<ReportSection> sections, ReportResults results, ExchangeRates rates)
    {
        var winRates = WinRate.By(data.Deals, Breakdown.Owner, new WinRateOptions { Rates = rates }).ToTable("owner");
        sections.Add(
            new ReportSection(
                SectionTitles.WinRate,
                [
                    new TableView(
                        winRates,
                        "Won / (won + lost), by count (with its Wilson interval) and by value; the total row is every deal",
                        ["scope", "owner", "won", "lost", "open", "count_rate", "count_rate_lower", "count_rate_upper", "value_rate"]
                    ),
                ],
                []
            )
        );

        var funnelOptions = new FunnelOptions { Rates = rates };
        var funnel =
            data.Leads.Count > 0
                ? Funnel.Of(data.Deals, data.Leads, data.Pipeline, funnelOptions)
                : Funnel.Of(data.Deals, data.Pipeline, funnelOptions);
        var cycle = SalesCycle.Of(data.Deals, data.AsOfInstant);
        sections.Add(
            new ReportSection(
                SectionTitles.Funnel,
                [
                    new TableView(
                        funnel.ToTable(),
                        "Deals reaching each open stage, and what became of them",
                        [
                            "stage_name",
                            "reached",
                            "moved_on",
                            "lost",
                            "won",
                            "still_in",
                            "reached_amount",
                            "conversion_to_next",
                            "loss_rate",
                            "is_bottleneck",
                        ]
                    ),
                ],
                []
            )
        );
        sections.Add(
            new ReportSection(
                SectionTitles.SalesCycle,
                [
                    new TableView(
                        cycle.ToTable(),
                        "Days from creation to close (Kaplan-Meier: open deals are censored, not left out)",
                        ["deals", "closed", "censored", "won_deals", "median_days", "median_lower_days", "median_upper_days"]
                    ),
                ],
                []
            )
        );

        var last = data.Calendar.QuarterContaining(data.Calendar.QuarterContaining(data.AsOf).Start.PlusDays(-1));
        var before = data.Calendar.QuarterContaining(last.Start.PlusDays(-1));
        var velocityOptions = new VelocityOptions
        {
            Zone = data.Zone,
            Organization = data.Organization,
            Rates = rates,
        };
        var velocityBefore = SalesVelocity.Of(data.Deals, before, velocityOptions);
        var velocityLast = SalesVelocity.Of(data.Deals, last, velocityOptions);
        var comparison = SalesVelocity.Compare(velocityBefore, velocityLast);
        sections.Add(
            new ReportSection(
                SectionTitles.Velocity,
                [
                    new TableView(
                        new[] { velocityBefore, velocityLast }.ToTable(),
                        "Open deals x average won amount x win rate / average cycle, per day, in the last two complete quarters",
                        [
                            "period_label",
                            "open_deals",
                            "won_deals",
                            "average_won_amount",
                            "win_rate",
                            "average_cycle_days",
                            "per_day",
                            "reason",
                        ]
                    ),
                    new TableView(
                        comparison.ToTable(),
                        $"The change from {before.Label} to {last.Label}, and each lever's share of it",
                        [
                            "before_per_day",
                            "after_per_day",
                            "change",
                            "open_deals_effect",
                            "average_won_amount_effect",
                            "win_rate_effect",
                            "cycle_length_effect",
                        ]
                    ),
                ],
                []
            )
        );
        return results with { Funnel = funnel, Velocity = comparison };
    }

    private static void AddHealth(Dataset data, List<ReportSection> sections, FiscalPeriod quarter, ReportScope scope, ExchangeRates rates)
    {
        var target = scope.Target;
        var winRate = WinRate.Of(data.Deals, new WinRateOptions { Rates = rates }).CountRate;
        var inputs = new HealthInputs
        {
            Activities = ActivityIndex.Create(data.Activities),
            Leads = data.Leads,
            Coverage = target is not null && winRate is > 0m ? new CoverageGoal(quarter, target, winRate.Value) : null,
            Rates = rates,
        };
        var health = PipelineHealth.Inspect(data.Deals, data.Pipeline, data.AsOfInstant, data.HealthPolicy, inputs);
        var findings = health.ToTable();
        var views = new List<TableView>
        {
            new(
                health.ToSummaryTable(),
                "Summary",
                ["open_deals", "won_deals", "lost_deals", "findings", "deals_at_risk", "typical_won_cycle_days"]
            ),
            new(findings, "Findings", ["kind", "subject", "deal_id", "owner", "measured", "threshold", "unit", "message"], MaxRows: 15),
            new(
                health.Shortlist.ToTable(),
                "The review shortlist: the open deals most worth a look, weightiest first",
                ["rank", "deal_id", "deal_name", "owner", "stage_id", "amount", "weighted_amount", "finding_kinds"]
            ),
        };
        var notes = new List<string>();
        if (health.Coverage is { } coverage)
        {
            views.Add(
                new TableView(
                    coverage.ToTable(),
                    $"Pipeline coverage of the quarter's target ({scope.TargetSource})",
                    [
                        "period_label",
                        "target",
                        "won_so_far",
                        "remaining_target",
                        "open_pipeline",
                        "coverage",
                        "required_coverage",
                        "is_enough",
                    ]
                )
            );
        }
        else
        {
            notes.Add(
                target is null
                    ? $"No coverage: {scope.Whose} has no quota for {quarter.Label} and no --target was given."
                    : "No coverage: no deal was won or lost yet, so there is no win rate to judge the pipeline by."
            );
        }
        if (health.SkippedChecks.Count > 0)
        {
            notes.Add("Checks skipped: " + string.Join("; ", health.SkippedChecks));
        }
        sections.Add(new ReportSection(SectionTitles.Health, views, notes));
    }

    private static void AddAttainment(Dataset data, List<ReportSection> sections, ForecastOptions options, ReportScope scope)
    {
        if (data.Quotas.Count == 0)
        {
            sections.Add(new ReportSection(SectionTitles.Attainment, [], ["No quotas: give --quotas (the sample has them)."]));
            return;
        }
        if (scope.Quotas.Count == 0)
        {
            sections.Add(new ReportSection(SectionTitles.Attainment, [], [$"No quotas: {scope.Whose} has none."]));
            return;
        }
        AttainmentReport attainment;
        try
        {
            attainment = Attainment.Of(data.Deals, data.Pipeline, scope.Quotas, new AttainmentOptions { ForecastOptions = options });
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            // The library's documented refusals of the quotas themselves: two currencies, a subject and period twice,
            // a team the organisation lacks.
            throw new BadInputException($"The quotas cannot be reported on: {e.Message}", inner: e);
        }
        var table = attainment.ToTable();
        var periodStart = table.IndexOf("period_start");
        var periodEnd = table.IndexOf("period_end");
        sections.Add(
            new ReportSection(
                SectionTitles.Attainment,
                [
                    new TableView(
                        table,
                        string.Create(CultureInfo.InvariantCulture, $"Quotas of the periods containing {data.AsOf:uuuu-MM-dd}"),
                        [
                            "level",
                            "subject_id",
                            "period_label",
                            "target",
                            "won",
                            "completion_rate",
                            "open_pipeline",
                            "projected",
                            "coverage",
                        ],
                        row =>
                            table[row, periodStart] is LocalDate start
                            && table[row, periodEnd] is LocalDate end
                            && start <= data.AsOf
                            && data.AsOf <= end
                    ),
                ],
                ["Quotas of other periods are in --json and --csv."]
            )
        );
    }

    private static ReportResults AddCollections(
        Dataset data,
        List<ReportSection> sections,
        ReportResults results,
        IReadOnlyList<FiscalPeriod> months
    )
    {
        if (data.Contracts.Count == 0)
        {
            sections.Add(
                new ReportSection(
                    SectionTitles.Collections,
                    [],
                    ["No contracts: CSV files and stores hold none; the embedded sample has them."]
                )
            );
            return results;
        }
        var aging = Aging.Of(data.Contracts, data.AsOf, organization: data.Organization);
        var agingTable = aging.ToTable();
        var cash = CashForecast.Of(data.Contracts, data.AsOf, months);
        sections.Add(
            new ReportSection(
                SectionTitles.Aging,
                [
                    new TableView(
                        agingTable,
                        "What customers owe, by days overdue",
                        ["bucket", "outstanding"],
                        TableView.Where(agingTable, "scope", "total"),
                        EmptyAs: new Dictionary<string, string> { ["bucket"] = "total" }
                    ),
                ],
                ["Aging by customer, rep and team is in --json and --csv."]
            )
        );
        sections.Add(
            new ReportSection(
                SectionTitles.CashForecast,
                [new TableView(cash.ToTable(), "Instalments due in each period", ["label", "scheduled", "total"])],
                []
            )
        );
        return results with { Aging = aging, Cash = cash };
    }

    private static ReportTable TargetChance(RevenueDistribution distribution, Money target) =>
        new(
            "revenue_target",
            [
                new ReportColumn("period_label", ColumnType.Text, "The period of the distribution."),
                new ReportColumn("target", ColumnType.ExactNumber, "The revenue target."),
                new ReportColumn("target_currency", ColumnType.Text, "The ISO 4217 code of target."),
                new ReportColumn("chance", ColumnType.RealNumber, "P(revenue >= target), 0 to 1."),
            ],
            [
                [distribution.Period.Label, target.Amount, target.Currency.Code, distribution.ProbabilityOfAtLeast(target)],
            ]
        );
}
