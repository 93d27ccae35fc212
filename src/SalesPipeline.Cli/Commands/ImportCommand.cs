using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SalesPipeline.Cli.Input;
using SalesPipeline.Csv;
using SalesPipeline.Storage;
using Spectre.Console;

namespace SalesPipeline.Cli.Commands;

/// <summary>
/// <c>import</c>: CSV deals (any format) and leads into a SQLite or PostgreSQL store. A rerun of the same files is a
/// no-op: a deal the store already holds with as many events is left alone, a deal with new events gets only those, and
/// each append's id is derived from the deal and the versions it goes from and to, so a save retried after a failure
/// cannot be written twice.
/// </summary>
internal static class ImportCommand
{
    private const int BatchSize = 500;

    /// <summary>The <c>import</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var input = new InputOptions(forImport: true);
        var command = new Command(
            "import",
            "Import CSV deals (any --format, with their history) and leads into a store (--store FILE for SQLite, created when missing, or --postgres). Rerunning it with the same files changes nothing."
        );
        input.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(input.Deals) is null)
            {
                result.AddError("import needs --deals (the CSV file to import).");
            }
            if (result.GetResult(input.Store) is null && result.GetResult(input.Postgres) is null)
            {
                result.AddError("import needs a store: --store FILE (SQLite) or --postgres \"CONNECTION STRING\".");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(context, input.Read(parse), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, InputSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            ImportCounts counts;
            if (context.IsTerminal)
            {
                counts = await context
                    .Console.Progress()
                    .StartAsync(async progress =>
                    {
                        var bytes = (spec.Deals?.Length ?? 0) + (spec.History?.Length ?? 0);
                        var reading = progress.AddTask("Reading the CSV files", maxValue: Math.Max(1, bytes));
                        var saving = progress.AddTask("Saving to the store", autoStart: false);
                        // Each file reports the bytes read from it so far: the bar is their sum.
                        var perFile = new Dictionary<string, long>(StringComparer.Ordinal);
                        var read = new SynchronousProgress<CsvProgress>(p =>
                        {
                            perFile[p.File] = p.Bytes;
                            reading.Value = Math.Min(reading.MaxValue, perFile.Values.Sum());
                        });
                        return await ImportAsync(
                                spec,
                                context,
                                read,
                                (saved, total) =>
                                {
                                    reading.Value = reading.MaxValue;
                                    saving.StartTask();
                                    saving.MaxValue = Math.Max(1, total);
                                    saving.Value = saved;
                                },
                                cancellationToken
                            )
                            .ConfigureAwait(false);
                    })
                    .ConfigureAwait(false);
            }
            else
            {
                counts = await ImportAsync(spec, context, null, null, cancellationToken).ConfigureAwait(false);
            }
            context.Output.WriteLine(counts.ToString());
            if (counts.Errors.Count > 0)
            {
                return ExitCodes.Report(
                    context,
                    new BadInputException(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{counts.Errors.Count} deals were not saved (the store refused them):"
                        ),
                        counts.Errors
                    )
                );
            }
            return ExitCodes.Ok;
        }
        catch (BadInputException e)
        {
            return ExitCodes.Report(context, e);
        }
    }

    private static async Task<ImportCounts> ImportAsync(
        InputSpec spec,
        CliContext context,
        IProgress<CsvProgress>? readProgress,
        Action<int, int>? saveProgress,
        CancellationToken cancellationToken
    )
    {
        var zone = spec.Zone ?? NodaTime.DateTimeZone.Utc;
        var asOf = spec.AsOf ?? context.Clock.GetCurrentInstant().InZone(zone).Date;
        var pipeline = DatasetLoader.ReadPipeline(spec.PipelineFile);
        var options = new CsvReadOptions
        {
            Format = spec.Format,
            Zone = zone,
            DefaultCurrency = spec.Currency,
            Progress = readProgress,
        };
        var deals = DatasetLoader.ReadDeals(pipeline, spec.Deals!, spec.History, Dataset.EndOfDay(asOf, zone), options);
        var leads = spec.Leads is null ? [] : ReadLeads(spec, options with { Format = CsvFormat.Canonical, Progress = null });
        var counts = new ImportCounts { Read = deals.Count, LeadsRead = leads.Count };
        try
        {
            await using var store = await StoreFactory.OpenAsync(spec, pipeline, cancellationToken).ConfigureAwait(false);
            var saved = 0;
            foreach (var batch in deals.Chunk(BatchSize))
            {
                var appends = new List<DealAppend>();
                foreach (var deal in batch)
                {
                    var version = await store.GetVersionAsync(StreamId.ForDeal(deal.Id), cancellationToken).ConfigureAwait(false);
                    if (version == deal.Events.Count)
                    {
                        counts.Unchanged++;
                    }
                    else if (version > deal.Events.Count)
                    {
                        counts.Errors.Add(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"{deal.Id}: the store holds {version} events of it, the file {deal.Events.Count}: the file is older than the store."
                            )
                        );
                    }
                    else
                    {
                        appends.Add(new DealAppend(deal, version, AppendId(StreamId.ForDeal(deal.Id), version, deal.Events.Count)));
                    }
                }
                await SaveAsync(store, appends, counts, cancellationToken).ConfigureAwait(false);
                saved += batch.Length;
                saveProgress?.Invoke(saved, deals.Count);
            }
            foreach (var lead in leads)
            {
                var stream = StreamId.ForLead(lead.Id);
                var version = await store.GetVersionAsync(stream, cancellationToken).ConfigureAwait(false);
                if (version < lead.History.Count)
                {
                    await store
                        .SaveLeadAsync(lead, version, AppendId(stream, version, lead.History.Count), cancellationToken)
                        .ConfigureAwait(false);
                    counts.LeadsSaved++;
                }
            }
        }
        catch (Exception e) when (StoreFactory.IsStoreFailure(e))
        {
            throw new BadInputException($"{StoreFactory.Describe(spec)}: {e.Message}", inner: e);
        }
        return counts;
    }

    private static IReadOnlyList<Leads.Lead> ReadLeads(InputSpec spec, CsvReadOptions options)
    {
        var result = LeadCsv.ReadFile(spec.Leads!.FullName, options);
        if (!result.IsComplete)
        {
            throw new BadInputException(result.ToString().Split('\n')[0].TrimEnd(), result.Errors.Select(e => e.ToString()).ToList());
        }
        return result.Items;
    }

    // One transaction per batch; when the store refuses the batch (a deal that does not continue its stored history),
    // nothing of it was written, and its deals are saved one by one so that each refusal is reported on its own deal.
    private static async Task SaveAsync(
        EventStore store,
        List<DealAppend> appends,
        ImportCounts counts,
        CancellationToken cancellationToken
    )
    {
        if (appends.Count == 0)
        {
            return;
        }
        try
        {
            var results = await store.SaveDealsAsync(appends, cancellationToken).ConfigureAwait(false);
            counts.Count(appends, results);
            return;
        }
        catch (Exception e) when (e is ArgumentException or StreamVersionConflictException or AppendIdConflictException) { }
        foreach (var append in appends)
        {
            try
            {
                var result = await store
                    .SaveDealAsync(append.Deal, append.ExpectedVersion, append.AppendId, cancellationToken)
                    .ConfigureAwait(false);
                counts.Count([append], [result]);
            }
            catch (Exception e) when (e is ArgumentException or StreamVersionConflictException or AppendIdConflictException)
            {
                counts.Errors.Add($"{append.Deal.Id}: {e.Message}");
            }
        }
    }

    /// <summary>
    /// The append id of the events of <paramref name="stream"/> from <paramref name="from"/> to <paramref name="to"/>: the
    /// first 16 bytes of a SHA-256 of the three, so the same append is the same id on every run and machine.
    /// </summary>
    internal static Guid AppendId(StreamId stream, long from, long to)
    {
        var hash = SHA256.HashData(
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"sales-pipeline import|{stream}|{from}|{to}"))
        );
        return new Guid(hash.AsSpan(0, 16));
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class ImportCounts
    {
        public int Read { get; init; }

        public int New { get; set; }

        public int Extended { get; set; }

        public int Unchanged { get; set; }

        public long Events { get; set; }

        public int LeadsRead { get; init; }

        public int LeadsSaved { get; set; }

        public List<string> Errors { get; } = [];

        public void Count(List<DealAppend> appends, IReadOnlyList<AppendResult> results)
        {
            for (var i = 0; i < appends.Count; i++)
            {
                if (appends[i].ExpectedVersion == 0)
                {
                    New++;
                }
                else
                {
                    Extended++;
                }
                Events += results[i].Count;
            }
        }

        public override string ToString() =>
            string.Create(
                CultureInfo.InvariantCulture,
                $"deals: read {Read}, new {New}, extended {Extended}, unchanged {Unchanged}, refused {Errors.Count}; events appended {Events}"
            ) + (LeadsRead > 0 ? string.Create(CultureInfo.InvariantCulture, $"; leads: read {LeadsRead}, saved {LeadsSaved}") : "");
    }
}
