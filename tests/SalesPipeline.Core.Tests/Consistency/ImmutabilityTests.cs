using System.Reflection;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Consistency;

// Reflection checks in the spirit of NodaTime's MutabilityTest: every public type of Core stays immutable as it grows.
public class ImmutabilityTests
{
    private static readonly Type[] PublicTypes = typeof(PipelineDefinition)
        .Assembly.GetExportedTypes()
        .Where(t => !t.IsEnum && !t.IsInterface && !typeof(Delegate).IsAssignableFrom(t))
        .ToArray();

    // The builders are the mutable exceptions, by design: they end in Build().
    private static readonly HashSet<Type> Builders = [typeof(PipelineBuilder), typeof(SalesPipeline.Organization.SalesOrgBuilder)];

    [Fact]
    public void PublicClasses_AreSealedAbstractOrStatic()
    {
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName).ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void PublicProperties_HaveNoPublicSetter()
    {
        var settable = PublicTypes
            .Where(t => !Builders.Contains(t) && !typeof(Exception).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } && !IsInitOnly(p))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.Empty(settable);
    }

    [Fact]
    public void InstanceFields_OfPublicTypes_AreNotPublic()
    {
        var fields = PublicTypes
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}")
            .ToList();

        Assert.Empty(fields);
    }

    [Fact]
    public void Exceptions_AreSealedAndDeriveFromTheArgumentOrInvalidOperationFamily()
    {
        var exceptions = PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        Assert.NotEmpty(exceptions);
        Assert.All(
            exceptions,
            t =>
                Assert.True(
                    t.IsSealed && (typeof(InvalidOperationException).IsAssignableFrom(t) || typeof(ArgumentException).IsAssignableFrom(t)),
                    t.Name
                )
        );
    }

    [Fact]
    public void CurrencyAll_CannotBeChangedThroughACast()
    {
        var all = SalesPipeline.Currency.All;

        Assert.False(all is SalesPipeline.Currency[]);
        Assert.Throws<NotSupportedException>(() => ((IList<SalesPipeline.Currency>)all)[0] = SalesPipeline.Currency.EUR);
    }

    // Init accessors (positional records) only run while an object is created, or on the copy a `with` makes.
    private static bool IsInitOnly(PropertyInfo p) =>
        p.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
}
