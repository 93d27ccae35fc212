using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesPipeline.Csv;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Benchmarks;

// Issue 14's load: DealCsv.Read over a deals file and its history file, both read at once on two threads (two
// FileStreams, as ReadFiles opens them) or one after the other (the same files behind BufferedStreams, which the reader
// does not read from two threads: it cannot know that they share nothing). The files are gen_pipeline.py's in
// /work/bench-data/1m when BenchScale.Deals is 1,000,000 and they are there, else CsvImportBenchmarks' generated files
// of BenchScale.Deals deals.
[MemoryDiagnoser]
[MedianColumn]
public class CsvReadAtOnceBenchmarks
{
    private const string BenchData = "/work/bench-data/1m";
    private static readonly Instant AsOf = Instant.FromUtc(2027, 1, 1, 0, 0);
    private DirectoryInfo? folder;
    private string dealsPath = "";
    private string historyPath = "";

    [Params(true, false)]
    public bool AtOnce { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (BenchScale.Deals == 1_000_000 && File.Exists(Path.Combine(BenchData, "deals.csv")))
        {
            (dealsPath, historyPath) = (Path.Combine(BenchData, "deals.csv"), Path.Combine(BenchData, "events.csv"));
            return;
        }
        folder = Directory.CreateTempSubdirectory("salespipeline-csv-at-once-");
        (dealsPath, historyPath) = (Path.Combine(folder.FullName, "deals.csv"), Path.Combine(folder.FullName, "history.csv"));
        CsvImportBenchmarks.Write(dealsPath, historyPath, BenchScale.Deals);
    }

    [GlobalCleanup]
    public void Cleanup() => folder?.Delete(recursive: true);

    [Benchmark]
    public int Read()
    {
        using var deals = Open(dealsPath);
        using var history = Open(historyPath);
        var result = AtOnce
            ? DealCsv.Read(PipelineDefinition.Default, deals, history, AsOf)
            : DealCsv.Read(PipelineDefinition.Default, new BufferedStream(deals, 1), new BufferedStream(history, 1), AsOf);
        return result.IsComplete ? result.Deals.Count : throw new InvalidOperationException(result.ToString());
    }

    // As ReadFiles opens a file: the reader buffers, so the file stream does not.
    private static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
}
