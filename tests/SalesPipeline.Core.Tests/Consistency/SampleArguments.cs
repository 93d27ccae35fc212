using System.Collections;
using System.Reflection;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Quotes;
using SalesPipeline.Reporting;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Consistency;

// Valid arguments for calling any public member of Core by reflection: one sample per type, all consistent with each
// other (the deal is in the default pipeline, in USD, owned by a rep of the organization, closing in the sample quarter),
// so a call fails only because of the one argument a test makes hostile.
internal static class SampleArguments
{
    public static readonly Instant At = Instant.FromUtc(2026, 1, 5, 9, 0);
    public static readonly LocalDate Date = new(2026, 3, 31);
    public static readonly FiscalPeriod Quarter = FiscalCalendar.Calendar.Quarter(2026, 1);

    private static readonly Deal SampleDeal = Deal.Open(
        PipelineDefinition.Default,
        new DealId("D-1"),
        "Acme: 500 seats",
        "alice",
        Money.Of(1_000m, Currency.USD),
        Date,
        At
    );

    private static readonly Lead SampleLead = Lead.Create(new LeadId("L-1"), "Globex", LeadSource.Web, "alice", At);

    private static readonly Product SampleProduct = new("seat", "User seat", "seat/year", [Money.Of(480m, Currency.USD)]);

    private static readonly QuoteLine SampleLine = new("seat", 2m, Money.Of(480m, Currency.USD), Money.Of(480m, Currency.USD));

    private static readonly Quote SampleQuote = Quote.Create("Q-1", new DealId("D-1"), "alice", Date, [SampleLine], At, "alice");

    private static readonly Dictionary<Type, Func<object>> Samples = new()
    {
        [typeof(string)] = () => "alice",
        [typeof(int)] = () => 1,
        [typeof(decimal)] = () => 0.5m,
        [typeof(double)] = () => 0.5,
        [typeof(bool)] = () => false,
        [typeof(LocalDate)] = () => Date,
        [typeof(Instant)] = () => At,
        [typeof(DateTimeZone)] = () => DateTimeZone.Utc,
        [typeof(DateInterval)] = () => new DateInterval(new LocalDate(2026, 1, 1), Date),
        [typeof(Duration)] = () => Duration.FromDays(30),
        [typeof(Currency)] = () => Currency.USD,
        [typeof(Money)] = () => Money.Of(1_000m, Currency.USD),
        [typeof(DealId)] = () => new DealId("D-1"),
        [typeof(LeadId)] = () => new LeadId("L-1"),
        [typeof(LeadSource)] = () => LeadSource.Web,
        [typeof(LossReason)] = () => LossReason.Price,
        [typeof(StopReason)] = () => StopReason.OnHold,
        [typeof(Customer)] = () => new Customer("ACC-1", "Northwind"),
        [typeof(SalesOrgBuilder)] = () => SalesOrg.CreateBuilder("Acme").Team("east", "East").Rep("alice", "Alice", "east"),
        [typeof(DealImport)] = () =>
            new DealImport
            {
                Id = new DealId("D-9"),
                Owner = "alice",
                Amount = Money.Of(1_000m, Currency.USD),
                StageId = "qualified",
                ExpectedClose = Date,
                CreatedAt = At,
            },
        [typeof(PipelineDefinition)] = () => PipelineDefinition.Default,
        [typeof(PipelineBuilder)] = () => PipelineDefinition.CreateBuilder("Sample"),
        [typeof(ExitCriterion)] = () => ExitCriterion.FromId("budget"),
        [typeof(Deal)] = () => SampleDeal,
        [typeof(DealEvent)] = () => SampleDeal.Events[0],
        [typeof(Lead)] = () => SampleLead,
        [typeof(LeadEvent)] = () => SampleLead.History[0],
        [typeof(Activity)] = () => Activity.ForDeal(ActivityKind.Call, At, "alice", new DealId("D-1")),
        [typeof(ActivityOutcome)] = () => ActivityOutcome.Completed,
        [typeof(ActivityIndex)] = () => ActivityIndex.Create([]),
        [typeof(BusinessCalendar)] = () => BusinessCalendar.Create(DateTimeZone.Utc, [new LocalDate(2026, 12, 25)]),
        [typeof(FiscalCalendar)] = () => FiscalCalendar.Calendar,
        [typeof(FiscalPeriod)] = () => Quarter,
        [typeof(SalesOrg)] = () =>
            SalesOrg
                .CreateBuilder("Acme")
                .Team("east", "East", lead: "lena")
                .Rep("lena", "Lena", "east")
                .Rep("alice", "Alice", "east")
                .Build(),
        [typeof(CategoryAdjustment)] = () =>
            new CategoryAdjustment("alice", Quarter, ForecastCategory.Commit, Money.Of(500m, Currency.USD), "lena", At),
        [typeof(ReportColumn)] = () => new ReportColumn("stage_id", ColumnType.Text, "The stage."),
        [typeof(IReadOnlyList<object?>)] = () => new object?[] { "qualify" },
        [typeof(Quota)] = () => Quota.ForPerson("alice", FiscalCalendar.Calendar.Year(2026), Money.Of(100_000m, Currency.USD)),
        [typeof(BacktestPoint)] = () => BacktestPoint.AtStartOf(Quarter),
        [typeof(SalesPipeline.Metrics.SalesVelocity)] = () => SalesPipeline.Metrics.SalesVelocity.Of([SampleDeal], Quarter),
        [typeof(SalesPipeline.Metrics.LeadResponseTime)] = () =>
            SalesPipeline.Metrics.LeadResponseTime.Of([SampleLead], ActivityIndex.Create([]), At),
        [typeof(SalesPipeline.Reporting.ReportColumn)] = () =>
            new SalesPipeline.Reporting.ReportColumn("value", SalesPipeline.Reporting.ColumnType.Text, "A value."),
        // A row of the sample column's table: one text cell.
        [typeof(IReadOnlyList<object?>)] = () => new object?[] { "alice" },
        [typeof(ForecastSnapshot)] = () => ForecastSnapshot.Create([SampleDeal], PipelineDefinition.Default),
        [typeof(HealthInputs)] = () => new HealthInputs(),
        [typeof(DueRule)] = () => DueRule.DaysAfterStart(30),
        [typeof(TermsLine)] = () => TermsLine.Balance(DueRule.DaysAfterStart(30)),
        [typeof(PaymentTerms)] = () => PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterStart(30))),
        [typeof(CollectionSchedule)] = () =>
            CollectionSchedule.Create(
                Money.Of(10_000m, Currency.USD),
                new LocalDate(2026, 1, 31),
                PaymentTerms.Create(TermsLine.Balance(DueRule.DaysAfterStart(30)))
            ),
        [typeof(CollectionEntry)] = () => new Payment("P-1", new LocalDate(2026, 2, 10), Money.Of(100m, Currency.USD)),
        [typeof(ImportError)] = () => new ImportError(0, null, "Amount", "-1", "An amount must not be negative."),
        [typeof(Rejection)] = () => new Rejection(RejectionCode.UnmetExitCriterion, "Criterion \"budget\" is not answered."),
        [typeof(StageEntry)] = () => new StageEntry("qualified", At),
        [typeof(Product)] = () => SampleProduct,
        [typeof(PriceBook)] = () => new PriceBook("2026 list", new DateInterval(new LocalDate(2026, 1, 1), Date), [SampleProduct]),
        [typeof(Discount)] = () => Discount.Percentage(10m),
        [typeof(QuoteLine)] = () => SampleLine,
        [typeof(Quote)] = () => SampleQuote,
        [typeof(QuoteEvent)] = () => SampleQuote.Events[0],
        [typeof(QuoteTotals)] = () => SampleQuote.Totals,
        [typeof(QuoteVersion)] = () => SampleQuote.Versions[0],
        [typeof(ApprovalPolicy)] = () => new ApprovalPolicy([ApprovalRule.LineDiscountAbove(10m, Approver.Manager)]),
        [typeof(ApprovalRule)] = () => ApprovalRule.LineDiscountAbove(10m, Approver.Manager),
        [typeof(Approver)] = () => Approver.Manager,
        [typeof(TriggeredRule)] = () => new TriggeredRule("line discount above 10%", ApproverLevel.Manager, null, "12% off"),
        [typeof(RequiredApproval)] = () => new RequiredApproval(ApproverLevel.Manager, "lena", null),
        [typeof(QuoteStatusCount)] = () => new QuoteStatusCount(QuoteStatus.Sent, Currency.USD, 1, Money.Of(960m, Currency.USD)),
        [typeof(QuoteDiscountRow)] = () =>
            new QuoteDiscountRow("seat", Currency.USD, 1, Money.Of(960m, Currency.USD), Money.Of(0m, Currency.USD), 0m),
        [typeof(ApprovalRequest)] = () => new ApprovalRequest("Q-1", 1, At, null, null),
        [typeof(QuoteToWinRow)] = () => new QuoteToWinRow(null, 1, 1, 0),
    };

    // Where a member needs a different sample than its type's usual one, by parameter name ("this" for the instance a
    // method is called on): a team's quota to split or assign.
    private static readonly Dictionary<(Type, string), Func<object>> ByName = new()
    {
        [(typeof(Quota), "this")] = TeamQuota,
        [(typeof(Quota), "teamQuota")] = TeamQuota,
        [(typeof(ForecastCategory), "category")] = () => ForecastCategory.Commit,
        [(typeof(string), "productId")] = () => "seat",
    };

    private static Quota TeamQuota() => Quota.ForTeam("east", FiscalCalendar.Calendar.Year(2026), Money.Of(100_000m, Currency.USD));

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>A sample of the type, or null when the table has none.</summary>
    public static object? SampleOf(Type type) => Samples.TryGetValue(type, out var make) ? make() : null;

    /// <summary>The element type when the parameter is a list (an array, IEnumerable, IReadOnlyList, ...); else null.</summary>
    public static Type? ElementTypeOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition)
        {
            if (
                definition == typeof(IEnumerable<>)
                || definition == typeof(IReadOnlyList<>)
                || definition == typeof(IReadOnlyCollection<>)
                || definition == typeof(IList<>)
                || definition == typeof(ICollection<>)
            )
            {
                return type.GetGenericArguments()[0];
            }
        }
        return null;
    }

    /// <summary>A valid value for the parameter: the sample, a one-element list of samples, the default, or null where allowed.</summary>
    public static object? Fill(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (ByName.TryGetValue((type, parameter.Name!), out var special))
        {
            return special();
        }
        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue ?? (type.IsValueType ? Activator.CreateInstance(type) : null);
        }
        if (Samples.ContainsKey(type))
        {
            return SampleOf(type);
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Samples.ContainsKey(underlying) ? SampleOf(underlying) : null;
        }
        if (ElementTypeOf(type) is { } element && (SampleOf(element) ?? DefaultElement(element)) is { } item)
        {
            var array = Array.CreateInstance(element, 1);
            array.SetValue(item, 0);
            return array;
        }
        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }
        if (!type.IsValueType && Nullability.Create(parameter).WriteState == NullabilityState.Nullable)
        {
            return null;
        }
        throw new InvalidOperationException(
            $"No sample argument for parameter {parameter.Name} ({type.Name}) of {parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}: add one to SampleArguments."
        );
    }

    private static object? DefaultElement(Type element) => element.IsValueType ? Activator.CreateInstance(element) : null;

    /// <summary>An instance to call an instance method on: the sample, or the type built by its first public constructor.</summary>
    public static object Instance(Type type)
    {
        if (ByName.TryGetValue((type, "this"), out var special))
        {
            return special();
        }
        if (SampleOf(type) is { } sample)
        {
            return sample;
        }
        var constructor =
            type.GetConstructors().OrderBy(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"No public constructor to build a {type.Name}: add a sample to SampleArguments.");
        return constructor.Invoke(constructor.GetParameters().Select(Fill).ToArray());
    }

    /// <summary>The public constructors, static methods and instance methods declared by Core's exported types.</summary>
    public static IEnumerable<MethodBase> PublicMembers() =>
        typeof(Money)
            .Assembly.GetExportedTypes()
            .Where(t => !t.ContainsGenericParameters && !typeof(Delegate).IsAssignableFrom(t))
            .SelectMany(t =>
                t.IsAbstract && !t.IsSealed
                    ? t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Cast<MethodBase>()
                    : t.GetConstructors()
                        .Cast<MethodBase>()
                        .Concat(t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            )
            .Where(m =>
                !m.ContainsGenericParameters
                && !(m.IsSpecialName && !m.IsConstructor)
                && m.Name is not ("Deconstruct" or "Equals" or "<Clone>$" or "PrintMembers")
                && m.GetParameters().All(p => !p.ParameterType.IsByRef && !p.ParameterType.IsPointer)
            );

    /// <summary>Calls the member with the arguments (enumerating a lazy result) and returns what it threw, or null.</summary>
    public static Exception? Call(MethodBase member, object?[] arguments)
    {
        var target = member.IsStatic || member.IsConstructor ? null : Instance(member.DeclaringType!);
        object? result;
        try
        {
            result = member is ConstructorInfo c ? c.Invoke(arguments) : member.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return e.InnerException;
        }
        try
        {
            if (result is IEnumerable sequence and not string)
            {
                foreach (var _ in sequence) { }
            }
            return null;
        }
        catch (Exception e) // thrown while a lazy result was enumerated
        {
            return e;
        }
    }

    /// <summary>Member and parameter as a test reads them: "SalesOrg.VisibleTo(deals)".</summary>
    public static string Describe(MethodBase member, ParameterInfo parameter) =>
        $"{member.DeclaringType!.Name}.{(member.IsConstructor ? "ctor" : member.Name)}({parameter.Name})";
}
