using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Leads;

public sealed class LeadTests
{
    private static readonly Instant Created = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly LocalDate CloseBy = new(2026, 6, 30);
    private static readonly Money Amount = Money.Of(25_000m, Currency.EUR);

    // First open stage "discovery", so a deal landing in Default's "prospecting" would be caught.
    private static readonly PipelineDefinition Pipeline = PipelineDefinition
        .CreateBuilder("Partner Sales")
        .Stage("Discovery", 0.1m)
        .Stage("Proposal", 0.5m, ForecastCategory.BestCase)
        .Won("Won")
        .Lost("Lost")
        .Build();

    private static Lead NewLead() =>
        Lead.Create(new LeadId("L-1"), "Globex Corp (Jane Roe)", LeadSource.Referral, "alice", Created, productInterest: "CRM Suite");

    [Fact]
    public void Create_ValidArguments_IsNewAndUntouched()
    {
        var lead = NewLead();

        Assert.Equal(new LeadId("L-1"), lead.Id);
        Assert.Equal("Globex Corp (Jane Roe)", lead.Name);
        Assert.Equal(LeadSource.Referral, lead.Source);
        Assert.Equal("alice", lead.Owner);
        Assert.Equal("CRM Suite", lead.ProductInterest);
        Assert.Equal(Created, lead.CreatedAt);
        Assert.Equal(LeadStatus.New, lead.Status);
        Assert.Null(lead.FirstTouchAt);
        Assert.Null(lead.LastTouchAt);
        Assert.Null(lead.ClosedAt);
        Assert.Null(lead.DealId);
        Assert.Null(lead.DisqualificationReason);
    }

    [Fact]
    public void Create_DefaultLeadId_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => Lead.Create(default, "Initech", LeadSource.Web, "bob", Created));

        Assert.Equal("id", ex.ParamName);
        Assert.Contains("default(LeadId)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ", "bob", "name")]
    [InlineData("Initech", " \t", "owner")]
    public void Create_BlankText_ThrowsArgumentExceptionNamingTheValue(string name, string owner, string paramName)
    {
        var ex = Assert.Throws<ArgumentException>(() => Lead.Create(new LeadId("L-2"), name, LeadSource.Web, owner, Created));

        Assert.Equal(paramName, ex.ParamName);
        Assert.Contains($"\"{(paramName == "name" ? name : owner)}\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullArgumentsOrBlankProductInterest_ThrowWithTheParameterName()
    {
        var id = new LeadId("L-2");

        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => Lead.Create(id, null!, LeadSource.Web, "bob", Created)).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => Lead.Create(id, "Initech", null!, "bob", Created)).ParamName);
        Assert.Equal(
            "owner",
            Assert.Throws<ArgumentNullException>(() => Lead.Create(id, "Initech", LeadSource.Web, null!, Created)).ParamName
        );
        Assert.Equal(
            "productInterest",
            Assert.Throws<ArgumentException>(() => Lead.Create(id, "Initech", LeadSource.Web, "bob", Created, " ")).ParamName
        );
    }

    [Fact]
    public void Touch_NewLead_BecomesWorkingWithFirstAndLastTouch()
    {
        var at = Created.Plus(Duration.FromHours(2));

        var touched = NewLead().Touch(at);

        Assert.Equal(LeadStatus.Working, touched.Status);
        Assert.Equal(at, touched.FirstTouchAt);
        Assert.Equal(at, touched.LastTouchAt);
    }

    [Fact]
    public void Touch_Twice_KeepsFirstTouchAndUpdatesLastTouch()
    {
        var first = Created.Plus(Duration.FromHours(2));
        var second = Created.Plus(Duration.FromDays(3));

        var touched = NewLead().Touch(first).Touch(second);

        Assert.Equal(LeadStatus.Working, touched.Status);
        Assert.Equal(first, touched.FirstTouchAt);
        Assert.Equal(second, touched.LastTouchAt);
    }

    [Fact]
    public void Touch_EarlierThanLastTouch_ThrowsArgumentOutOfRangeException()
    {
        var last = Created.Plus(Duration.FromDays(2));
        var earlier = Created.Plus(Duration.FromDays(1));
        var lead = NewLead().Touch(last);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => lead.Touch(earlier));

        Assert.Equal("at", ex.ParamName);
        Assert.Contains(earlier.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Equal(last, lead.LastTouchAt);
    }

    [Fact]
    public void Touch_BeforeCreation_ThrowsArgumentOutOfRangeException()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NewLead().Touch(Created - Duration.FromMinutes(1)));

        Assert.Equal("at", ex.ParamName);
    }

    [Fact]
    public void Disqualify_WorkingLead_KeepsReasonAndIsDisqualified()
    {
        var at = Created.Plus(Duration.FromDays(5));

        var lead = NewLead().Touch(Created.Plus(Duration.FromDays(1))).Disqualify("no budget", at);

        Assert.Equal(LeadStatus.Disqualified, lead.Status);
        Assert.Equal("no budget", lead.DisqualificationReason);
        Assert.Equal(at, lead.ClosedAt);
        Assert.Null(lead.DealId);
    }

    [Fact]
    public void Disqualify_DisqualifiedLead_IsTerminal()
    {
        var at = Created.Plus(Duration.FromDays(5));
        var lead = NewLead().Disqualify("student", at);

        Assert.Throws<InvalidOperationException>(() => lead.Disqualify("again", at));
        Assert.Throws<InvalidOperationException>(() => lead.Touch(at));
        Assert.Equal("student", lead.DisqualificationReason);
    }

    [Fact]
    public void Disqualify_BlankReason_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => NewLead().Disqualify("  ", Created));

        Assert.Equal("reason", ex.ParamName);
    }

    [Fact]
    public void Convert_WorkingLead_ReturnsConvertedLeadWithDealId()
    {
        var at = Created.Plus(Duration.FromDays(4));
        var lead = NewLead().Touch(Created.Plus(Duration.FromDays(1)));

        var (converted, deal) = lead.Convert(Pipeline, new DealId("D-7"), Amount, CloseBy, at);

        Assert.Equal(LeadStatus.Converted, converted.Status);
        Assert.Equal(new DealId("D-7"), converted.DealId);
        Assert.Equal(at, converted.ClosedAt);
        Assert.Equal(deal.Id, converted.DealId);
        Assert.Equal(lead.FirstTouchAt, converted.FirstTouchAt);
    }

    [Fact]
    public void Convert_WorkingLead_OpensDealInFirstOpenStageRememberingLeadAndSource()
    {
        var at = Created.Plus(Duration.FromDays(4));
        var lead = NewLead().Touch(Created.Plus(Duration.FromDays(1)));

        var (_, deal) = lead.Convert(Pipeline, new DealId("D-7"), Amount, CloseBy, at);

        Assert.Equal(new DealId("D-7"), deal.Id);
        Assert.Equal("discovery", deal.StageId);
        Assert.Equal(DealStatus.Open, deal.Status);
        Assert.Equal("Partner Sales", deal.Pipeline);
        Assert.Equal(lead.Id, deal.LeadId);
        Assert.Equal(lead.Source, deal.Source);
        Assert.Equal("CRM Suite", deal.Product);
        Assert.Equal("alice", deal.Owner);
        Assert.Equal("alice", deal.CreatedBy);
        Assert.Equal("Globex Corp (Jane Roe)", deal.Name);
        Assert.Equal(Amount, deal.Amount);
        Assert.Equal(CloseBy, deal.ExpectedClose);
        Assert.Equal(at, deal.CreatedAt);
    }

    [Fact]
    public void Convert_ByAndDealNameGiven_UsesThemButKeepsLeadOwnerAsDealOwner()
    {
        var (_, deal) = NewLead()
            .Convert(Pipeline, new DealId("D-8"), Amount, CloseBy, Created, by: "manager", dealName: "Globex: 50 seats");

        Assert.Equal("alice", deal.Owner);
        Assert.Equal("manager", deal.CreatedBy);
        Assert.Equal("Globex: 50 seats", deal.Name);
    }

    [Fact]
    public void Convert_ReassignedLead_DealIsOwnedByTheNewOwner()
    {
        var lead = NewLead().Reassign("bob", Created);

        var (_, deal) = lead.Convert(PipelineDefinition.Default, new DealId("D-9"), Amount, CloseBy, Created);

        Assert.Equal("bob", deal.Owner);
        Assert.Equal("prospecting", deal.StageId);
    }

    [Fact]
    public void Convert_DisqualifiedLead_ThrowsAndLeavesLeadUnchanged()
    {
        var at = Created.Plus(Duration.FromDays(1));
        var lead = NewLead().Disqualify("no budget", at);

        Assert.Throws<InvalidOperationException>(() => lead.Convert(Pipeline, new DealId("D-7"), Amount, CloseBy, at));

        Assert.Equal(LeadStatus.Disqualified, lead.Status);
        Assert.Null(lead.DealId);
        Assert.Equal("no budget", lead.DisqualificationReason);
    }

    [Fact]
    public void Convert_AlreadyConvertedLead_ThrowsAndLeavesLeadUnchanged()
    {
        var at = Created.Plus(Duration.FromDays(1));
        var (converted, _) = NewLead().Convert(Pipeline, new DealId("D-7"), Amount, CloseBy, at);

        var ex = Assert.Throws<InvalidOperationException>(() => converted.Convert(Pipeline, new DealId("D-8"), Amount, CloseBy, at));

        Assert.Contains("L-1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(LeadStatus.Converted, converted.Status);
        Assert.Equal(new DealId("D-7"), converted.DealId);
        Assert.Throws<InvalidOperationException>(() => converted.Disqualify("too late", at));
    }

    [Fact]
    public void Convert_BeforeLastTouch_ThrowsArgumentOutOfRangeException()
    {
        var lead = NewLead().Touch(Created.Plus(Duration.FromDays(2)));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            lead.Convert(Pipeline, new DealId("D-7"), Amount, CloseBy, Created.Plus(Duration.FromDays(1)))
        );

        Assert.Equal("at", ex.ParamName);
        Assert.Equal(LeadStatus.Working, lead.Status);
    }

    [Fact]
    public void Convert_BadArguments_ThrowWithTheParameterName()
    {
        var lead = NewLead();

        Assert.Equal(
            "pipeline",
            Assert.Throws<ArgumentNullException>(() => lead.Convert(null!, new DealId("D-7"), Amount, CloseBy, Created)).ParamName
        );
        Assert.Equal("dealId", Assert.Throws<ArgumentException>(() => lead.Convert(Pipeline, default, Amount, CloseBy, Created)).ParamName);
        Assert.Equal(
            "amount",
            Assert
                .Throws<ArgumentOutOfRangeException>(() =>
                    lead.Convert(Pipeline, new DealId("D-7"), Money.Of(-1m, Currency.EUR), CloseBy, Created)
                )
                .ParamName
        );
        Assert.Equal(
            "dealName",
            Assert
                .Throws<ArgumentException>(() => lead.Convert(Pipeline, new DealId("D-7"), Amount, CloseBy, Created, dealName: " "))
                .ParamName
        );
        Assert.Equal(
            "by",
            Assert.Throws<ArgumentException>(() => lead.Convert(Pipeline, new DealId("D-7"), Amount, CloseBy, Created, by: "")).ParamName
        );
        Assert.Equal(LeadStatus.New, lead.Status);
    }

    [Fact]
    public void Reassign_NewOwner_KeepsEverythingElse()
    {
        var lead = NewLead().Touch(Created.Plus(Duration.FromHours(1)));

        var reassigned = lead.Reassign("bob", Created.Plus(Duration.FromHours(2)));

        Assert.Equal("bob", reassigned.Owner);
        Assert.Equal(lead.Status, reassigned.Status);
        Assert.Equal(lead.FirstTouchAt, reassigned.FirstTouchAt);
        Assert.Equal("alice", lead.Owner);
    }

    [Fact]
    public void Reassign_BlankOwner_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => NewLead().Reassign("", Created));

        Assert.Equal("owner", ex.ParamName);
    }

    [Fact]
    public void ToString_WorkingLead_ShowsIdNameSourceOwnerStatus()
    {
        var lead = NewLead().Touch(Created);

        Assert.Equal("L-1 Globex Corp (Jane Roe) | referral | alice | Working", lead.ToString());
    }
}
