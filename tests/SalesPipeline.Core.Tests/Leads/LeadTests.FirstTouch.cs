using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Leads;

// Converting or disqualifying is acting on a lead: an untouched lead's first touch is then that moment, so lead
// response time never counts a handled lead as untouched.
public sealed class LeadFirstTouchTests
{
    private static readonly Instant Created = Instant.FromUtc(2026, 4, 1, 8, 0);

    private static Lead Untouched() => Lead.Create(new LeadId("L-9"), "Initech (Bill)", LeadSource.Phone, "bob", Created);

    [Fact]
    public void Convert_UntouchedLead_SetsFirstTouchToTheConversion()
    {
        var at = Created.Plus(Duration.FromHours(5));

        var (converted, _) = Untouched()
            .Convert(PipelineDefinition.Default, new DealId("D-9"), Money.Of(1_000m, Currency.USD), new LocalDate(2026, 6, 30), at);

        Assert.Equal(at, converted.FirstTouchAt);
        Assert.Equal(at, converted.LastTouchAt);
    }

    [Fact]
    public void Disqualify_UntouchedLead_SetsFirstTouchToTheDisqualification()
    {
        var at = Created.Plus(Duration.FromMinutes(30));

        var disqualified = Untouched().Disqualify("student", at);

        Assert.Equal(at, disqualified.FirstTouchAt);
    }

    [Fact]
    public void Convert_TouchedLead_KeepsItsFirstTouch()
    {
        var first = Created.Plus(Duration.FromMinutes(10));
        var lead = Untouched().Touch(first);

        var (converted, _) = lead.Convert(
            PipelineDefinition.Default,
            new DealId("D-9"),
            Money.Of(1_000m, Currency.USD),
            new LocalDate(2026, 6, 30),
            Created.Plus(Duration.FromDays(2))
        );

        Assert.Equal(first, converted.FirstTouchAt);
    }
}
