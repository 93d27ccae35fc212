using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Health;
using SalesPipeline.Reporting;
using SalesPipeline.Targets;
using static SalesPipeline.Tests.Health.HealthFixtures;
using static SalesPipeline.Tests.Reporting.TableAssert;

namespace SalesPipeline.Tests.Reporting;

public sealed class HealthTargetsTablesTests
{
    // The worked example of PipelineHealthTests: A, USD 60,000 in Proposal since Feb 20, untouched: on Apr 1, stale for
    // 40 days (limit 14) and rotting; B, USD 10,000 in Negotiation since Mar 30, fine.
    private static HealthReport Report() =>
        PipelineHealth.Inspect(
            [
                DealIn("A", "proposal", 60_000m, Date(5, 15), At(2, 1), At(2, 20)),
                DealIn("B", "negotiation", 10_000m, Date(5, 15), At(3, 30), At(3, 30)),
            ],
            Pipeline,
            AsOf
        );

    [Fact]
    public void Findings_OneRowPerFinding()
    {
        var report = Report();

        var table = report.ToTable();

        WellFormed(table);
        var findings = report.Findings;
        Equal(table, "as_of", findings.Select(_ => AsOf));
        Equal(
            table,
            "kind",
            findings.Select(f =>
                f.Kind switch
                {
                    FindingKind.Stale => "stale",
                    FindingKind.Rotting => "rotting",
                    FindingKind.PastExpectedClose => "past_expected_close",
                    FindingKind.OlderThanTypicalCycle => "older_than_typical_cycle",
                    FindingKind.CloseDatePushed => "close_date_pushed",
                    FindingKind.CrowdedStage => "crowded_stage",
                    FindingKind.LateStagePileUp => "late_stage_pile_up",
                    FindingKind.LowCoverage => "low_coverage",
                    _ => "untouched_lead",
                }
            )
        );
        Equal(table, "subject", findings.Select(f => f.Subject.ToString().ToLowerInvariant()));
        Equal(table, "deal_id", findings.Select(f => f.Deal?.Value));
        Equal(table, "owner", findings.Select(f => f.Owner));
        Equal(table, "stage_id", findings.Select(f => f.StageId));
        Equal(table, "measured", findings.Select(f => f.Measured));
        Equal(table, "threshold", findings.Select(f => f.Threshold));
        Equal(table, "unit", findings.Select(f => f.Unit.ToString().ToLowerInvariant()));
        Equal(table, "message", findings.Select(f => f.Message));
        var stale = Column(table, "kind").ToList().IndexOf("stale");
        Assert.Equal(
            ("A", 40m, 14m, "days", "No touch for 40 days (limit 14 days)."),
            (
                Cell(table, stale, "deal_id"),
                Cell(table, stale, "measured"),
                Cell(table, stale, "threshold"),
                Cell(table, stale, "unit"),
                Cell(table, stale, "message")
            )
        );
    }

    [Fact]
    public void Summary_AndShortlist()
    {
        var report = Report();

        var summary = report.ToSummaryTable();
        var shortlist = report.Shortlist.ToTable();

        WellFormed(summary);
        Assert.Equal(
            (2L, 0L, 0L, (long)report.Findings.Count, 1L, "USD"),
            (
                Cell(summary, 0, "open_deals"),
                Cell(summary, 0, "won_deals"),
                Cell(summary, 0, "lost_deals"),
                Cell(summary, 0, "findings"),
                Cell(summary, 0, "deals_at_risk"),
                Cell(summary, 0, "currency")
            )
        );
        Assert.Equal(report.TypicalWonCycle?.TotalDays, Cell(summary, 0, "typical_won_cycle_days"));
        Assert.Equal(report.SkippedChecks.Count == 0 ? null : string.Join(" | ", report.SkippedChecks), Cell(summary, 0, "skipped_checks"));
        WellFormed(shortlist);
        var deals = report.Shortlist.Deals;
        Equal(shortlist, "rank", deals.Select((_, i) => (long)i + 1));
        Equal(shortlist, "deal_id", deals.Select(d => d.Deal.Value));
        Money(shortlist, "amount", deals.Select(d => (Money?)d.Amount));
        Equal(shortlist, "probability", deals.Select(d => d.Probability));
        Money(shortlist, "weighted_amount", deals.Select(d => (Money?)d.WeightedAmount));
        Equal(shortlist, "reasons", deals.Select(d => string.Join(" | ", d.Reasons)));
        // By hand: A alone is at risk: 60,000 x 0.5 (Proposal) = 30,000.
        Assert.Equal(
            ("A", 30_000m, 1L, 30_000m),
            (
                Cell(shortlist, 0, "deal_id"),
                Cell(shortlist, 0, "weighted_amount"),
                Cell(shortlist, 0, "at_risk_deals"),
                Cell(shortlist, 0, "weighted_at_risk")
            )
        );
        Assert.StartsWith("stale;rotting", (string)Cell(shortlist, 0, "finding_kinds")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_OneRow()
    {
        var q2 = FiscalCalendar.Calendar.Quarter(2026, 2);
        var report = PipelineHealth.Inspect(
            [DealIn("A", "proposal", 60_000m, Date(5, 15), At(3, 30), At(3, 30))],
            Pipeline,
            AsOf,
            null,
            new HealthInputs { Coverage = new CoverageGoal(q2, Usd(100_000m), 0.25m) }
        );

        var table = report.Coverage!.ToTable();

        WellFormed(table);
        // By hand: 60,000 open against 100,000 remaining: coverage 0.6, 4 required at a 25% win rate: not enough.
        Assert.Equal(
            (q2.Start, 100_000m, 0m, 100_000m, 1L, 60_000m, 0.25m, 4m, 0.6m, false),
            (
                (LocalDate)Cell(table, 0, "period_start")!,
                Cell(table, 0, "target"),
                Cell(table, 0, "won_so_far"),
                Cell(table, 0, "remaining_target"),
                Cell(table, 0, "open_deals"),
                Cell(table, 0, "open_pipeline"),
                Cell(table, 0, "win_rate"),
                Cell(table, 0, "required_coverage"),
                Cell(table, 0, "coverage"),
                Cell(table, 0, "is_enough")
            )
        );
    }

    [Fact]
    public void Attainment_OneRowPerQuota()
    {
        var q2 = FiscalCalendar.Calendar.Quarter(2026, 2);
        var won = WonDeal("W", 40_000m, At(3, 1), At(4, 10));
        var open = DealIn("O", "proposal", 120_000m, Date(6, 15), At(4, 1), At(4, 1));
        var options = new AttainmentOptions
        {
            ForecastOptions = new SalesPipeline.Forecasting.ForecastOptions { AsOf = Date(4, 15) },
            WinRate = 0.25m,
        };
        var report = Attainment.Of([won, open], Pipeline, [Quota.ForPerson("alice", q2, Usd(100_000m))], options);

        var table = report.ToTable();

        WellFormed(table);
        var line = report.Lines[0];
        Assert.Equal(
            (
                line.Target.Amount,
                line.Won.Amount,
                line.Gap.Amount,
                line.OpenPipeline.Amount,
                line.WeightedPipeline.Amount,
                line.Projected.Amount,
                line.Coverage,
                line.RequiredCoverage,
                line.CoverageGap,
                line.PipelineGap?.Amount,
                line.CompletionRate
            ),
            (
                Cell(table, 0, "target"),
                Cell(table, 0, "won"),
                Cell(table, 0, "gap"),
                Cell(table, 0, "open_pipeline"),
                Cell(table, 0, "weighted_pipeline"),
                Cell(table, 0, "projected"),
                Cell(table, 0, "coverage"),
                Cell(table, 0, "required_coverage"),
                Cell(table, 0, "coverage_gap"),
                Cell(table, 0, "pipeline_gap"),
                Cell(table, 0, "completion_rate")
            )
        );
        // By hand: won 40,000 of 100,000 (0.4); 60,000 remains; 120,000 open is coverage 2, 4 required: gap 2;
        // pipeline needed 60,000 / 0.25 = 240,000, less 120,000 open = 120,000; projected 40,000 + 60,000 = 100,000.
        Assert.Equal(
            ("person", "alice", 0.4m, 60_000m, 2m, 4m, 2m, 120_000m, 100_000m, 0.25m),
            (
                Cell(table, 0, "level"),
                Cell(table, 0, "subject_id"),
                Cell(table, 0, "completion_rate"),
                Cell(table, 0, "gap"),
                Cell(table, 0, "coverage"),
                Cell(table, 0, "required_coverage"),
                Cell(table, 0, "coverage_gap"),
                Cell(table, 0, "pipeline_gap"),
                Cell(table, 0, "projected"),
                Cell(table, 0, "win_rate")
            )
        );
    }
}
