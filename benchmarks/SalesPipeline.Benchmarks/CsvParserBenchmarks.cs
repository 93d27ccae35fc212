using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using CsvHelper;

namespace SalesPipeline.Benchmarks;

// The measurement that chose SalesPipeline.Csv's parser (issue 11): CsvHelper 34 (UTF-8 fields as byte spans, SIMD
// scanning) against Sylvan.Data.Csv 1.4.4 (fields as char spans), each touching every field of the same history file
// (CsvImportBenchmarks' writer, SALESPIPELINE_BENCH_CSV_DEALS deals: about 2.9 rows per deal), with no typed parsing.
[MemoryDiagnoser]
[MedianColumn]
public class CsvParserBenchmarks
{
    private DirectoryInfo? folder;
    private string? path;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("salespipeline-csv-parser-bench-");
        path = Path.Combine(folder.FullName, "history.csv");
        CsvImportBenchmarks.Write(Path.Combine(folder.FullName, "deals.csv"), path, CsvImportBenchmarks.DealCount);
    }

    [GlobalCleanup]
    public void Cleanup() => folder?.Delete(recursive: true);

    [Benchmark(Baseline = true)]
    public long CsvHelper34()
    {
        using var csv = CsvReader.FromFile(path!, new CsvReaderOptions { Separator = ',' }, FileOptions.SequentialScan);
        long length = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                length += csv.GetSpan(i).Length;
            }
        }
        return length;
    }

    [Benchmark]
    public long Sylvan144()
    {
        using var csv = Sylvan.Data.Csv.CsvDataReader.Create(path!);
        long length = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                length += csv.GetFieldSpan(i).Length;
            }
        }
        return length;
    }
}
