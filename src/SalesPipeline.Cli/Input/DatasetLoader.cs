using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Csv;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Json;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Storage;
using SalesPipeline.Targets;

namespace SalesPipeline.Cli.Input;

/// <summary>
/// Reads a <see cref="Dataset"/> from the inputs a command names: the embedded sample, CSV files (any format
/// SalesPipeline.Csv reads) or a store. Any rejected row ends the load with <see cref="BadInputException"/> listing every
/// row error: a report over part of a file would look complete and not be.
/// </summary>
internal static class DatasetLoader
{
    /// <summary>Loads the data of <paramref name="spec"/>; the clock gives today when no as-of date is given.</summary>
    /// <exception cref="BadInputException">A file or store that cannot be read, or rows it rejects.</exception>
    public static async Task<Dataset> LoadAsync(
        InputSpec spec,
        IClock clock,
        IProgress<CsvProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        if (spec.IsSample)
        {
            return Filter(SampleInput.Load(spec), spec);
        }
        var zone = spec.Zone ?? DateTimeZone.Utc;
        var asOf = spec.AsOf ?? clock.GetCurrentInstant().InZone(zone).Date;
        var asOfInstant = Dataset.EndOfDay(asOf, zone);
        var pipeline = ReadPipeline(spec.PipelineFile);
        var options = new CsvReadOptions
        {
            Format = spec.Format,
            Zone = zone,
            Culture = spec.Culture ?? CultureInfo.InvariantCulture,
            Delimiter = spec.Delimiter,
            DefaultCurrency = spec.Currency,
            Progress = progress,
        };
        IReadOnlyList<Deal> deals;
        string source;
        if (spec.Deals is not null)
        {
            deals = ReadDeals(pipeline, spec.Deals, spec.History, asOfInstant, options);
            source = spec.Deals.Name + (spec.History is null ? "" : " + " + spec.History.Name);
        }
        else
        {
            (deals, source) = await LoadStoreAsync(spec, pipeline, asOfInstant, cancellationToken).ConfigureAwait(false);
        }
        var canonical = options with { Format = CsvFormat.Canonical };
        var leads = spec.Leads is null ? [] : Check(Guard(spec.Leads, () => LeadCsv.ReadFile(spec.Leads.FullName, canonical)));
        var activities = spec.Activities is null
            ? []
            : Check(Guard(spec.Activities, () => ActivityCsv.ReadFile(spec.Activities.FullName, canonical)));
        var quotas = spec.Quotas is null ? [] : Check(Guard(spec.Quotas, () => QuotaCsv.ReadFile(spec.Quotas.FullName, canonical)));
        var currency = spec.Currency ?? CurrencyOf(deals);
        var data = new Dataset(
            source,
            pipeline,
            deals,
            leads,
            activities,
            quotas,
            Array.Empty<CollectionSchedule>(),
            FlatOrganization(deals, quotas),
            FiscalCalendar.Calendar,
            asOf,
            asOfInstant,
            zone,
            currency,
            HealthPolicy.Default with
            {
                Zone = zone,
            }
        );
        return Filter(data, spec);
    }

    /// <summary>The pipeline of a JSON definition file, or <see cref="PipelineDefinition.Default"/>.</summary>
    /// <exception cref="BadInputException">The file does not read as a pipeline definition.</exception>
    public static PipelineDefinition ReadPipeline(FileInfo? file)
    {
        if (file is null)
        {
            return PipelineDefinition.Default;
        }
        try
        {
            return JsonSerializer.Deserialize<PipelineDefinition>(File.ReadAllText(file.FullName), SalesPipelineJson.Options)
                ?? throw new BadInputException($"{file.Name}: the pipeline definition is null.");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new BadInputException($"{file.Name}: not a pipeline definition: {e.Message}", inner: e);
        }
    }

    /// <summary>Reads deals (and history) files; every rejected row is an error.</summary>
    /// <exception cref="BadInputException">The files cannot be read, or rows were rejected.</exception>
    public static IReadOnlyList<Deal> ReadDeals(
        PipelineDefinition pipeline,
        FileInfo deals,
        FileInfo? history,
        Instant asOf,
        CsvReadOptions options
    )
    {
        var result = Guard(deals, () => DealCsv.ReadFiles(pipeline, deals.FullName, history?.FullName, asOf, options));
        if (!result.IsComplete)
        {
            throw new BadInputException(result.ToString().Split('\n')[0].TrimEnd(), result.Errors.Select(e => e.ToString()).ToList());
        }
        return result.Deals;
    }

    private static IReadOnlyList<T> Check<T>(CsvReadResult<T> result)
    {
        if (!result.IsComplete)
        {
            throw new BadInputException(result.ToString().Split('\n')[0].TrimEnd(), result.Errors.Select(e => e.ToString()).ToList());
        }
        return result.Items;
    }

    private static T Guard<T>(FileInfo file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvImportException e) when (e.Errors.Count > 0)
        {
            // The exception's message repeats its first error: the errors are printed once, each on its line.
            throw new BadInputException($"{file.Name}: the file was refused.", [.. e.Errors.Select(x => x.ToString())], e);
        }
        catch (CsvImportException e)
        {
            throw new BadInputException($"{file.Name}: {e.Message}", inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{file.Name}: {e.Message}", inner: e);
        }
    }

    private static async Task<(IReadOnlyList<Deal> Deals, string Source)> LoadStoreAsync(
        InputSpec spec,
        PipelineDefinition pipeline,
        Instant asOf,
        CancellationToken cancellationToken
    )
    {
        // Held as columns, as a CSV import's deals are: a big store's deals need not all be objects at once, and every
        // report finds the columns built.
        var deals = new DealListBuilder();
        try
        {
            await using var store = await StoreFactory.OpenAsync(spec, pipeline, cancellationToken).ConfigureAwait(false);
            await foreach (var stored in store.LoadDealsAsync(DealQuery.All, cancellationToken).ConfigureAwait(false))
            {
                // A store holds what happened after the as-of date too: each deal is taken as it stood then.
                if (stored.Deal.ObservedFrom <= asOf)
                {
                    deals.Add(stored.Deal.AsOf(asOf));
                }
            }
        }
        catch (Exception e) when (StoreFactory.IsStoreFailure(e))
        {
            throw new BadInputException($"{StoreFactory.Describe(spec)}: {e.Message}", inner: e);
        }
        return (deals.Build(), StoreFactory.Describe(spec));
    }

    private static Currency CurrencyOf(IReadOnlyList<Deal> deals)
    {
        var currencies = deals.Select(d => d.Amount.Currency).Distinct().OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        if (currencies.Count > 1)
        {
            throw new BadInputException(
                $"The deals are in {currencies.Count} currencies ({string.Join(", ", currencies.Select(c => c.Code))}): the reports add amounts of one currency. Report on one currency's deals at a time."
            );
        }
        return currencies.Count == 1 ? currencies[0] : Currency.USD;
    }

    /// <summary>
    /// CSV files and stores name owners but no organisation: every owner (of a deal or a person's quota) becomes a rep
    /// of one team, <c>all</c>, under the company <c>Company</c>, so the category forecast rolls up to one total.
    /// </summary>
    private static SalesOrg FlatOrganization(IReadOnlyList<Deal> deals, IReadOnlyList<Quota> quotas)
    {
        var builder = SalesOrg.CreateBuilder("Company").Team("all", "All reps");
        var owners = deals
            .Where(d => d.Owner is not null)
            .Select(d => d.Owner!)
            .Concat(quotas.Where(q => q.Level == QuotaLevel.Person).Select(q => q.SubjectId))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var owner in owners)
        {
            builder.Rep(owner, owner, "all");
        }
        try
        {
            return builder.Build();
        }
        catch (SalesOrgDefinitionException e)
        {
            // An owner the organisation cannot hold as a person id (a control character in it): the data's fault.
            throw new BadInputException($"The owners cannot be reported on: {e.Message}", inner: e);
        }
    }

    private static Dataset Filter(Dataset data, InputSpec spec)
    {
        var deals = data.Deals;
        if (spec.Owner is { } owner)
        {
            // Refused like an unknown team: a mistyped name would otherwise print an empty report that looks like news.
            if (!data.Organization.People.Any(p => p.Id == owner))
            {
                throw new BadInputException(
                    $"--owner {owner}: no such owner; the owners are {string.Join(", ", data.Organization.People.Select(p => p.Id))}."
                );
            }
            deals = [.. deals.Where(d => d.Owner == owner)];
        }
        if (spec.Team is { } team)
        {
            if (!data.Organization.Teams.Any(t => t.Id == team))
            {
                throw new BadInputException(
                    $"--team {team}: no such team; the teams are {string.Join(", ", data.Organization.Teams.Select(t => t.Id))}."
                );
            }
            var members = data.Organization.MembersOf(team).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            deals = [.. deals.Where(d => d.Owner is not null && members.Contains(d.Owner))];
        }
        return data with { Deals = deals, OwnerFilter = spec.Owner, TeamFilter = spec.Team };
    }
}
