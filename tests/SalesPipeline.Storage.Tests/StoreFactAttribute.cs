using Xunit.Abstractions;
using Xunit.Sdk;

namespace SalesPipeline.Storage.Tests;

/// <summary>
/// A fact of the contract suite. On the PostgreSQL classes it is skipped when no server is configured
/// (SALESPIPELINE_POSTGRES unset) on a developer's machine; under CI=true it runs and fails without a server.
/// </summary>
[XunitTestCaseDiscoverer("SalesPipeline.Storage.Tests.StoreFactDiscoverer", "SalesPipeline.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod,
        IAttributeInfo factAttribute
    ) =>
        [
            new StoreTestCase(
                diagnosticMessageSink,
                discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod
            ),
        ];
}

public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase() { }

    public StoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method) { }

    // Decided from the class and the environment, so nothing extra needs serializing.
    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        (TestMethod.TestClass.Class.Name.Contains("PostgreSql", StringComparison.Ordinal) ? PostgreSqlServer.SkipReason : null)
        ?? base.GetSkipReason(factAttribute);
}
