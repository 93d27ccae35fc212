using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;
using static SalesPipeline.Tests.Deals.ImportTests;

namespace SalesPipeline.Tests.Deals;

// Each rule of Import reported as exactly one ImportError: the record, the field, the value as invariant text and the
// sentence a user fixing the export reads. Instants: T0 = 2026-03-02T09:00:00Z is the creation, H(n) is T0 + n hours,
// and the export (asOf) is 2026-05-01T09:00:00Z.
public sealed class ImportErrorsTests
{
    private static readonly DealId? Sf1 = new DealId("SF-1");
    private const string Between =
        "Every instant of a record lies between its CreatedAt (2026-03-02T09:00:00Z) and the import's asOf (2026-05-01T09:00:00Z).";

    private static DealImport Won(Instant closedAt) => Record("SF-1", "won") with { Status = DealStatus.Won, ClosedAt = closedAt };

    internal static void AssertOnlyError(DealImport record, string field, string value, string rule)
    {
        var result = Default.Import([record], AsOfImport);

        Assert.Equal([new ImportError(0, record.Id.Value.Length > 0 ? record.Id : null, field, value, rule)], result.Errors);
        Assert.Empty(result.Deals);
    }

    [Fact]
    public void Import_DefaultId_IsReportedWithNoId_AndTwoSuchRecordsAreNotDuplicatesOfEachOther()
    {
        var record = Record() with { Id = default };

        var result = Default.Import([record, record], AsOfImport);

        const string rule = "A deal id must be set (new DealId(\"...\")).";
        Assert.Equal([new ImportError(0, null, "Id", "null", rule), new ImportError(1, null, "Id", "null", rule)], result.Errors);
        Assert.Equal("record 1 (no id): Id = null: A deal id must be set (new DealId(\"...\")).", result.Errors[1].ToString());
    }

    [Fact]
    public void Import_BlankName_IsAnError_WhileNoNameIsUnknown() =>
        AssertOnlyError(
            Record() with
            {
                Name = " ",
            },
            "Name",
            "\" \"",
            "A name is not empty; leave it null when the export has none (it becomes Unknown.Name)."
        );

    [Fact]
    public void Import_NoAmount_IsAnError() =>
        AssertOnlyError(Record() with { Amount = null! }, "Amount", "null", "Every deal has an amount.");

    [Theory]
    [InlineData("Product")]
    [InlineData("By")]
    public void Import_EmptyOptionalText_IsAnError(string field)
    {
        var record = field == "Product" ? Record() with { Product = "" } : Record() with { By = "" };

        AssertOnlyError(record, field, "\"\"", "The value is not empty when given; leave it null when unknown.");
    }

    [Fact]
    public void Import_BlankCompetitorOfALostDeal_IsAnError() =>
        AssertOnlyError(
            Record("SF-1", "lost") with
            {
                Status = DealStatus.Lost,
                ClosedAt = H(5),
                Competitor = " ",
            },
            "Competitor",
            "\" \"",
            "The value is not empty when given; leave it null when unknown."
        );

    [Fact]
    public void Import_CreationBeforeYearOne_IsAnError() =>
        AssertOnlyError(
            Record() with
            {
                CreatedAt = Instant.FromUtc(0, 12, 31, 23, 59, 59),
            },
            "CreatedAt",
            "0000-12-31T23:59:59Z",
            "Instants must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z; it was 0000-12-31T23:59:59Z."
        );

    [Fact]
    public void Import_CloseDateBeforeYearOne_IsAnErrorShowingTheIsoDate() =>
        AssertOnlyError(
            Record() with
            {
                ExpectedClose = new LocalDate(0, 12, 31),
            },
            "ExpectedClose",
            "0000-12-31",
            "Dates must be between 0001-01-01 and 9999-12-31; it was 0000-12-31."
        );

    [Fact]
    public void Import_UndefinedStatus_IsAnError() =>
        AssertOnlyError(Record() with { Status = (DealStatus)7 }, "Status", "7", "The status is Open, Won, Lost or Stopped.");

    [Fact]
    public void Import_StoppedStatusWithoutItsInstant_IsAnError() =>
        AssertOnlyError(
            Record() with
            {
                Status = DealStatus.Stopped,
            },
            "StoppedAt",
            "null",
            "A stopped deal needs the instant it was stopped."
        );

    [Fact]
    public void Import_OpenStatusInTheWonStage_NamesBothKinds() =>
        AssertOnlyError(
            Record("SF-1", "won"),
            "Status",
            "Open",
            "A deal with status Open is in an open stage; stage \"won\" is the Won stage."
        );

    [Fact]
    public void Import_WonStatusInAnOpenStage_NamesTheWonStage() =>
        AssertOnlyError(
            Record("SF-1", "proposal") with
            {
                Status = DealStatus.Won,
                ClosedAt = H(5),
            },
            "Status",
            "Won",
            "A deal with status Won is in the Won stage (\"won\"); stage \"proposal\" is an open stage."
        );

    [Fact]
    public void Import_LostStatusInTheWonStage_NamesTheLostStage() =>
        AssertOnlyError(
            Record("SF-1", "won") with
            {
                Status = DealStatus.Lost,
                ClosedAt = H(5),
            },
            "Status",
            "Lost",
            "A deal with status Lost is in the Lost stage (\"lost\"); stage \"won\" is the Won stage."
        );

    [Fact]
    public void Import_ClosedDealWithoutItsCloseInstant_SaysWhichInstantIsMissing()
    {
        AssertOnlyError(
            Record("SF-1", "won") with
            {
                Status = DealStatus.Won,
            },
            "ClosedAt",
            "null",
            "A Won deal needs the instant it was won."
        );
        AssertOnlyError(
            Record("SF-1", "lost") with
            {
                Status = DealStatus.Lost,
            },
            "ClosedAt",
            "null",
            "A Lost deal needs the instant it was lost."
        );
    }

    [Fact]
    public void Import_CloseBeforeTheCreation_IsAnError() =>
        AssertOnlyError(Won(T0.Minus(Duration.FromHours(1))), "ClosedAt", "2026-03-02T08:00:00Z", Between);

    [Fact]
    public void Import_StageEntryAfterAsOf_IsAnError_ButExactlyAtAsOfIsAccepted()
    {
        AssertOnlyError(
            Record() with
            {
                StageEnteredAt = AsOfImport.Plus(Duration.FromHours(1)),
            },
            "StageEnteredAt",
            "2026-05-01T10:00:00Z",
            Between
        );
        var deal = Default.Import(Record() with { StageEnteredAt = AsOfImport }, AsOfImport);
        Assert.Equal(AsOfImport, deal.StageEnteredAt);
    }

    [Fact]
    public void Import_InstantsEqualToAsOf_AreAccepted()
    {
        // A deal created, closed and exported at the same instant: nothing is after asOf.
        var won = Default.Import(
            Record("SF-1", "won") with
            {
                Status = DealStatus.Won,
                CreatedAt = AsOfImport,
                ClosedAt = AsOfImport,
            },
            AsOfImport
        );
        var entered = Default.Import(Record() with { History = [new StageEntry("proposal", AsOfImport)] }, AsOfImport);

        Assert.Equal((DealStatus.Won, (Instant?)AsOfImport, AsOfImport), (won.Status, won.ClosedAt, won.CreatedAt));
        Assert.Equal(AsOfImport, entered.StageEnteredAt);
    }

    [Fact]
    public void Import_StageEntryOfAClosedDeal_IsAnError() =>
        AssertOnlyError(
            Won(H(20)) with
            {
                StageEnteredAt = H(10),
            },
            "StageEnteredAt",
            "2026-03-02T19:00:00Z",
            "Only an open deal has a stage-entry instant; a closed deal entered its stage at ClosedAt."
        );

    [Fact]
    public void Import_LossReasonOfAnOpenDeal_IsAnErrorShowingTheReasonsCode() =>
        AssertOnlyError(Record() with { LossReason = LossReason.Price }, "LossReason", "price", "Only a lost deal has a loss reason.");

    [Fact]
    public void Import_CompetitorOfAnOpenDeal_IsAnError() =>
        AssertOnlyError(
            Record() with
            {
                Competitor = "Globex",
            },
            "Competitor",
            "\"Globex\"",
            "Only a lost deal names the competitor it was lost to."
        );

    [Fact]
    public void Import_ProbabilityOverrideOfAClosedDeal_IsAnError() =>
        AssertOnlyError(
            Won(H(5)) with
            {
                ProbabilityOverride = 1m,
            },
            "ProbabilityOverride",
            "1",
            "Only an open deal has a probability override; a won deal counts 1 and a lost one 0."
        );

    [Fact]
    public void Import_ProbabilityOverrideFromTheStageDefault_IsAnError() =>
        AssertOnlyError(
            Record() with
            {
                ProbabilityOverride = 1m,
                ProbabilitySource = ValueSource.StageDefault,
            },
            "ProbabilitySource",
            "StageDefault",
            "An override's source is Manual or Model."
        );

    [Fact]
    public void Import_CategoryOverrideOfAClosedDeal_IsAnError() =>
        AssertOnlyError(
            Won(H(5)) with
            {
                CategoryOverride = ForecastCategory.Commit,
            },
            "CategoryOverride",
            "Commit",
            "Only an open deal has a category override; a won deal is Closed and a lost one Omitted."
        );

    [Fact]
    public void Import_NullHistory_IsAnError() =>
        AssertOnlyError(Record() with { History = null! }, "History", "null", "The history is a list; use [] when it is unknown.");

    [Fact]
    public void Import_NullHistoryEntry_IsAnError() =>
        AssertOnlyError(Record() with { History = [null!] }, "History[0]", "null", "A history entry must not be null.");

    [Fact]
    public void Import_BlankActorOfAHistoryEntry_IsAnError() =>
        AssertOnlyError(
            Record() with
            {
                History = [new StageEntry("proposal", H(1), " ")],
            },
            "History[0].By",
            "\" \"",
            "The actor is not empty when given; leave it null when unknown."
        );

    [Fact]
    public void Import_HistoryEntryAfterAsOf_IsAnError() =>
        AssertOnlyError(
            Record() with
            {
                History = [new StageEntry("proposal", AsOfImport.Plus(Duration.FromHours(1)))],
            },
            "History[0].EnteredAt",
            "2026-05-01T10:00:00Z",
            "An entry cannot be later than the import's asOf (2026-05-01T09:00:00Z)."
        );

    [Fact]
    public void Import_HistoryOfAnOpenDealEndingElsewhere_NamesTheRecordsStage() =>
        AssertOnlyError(
            Record() with
            {
                History = [new StageEntry("qualified", H(1))],
            },
            "History[0].StageId",
            "\"qualified\"",
            "The history ends where the deal is now; the record says stage \"proposal\"."
        );

    [Fact]
    public void Import_HistoryOfAWonDealEndingLost_SaysWhereAWonHistoryEnds() =>
        AssertOnlyError(
            Won(H(2)) with
            {
                History = [new StageEntry("proposal", H(1)), new StageEntry("lost", H(2))],
            },
            "History[1].StageId",
            "\"lost\"",
            "The history of a won deal ends in its \"won\" stage or in the open stage it was closed from."
        );

    [Fact]
    public void Import_HistoryEnteringTheWonStageAtAnotherInstantThanClosedAt_IsAnError() =>
        AssertOnlyError(
            Won(H(3)) with
            {
                History = [new StageEntry("proposal", H(1)), new StageEntry("won", H(2))],
            },
            "History[1].EnteredAt",
            "2026-03-02T11:00:00Z",
            "Entering the Won stage is the close; the record's ClosedAt is 2026-03-02T12:00:00Z."
        );

    [Fact]
    public void Import_CloseBeforeTheLastOpenStageEntry_IsAnError() =>
        AssertOnlyError(
            Won(H(3)) with
            {
                History = [new StageEntry("proposal", H(5))],
            },
            "ClosedAt",
            "2026-03-02T12:00:00Z",
            "The deal closes after its last history entry (2026-03-02T14:00:00Z)."
        );

    [Fact]
    public void Import_StageEntryOtherThanTheLastHistoryEntry_IsAnError() =>
        AssertOnlyError(
            Record() with
            {
                History = [new StageEntry("proposal", H(1))],
                StageEnteredAt = H(2),
            },
            "StageEnteredAt",
            "2026-03-02T11:00:00Z",
            "With a history, the stage-entry instant is the last entry's (2026-03-02T10:00:00Z)."
        );

    [Fact]
    public void Import_OneRecord_NullPipeline_ThrowsArgumentNullNamingPipeline()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => ((PipelineDefinition)null!).Import(Record(), AsOfImport));

        AssertArgumentMessage(ex, "pipeline", null);
    }

    [Fact]
    public void Import_Many_AsOfBeforeYearOne_ThrowsOutOfRangeNamingAsOf()
    {
        var yearZero = Instant.FromUtc(0, 12, 31, 23, 59, 59);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Default.Import([Record()], yearZero));

        Assert.Equal(yearZero, ex.ActualValue);
        AssertArgumentMessage(
            ex,
            "asOf",
            "Instants must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z; it was 0000-12-31T23:59:59Z."
        );
    }
}
