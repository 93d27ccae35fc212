using System.Reflection;
using System.Text.RegularExpressions;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Parquet.Tests.Support;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Parquet.Tests;

// The events file: each row is worked out here a second way, by reflection over the event's record properties (so a
// property the writer forgot, or a new event type, fails the test), and compared with what ParquetSharp reads.
public partial class EventParquetTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;

    private static readonly string[] ColumnNames =
    [
        "deal_id",
        "at",
        "by",
        "kind",
        "pipeline",
        "name",
        "owner",
        "amount",
        "amount_currency",
        "expected_close",
        "from_stage",
        "to_stage",
        "direction",
        "stages_skipped",
        "criterion_id",
        "probability",
        "probability_source",
        "category",
        "status",
        "created_at",
        "stage_entry_known",
        "loss_reason",
        "competitor",
        "lead_id",
        "source",
        "product",
        "team",
        "in_pool_since",
        "customer_id",
        "customer_name",
        "stop_reason",
        "comment",
        "activity_id",
        "cause",
    ];

    internal static byte[] Events(IEnumerable<DealEvent> events, int rowGroupRows = 100_000)
    {
        using var stream = new MemoryStream();
        DealParquet.WriteEventsAsync(events, stream, rowGroupRows, default).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    private static string Snake(object value) => WordBoundary().Replace(value.ToString()!, "_").ToLowerInvariant();

    // The cells a row must have: each property of the event's record in its column, every other column null.
    private static Dictionary<string, object?> Expected(DealEvent e)
    {
        var cells = ColumnNames.ToDictionary(c => c, _ => (object?)null);
        cells["kind"] = e.GetType().Name;
        foreach (var property in e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(e);
            void Set(string column, object? cell) => cells[column] = cell;
            switch (property.Name, value)
            {
                case ("DealId", DealId id):
                    Set("deal_id", id.Value);
                    break;
                case ("Amount", Money money):
                    Set("amount", money.Amount);
                    Set("amount_currency", money.Currency.Code);
                    break;
                case ("StageId" or "ToStageId", _):
                    Set("to_stage", value);
                    break;
                case ("FromStageId", _):
                    Set("from_stage", value);
                    break;
                case ("StagesSkipped", int skipped):
                    Set("stages_skipped", (long)skipped);
                    break;
                case ("Source", ValueSource source):
                    Set("probability_source", Snake(source));
                    break;
                case ("Source", LeadSource source):
                    Set("source", source.Code);
                    break;
                case ("Source", null):
                    break;
                case ("Reason" or "LossReason", LossReason reason):
                    Set("loss_reason", reason.Code);
                    break;
                case ("Reason" or "LossReason", null):
                    break;
                case ("LeadId", LeadId lead):
                    Set("lead_id", lead.Value);
                    break;
                case ("LeadId", null):
                    break;
                case ("Team" or "TeamId", _):
                    Set("team", value);
                    break;
                case ("Customer", Customer customer):
                    Set("customer_id", customer.AccountId);
                    Set("customer_name", customer.Name);
                    break;
                case ("Customer", null):
                    break;
                case ("Reason", StopReason reason):
                    Set("stop_reason", reason.Code);
                    break;
                case ("Text", _):
                    Set("comment", value);
                    break;
                case ("Direction" or "Category" or "Status", Enum code):
                    Set(Snake(property.Name), Snake(code));
                    break;
                default:
                    var column = Snake(property.Name);
                    Assert.True(cells.ContainsKey(column), $"{e.GetType().Name}.{property.Name} has no column in the events file.");
                    Set(column, value);
                    break;
            }
        }
        return cells;
    }

    private static void AssertRows(List<DealEvent> events, ReadFile file)
    {
        Assert.Equal(ColumnNames, file.Columns.Select(c => c.Name));
        Assert.Equal(events.Count, file.Rows);
        for (var i = 0; i < events.Count; i++)
        {
            var expected = Expected(events[i]);
            foreach (var column in file.Columns)
            {
                Assert.True(
                    Equals(expected[column.Name], column.Values[i]),
                    $"Row {i} ({events[i]}), column {column.Name}: expected {expected[column.Name] ?? "null"}, read {column.Values[i] ?? "null"}."
                );
            }
        }
    }

    // One opened deal driven through every command, and one imported deal: every DealEvent type of Core.
    internal static Deal[] EveryKind()
    {
        var at = Instant.FromUtc(2025, 3, 2, 9, 0);
        Instant Next() => at += Duration.FromHours(1);
        var deal = Deal.Open(
            Pipeline,
            new DealId("D1"),
            "Acme",
            "alice",
            Money.Of(100m, Currency.EUR),
            new LocalDate(2025, 6, 30),
            at,
            "ops",
            new LeadId("L1"),
            LeadSource.Partner,
            "core"
        );
        deal = Pipeline.Move(deal, "qualified", Next(), "alice");
        deal = Pipeline.Answer(deal, "budget", Next(), "alice");
        deal = Pipeline.Withdraw(deal, "budget", Next(), "bob");
        foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
        {
            deal = Pipeline.Answer(deal, criterion, Next(), "alice");
        }
        deal = Pipeline.ChangeAmountTo(deal, Money.Of(120.25m, Currency.EUR), Next(), "carol");
        deal = Pipeline.ChangeExpectedCloseTo(deal, new LocalDate(2025, 7, 31), Next(), "carol");
        deal = Pipeline.OverrideProbabilityTo(deal, 0.4m, Next(), "alice");
        deal = Pipeline.ClearProbability(deal, Next(), "alice");
        deal = Pipeline.OverrideCategoryTo(deal, ForecastCategory.BestCase, Next(), "alice");
        deal = Pipeline.ClearCategory(deal, Next(), "alice");
        deal = Pipeline.Reassign(deal, "dave", Next(), "manager");
        deal = Pipeline.NoteCompetitor(deal, "Globex", Next(), "dave");
        deal = Pipeline.Lose(deal, LossReason.Timing, Next(), "dave", "Initech");
        deal = Pipeline.Reopen(deal, Next(), "dave");
        deal = Pipeline.Win(deal, Next(), "dave");
        var imported = Pipeline.Import(
            new DealImport
            {
                Id = new DealId("D2"),
                Owner = "erin",
                Amount = Money.Of(5m, Currency.USD),
                StageId = "lost",
                Status = DealStatus.Lost,
                CreatedAt = Instant.FromUtc(2024, 1, 1, 0, 0),
                ExpectedClose = new LocalDate(2024, 3, 1),
                ClosedAt = Instant.FromUtc(2024, 2, 1, 0, 0),
                LossReason = LossReason.Budget,
                Customer = new Customer("ACC-2", "Globex"),
            },
            Instant.FromUtc(2025, 1, 1, 0, 0)
        );
        // Issue 13: created into team emea's pool for a customer, assigned, customer changed by a quote, commented,
        // stopped, resumed, put in the company pool.
        var pooled = Deal.OpenInPool(
            Pipeline,
            new DealId("D3"),
            "Initech renewal",
            "emea",
            Money.Of(7m, Currency.USD),
            new LocalDate(2025, 9, 30),
            Next(),
            "ops",
            customer: new Customer("ACC-3", "Initech")
        );
        pooled = Pipeline.Reassign(pooled, "erin", Next(), "emea-lead");
        pooled = Pipeline.ApplyOrThrow(
            pooled,
            DealCommand.ChangeCustomer(new Customer("ACC-4", "Initech EU"), Next(), "erin") with
            {
                Cause = "quote Q-17 v2",
            }
        );
        pooled = Pipeline.ApplyOrThrow(pooled, DealCommand.Comment("Call them, \"soon\"", Next(), "manager", "A-1"));
        pooled = Pipeline.Stop(pooled, StopReason.BudgetFrozen, Next(), "erin");
        pooled = Pipeline.Resume(pooled, Next(), "erin", "qualified");
        pooled = Pipeline.ApplyOrThrow(pooled, DealCommand.AssignToPool(null, Next(), "manager"));
        return [deal, imported, pooled];
    }

    [Fact]
    public void Every_event_type_of_Core_has_its_fields_in_the_file()
    {
        var events = EveryKind().SelectMany(d => d.Events).ToList();
        var types = typeof(DealEvent)
            .Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DealEvent)) && !t.IsAbstract)
            .Select(t => t.Name);
        Assert.Equal(types.Order(), events.Select(e => e.GetType().Name).Distinct().Order());

        var file = IndependentReader.Read(Events(events));

        AssertRows(events, file);
        Assert.Equal("events", file.Metadata["salespipeline.table"]);
        Assert.Equal(["deal_id", "at", "by", "kind"], file.Columns.Where(c => !c.Optional).Select(c => c.Name));
        Assert.Equal("INT(64,signed)/Int64", file["stages_skipped"].Type);
        Assert.Equal("Boolean", file["stage_entry_known"].Type);
        Assert.Equal("DECIMAL(38,18)/FixedLenByteArray", file["amount"].Type);
        Assert.Equal("TIMESTAMP(Micros,UTC)/Int64", file["created_at"].Type);
        // A few cells by hand: the move (row 1) and the loss (row 15).
        Assert.Equal(
            ["D1", "StageMoved", "prospecting", "qualified", "forward", 0L],
            new[] { "deal_id", "kind", "from_stage", "to_stage", "direction", "stages_skipped" }.Select(c => file.Cell(c, 1))
        );
        Assert.Equal(
            ["DealLost", "lost", "timing", "Initech"],
            new[] { "kind", "to_stage", "loss_reason", "competitor" }.Select(c => file.Cell(c, 15))
        );
        // And the issue-13 rows of D3 (rows 19 to 25): created pooled, assigned, customer changed by a quote, commented,
        // stopped, resumed, pooled again.
        Assert.Equal(
            ["DealCreated", null, "emea", "ACC-3", "Initech", null],
            new[] { "kind", "owner", "team", "customer_id", "customer_name", "cause" }.Select(c => file.Cell(c, 19))
        );
        Assert.Equal(
            ["CustomerChanged", "ACC-4", "Initech EU", "quote Q-17 v2"],
            new[] { "kind", "customer_id", "customer_name", "cause" }.Select(c => file.Cell(c, 21))
        );
        Assert.Equal(
            ["CommentAdded", "Call them, \"soon\"", "A-1"],
            new[] { "kind", "comment", "activity_id" }.Select(c => file.Cell(c, 22))
        );
        Assert.Equal(["DealStopped", "budget-frozen"], new[] { "kind", "stop_reason" }.Select(c => file.Cell(c, 23)));
        Assert.Equal(["DealResumed", "qualified"], new[] { "kind", "to_stage" }.Select(c => file.Cell(c, 24)));
        Assert.Equal(["DealAssignedToPool", null], new[] { "kind", "team" }.Select(c => file.Cell(c, 25)));
    }

    [Fact]
    public void Generated_histories_read_back_event_by_event_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Arb.From(DealHistories.Deals),
                Arb.From(Gen.Choose(1, 40)),
                (deals, groupRows) =>
                {
                    var events = deals.SelectMany(d => d.Events).ToList();
                    var file = IndependentReader.Read(Events(events, groupRows));
                    Assert.Equal((events.Count + groupRows - 1) / groupRows, file.RowGroups);
                    AssertRows(events, file);
                }
            )
        );
}

// The generator behind the properties reaches every kind of event, so that they are not vacuous.
public class DealHistoriesTests
{
    [Fact]
    public void The_generated_histories_hold_every_event_type()
    {
        var all = typeof(DealEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DealEvent)) && !t.IsAbstract).ToList();
        // Random draws: more are taken until every type is seen (a draw can miss a rare one), 20 at the most.
        var kinds = new HashSet<Type>();
        for (var draw = 0; draw < 20 && !all.All(kinds.Contains); draw++)
        {
            kinds.UnionWith(
                DealHistories.Deals.Sample(10, 200).SelectMany(deals => deals.SelectMany(d => d.Events)).Select(e => e.GetType())
            );
        }

        Assert.Empty(all.Except(kinds).Select(t => t.Name));
    }
}
