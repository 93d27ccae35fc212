using System.Diagnostics;
using System.Reflection;

namespace SalesPipeline.Storage.Tests;

public abstract partial class EventStoreContract
{
    // The writer process of the kill test: tests/SalesPipeline.Storage.KillWriter, built with the solution (net10.0).
    private static string WriterPath()
    {
        var configuration = typeof(EventStoreContract).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SalesPipeline.Core.sln")))
        {
            dir = dir.Parent;
        }
        var path = Path.Combine(
            dir?.FullName
                ?? throw new InvalidOperationException("The repository root (SalesPipeline.Core.sln) is not above the test's directory."),
            "tests/SalesPipeline.Storage.KillWriter/bin",
            configuration,
            "net10.0/SalesPipeline.Storage.KillWriter.dll"
        );
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException("Build the solution first: the kill-test writer is missing.", path);
    }

    [StoreFact]
    public async Task A_writer_killed_in_the_middle_of_its_appends_leaves_only_whole_appends()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WriterPath());
        foreach (var argument in WriterArguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var writer = Process.Start(start)!;
        var committedLines = 0;
        var output = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // Let it commit a few dozen appends, so it is in the middle of one (it spends nearly all its time inside appends).
        while (committedLines < 40)
        {
            var line =
                await writer.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("The writer stopped: " + await writer.StandardError.ReadToEndAsync());
            output.Add(line);
            committedLines += line.StartsWith("committed", StringComparison.Ordinal) ? 1 : 0;
        }
        await Task.Delay(Random.Shared.Next(5, 60));
        writer.Kill(); // SIGKILL on Unix: no chance to roll back or flush anything.
        await writer.WaitForExitAsync();

        // Reopen the store (SQLite recovers its WAL here) and check every rule of whole appends.
        await Store.DisposeAsync();
        await InitializeAsync();
        var events = await CountEventsAsync();
        Assert.True(
            events >= 40 * 5,
            $"The writer committed {committedLines} appends, so at least {40 * 5} events are stored; found {events}."
        );
        // Every append has all its events, at its versions and positions.
        Assert.Equal(
            0,
            await ScalarAsync(
                $"""
                SELECT COUNT(*) FROM {Table("appends")} a WHERE a.version - a.expected_version <> (
                    SELECT COUNT(*) FROM {Table("events")} e WHERE e.append_id = a.append_id AND e.stream_kind = a.stream_kind
                    AND e.stream_key = a.stream_key AND e.version BETWEEN a.expected_version + 1 AND a.version
                    AND e.position BETWEEN a.first_position AND a.last_position)
                """
            )
        );
        // No event without its append.
        Assert.Equal(
            0,
            await ScalarAsync(
                $"SELECT COUNT(*) FROM {Table("events")} e WHERE NOT EXISTS (SELECT 1 FROM {Table("appends")} a WHERE a.append_id = e.append_id)"
            )
        );
        // Every stream's versions are 1..version, contiguous.
        Assert.Equal(
            0,
            await ScalarAsync(
                $"""
                SELECT COUNT(*) FROM {Table("streams")} s WHERE s.version <> (SELECT COUNT(*) FROM {Table("events")} e
                    WHERE e.stream_kind = s.stream_kind AND e.stream_key = s.stream_key)
                OR s.version <> (SELECT MAX(e.version) FROM {Table(
                    "events"
                )} e WHERE e.stream_kind = s.stream_kind AND e.stream_key = s.stream_key)
                """
            )
        );
        // Positions are 1..last, contiguous, and the counter agrees.
        Assert.Equal(events, await ScalarAsync($"SELECT last_position FROM {Table("positions")}"));
        Assert.Equal(events, await ScalarAsync($"SELECT MAX(position) FROM {Table("events")}"));
        // And the store still works: every deal loads, its row matches, and a new append continues the positions.
        var rows = await Store.ListDealsAsync(DealQuery.All);
        foreach (var row in rows)
        {
            var loaded = (await Store.LoadDealAsync(row.Id))!;
            Assert.Equal(DealSummary.Of(loaded.Deal, loaded.Version), row);
        }
        var after = await Store.SaveDealAsync(TestDeals.Open("D-after"), 0, Guid.NewGuid());
        Assert.Equal(events + 1, after.FirstPosition);
    }
}
