using System;

namespace SalesPipeline.Benchmarks;

// How many deals the million-deal benchmarks set up: 1,000,000 (the size of the issues' goals), or
// SALESPIPELINE_BENCH_DEALS when it is set. CI's dry run only checks that every benchmark runs, and sets a small book so
// that the set-ups of a million deals each do not take most of its time.
internal static class BenchScale
{
    internal static int Deals =>
        int.TryParse(Environment.GetEnvironmentVariable("SALESPIPELINE_BENCH_DEALS"), out var n) && n > 0 ? n : 1_000_000;
}
