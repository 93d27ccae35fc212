using BenchmarkDotNet.Attributes;

namespace SalesPipeline.Benchmarks;

[MemoryDiagnoser]
[MedianColumn]
public class MoneyBenchmarks
{
    private static readonly Money ContractTotal = Money.Of(1_234_567.89m, Currency.USD);
    private static readonly decimal[] Weights = [0.4m, 0.3m, 0.2m, 0.1m];

    [Benchmark]
    public Money[] AllocateTwelveInstalments() => ContractTotal.Allocate(12);

    [Benchmark]
    public Money[] AllocateByFourWeights() => ContractTotal.Allocate(Weights);

    [Benchmark]
    public Money AddTwoAmounts() => ContractTotal + ContractTotal;
}
