using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Deals;

// Issue 14: Deal.FromEvents builds one deal in place instead of copying the deal record per event. Its result must be
// the deal the per-event fold gave: the oracle below is that fold as it was written before (one `with` copy per event),
// kept here over a plain state record, independent of the library's code.
public sealed class DealFoldTests
{
    // Every field the fold sets, with decimals as text so that a changed scale (100m against 100.00m) shows.
    private sealed record State(
        string StageId,
        DealStatus Status,
        string LastOpenStageId,
        string Answered,
        string Amount,
        LocalDate ExpectedClose,
        string? Probability,
        ValueSource? ProbabilitySource,
        ForecastCategory? Category,
        string? Owner,
        string? Team,
        Instant? InPoolSince,
        Customer? Customer,
        StopReason? StopReason,
        Instant? StoppedAt,
        string Comments,
        LossReason? LossReason,
        string? Competitor,
        string Competitors,
        Instant StageEnteredAt,
        Duration PausedInStage,
        Instant? ClosedAt,
        Instant LastEventAt,
        int Events
    );

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string> values) => string.Join("|", values.Order(StringComparer.Ordinal));

    private static State Of(Deal deal) =>
        new(
            deal.StageId,
            deal.Status,
            deal.LastOpenStageId,
            string.Join("|", deal.AnsweredCriteria),
            deal.Amount.Currency.Code + " " + Text(deal.Amount.Amount),
            deal.ExpectedClose,
            deal.ProbabilityOverride is { } p ? Text(p) : null,
            deal.ProbabilityOverrideSource,
            deal.CategoryOverride,
            deal.Owner,
            deal.Team,
            deal.InPoolSince,
            deal.Customer,
            deal.StopReason,
            deal.StoppedAt,
            string.Join("|", deal.Comments.Select(c => $"{c.At}/{c.By}/{c.Text}/{c.ActivityId}")),
            deal.LossReason,
            deal.Competitor,
            string.Join("|", deal.Competitors),
            deal.StageEnteredAt,
            deal.PausedInStage,
            deal.ClosedAt,
            deal.LastEventAt,
            deal.Events.Count
        );

    // The fold as Deal.Append wrote it before issue 14, event by event, each step a copy of the state.
    private static State Oracle(DealEvent[] events)
    {
        var s = events[0] switch
        {
            DealCreated c => new State(
                c.StageId,
                DealStatus.Open,
                c.StageId,
                "",
                c.Amount.Currency.Code + " " + Text(c.Amount.Amount),
                c.ExpectedClose,
                null,
                null,
                null,
                c.Owner,
                c.Team,
                c.Owner is null ? c.At : null,
                c.Customer,
                null,
                null,
                "",
                null,
                null,
                "",
                c.At,
                Duration.Zero,
                null,
                c.At,
                1
            ),
            DealImported i => new State(
                i.StageId,
                i.Status,
                i.Status == DealStatus.Open ? i.StageId : Unknown.Stage,
                "",
                i.Amount.Currency.Code + " " + Text(i.Amount.Amount),
                i.ExpectedClose,
                null,
                null,
                null,
                i.Owner,
                i.Team,
                i.Owner is null ? i.InPoolSince ?? i.CreatedAt : null,
                i.Customer,
                null,
                null,
                "",
                i.LossReason,
                i.Competitor,
                i.Competitor ?? "",
                i.At,
                Duration.Zero,
                i.Status == DealStatus.Open ? null : i.At,
                i.At,
                1
            ),
            _ => throw new InvalidOperationException("A history starts with DealCreated or DealImported."),
        };
        foreach (var e in events.Skip(1))
        {
            s = e switch
            {
                StageMoved m => s with
                {
                    StageId = m.ToStageId,
                    LastOpenStageId = m.ToStageId,
                    StageEnteredAt = m.At,
                    PausedInStage = Duration.Zero,
                },
                ExitCriterionAnswered a => s with { Answered = Join(Split(s.Answered).Append(a.CriterionId).Distinct()) },
                ExitCriterionWithdrawn w => s with { Answered = Join(Split(s.Answered).Where(c => c != w.CriterionId)) },
                AmountChanged a => s with { Amount = a.Amount.Currency.Code + " " + Text(a.Amount.Amount) },
                ExpectedCloseChanged c => s with { ExpectedClose = c.ExpectedClose },
                ProbabilityOverridden p => s with { Probability = Text(p.Probability), ProbabilitySource = p.Source },
                ProbabilityOverrideCleared => s with { Probability = null, ProbabilitySource = null },
                CategoryOverridden c => s with { Category = c.Category },
                CategoryOverrideCleared => s with { Category = null },
                OwnerReassigned o => s with { Owner = o.Owner, InPoolSince = null },
                DealAssignedToPool p => s with { Owner = null, Team = p.TeamId, InPoolSince = p.At },
                CustomerChanged c => s with { Customer = c.Customer },
                CommentAdded c => s with
                {
                    Comments =
                        s.Comments.Length == 0
                            ? $"{c.At}/{c.By}/{c.Text}/{c.ActivityId}"
                            : $"{s.Comments}|{c.At}/{c.By}/{c.Text}/{c.ActivityId}",
                },
                DealStopped st => s with { Status = DealStatus.Stopped, StopReason = st.Reason, StoppedAt = st.At },
                DealResumed r when r.StageId == s.StageId => s with
                {
                    Status = DealStatus.Open,
                    PausedInStage = s.PausedInStage + (r.At - s.StoppedAt!.Value),
                    StopReason = null,
                    StoppedAt = null,
                },
                DealResumed r => s with
                {
                    Status = DealStatus.Open,
                    StageId = r.StageId,
                    LastOpenStageId = r.StageId,
                    StageEnteredAt = r.At,
                    PausedInStage = Duration.Zero,
                    StopReason = null,
                    StoppedAt = null,
                },
                DealWon w => s with
                {
                    Status = DealStatus.Won,
                    StageId = w.StageId,
                    StageEnteredAt = w.At,
                    PausedInStage = Duration.Zero,
                    ClosedAt = w.At,
                },
                DealLost l => s with
                {
                    StopReason = null,
                    StoppedAt = null,
                    Status = DealStatus.Lost,
                    StageId = l.StageId,
                    StageEnteredAt = l.At,
                    PausedInStage = Duration.Zero,
                    ClosedAt = l.At,
                    LossReason = l.Reason,
                    Competitor = l.Competitor,
                    Competitors = l.Competitor is null ? s.Competitors : Join(Split(s.Competitors).Append(l.Competitor).Distinct()),
                },
                CompetitorNoted c => s with { Competitors = Join(Split(s.Competitors).Append(c.Competitor).Distinct()) },
                DealReopened r => s with
                {
                    Status = DealStatus.Open,
                    StageId = r.StageId,
                    LastOpenStageId = r.StageId,
                    StageEnteredAt = r.At,
                    PausedInStage = Duration.Zero,
                    ClosedAt = null,
                    LossReason = null,
                    Competitor = null,
                },
                _ => throw new InvalidOperationException($"Unknown event {e.GetType().Name}."),
            };
            s = s with { LastEventAt = e.At, Events = s.Events + 1 };
        }
        return s;
    }

    private static string[] Split(string joined) => joined.Length == 0 ? [] : joined.Split('|');

    private static readonly PipelineDefinition[] Pipelines = [PipelineDefinition.Default, DealFixtures.Multi()];

    private static Arbitrary<(int Seed, int Pipeline)> Seeds =>
        (from seed in Gen.Choose(0, int.MaxValue) from p in Gen.Choose(0, 1) select (seed, p)).ToArbitrary();

    [Fact]
    public void FromEvents_CreatedHistories_EqualsThePerEventFold_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                {
                    var (pipeline, deal, _) = DealScenarios.Walk(scenario);
                    var events = deal.Events.ToArray();
                    var expected = Oracle(events);
                    return Of(Deal.FromEvents(events)) == expected
                        && Of(Deal.FromEvents(pipeline, events)) == expected
                        // Apply appends one event at a time (Append): the same state.
                        && Of(deal) == expected;
                }
            )
        );

    [Fact]
    public void FromEvents_ImportedHistories_EqualsThePerEventFold_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Seeds,
                x =>
                {
                    var pipeline = Pipelines[x.Pipeline];
                    var record = ImportRecords.Draw(new Random(x.Seed), pipeline, "P-1");
                    var deal = pipeline.Import(record, ImportRecords.AsOf);
                    var events = deal.Events.ToArray();
                    var expected = Oracle(events);
                    return Of(deal) == expected
                        && Of(Deal.FromEvents(pipeline, events)) == expected
                        && Enumerable.Range(1, events.Length).All(n => Of(Deal.FromEvents(events.Take(n))) == Oracle(events[..n]));
                }
            )
        );

    [Fact]
    public void FromEvents_ThenAppendingTwice_KeepsEachVersionsHistory_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                {
                    var (_, deal, _) = DealScenarios.Walk(scenario);
                    var events = deal.Events.ToArray();
                    var built = Deal.FromEvents(events);
                    var at = built.LastEventAt;
                    var first = new CommentAdded(built.Id, at, "manager", "First branch.");
                    var second = new CommentAdded(built.Id, at, "manager", "Second branch.");
                    var a = built.Append(first);
                    var b = built.Append(second);
                    // Each version sees only its own events: the log FromEvents builds over its copy is never overwritten.
                    return built.Events.SequenceEqual(events)
                        && a.Events.SequenceEqual(events.Append(first))
                        && b.Events.SequenceEqual(events.Append(second))
                        && Of(a) == Oracle([.. events, first])
                        && Of(b) == Oracle([.. events, second]);
                }
            )
        );

    [Fact]
    public void FromEvents_TheCallersArrayChangedAfterwards_LeavesTheDealAlone()
    {
        // A created deal, moved once: prospecting -> qualified (the default pipeline's first two stages).
        var pipeline = PipelineDefinition.Default;
        var opened = Deal.Open(
            pipeline,
            new DealId("D-1"),
            "Acme",
            "alice",
            Money.Of(1_250.50m, Currency.USD),
            new LocalDate(2026, 6, 30),
            DealFixtures.T0
        );
        var moved = pipeline.Apply(opened, DealCommand.Move("qualified", DealFixtures.T0.Plus(Duration.FromHours(1)), "alice")).Deal;
        var events = moved.Events.ToArray();
        var deal = Deal.FromEvents(events);
        events[1] = new CommentAdded(deal.Id, DealFixtures.T0.Plus(Duration.FromHours(2)), "bob", "Overwritten.");

        Assert.Equal("qualified", deal.StageId);
        Assert.IsType<StageMoved>(deal.Events[1]);
        Assert.Equal(2, deal.Events.Count);
        Assert.Equal(DealFixtures.T0.Plus(Duration.FromHours(1)), deal.LastEventAt);
    }

    [Fact]
    public void FromEvents_ThreeEvents_HasTheStateOfEachStep()
    {
        // Opened in prospecting at T0 with USD 100.00, moved to qualified at T0+1h, the amount changed to USD 120.50 at
        // T0+2h: stage qualified entered at T0+1h, amount 120.50 (two decimals kept), three events, last at T0+2h.
        var pipeline = PipelineDefinition.Default;
        var deal = Deal.Open(
            pipeline,
            new DealId("D-3"),
            "Globex",
            "bob",
            Money.Of(100.00m, Currency.USD),
            new LocalDate(2026, 9, 30),
            DealFixtures.T0
        );
        deal = pipeline.Apply(deal, DealCommand.Move("qualified", DealFixtures.T0.Plus(Duration.FromHours(1)), "bob")).Deal;
        deal = pipeline
            .Apply(deal, DealCommand.ChangeAmountTo(Money.Of(120.50m, Currency.USD), DealFixtures.T0.Plus(Duration.FromHours(2)), "bob"))
            .Deal;

        var rebuilt = Deal.FromEvents(pipeline, deal.Events);

        Assert.Equal("qualified", rebuilt.StageId);
        Assert.Equal("qualified", rebuilt.LastOpenStageId);
        Assert.Equal(DealFixtures.T0.Plus(Duration.FromHours(1)), rebuilt.StageEnteredAt);
        Assert.Equal("120.50", rebuilt.Amount.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(3, rebuilt.Events.Count);
        Assert.Equal(DealFixtures.T0.Plus(Duration.FromHours(2)), rebuilt.LastEventAt);
        Assert.Equal(deal, rebuilt);
    }
}
