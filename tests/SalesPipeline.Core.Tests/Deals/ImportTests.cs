using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Bringing deals in as they stand in another system: the history each record becomes, the unknown values, the rules.
public sealed partial class ImportTests
{
    internal static readonly Instant Created = T0;
    internal static readonly Instant AsOfImport = H(24 * 60); // the export, 60 days after T0

    internal static DealImport Record(string id = "SF-1", string stageId = "proposal") =>
        new()
        {
            Id = new DealId(id),
            Name = "Acme: 500 seats",
            Owner = "alice",
            Amount = Amount,
            StageId = stageId,
            ExpectedClose = Close,
            CreatedAt = Created,
        };

    [Fact]
    public void Import_OpenDealWithoutHistory_IsObservedAtAsOfInItsStageWithItsOverrides()
    {
        var record = Record("SF-1", "negotiation") with
        {
            ProbabilityOverride = 0.65m,
            ProbabilitySource = ValueSource.Model,
            CategoryOverride = ForecastCategory.BestCase,
        };

        var deal = Default.Import(record, AsOfImport);

        var imported = Assert.IsType<DealImported>(deal.History[0]);
        Assert.Equal(
            new DealImported(
                new DealId("SF-1"),
                AsOfImport,
                Unknown.Actor,
                "Default",
                "Acme: 500 seats",
                "alice",
                Amount,
                Close,
                "negotiation",
                DealStatus.Open,
                Created,
                StageEntryKnown: false
            ),
            imported
        );
        Assert.Equal(
            [
                imported,
                new ProbabilityOverridden(new DealId("SF-1"), AsOfImport, Unknown.Actor, 0.65m, ValueSource.Model),
                new CategoryOverridden(new DealId("SF-1"), AsOfImport, Unknown.Actor, ForecastCategory.BestCase),
            ],
            deal.History
        );
        Assert.True(deal.IsImported);
        Assert.Equal(("negotiation", DealStatus.Open, Created, AsOfImport), (deal.StageId, deal.Status, deal.CreatedAt, deal.ObservedFrom));
        Assert.Equal(new EffectiveValue<decimal>(0.65m, ValueSource.Model), Default.WinProbabilityOf(deal));
        Assert.Equal(ForecastCategory.BestCase, Default.ForecastCategoryOf(deal).Value);
        // Before it was observed its state is unknown, not "not created".
        Assert.False(deal.TryAsOf(AsOfImport.Minus(Duration.FromSeconds(1)), out _));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => deal.AsOf(Created));
        Assert.Contains("first observed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(deal, Deal.FromEvents(deal.Events));
    }

    [Fact]
    public void Import_KnownStageEntry_StartsTheStayThen()
    {
        var deal = Default.Import(Record() with { StageEnteredAt = H(100) }, AsOfImport);

        var imported = Assert.IsType<DealImported>(Assert.Single(deal.History));
        Assert.Equal((H(100), true), (imported.At, imported.StageEntryKnown));
        Assert.Equal(H(100), deal.StageEnteredAt);
    }

    [Fact]
    public void Import_WonDealWithoutHistoryOrName_IsClosedFromTheStartWithUnknowns()
    {
        var record = Record("SF-2", "won") with { Name = null, Status = DealStatus.Won, ClosedAt = H(500) };

        var deal = Default.Import(record, AsOfImport);

        var imported = Assert.IsType<DealImported>(Assert.Single(deal.History));
        Assert.Equal(("won", DealStatus.Won, H(500), true), (imported.StageId, imported.Status, imported.At, imported.StageEntryKnown));
        Assert.Equal((DealStatus.Won, (Instant?)H(500)), (deal.Status, deal.ClosedAt));
        Assert.Equal((Unknown.Name, Unknown.Stage, Unknown.Actor), (deal.Name, deal.LastOpenStageId, deal.CreatedBy));
        Assert.Equal(1m, Default.WinProbabilityOf(deal).Value);
    }

    [Fact]
    public void ImportedClosedDealWithoutHistory_ReopensOnlyIntoANamedStage()
    {
        var deal = Default.Import(Record("SF-6", "won") with { Status = DealStatus.Won, ClosedAt = H(500) }, AsOfImport);
        var at = AsOfImport.Plus(Duration.FromHours(1));

        var rejected = Default.Apply(deal, DealCommand.Reopen(at, "manager"));
        var reopened = Default.Reopen(deal, at, "manager", "proposal");

        Assert.Equal(RejectionCode.UnknownStage, Assert.Single(rejected.Rejections).Code);
        Assert.Contains("name the open stage to reopen it into", rejected.Rejections[0].Message, StringComparison.Ordinal);
        Assert.Equal(("proposal", DealStatus.Open), (reopened.StageId, reopened.Status));
        // The reopen reaches proposal only: the stage it closed from is unknown, so no stage is passed over.
        Assert.Equal([0, 0, 1, 0], Funnel.Of([reopened], Default).Stages.Select(s => s.Reached));
        Assert.Equal(1, SalesPipeline.Forecasting.StageCalibration.FromHistory([reopened], Default).OpenDealsIgnored);
    }

    [Fact]
    public void Import_LostDealWithoutReason_GetsTheUnknownReason_AndLossAnalysisShowsItApartFromOther()
    {
        var unknown = Default.Import(Record("L-1", "lost") with { Status = DealStatus.Lost, ClosedAt = H(300) }, AsOfImport);
        var other = Default.Import(
            Record("L-2", "lost") with
            {
                Status = DealStatus.Lost,
                ClosedAt = H(310),
                LossReason = LossReason.Other,
                Competitor = "Globex",
            },
            AsOfImport
        );

        Assert.Equal(LossReason.Unknown, unknown.LossReason);
        Assert.Equal("unknown", LossReason.Unknown.Code);
        Assert.Equal("Globex", other.Competitor);
        Assert.Equal(["Globex"], other.Competitors);
        var report = LossAnalysis.Of([unknown, other]);
        // Two losses of USD 60,000.00: one "unknown", one "other", each half; both from the unknown stage.
        Assert.Equal(["other", "unknown"], report.Reasons.Select(r => r.Reason.Code).Order(StringComparer.Ordinal));
        Assert.All(report.Reasons, r => Assert.Equal(1, r.Figures.Count));
        Assert.Equal(Unknown.Stage, Assert.Single(report.Stages).StageId);
    }

    [Fact]
    public void Import_History_BecomesMovesWithDirectionAndSkipsFromThePipeline()
    {
        // Default: prospecting 0, qualified 1, proposal 2, negotiation 3. Entries: qualified, negotiation (forward, skips
        // proposal: 1), proposal (backward: 0), negotiation (forward, next stage: 0), then lost at ClosedAt.
        var record = Record("SF-3", "lost") with
        {
            Status = DealStatus.Lost,
            ClosedAt = H(40),
            LossReason = LossReason.Price,
            History =
            [
                new StageEntry("qualified", H(1), "bob"),
                new StageEntry("negotiation", H(10)),
                new StageEntry("proposal", H(20), "carol"),
                new StageEntry("negotiation", H(30)),
            ],
            By = "crm-export",
        };

        var deal = Default.Import(record, AsOfImport);

        var id = new DealId("SF-3");
        Assert.Equal(
            [
                new DealImported(
                    id,
                    H(1),
                    "bob",
                    "Default",
                    "Acme: 500 seats",
                    "alice",
                    Amount,
                    Close,
                    "qualified",
                    DealStatus.Open,
                    Created,
                    true
                ),
                new StageMoved(id, H(10), Unknown.Actor, "qualified", "negotiation", MoveDirection.Forward, 1),
                new StageMoved(id, H(20), "carol", "negotiation", "proposal", MoveDirection.Backward, 0),
                new StageMoved(id, H(30), Unknown.Actor, "proposal", "negotiation", MoveDirection.Forward, 0),
                new DealLost(id, H(40), "crm-export", "lost", LossReason.Price, null),
            ],
            deal.History
        );
        Assert.Equal(("negotiation", DealStatus.Lost), (deal.LastOpenStageId, deal.Status));
    }

    [Fact]
    public void Import_HistoryEndingInTheWonStage_ClosesThere_AndAReopenInTheHistoryIsKept()
    {
        var record = Record("SF-4", "won") with
        {
            Status = DealStatus.Won,
            ClosedAt = H(50),
            History =
            [
                new StageEntry("proposal", H(1)),
                new StageEntry("lost", H(10)),
                new StageEntry("negotiation", H(20)),
                new StageEntry("won", H(50)),
            ],
        };

        var deal = Default.Import(record, AsOfImport);

        var id = new DealId("SF-4");
        Assert.Equal(
            [
                new DealImported(
                    id,
                    H(1),
                    Unknown.Actor,
                    "Default",
                    "Acme: 500 seats",
                    "alice",
                    Amount,
                    Close,
                    "proposal",
                    DealStatus.Open,
                    Created,
                    true
                ),
                new DealLost(id, H(10), Unknown.Actor, "lost", LossReason.Unknown, null),
                new DealReopened(id, H(20), Unknown.Actor, "negotiation"),
                new DealWon(id, H(50), Unknown.Actor, "won"),
            ],
            deal.History
        );
    }

    [Theory]
    [InlineData("StageId", "closing", "has no stage with this id")]
    [InlineData("Status", "Won", "A deal with status Won is in the Won stage")]
    [InlineData("ClosedAt", "open-with-close", "Only a won or lost deal has a close instant")]
    [InlineData("Amount", "negative", "must not be negative")]
    [InlineData("Owner", "", "An owner is not empty")]
    [InlineData("CreatedAt", "after-asof", "after the import's asOf")]
    [InlineData("ProbabilityOverride", "1.5", "between 0 and 1")]
    [InlineData("CategoryOverride", "Closed", "only winning makes a deal Closed")]
    [InlineData("LossReason", "on-open", "Only a lost deal has a loss reason")]
    public void Import_BadField_IsRejectedNamingRecordFieldValueAndRule(string field, string value, string rule)
    {
        var record = (field, value) switch
        {
            ("StageId", _) => Record() with { StageId = value },
            ("Status", _) => Record() with { Status = DealStatus.Won, ClosedAt = H(5) },
            ("ClosedAt", _) => Record() with { ClosedAt = H(5) },
            ("Amount", _) => Record() with { Amount = Money.Of(-1m, Currency.USD) },
            ("Owner", _) => Record() with { Owner = value },
            ("CreatedAt", _) => Record() with { CreatedAt = AsOfImport.Plus(Duration.FromDays(1)) },
            ("ProbabilityOverride", _) => Record() with { ProbabilityOverride = 1.5m },
            ("CategoryOverride", _) => Record() with { CategoryOverride = ForecastCategory.Closed },
            _ => Record() with { LossReason = LossReason.Price },
        };

        var result = Default.Import([record], AsOfImport);

        var error = Assert.Single(result.Errors);
        Assert.Equal((0, (DealId?)new DealId("SF-1"), field), (error.Index, error.Id, error.Field));
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
        Assert.Equal((1, 0, 1), (result.Read, result.Accepted, result.Rejected));
        var ex = Assert.Throws<DealImportException>(() => Default.Import(record, AsOfImport));
        Assert.Equal("record", ex.ParamName);
        Assert.Contains($"record 0 (SF-1): {field} = ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ValueIsShownAsInvariantText()
    {
        var error = Assert.Single(Default.Import([Record() with { StageId = "closing" }], AsOfImport).Errors);

        Assert.Equal("\"closing\"", error.Value);
        Assert.Equal(
            "record 0 (SF-1): StageId = \"closing\": Pipeline \"Default\" has no stage with this id; its stages are prospecting, qualified, proposal, negotiation, won, lost.",
            error.ToString()
        );
    }

    [Theory]
    [InlineData("out-of-order", "History[1].EnteredAt", "Entries are in time order")]
    [InlineData("before-creation", "History[0].EnteredAt", "before it was created")]
    [InlineData("two-wins", "History[2].StageId", "already won")]
    [InlineData("unknown-stage", "History[1].StageId", "has no stage with this id")]
    [InlineData("same-stage", "History[1].StageId", "already in this stage")]
    [InlineData("wrong-end", "History[1].StageId", "The history ends where the deal is now")]
    [InlineData("after-asof", "History[1].EnteredAt", "later than the import's asOf")]
    public void Import_ImpossibleHistory_IsRejectedWithTheReason(string kind, string field, string rule)
    {
        StageEntry[] history = kind switch
        {
            "out-of-order" => [new("qualified", H(10)), new("proposal", H(5))],
            "before-creation" => [new("qualified", Created.Minus(Duration.FromHours(1))), new("proposal", H(5))],
            "two-wins" => [new("negotiation", H(1)), new("won", H(2)), new("won", H(3))],
            "unknown-stage" => [new("qualified", H(1)), new("closing", H(2))],
            "same-stage" => [new("qualified", H(1)), new("qualified", H(2))],
            "wrong-end" => [new("qualified", H(1)), new("negotiation", H(2))],
            _ => [new("qualified", H(1)), new("proposal", AsOfImport.Plus(Duration.FromHours(1)))],
        };
        var record =
            kind == "two-wins"
                ? Record("SF-1", "won") with
                {
                    Status = DealStatus.Won,
                    ClosedAt = H(3),
                    History = history,
                }
                : Record() with
                {
                    History = history,
                };

        var result = Default.Import([record], AsOfImport);

        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
        Assert.Empty(result.Deals);
    }

    [Fact]
    public void Import_ReopenInHistory_IsRejectedWhenThePipelineForbidsIt()
    {
        var pipeline = Multi(allowReopen: false);
        var record = Record("SF-9", "closed-won") with
        {
            StageId = "negotiation",
            History = [new("demo", H(1)), new("closed-lost", H(2)), new("negotiation", H(3))],
        };

        var error = Assert.Single(pipeline.Import([record], AsOfImport).Errors);

        Assert.Equal("History[2].StageId", error.Field);
        Assert.Contains("does not allow reopening", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportMany_ReportsEveryRecord_NullsAndDuplicatesIncluded()
    {
        DealImport?[] records =
        [
            Record("A"),
            null,
            Record("B") with
            {
                StageId = "closing",
                Owner = " ",
            },
            Record("A", "qualified"),
            Record("C", "won") with
            {
                Status = DealStatus.Won,
                ClosedAt = H(7),
            },
        ];

        var result = Default.Import(records, AsOfImport);

        Assert.Equal((5, 2, 3), (result.Read, result.Accepted, result.Rejected));
        Assert.Equal(["A", "C"], result.Deals.Select(d => d.Id.Value));
        Assert.Equal([(1, "(record)"), (2, "Owner"), (2, "StageId"), (3, "Id")], result.Errors.Select(e => (e.Index, e.Field)));
        Assert.Contains("record 0 has the same id", result.Errors[3].Rule, StringComparison.Ordinal);
        Assert.False(result.IsComplete);
        var ex = Assert.Throws<DealImportException>(() => result.GetDealsOrThrow());
        Assert.Equal(4, ex.Errors.Count);
        Assert.StartsWith(
            "read 5: accepted 2, rejected 3\nrecord 1 (no id): (record) = null: A record must not be null.",
            result.ToString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Import_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => Default.Import((IEnumerable<DealImport>)null!, AsOfImport));
        Assert.Throws<ArgumentNullException>(() => Default.Import((DealImport)null!, AsOfImport));
        Assert.Throws<ArgumentNullException>(() => ((PipelineDefinition)null!).Import([Record()], AsOfImport));
    }

    [Theory]
    [InlineData("created-after-observed", "after it was first observed")]
    [InlineData("lost-without-reason", "a loss reason is given exactly when the deal is lost")]
    [InlineData("competitor-on-open", "a competitor is named only for a lost deal")]
    [InlineData("second-import", "a deal is created only once")]
    public void FromEvents_InvalidImportedHistory_IsRejected(string kind, string reason)
    {
        var id = new DealId("X");
        var good = new DealImported(id, H(5), "sync", "Default", "X", "alice", Amount, Close, "proposal", DealStatus.Open, H(1), false);
        DealEvent[] events = kind switch
        {
            "created-after-observed" => [good with { CreatedAt = H(6) }],
            "lost-without-reason" => [good with { StageId = "lost", Status = DealStatus.Lost }],
            "competitor-on-open" => [good with { Competitor = "Globex" }],
            _ => [good, good with { At = H(6) }],
        };

        var ex = Assert.Throws<ArgumentException>(() => Deal.FromEvents(events));

        Assert.Equal("events", ex.ParamName);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportedDeal_TakesCommandsLikeAnyDeal()
    {
        var deal = Default.Import(Record("SF-5", "qualified"), AsOfImport);

        var moved = Default.Move(deal, "prospecting", AsOfImport.Plus(Duration.FromHours(1)), "alice");
        var lost = Default.Lose(moved, LossReason.Timing, AsOfImport.Plus(Duration.FromHours(2)), "alice");

        Assert.Equal((DealStatus.Lost, "prospecting"), (lost.Status, lost.LastOpenStageId));
        Assert.Equal(lost, Deal.FromEvents(lost.Events));
    }
}
