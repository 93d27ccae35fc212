namespace SalesPipeline.Metrics;

// The counts and exact value sums behind one win rate; adding cells is how accumulators merge.
internal readonly record struct WinRateCell(int Won, int Lost, int Open, decimal WonValue, decimal LostValue, decimal OpenValue)
{
    internal WinRateCell Add(DealOutcome outcome, decimal value) =>
        outcome switch
        {
            DealOutcome.Won => this with { Won = Won + 1, WonValue = WonValue + value },
            DealOutcome.Lost => this with { Lost = Lost + 1, LostValue = LostValue + value },
            DealOutcome.Open => this with { Open = Open + 1, OpenValue = OpenValue + value },
            _ => this,
        };

    internal WinRateCell Plus(WinRateCell other) =>
        new(
            Won + other.Won,
            Lost + other.Lost,
            Open + other.Open,
            WonValue + other.WonValue,
            LostValue + other.LostValue,
            OpenValue + other.OpenValue
        );
}
