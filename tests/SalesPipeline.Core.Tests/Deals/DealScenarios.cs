using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using static SalesPipeline.Tests.Deals.DealFixtures;

namespace SalesPipeline.Tests.Deals;

/// <summary>An open stage of a generated pipeline: id "s{i}", criteria "c{i}-{j}" (unique by construction).</summary>
internal sealed record StageSpec(string Id, int ProbabilityPercent, ForecastCategory Category, string[] Criteria);

/// <summary>A generated pipeline, kept as plain data so the tests can reason about it without asking the definition.</summary>
internal sealed record PipelineSpec(StageSpec[] Stages, bool AllowSkipping, bool AllowReopen, bool RequireExitCriteriaToWin)
{
    public const string WonId = "won";
    public const string LostId = "lost";

    public PipelineDefinition Build()
    {
        var builder = PipelineDefinition.CreateBuilder("Generated");
        foreach (var s in Stages)
        {
            builder.Stage(
                "Stage " + s.Id,
                s.ProbabilityPercent / 100m,
                s.Category,
                s.Criteria.Select(c => new ExitCriterion(c, $"Is {c} done?")),
                id: s.Id
            );
        }
        return builder
            .Won("Won")
            .Lost("Lost")
            .AllowSkipping(AllowSkipping)
            .AllowReopen(AllowReopen)
            .RequireExitCriteriaToWin(RequireExitCriteriaToWin)
            .Build();
    }

    public int IndexOf(string stageId) => Array.FindIndex(Stages, s => s.Id == stageId);

    public string[] AllCriteria => Stages.SelectMany(s => s.Criteria).ToArray();

    /// <summary>The criteria a forward move from open stage <paramref name="from"/> to index <paramref name="to"/> needs
    /// (Won has index Stages.Length): the leaving stage's, plus the skipped stages' unless skipping is allowed.</summary>
    public IEnumerable<(string StageId, string CriterionId)> Required(int from, int to)
    {
        var last = AllowSkipping ? from : to - 1;
        for (var i = from; i <= last; i++)
        {
            foreach (var c in Stages[i].Criteria)
            {
                yield return (Stages[i].Id, c);
            }
        }
    }

    public override string ToString() =>
        string.Join(" > ", Stages.Select(s => $"{s.Id}[{string.Join(",", s.Criteria)}]"))
        + $" skip={AllowSkipping} reopen={AllowReopen} requireToWin={RequireExitCriteriaToWin}";
}

/// <summary>A generated pipeline and command sequence. <see cref="Branches"/>[i] &gt;= 0 applies command i to that
/// earlier version instead of the latest (only used by the branching property).</summary>
internal sealed record Scenario(PipelineSpec Spec, DealCommand[] Commands, int[] Branches)
{
    public override string ToString() =>
        Spec
        + Environment.NewLine
        + string.Join(
            Environment.NewLine,
            Commands.Select((c, i) => $"  {i}: {c}{(Branches[i] >= 0 ? $" (on version {Branches[i]})" : "")}")
        );
}

internal static class DealScenarios
{
    private static readonly ForecastCategory[] OpenCategories =
    [
        ForecastCategory.Omitted,
        ForecastCategory.Pipeline,
        ForecastCategory.BestCase,
        ForecastCategory.Commit,
    ];

    private static Gen<StageSpec> StageGen(int index) =>
        from p in Gen.Choose(0, 100)
        from category in Gen.Elements(OpenCategories)
        from criteria in Gen.Choose(0, 3)
        select new StageSpec($"s{index}", p, category, Enumerable.Range(0, criteria).Select(j => $"c{index}-{j}").ToArray());

    public static Gen<PipelineSpec> PipelineGen =>
        from n in Gen.Choose(2, 6)
        from stages in Gen.CollectToArray(Enumerable.Range(0, n), StageGen)
        from skip in Gen.Elements(false, true)
        from reopen in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from require in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new PipelineSpec(stages, skip, reopen, require);

    private static readonly LossReason?[] Reasons = [LossReason.Price, LossReason.Competitor, null];

    private static readonly StopReason[] StopReasons = [StopReason.OnHold, StopReason.BudgetFrozen];

    private static readonly string?[] Pools = ["emea", "apac", null];

    private static readonly Customer[] Customers = [new("ACC-1", "Acme"), new("ACC-2", "Globex")];

    private static Gen<Func<Instant, DealCommand>> CommandGen(PipelineSpec spec)
    {
        var openIds = spec.Stages.Select(s => s.Id).ToArray();
        var stageIds = openIds.Concat([PipelineSpec.WonId, PipelineSpec.LostId, "nowhere"]).ToArray();
        var criteria = spec.AllCriteria.Concat(["unknown-criterion"]).ToArray();
        var reopenStages = stageIds.Cast<string?>().Concat([null, null, null]).ToArray();
        return Gen.Frequency(
            (8, Gen.Elements(openIds).Select(s => (Func<Instant, DealCommand>)(at => DealCommand.Move(s, at, "rep")))),
            (1, Gen.Elements(stageIds).Select(s => (Func<Instant, DealCommand>)(at => DealCommand.Move(s, at, "rep")))),
            (8, Gen.Elements(criteria).Select(c => (Func<Instant, DealCommand>)(at => DealCommand.Answer(c, at, "rep")))),
            (2, Gen.Elements(criteria).Select(c => (Func<Instant, DealCommand>)(at => DealCommand.Withdraw(c, at, "rep")))),
            (2, Gen.Constant((Func<Instant, DealCommand>)(at => DealCommand.Win(at, "rep")))),
            (
                1,
                from r in Gen.Elements(Reasons)
                from competitor in Gen.Elements<string?>("Globex", null)
                select (Func<Instant, DealCommand>)(at => DealCommand.Lose(r, at, "rep", competitor))
            ),
            (3, Gen.Elements(reopenStages).Select(s => (Func<Instant, DealCommand>)(at => DealCommand.Reopen(at, "manager", s)))),
            (
                1,
                Gen.Choose(0, 3)
                    .Select(k =>
                        (Func<Instant, DealCommand>)(
                            at => DealCommand.ChangeAmountTo(Money.FromMinorUnits(k * 3_000_000L, Currency.USD), at, "rep")
                        )
                    )
            ),
            (
                1,
                Gen.Choose(0, 2)
                    .Select(d => (Func<Instant, DealCommand>)(at => DealCommand.ChangeExpectedCloseTo(Close.PlusDays(d), at, "rep")))
            ),
            (
                1,
                from p in Gen.Choose(0, 4)
                from source in Gen.Elements(ValueSource.Manual, ValueSource.Model)
                select (Func<Instant, DealCommand>)(at => DealCommand.OverrideProbabilityTo(p * 0.25m, at, "rep", source))
            ),
            (1, Gen.Constant((Func<Instant, DealCommand>)(at => DealCommand.ClearProbability(at, "rep")))),
            (1, Gen.Elements(OpenCategories).Select(c => (Func<Instant, DealCommand>)(at => DealCommand.OverrideCategoryTo(c, at, "rep")))),
            (1, Gen.Constant((Func<Instant, DealCommand>)(at => DealCommand.ClearCategory(at, "rep")))),
            (1, Gen.Elements("alice", "bob").Select(o => (Func<Instant, DealCommand>)(at => DealCommand.Reassign(o, at, "manager")))),
            (
                2,
                Gen.Elements("Globex", "Initech", "globex")
                    .Select(c => (Func<Instant, DealCommand>)(at => DealCommand.NoteCompetitor(c, at, "rep")))
            ),
            // Issue 13: stop and resume, pools, customers, comments and causes.
            (2, Gen.Elements(StopReasons).Select(r => (Func<Instant, DealCommand>)(at => DealCommand.Stop(r, at, "rep")))),
            (3, Gen.Elements(reopenStages).Select(s => (Func<Instant, DealCommand>)(at => DealCommand.Resume(at, "manager", s)))),
            (2, Gen.Elements(Pools).Select(t => (Func<Instant, DealCommand>)(at => DealCommand.AssignToPool(t, at, "manager")))),
            (1, Gen.Elements(Customers).Select(c => (Func<Instant, DealCommand>)(at => DealCommand.ChangeCustomer(c, at, "rep")))),
            (
                1,
                Gen.Elements<string?>(null, "ACT-1")
                    .Select(a => (Func<Instant, DealCommand>)(at => DealCommand.Comment("Spoke to the buyer.", at, "manager", a)))
            ),
            (
                1,
                Gen.Elements(openIds)
                    .Select(s => (Func<Instant, DealCommand>)(at => DealCommand.Move(s, at, "rep") with { Cause = "quote Q-1 v1" }))
            )
        );
    }

    // Minutes since the previous command: mostly forward (sometimes 0, the same instant), sometimes backward.
    private static readonly Gen<int> DeltaGen = Gen.Frequency((9, Gen.Choose(0, 180)), (1, Gen.Choose(-180, -1)));

    private static Gen<Scenario> ScenarioGen(bool branching) =>
        from spec in PipelineGen
        from n in Gen.Choose(0, 40)
        from makers in Gen.ArrayOf(CommandGen(spec), n)
        from deltas in Gen.ArrayOf(DeltaGen, n)
        from branches in Gen.ArrayOf(branching ? Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, 1000))) : Gen.Constant(-1), n)
        select Materialize(spec, makers, deltas, branches);

    private static Scenario Materialize(PipelineSpec spec, Func<Instant, DealCommand>[] makers, int[] deltas, int[] branches)
    {
        var at = T0;
        var commands = new DealCommand[makers.Length];
        for (var i = 0; i < makers.Length; i++)
        {
            at = at.Plus(Duration.FromMinutes(deltas[i]));
            commands[i] = makers[i](at);
        }
        return new Scenario(spec, commands, branches);
    }

    public static Arbitrary<Scenario> Scenarios => ScenarioGen(branching: false).ToArbitrary();

    public static Arbitrary<Scenario> BranchingScenarios => ScenarioGen(branching: true).ToArbitrary();

    /// <summary>One application of a command: the deal before, the command, the result.</summary>
    public sealed record Step(Deal Before, DealEvent[] EventsBefore, DealCommand Command, TransitionResult Result);

    /// <summary>Opens a deal in the generated pipeline and applies every command to the latest version.</summary>
    public static (PipelineDefinition Pipeline, Deal Final, List<Step> Steps) Walk(Scenario scenario)
    {
        var pipeline = scenario.Spec.Build();
        var deal = Deal.Open(pipeline, new DealId("G-1"), "Generated", "alice", Amount, Close, T0);
        var steps = new List<Step>();
        foreach (var command in scenario.Commands)
        {
            var result = pipeline.Apply(deal, command);
            steps.Add(new Step(deal, deal.Events.ToArray(), command, result));
            deal = result.Deal;
        }
        return (pipeline, deal, steps);
    }

    public static string Describe(IEnumerable<(RejectionCode Code, string? StageId, string? CriterionId)> keys) =>
        "["
        + string.Join(", ", keys.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Code}/{k.StageId}/{k.CriterionId}")))
        + "]";
}

/// <summary>
/// An independent model of the rules in Apply's documentation, over <see cref="PipelineSpec"/> rather than the
/// definition: what the deal looks like, and which reasons a command must be rejected for.
/// </summary>
internal sealed record DealModel(
    string StageId,
    DealStatus Status,
    string LastOpenStageId,
    ImmutableSortedSet<string> Answered,
    Money Amount,
    LocalDate ExpectedClose,
    decimal? Probability,
    ValueSource? ProbabilitySource,
    ForecastCategory? Category,
    string? Owner,
    Instant LastEventAt,
    LossReason? LossReason,
    string? Competitor,
    Instant? ClosedAt,
    Instant StageEnteredAt,
    string Competitors,
    string? Team = null,
    Instant? InPoolSince = null,
    StopReason? StopReason = null,
    Instant? StoppedAt = null,
    Customer? Customer = null,
    int Comments = 0
)
{
    // Competitors as one string ("a|b", ordinal order), so record equality compares them by content.
    public static string Join(IEnumerable<string> competitors) =>
        string.Join("|", competitors.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private string WithCompetitor(string competitor) =>
        Join(Competitors.Split('|', StringSplitOptions.RemoveEmptyEntries).Append(competitor));

    // Record equality compares the answered set by reference; this compares it by content.
    public bool SameState(DealModel other) =>
        (this with { Answered = ImmutableSortedSet<string>.Empty }) == (other with { Answered = ImmutableSortedSet<string>.Empty })
        && Answered.SequenceEqual(other.Answered);

    public static DealModel Fresh(PipelineSpec spec) =>
        new(
            spec.Stages[0].Id,
            DealStatus.Open,
            spec.Stages[0].Id,
            ImmutableSortedSet.Create<string>(StringComparer.Ordinal),
            DealFixtures.Amount,
            DealFixtures.Close,
            null,
            null,
            null,
            "alice",
            T0,
            null,
            null,
            null,
            T0,
            ""
        );

    /// <summary>The expected rejections (as keys) and, when there are none, the expected next state.</summary>
    public (List<(RejectionCode Code, string? StageId, string? CriterionId)> Rejections, DealModel? Next) Decide(
        PipelineSpec spec,
        DealCommand command
    )
    {
        var r = new List<(RejectionCode Code, string? StageId, string? CriterionId)>();
        void Add(RejectionCode code, string? stage = null, string? criterion = null) => r.Add((code, stage, criterion));
        var at = command.At;
        if (at < LastEventAt)
        {
            Add(RejectionCode.CommandBeforeLastEvent);
        }
        var known = spec.AllCriteria.ToHashSet(StringComparer.Ordinal);
        var isOpen = Status == DealStatus.Open;
        var isStopped = Status == DealStatus.Stopped;
        var isClosed = Status is DealStatus.Won or DealStatus.Lost;
        DealModel? next = null;
        var self = this with { LastEventAt = at };
        switch (command)
        {
            case ReassignOwner o:
                if (o.Owner == Owner)
                {
                    Add(RejectionCode.NothingToChange);
                }
                next = self with { Owner = o.Owner, InPoolSince = null };
                break;
            case ChangeCustomer c:
                if (c.Customer == Customer)
                {
                    Add(RejectionCode.NothingToChange);
                }
                next = self with { Customer = c.Customer };
                break;
            case AddComment:
                next = self with { Comments = Comments + 1 };
                break;
            case AssignToPool p:
                if (isClosed)
                {
                    Add(RejectionCode.DealClosed, StageId);
                    break;
                }
                if (Owner is null && Team == p.TeamId)
                {
                    Add(RejectionCode.NothingToChange);
                }
                next = self with { Owner = null, Team = p.TeamId, InPoolSince = at };
                break;
            case ResumeDeal o:
                if (!isStopped)
                {
                    Add(RejectionCode.DealNotStopped);
                    break;
                }
                var resumeIn = o.StageId ?? StageId;
                if (resumeIn is PipelineSpec.WonId or PipelineSpec.LostId)
                {
                    Add(RejectionCode.TerminalStageTarget, resumeIn);
                    break;
                }
                if (spec.IndexOf(resumeIn) < 0)
                {
                    Add(RejectionCode.UnknownStage, resumeIn);
                    break;
                }
                if (spec.IndexOf(resumeIn) > spec.IndexOf(StageId))
                {
                    // Resuming further along than where it stopped is a forward move from there.
                    AddForward(spec, spec.IndexOf(StageId), spec.IndexOf(resumeIn), resumeIn, r);
                }
                next = self with
                {
                    Status = DealStatus.Open,
                    StageId = resumeIn,
                    LastOpenStageId = resumeIn,
                    // Resumed where it stopped, it never left the stage.
                    StageEnteredAt = resumeIn == StageId ? StageEnteredAt : at,
                    StopReason = null,
                    StoppedAt = null,
                };
                break;
            case ReopenDeal o:
                var target = o.StageId ?? LastOpenStageId;
                if (!isClosed)
                {
                    Add(RejectionCode.DealNotClosed);
                }
                if (!spec.AllowReopen)
                {
                    Add(RejectionCode.ReopenNotAllowed);
                }
                if (target is PipelineSpec.WonId or PipelineSpec.LostId)
                {
                    Add(RejectionCode.TerminalStageTarget, target);
                }
                else if (spec.IndexOf(target) < 0)
                {
                    Add(RejectionCode.UnknownStage, target);
                }
                else if (spec.IndexOf(target) > spec.IndexOf(LastOpenStageId))
                {
                    // Reopening beyond the furthest stage reached is a forward move from there.
                    AddForward(spec, spec.IndexOf(LastOpenStageId), spec.IndexOf(target), target, r);
                }
                next = self with
                {
                    Status = DealStatus.Open,
                    StageId = target,
                    LastOpenStageId = target,
                    StageEnteredAt = at,
                    ClosedAt = null,
                    LossReason = null,
                    Competitor = null,
                };
                break;
            case DealCommand when isStopped && command is not LoseDeal:
                // A stopped deal is resumed, lost, reassigned, pooled or commented; nothing else.
                Add(RejectionCode.DealStopped, StageId);
                break;
            case DealCommand when isClosed:
                Add(RejectionCode.DealClosed, StageId);
                break;
            case StopDeal st:
                next = self with { Status = DealStatus.Stopped, StopReason = st.Reason, StoppedAt = at };
                break;
            case MoveToStage m:
                var from = spec.IndexOf(StageId);
                var to = spec.IndexOf(m.StageId);
                if (m.StageId is PipelineSpec.WonId or PipelineSpec.LostId)
                {
                    Add(RejectionCode.TerminalStageTarget, m.StageId);
                }
                else if (to < 0)
                {
                    Add(RejectionCode.UnknownStage, m.StageId);
                }
                else if (to == from)
                {
                    Add(RejectionCode.AlreadyInStage, StageId);
                }
                else
                {
                    if (to > from)
                    {
                        AddForward(spec, from, to, m.StageId, r);
                    }
                    next = self with { StageId = m.StageId, LastOpenStageId = m.StageId, StageEnteredAt = at };
                }
                break;
            case WinDeal:
                if (Owner is null)
                {
                    Add(RejectionCode.DealInPool);
                }
                if (spec.RequireExitCriteriaToWin)
                {
                    AddForward(spec, spec.IndexOf(StageId), spec.Stages.Length, PipelineSpec.WonId, r);
                }
                next = self with { Status = DealStatus.Won, StageId = PipelineSpec.WonId, StageEnteredAt = at, ClosedAt = at };
                break;
            case LoseDeal l:
                if (Owner is null)
                {
                    Add(RejectionCode.DealInPool);
                }
                if (l.Reason is null)
                {
                    Add(RejectionCode.MissingLossReason);
                }
                next = self with
                {
                    StopReason = null,
                    StoppedAt = null,
                    Status = DealStatus.Lost,
                    StageId = PipelineSpec.LostId,
                    StageEnteredAt = at,
                    ClosedAt = at,
                    LossReason = l.Reason,
                    Competitor = l.Competitor,
                    Competitors = l.Competitor is null ? Competitors : WithCompetitor(l.Competitor),
                };
                break;
            case AnswerExitCriterion a:
                if (!known.Contains(a.CriterionId))
                {
                    Add(RejectionCode.UnknownExitCriterion, null, a.CriterionId);
                }
                else if (Answered.Contains(a.CriterionId))
                {
                    Add(RejectionCode.NothingToChange, null, a.CriterionId);
                }
                next = self with { Answered = Answered.Add(a.CriterionId) };
                break;
            case WithdrawExitCriterion w:
                if (!known.Contains(w.CriterionId))
                {
                    Add(RejectionCode.UnknownExitCriterion, null, w.CriterionId);
                }
                else if (!Answered.Contains(w.CriterionId))
                {
                    Add(RejectionCode.NothingToChange, null, w.CriterionId);
                }
                next = self with { Answered = Answered.Remove(w.CriterionId) };
                break;
            case ChangeAmount c:
                if (c.Amount.Amount == Amount.Amount)
                {
                    Add(RejectionCode.NothingToChange);
                }
                next = self with { Amount = c.Amount };
                break;
            case ChangeExpectedClose c:
                if (c.ExpectedClose == ExpectedClose)
                {
                    Add(RejectionCode.NothingToChange);
                }
                next = self with { ExpectedClose = c.ExpectedClose };
                break;
            case OverrideProbability p:
                if (p.Probability == Probability && p.Source == ProbabilitySource)
                {
                    Add(RejectionCode.NothingToChange);
                }
                next = self with { Probability = p.Probability, ProbabilitySource = p.Source };
                break;
            case ClearProbabilityOverride:
                if (Probability is null)
                {
                    Add(RejectionCode.NothingToChange);
                }
                next = self with { Probability = null, ProbabilitySource = null };
                break;
            case OverrideCategory c:
                if (c.Category == Category)
                {
                    Add(RejectionCode.NothingToChange);
                }
                next = self with { Category = c.Category };
                break;
            case NoteCompetitor c:
                if (Competitors.Split('|').Contains(c.Competitor))
                {
                    Add(RejectionCode.NothingToChange);
                }
                next = self with { Competitors = WithCompetitor(c.Competitor) };
                break;
            case ClearCategoryOverride:
                if (Category is null)
                {
                    Add(RejectionCode.NothingToChange);
                }
                next = self with { Category = null };
                break;
            default:
                throw new InvalidOperationException("unexpected command " + command);
        }
        return (r, r.Count == 0 ? next : null);
    }

    private void AddForward(
        PipelineSpec spec,
        int from,
        int to,
        string targetId,
        List<(RejectionCode Code, string? StageId, string? CriterionId)> r
    )
    {
        var unmet = spec.Required(from, to).Where(x => !Answered.Contains(x.CriterionId)).ToList();
        r.AddRange(unmet.Select(x => (RejectionCode.UnmetExitCriterion, (string?)x.StageId, (string?)x.CriterionId)));
        if (unmet.Any(x => x.StageId != spec.Stages[from].Id))
        {
            r.Add((RejectionCode.SkippingNotAllowed, targetId, null));
        }
    }
}
