using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;

namespace SalesPipeline.Cli.Input;

/// <summary>
/// Everything a report is computed from, whatever the input was (the embedded sample, CSV files or a store). Immutable.
/// </summary>
/// <param name="Source">What the data came from, as the report's heading names it.</param>
/// <param name="Pipeline">The pipeline the deals belong to.</param>
/// <param name="Deals">The deals, after the --owner and --team filters.</param>
/// <param name="Leads">The leads (none for CSV without --leads).</param>
/// <param name="Activities">The activities (none for CSV without --activities).</param>
/// <param name="Quotas">The quotas (none for CSV without --quotas).</param>
/// <param name="Contracts">The contracts' collection schedules (the sample's; none for CSV and stores).</param>
/// <param name="Organization">The sales organisation the category forecast rolls up.</param>
/// <param name="Calendar">The fiscal calendar of the periods.</param>
/// <param name="AsOf">The date the report is as of.</param>
/// <param name="AsOfInstant">The instant the data is taken at: the end of <paramref name="AsOf"/> for CSV files and stores
/// (a file exported during the day holds that day's changes), the sample's own instant for the sample.</param>
/// <param name="Zone">The time zone that turns instants into dates.</param>
/// <param name="Currency">The reporting currency.</param>
/// <param name="HealthPolicy">The thresholds the health checks judge by.</param>
internal sealed record Dataset(
    string Source,
    PipelineDefinition Pipeline,
    IReadOnlyList<Deal> Deals,
    IReadOnlyList<Lead> Leads,
    IReadOnlyList<Activity> Activities,
    IReadOnlyList<Quota> Quotas,
    IReadOnlyList<CollectionSchedule> Contracts,
    SalesOrg Organization,
    FiscalCalendar Calendar,
    LocalDate AsOf,
    Instant AsOfInstant,
    DateTimeZone Zone,
    Currency Currency,
    HealthPolicy HealthPolicy
)
{
    /// <summary>The owner the deals were filtered to (<c>--owner</c>), or null.</summary>
    public string? OwnerFilter { get; init; }

    /// <summary>The team the deals were filtered to (<c>--team</c>, with its subteams), or null.</summary>
    public string? TeamFilter { get; init; }

    /// <summary>The first instant after <paramref name="date"/> in <paramref name="zone"/>.</summary>
    public static Instant EndOfDay(LocalDate date, DateTimeZone zone) => date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
}
