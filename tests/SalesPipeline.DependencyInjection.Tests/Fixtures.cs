using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.DependencyInjection.Tests;

// What the tests register: two small pipelines, an organisation, and the container as an application builds it.
internal static class Fixtures
{
    public static readonly PipelineDefinition Enterprise = PipelineDefinition
        .CreateBuilder("Enterprise")
        .Stage("Discovery", 0.10m, ForecastCategory.Pipeline)
        .Stage("Proposal", 0.50m, ForecastCategory.BestCase)
        .Won("Won")
        .Lost("Lost")
        .Build();

    public static readonly PipelineDefinition Smb = PipelineDefinition
        .CreateBuilder("SMB")
        .Stage("Trial", 0.30m, ForecastCategory.Pipeline)
        .Won("Won")
        .Lost("Lost")
        .Build();

    public static readonly SalesOrg Organization = SalesOrg
        .CreateBuilder("Acme")
        .Team("east", "East")
        .Rep("alice", "Alice", "east")
        .Build();

    // ValidateOnBuild and ValidateScopes, as ASP.NET Core turns them on in development.
    public static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    public static ServiceProvider Build(Action<SalesPipelineOptions>? configure) =>
        Build(new ServiceCollection().AddSalesPipeline(configure));
}

// NodaTime.Testing is not served: a clock that always reads one instant.
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
