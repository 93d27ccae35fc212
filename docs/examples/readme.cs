#:project ../../src/SalesPipeline.Core/SalesPipeline.Core.csproj
// The example of README.md, kept here so CI proves it compiles and runs (a test checks the two match).
using NodaTime;
using SalesPipeline;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;

var pipeline = PipelineDefinition.Default; // Prospecting 10% > Qualified 20% > Proposal 50% > Negotiation 80% > Won | Lost
var at = Instant.FromUtc(2026, 11, 2, 9, 0);
var deal = Deal.Open(
    pipeline,
    new DealId("D-1001"),
    "Acme Corp: 500 seats",
    owner: "alice",
    Money.Of(60_000m, Currency.USD),
    expectedClose: new LocalDate(2026, 12, 15),
    at
);
deal = pipeline.Move(deal, "qualified", at + Duration.FromHours(1), "alice");

// Leaving Qualified needs its exit criteria: rejected, with every reason, and nothing changes.
var result = pipeline.Apply(deal, DealCommand.Move("proposal", at + Duration.FromHours(2), "alice"));
Console.WriteLine(result); // rejected: Exit criterion "use-case" of stage "Qualified" is not answered yes (...) ...

foreach (var criterion in new[] { "use-case", "technical-fit", "budget" })
    deal = pipeline.Answer(deal, criterion, at + Duration.FromHours(3), "alice");
deal = pipeline.Move(deal, "proposal", at + Duration.FromHours(4), "alice");

var p = pipeline.WinProbabilityOf(deal); // 0.50, from the stage default
Console.WriteLine($"{deal.Amount} x {p.Value * 100:0}% = {(deal.Amount * p.Value).Round()}"); // USD 60,000.00 x 50% = USD 30,000.00

// The values the README states. Qualified's three criteria were unanswered, so the move was rejected with a reason
// each and the deal stayed in Qualified; Proposal's default probability is 0.50, and 60,000.00 x 0.50 = 30,000.00.
if (result.IsAccepted || result.Rejections.Count != 3 || result.Deal.StageId != "qualified")
{
    throw new InvalidOperationException($"README.md example: the early move to proposal gave {result}.");
}
if (
    !result
        .ToString()
        .StartsWith("rejected: Exit criterion \"use-case\" of stage \"Qualified\" is not answered yes", StringComparison.Ordinal)
)
{
    throw new InvalidOperationException($"README.md example: the rejection reads \"{result}\".");
}
if (deal.StageId != "proposal" || p.Value != 0.50m || (deal.Amount * p.Value).Round() != Money.Of(30_000m, Currency.USD))
{
    throw new InvalidOperationException(
        $"README.md example: {deal.StageId} at {p.Value} gives {(deal.Amount * p.Value).Round()}, not USD 30,000.00."
    );
}
if ($"{deal.Amount} x {p.Value * 100:0}% = {(deal.Amount * p.Value).Round()}" != "USD 60,000.00 x 50% = USD 30,000.00")
{
    throw new InvalidOperationException("README.md example: the last line differs from the README's comment.");
}
