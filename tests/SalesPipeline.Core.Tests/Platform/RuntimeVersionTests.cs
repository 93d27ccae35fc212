namespace SalesPipeline.Tests.Platform;

// The tests run once per target framework the package ships. Each run must be on that framework's own runtime: a
// net8.0 build rolled forward onto .NET 10 would pass without ever testing .NET 8.
public class RuntimeVersionTests
{
#if NET10_0
    private const int Expected = 10;
#elif NET8_0
    private const int Expected = 8;
#else
#error Add the runtime major version of this target framework.
#endif

    [Fact]
    public void Runtime_IsTheTargetFrameworksOwn() => Assert.Equal(Expected, Environment.Version.Major);
}
