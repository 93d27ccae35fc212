using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Parquet.Tests.Support;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Parquet.Tests;

public class DealParquetTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;

    internal static byte[] Deals(IEnumerable<Deal> deals, int rowGroupRows = 100_000)
    {
        using var stream = new MemoryStream();
        DealParquet.WriteDealsAsync(deals, stream, rowGroupRows, default).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    // An open deal moved twice with overrides, and a deal imported as lost; every cell worked out by hand from the
    // commands below, and every type as docs/parquet.md states it.
    [Fact]
    public void Two_deals_read_back_cell_by_cell_with_their_types()
    {
        var opened = Instant.FromUtc(2025, 3, 13, 13, 36, 13) + Duration.FromTicks(1_234_560); // .123456 s
        var d1 = Deal.Open(
            Pipeline,
            new DealId("D1"),
            "Acme, Inc.",
            "alice",
            Money.Of(1250.50m, Currency.USD),
            new LocalDate(2025, 6, 30),
            opened,
            leadId: new LeadId("L-7"),
            source: LeadSource.Web,
            product: "core"
        );
        var movedAt = Instant.FromUtc(2025, 4, 2, 10, 0);
        d1 = Pipeline.Move(d1, "qualified", movedAt, "carol");
        d1 = Pipeline.OverrideProbabilityTo(d1, 0.35m, movedAt + Duration.FromHours(1), "alice");
        d1 = Pipeline.OverrideCategoryTo(d1, ForecastCategory.Commit, movedAt + Duration.FromHours(1), "alice");
        var d2 = Pipeline.Import(
            new DealImport
            {
                Id = new DealId("D2"),
                Owner = "bob",
                Amount = Money.Of(900m, Currency.JPY),
                StageId = "lost",
                Status = DealStatus.Lost,
                CreatedAt = Instant.FromUtc(1969, 12, 31, 23, 59, 59),
                ExpectedClose = new LocalDate(1970, 1, 15),
                ClosedAt = Instant.FromUtc(1970, 1, 20, 16, 0),
                LossReason = LossReason.Price,
                Competitor = "Initech",
            },
            Instant.FromUtc(2025, 12, 1, 0, 0)
        );

        var file = IndependentReader.Read(Deals([d1, d2]));

        Assert.Equal(
            [
                "deal_id",
                "name",
                "owner",
                "amount",
                "currency",
                "stage",
                "status",
                "created_at",
                "expected_close",
                "closed_at",
                "loss_reason",
                "competitor",
                "source",
                "product",
                "lead_id",
                "probability",
                "category",
                "stage_entered_at",
                "customer_id",
                "customer_name",
                "team",
                "stop_reason",
                "stopped_at",
                "in_pool_since",
            ],
            file.Columns.Select(c => c.Name)
        );
        Assert.Equal("DECIMAL(38,18)/FixedLenByteArray", file["amount"].Type);
        Assert.Equal("DECIMAL(29,28)/FixedLenByteArray", file["probability"].Type);
        Assert.Equal("TIMESTAMP(Micros,UTC)/Int64", file["created_at"].Type);
        Assert.Equal("TIMESTAMP(Micros,UTC)/Int64", file["closed_at"].Type);
        Assert.Equal("DATE/Int32", file["expected_close"].Type);
        Assert.Equal("STRING/ByteArray", file["deal_id"].Type);
        // Required: the columns every deal has; the rest optional.
        Assert.Equal(
            ["deal_id", "name", "amount", "currency", "stage", "status", "created_at", "expected_close"],
            file.Columns.Where(c => !c.Optional).Select(c => c.Name)
        );
        Assert.Equal("deals", file.Metadata["salespipeline.table"]);

        object?[] row1 =
        [
            "D1",
            "Acme, Inc.",
            "alice",
            1250.50m,
            "USD",
            "qualified",
            "open",
            opened,
            new LocalDate(2025, 6, 30),
            null,
            null,
            null,
            "web",
            "core",
            "L-7",
            0.35m,
            "commit",
            movedAt,
            null,
            null,
            null,
            null,
            null,
            null,
        ];
        object?[] row2 =
        [
            "D2",
            Unknown.Name,
            "bob",
            900m,
            "JPY",
            "lost",
            "lost",
            Instant.FromUtc(1969, 12, 31, 23, 59, 59), // a negative timestamp: -1,000,000 microseconds
            new LocalDate(1970, 1, 15),
            Instant.FromUtc(1970, 1, 20, 16, 0),
            "price",
            "Initech",
            null,
            null,
            null,
            null,
            null,
            null, // closed: it entered its stage at closed_at
            null,
            null,
            null,
            null,
            null,
            null,
        ];
        Assert.Equal(row1, file.Columns.Select(c => c.Values[0]));
        Assert.Equal(row2, file.Columns.Select(c => c.Values[1]));
        // The scale is the column's: 1250.50 reads back as 1250.500000000000000000.
        Assert.Equal(
            "1250.500000000000000000",
            ((decimal)file.Cell("amount", 0)!).ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
    }

    // Issue 13: a deal created into team emea's pool for a customer (still waiting), and one stopped after a rep took
    // it from the pool; every new cell by hand.
    [Fact]
    public void Pooled_and_stopped_deals_have_their_team_customer_and_stop_columns()
    {
        var at = Instant.FromUtc(2025, 3, 1, 9, 0);
        var pooled = Deal.OpenInPool(
            Pipeline,
            new DealId("P1"),
            "Globex",
            "emea",
            Money.Of(10m, Currency.USD),
            new LocalDate(2025, 6, 30),
            at,
            "ops",
            customer: new Customer("ACC-1", "Globex, Inc.")
        );
        var stopped = Pipeline.Reassign(pooled with { }, "alice", at + Duration.FromHours(1), "emea-lead");
        stopped = Pipeline.OverrideProbabilityTo(stopped, 0.5m, at + Duration.FromHours(2), "alice");
        stopped = Pipeline.Stop(stopped, StopReason.CustomerPaused, at + Duration.FromHours(3), "alice");

        var file = IndependentReader.Read(Deals([pooled, stopped]));

        string[] columns = ["owner", "status", "customer_id", "customer_name", "team", "stop_reason", "stopped_at", "in_pool_since"];
        Assert.Equal([null, "open", "ACC-1", "Globex, Inc.", "emea", null, null, at], columns.Select(c => file.Cell(c, 0)));
        // Taken from emea's pool (team kept), then stopped: its override and stage entry are written, as for an open deal.
        Assert.Equal(
            ["alice", "stopped", "ACC-1", "Globex, Inc.", "emea", "customer-paused", at + Duration.FromHours(3), null],
            columns.Select(c => file.Cell(c, 1))
        );
        Assert.Equal([0.5m, at], new[] { "probability", "stage_entered_at" }.Select(c => file.Cell(c, 1)));
    }

    [Fact]
    public void An_open_deal_imported_without_its_stage_entry_has_no_stage_entered_at_until_it_moves()
    {
        var asOf = Instant.FromUtc(2025, 12, 1, 0, 0);
        var record = new DealImport
        {
            Id = new DealId("D1"),
            Owner = "alice",
            Amount = Money.Of(10m, Currency.USD),
            StageId = "qualified",
            CreatedAt = Instant.FromUtc(2025, 1, 1, 0, 0),
            ExpectedClose = new LocalDate(2026, 1, 1),
        };
        var unknown = Pipeline.Import(record, asOf);
        var known = Pipeline.Import(record with { Id = new DealId("D2"), StageEnteredAt = Instant.FromUtc(2025, 2, 1, 0, 0) }, asOf);
        var moved = Pipeline.Move(unknown with { }, "prospecting", asOf + Duration.FromDays(1), "alice");

        var file = IndependentReader.Read(Deals([unknown, known, moved]));

        Assert.Equal([null, Instant.FromUtc(2025, 2, 1, 0, 0), asOf + Duration.FromDays(1)], file["stage_entered_at"].Values);
    }

    // Every generated deal reads back, cell by cell, as the deal's own properties say, whatever the row-group size.
    [Fact]
    public void Generated_deals_read_back_as_their_properties_Property() =>
        PropertyAssert.Holds(
            FsCheck.Fluent.Prop.ForAll(
                FsCheck.Fluent.Arb.From(DealHistories.Deals),
                FsCheck.Fluent.Arb.From(FsCheck.Fluent.Gen.Choose(1, 5)),
                (deals, groupRows) =>
                {
                    var file = IndependentReader.Read(Deals(deals, groupRows));
                    Assert.Equal(deals.Length, file.Rows);
                    Assert.Equal((deals.Length + groupRows - 1) / groupRows, file.RowGroups);
                    for (var i = 0; i < deals.Length; i++)
                    {
                        var d = deals[i];
                        var knownEntry =
                            d.Events[0] is not DealImported { StageEntryKnown: false }
                            || d.Events.Skip(1).Any(e => e is StageMoved or DealReopened or DealResumed);
                        object?[] expected =
                        [
                            d.Id.Value,
                            d.Name,
                            d.Owner,
                            d.Amount.Amount,
                            d.Amount.Currency.Code,
                            d.StageId,
                            d.Status.ToString().ToLowerInvariant(),
                            d.CreatedAt,
                            d.ExpectedClose,
                            d.ClosedAt,
                            d.LossReason?.Code,
                            d.Competitor,
                            d.Source?.Code,
                            d.Product,
                            d.LeadId?.Value,
                            d.IsClosed ? null : d.ProbabilityOverride,
                            d.IsClosed
                                ? null
                                : d.CategoryOverride switch
                                {
                                    null => null,
                                    ForecastCategory.BestCase => "best_case",
                                    var c => c.ToString()!.ToLowerInvariant(),
                                },
                            !d.IsClosed && knownEntry ? d.StageEnteredAt : null,
                            d.Customer?.AccountId,
                            d.Customer?.Name,
                            d.Team,
                            d.StopReason?.Code,
                            d.StoppedAt,
                            d.InPoolSince,
                        ];
                        Assert.Equal(expected, file.Columns.Select(c => c.Values[i]));
                    }
                }
            )
        );
}
