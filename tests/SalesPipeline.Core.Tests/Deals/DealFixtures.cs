using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Deals;

// Shared pipelines, deals and instants for the deal state machine tests.
internal static class DealFixtures
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);

    public static readonly LocalDate Close = new(2026, 6, 30);

    public static readonly Money Amount = Money.Of(60_000m, Currency.USD);

    public static readonly string[] QualifiedCriteria = ["use-case", "technical-fit", "budget"];

    /// <summary>T0 plus the given number of hours.</summary>
    public static Instant H(int hours) => T0.Plus(Duration.FromHours(hours));

    // A deal imported from another system: observed in proposal at H(2) (2026-03-02T11:00:00Z), created there at T0.
    public static readonly DealImported ImportedInProposal = new(
        new DealId("SF-1"),
        H(2),
        "alice",
        "Default",
        "Acme: 500 seats",
        "alice",
        Amount,
        Close,
        "proposal",
        DealStatus.Open,
        T0,
        StageEntryKnown: true
    );

    public static PipelineDefinition Default => PipelineDefinition.Default;

    /// <summary>
    /// Discovery (need, contact) > Demo (demo-done) > Proposal (pricing, legal) > Negotiation (none) > Closed Won | Closed Lost.
    /// </summary>
    public static PipelineDefinition Multi(
        bool allowSkipping = false,
        bool allowReopen = true,
        bool requireCriteriaToWin = true,
        string name = "Multi"
    ) =>
        PipelineDefinition
            .CreateBuilder(name)
            .Stage("Discovery", 0.10m, ForecastCategory.Pipeline, exitCriteria: ["need", "contact"])
            .Stage("Demo", 0.30m, ForecastCategory.Pipeline, exitCriteria: ["demo-done"])
            .Stage("Proposal", 0.60m, ForecastCategory.BestCase, exitCriteria: ["pricing", "legal"])
            .Stage("Negotiation", 0.85m, ForecastCategory.Commit)
            .Won("Closed Won")
            .Lost("Closed Lost")
            .AllowSkipping(allowSkipping)
            .AllowReopen(allowReopen)
            .RequireExitCriteriaToWin(requireCriteriaToWin)
            .Build();

    public static Deal NewDeal(PipelineDefinition? pipeline = null, string id = "D-1") =>
        Deal.Open(pipeline ?? Default, new DealId(id), "Acme: 500 seats", "alice", Amount, Close, T0);

    /// <summary>Applies the commands in order, each of which must be accepted.</summary>
    public static Deal Run(PipelineDefinition pipeline, Deal deal, params DealCommand[] commands)
    {
        foreach (var command in commands)
        {
            var result = pipeline.Apply(deal, command);
            Assert.True(result.IsAccepted, $"{command} was rejected: {result}");
            deal = result.Deal;
        }
        return deal;
    }

    /// <summary>A Default deal in Qualified at H(1), nothing answered.</summary>
    public static Deal InQualified() => Run(Default, NewDeal(), DealCommand.Move("qualified", H(1), "alice"));

    /// <summary>A Default deal in Qualified with its three criteria answered at H(2), H(3), H(4).</summary>
    public static Deal QualifiedAnswered() =>
        Run(
            Default,
            InQualified(),
            DealCommand.Answer("use-case", H(2), "alice"),
            DealCommand.Answer("technical-fit", H(3), "alice"),
            DealCommand.Answer("budget", H(4), "alice")
        );

    /// <summary>A Default deal won at H(7) from Negotiation (Qualified answered, Proposal at H(5), Negotiation at H(6)).</summary>
    public static Deal Won() =>
        Run(
            Default,
            QualifiedAnswered(),
            DealCommand.Move("proposal", H(5), "alice"),
            DealCommand.Move("negotiation", H(6), "alice"),
            DealCommand.Win(H(7), "alice")
        );

    /// <summary>A Default deal lost to Globex on price at H(2), from Qualified.</summary>
    public static Deal Lost() => Run(Default, InQualified(), DealCommand.Lose(LossReason.Price, H(2), "alice", "Globex"));

    /// <summary>
    /// Asserts an argument exception's parameter and its message text exactly: the framework adds " (Parameter 'x')" and,
    /// for an out-of-range value, the actual value, so the expected message is built by the same framework constructor.
    /// </summary>
    public static void AssertArgumentMessage(ArgumentException ex, string paramName, string? text)
    {
        Assert.Equal(paramName, ex.ParamName);
        var expected = ex switch
        {
            ArgumentOutOfRangeException range => new ArgumentOutOfRangeException(paramName, range.ActualValue, text).Message,
            ArgumentNullException when text is null => new ArgumentNullException(paramName).Message,
            ArgumentNullException => new ArgumentNullException(paramName, text).Message,
            _ => new ArgumentException(text, paramName).Message,
        };
        Assert.Equal(expected, ex.Message);
    }

    /// <summary>The rejections as (code, stage, criterion) triples in a canonical order, to compare as a multiset.</summary>
    public static (RejectionCode Code, string? StageId, string? CriterionId)[] Keys(IEnumerable<Rejection> rejections) =>
        rejections
            .Select(r => (r.Code, r.StageId, r.CriterionId))
            .OrderBy(k => k.Code)
            .ThenBy(k => k.StageId, StringComparer.Ordinal)
            .ThenBy(k => k.CriterionId, StringComparer.Ordinal)
            .ToArray();
}
