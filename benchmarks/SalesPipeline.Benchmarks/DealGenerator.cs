using System;
using SalesPipeline.Deals;

namespace SalesPipeline.Benchmarks;

// The one place benchmarks make their deals: deal i is opened as "D-{i}" by its owner, with a creation instant, an
// amount and an expected close drawn in that order from the options' ranges. A benchmark shapes each deal further
// (overrides, wins, losses, histories) in Generate's callback, drawing from Random so the whole book stays one
// deterministic sequence.
public sealed class DealGenerator
{
    private readonly DealGeneratorOptions options;
    private readonly long amountSteps;

    public DealGenerator(DealGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Owners, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CreatedSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CloseDays, 1);
        var range = options.MaximumAmount - options.MinimumAmount;
        if (range.Amount < 0 || options.AmountStep.Amount <= 0 || range.Amount % options.AmountStep.Amount != 0)
        {
            throw new ArgumentException(
                $"The amounts {options.MinimumAmount} to {options.MaximumAmount} must be a non-empty range in whole steps of {options.AmountStep}.",
                nameof(options)
            );
        }
        this.options = options;
        amountSteps = (long)(range.Amount / options.AmountStep.Amount) + 1;
        Random = new Random(options.Seed);
    }

    public Random Random { get; }

    public Deal[] Generate(Func<Deal, int, Deal>? shape = null)
    {
        var deals = new Deal[options.Count];
        for (var i = 0; i < deals.Length; i++)
        {
            var deal = Open(i);
            deals[i] = shape is null ? deal : shape(deal, i);
        }
        return deals;
    }

    private Deal Open(int i)
    {
        var created =
            options.CreatedSteps == 1 ? options.CreatedFrom : options.CreatedFrom + options.CreatedStep * Draw(options.CreatedSteps);
        var amount = options.MinimumAmount + options.AmountStep * Draw(amountSteps);
        var close = options.CloseDays == 1 ? options.CloseFrom : options.CloseFrom.PlusDays((int)Draw(options.CloseDays));
        return Deal.Open(options.Pipeline, new DealId($"D-{i}"), "Deal", $"rep-{i % options.Owners}", amount, close, created);
    }

    // Random.Next for ranges that fit an int: the draw the benchmarks always made, so their books stay as they were.
    private long Draw(long count) => count <= int.MaxValue ? Random.Next(0, (int)count) : Random.NextInt64(0, count);
}
