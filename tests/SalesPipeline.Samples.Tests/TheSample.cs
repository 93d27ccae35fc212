namespace SalesPipeline.Samples.Tests;

/// <summary>One sample for the tests that only read it (it is immutable; generating it once keeps the tests quick).</summary>
internal static class TheSample
{
    public static SampleData Value { get; } = SampleData.Create();
}
