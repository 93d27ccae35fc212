using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

// Deal.FromEvents(pipeline, events): a history from outside is checked against its pipeline, so whatever Apply
// rejects, reading it back rejects too (issue "Hostile input").
public sealed class CheckedHistoryTests
{
    private static readonly DealId Id = new("D-1");

    private static DealCreated Created(string stageId = "prospecting", string pipeline = "Default") =>
        new(Id, T0, "alice", pipeline, "Acme: 500 seats", "alice", Amount, Close, stageId);

    // No exit criteria anywhere, so any move and any win is allowed and only the recorded details can be wrong.
    private static readonly PipelineDefinition Flat = PipelineDefinition
        .CreateBuilder("Flat")
        .Stage("A", 0.1m)
        .Stage("B", 0.5m)
        .Stage("C", 0.8m)
        .Won("Won")
        .Lost("Lost")
        .Build();

    private static ArgumentException Refused(PipelineDefinition pipeline, params DealEvent[] events)
    {
        var ex = Assert.Throws<ArgumentException>(() => Deal.FromEvents(pipeline, events));
        Assert.Equal("events", ex.ParamName);
        return ex;
    }

    [Fact]
    public void A_deal_created_in_the_Won_stage_is_refused_though_the_unchecked_fold_takes_it()
    {
        var events = new DealEvent[] { Created("won") };
        Assert.Equal("won", Deal.FromEvents(events).StageId); // the structural fold cannot know "won" is a Won stage

        var ex = Refused(Default, events);

        Assert.Contains("Event 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("first open stage \"prospecting\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_win_into_an_open_stage_is_refused_naming_the_stage_the_pipeline_wins_into()
    {
        var ex = Refused(Flat, Created("a", "Flat"), new DealWon(Id, H(1), "alice", "b"));

        Assert.Contains("Event 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a win into \"b\", but the pipeline makes a win into \"won\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regression_labelled_forward_is_refused()
    {
        var deal = Run(Default, NewDeal(), DealCommand.Move("qualified", H(1), "alice"));
        // The default pipeline has no exit criteria, so prospecting -> qualified -> prospecting is all allowed.
        var events = deal.Events.Append(new StageMoved(Id, H(2), "alice", "qualified", "prospecting", MoveDirection.Forward, 0)).ToArray();

        var ex = Refused(Default, events);

        Assert.Contains("Event 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a forward move qualified -> prospecting skipping 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a backward move", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_skip_count_is_refused()
    {
        // a (index 0) -> c (index 2) jumps over one stage.
        var ex = Refused(Flat, Created("a", "Flat"), new StageMoved(Id, H(1), "alice", "a", "c", MoveDirection.Forward, 0));

        Assert.Contains("skipping 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_move_Apply_rejects_for_unmet_exit_criteria_is_refused_with_Apply_s_reason()
    {
        var pipeline = Multi();
        var created = new DealCreated(Id, T0, "alice", "Multi", "Acme", "alice", Amount, Close, "discovery");
        var move = new StageMoved(Id, H(1), "alice", "discovery", "demo", MoveDirection.Forward, 0);
        Assert.False(pipeline.Apply(Deal.FromEvents([created]), DealCommand.Move("demo", H(1), "alice")).IsAccepted);

        var ex = Refused(pipeline, created, move);

        Assert.Contains("Event 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rejects it", ex.Message, StringComparison.Ordinal);
        Assert.Contains("need", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_move_after_its_criteria_are_answered_is_accepted()
    {
        var pipeline = Multi();
        var deal = Run(
            pipeline,
            NewDeal(pipeline),
            DealCommand.Answer("need", H(1), "alice"),
            DealCommand.Answer("contact", H(1), "alice"),
            DealCommand.Move("demo", H(2), "alice")
        );

        Assert.Equal(deal, Deal.FromEvents(pipeline, deal.Events));
    }

    [Fact]
    public void Another_pipeline_s_deal_is_refused_at_event_0()
    {
        var ex = Refused(Multi(), Created());

        Assert.Contains("Event 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("belongs to pipeline \"Default\", not \"Multi\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopening_is_refused_where_the_policy_forbids_it()
    {
        var allowing = Multi(allowReopen: true, name: "Multi");
        var forbidding = Multi(allowReopen: false, name: "Multi");
        var deal = Run(allowing, NewDeal(allowing), DealCommand.Lose(LossReason.Price, H(1), "alice"), DealCommand.Reopen(H(2), "alice"));

        Assert.Equal(deal, Deal.FromEvents(allowing, deal.Events));
        Assert.Contains("Event 2", Refused(forbidding, [.. deal.Events]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_criterion_is_refused()
    {
        var ex = Refused(Multi(), Created("discovery", "Multi"), new ExitCriterionAnswered(Id, H(1), "alice", "budget-ok"));

        Assert.Contains("no exit criterion \"budget-ok\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Imported_status_must_match_its_stage()
    {
        var imported = new DealImported(Id, T0, "import", "Default", "Acme", "alice", Amount, Close, "won", DealStatus.Open, T0, true);

        var ex = Refused(Default, imported);

        Assert.Contains("so the imported deal's status is Won, not Open", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Imported_stage_changes_need_no_criteria_but_their_direction_is_derived()
    {
        var pipeline = Multi();
        var imported = new DealImported(Id, T0, "import", "Multi", "Acme", "alice", Amount, Close, "discovery", DealStatus.Open, T0, true);
        var forward = new StageMoved(Id, H(1), "import", "discovery", "proposal", MoveDirection.Forward, 1);

        // Criteria of discovery and demo were never answered: the other system did not keep them.
        Assert.Equal("proposal", Deal.FromEvents(pipeline, [imported, forward]).StageId);
        var ex = Refused(pipeline, imported, forward with { StagesSkipped = 0 });
        Assert.Contains("Event 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("skipping 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains(
            "cannot lead to stage",
            Refused(pipeline, imported, new DealWon(Id, H(1), "x", "proposal")).Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Whatever_the_unchecked_fold_refuses_is_refused_too()
    {
        Assert.Throws<ArgumentException>(() => Deal.FromEvents(Default, []));
        Assert.Throws<ArgumentNullException>(() => Deal.FromEvents(Default, [Created(), null!]));
        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => Deal.FromEvents(null!, [Created()])).ParamName);
    }

    // Every history the commands make reads back equal.
    [Fact]
    public void Any_command_history_reads_back_equal_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                scenario =>
                {
                    var (pipeline, deal, _) = DealScenarios.Walk(scenario);
                    return Deal.FromEvents(pipeline, deal.Events).Equals(deal);
                }
            )
        );

    // Every imported history reads back equal.
    [Fact]
    public void Any_imported_history_reads_back_equal_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, 1)).ToArbitrary(),
                x =>
                {
                    var pipeline = x.Item2 == 0 ? PipelineDefinition.Default : Multi();
                    var deal = pipeline.Import(ImportRecords.Draw(new Random(x.Item1), pipeline, "P-1"), ImportRecords.AsOf);
                    return Deal.FromEvents(pipeline, deal.Events).Equals(deal);
                }
            )
        );

    // A stage move whose recorded direction or skip count differs from the pipeline's is refused at its own index
    // (the events before it are a valid history, so nothing earlier can be the reason).
    [Fact]
    public void A_tampered_move_is_refused_at_its_index_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                DealScenarios.Scenarios,
                Gen.Choose(0, 1000).ToArbitrary(),
                Gen.Choose(0, 1).ToArbitrary(),
                (scenario, pick, how) =>
                {
                    var (pipeline, deal, _) = DealScenarios.Walk(scenario);
                    var moves = Enumerable.Range(0, deal.Events.Count).Where(i => deal.Events[i] is StageMoved).ToArray();
                    if (moves.Length == 0)
                    {
                        return true;
                    }
                    var index = moves[pick % moves.Length];
                    var move = (StageMoved)deal.Events[index];
                    var tampered =
                        how == 0
                            ? move with
                            {
                                Direction = move.Direction == MoveDirection.Forward ? MoveDirection.Backward : MoveDirection.Forward,
                            }
                            : move with
                            {
                                StagesSkipped = move.StagesSkipped + 1,
                            };
                    var events = deal.Events.ToArray();
                    events[index] = tampered;
                    try
                    {
                        Deal.FromEvents(pipeline, events);
                        return false;
                    }
                    catch (ArgumentException ex)
                    {
                        return ex.Message.StartsWith($"Event {index} ", StringComparison.Ordinal);
                    }
                }
            )
        );
}
