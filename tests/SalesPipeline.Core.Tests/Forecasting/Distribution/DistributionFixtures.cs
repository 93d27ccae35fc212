using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Pipelines;
using SalesPipeline.Targets;

namespace SalesPipeline.Tests.Forecasting.Distribution;

// Deals for the distribution tests, and a second method: full enumeration of the 2^n outcomes of n open deals.
internal static class DistributionFixtures
{
    public static readonly PipelineDefinition Pipeline = PipelineDefinition.Default;
    public static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);
    public static readonly FiscalPeriod March = FiscalCalendar.Calendar.Month(2026, 3);
    private static readonly string[] Criteria = ["use-case", "technical-fit", "budget"];

    // 100 (p 0.5), 200 (p 0.5), 300 (p 0.2): outcomes 0..600 by 100 with probabilities 0.2, 0.2, 0.2, 0.25, 0.05, 0.05, 0.05.
    public static readonly Deal[] ThreeDeals = [OpenInMarch("A", 100m, 0.5m), OpenInMarch("B", 200m, 0.5m), OpenInMarch("C", 300m, 0.2m)];

    public static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    // An open deal in Prospecting with its probability overridden.
    public static Deal Open(string id, decimal amount, decimal probability, LocalDate close, Currency? currency = null)
    {
        var deal = Deal.Open(Pipeline, new DealId(id), id, "alice", Money.Of(amount, currency ?? Currency.USD), close, Start);
        return Pipeline.ApplyOrThrow(deal, DealCommand.OverrideProbabilityTo(probability, Start + Duration.FromMinutes(1), "manager"));
    }

    public static Deal OpenInMarch(string id, decimal amount, decimal probability) =>
        Open(id, amount, probability, new LocalDate(2026, 3, 20));

    // A deal walked to Negotiation and won at the given instant.
    public static Deal Won(string id, decimal amount, Instant at, Currency? currency = null)
    {
        var deal = Deal.Open(
            Pipeline,
            new DealId(id),
            id,
            "alice",
            Money.Of(amount, currency ?? Currency.USD),
            new LocalDate(2026, 12, 31),
            Start
        );
        var t = Start;
        foreach (var criterion in Criteria)
        {
            deal = Pipeline.Answer(deal, criterion, t, "alice");
        }
        foreach (var stage in new[] { "qualified", "proposal", "negotiation" })
        {
            t += Duration.FromHours(1);
            deal = Pipeline.Move(deal, stage, t, "alice");
        }
        return Pipeline.Win(deal, at, "alice");
    }

    public static Deal Lost(string id, decimal amount, LocalDate close) =>
        Pipeline.Lose(Open(id, amount, 0.5m, close), LossReason.Price, Start + Duration.FromDays(1), "alice");

    /// <summary>Every outcome of independent deals (amount, p) plus a constant, as distinct sorted values with probabilities.</summary>
    public static Enumeration Enumerate(IReadOnlyList<(decimal Amount, decimal P)> deals, decimal constant)
    {
        var byValue = new SortedDictionary<decimal, double>();
        var n = deals.Count;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var value = constant;
            var probability = 1.0;
            for (var i = 0; i < n; i++)
            {
                var won = (mask >> i & 1) == 1;
                value += won ? deals[i].Amount : 0m;
                probability *= won ? (double)deals[i].P : 1.0 - (double)deals[i].P;
            }
            if (probability > 0)
            {
                byValue[value] = byValue.TryGetValue(value, out var p) ? p + probability : probability;
            }
        }
        var counts = new double[n + 1];
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var probability = 1.0;
            for (var i = 0; i < n; i++)
            {
                probability *= (mask >> i & 1) == 1 ? (double)deals[i].P : 1.0 - (double)deals[i].P;
            }
            counts[System.Numerics.BitOperations.PopCount((uint)mask)] += probability;
        }
        return new Enumeration([.. byValue.Keys], [.. byValue.Values], counts);
    }
}

/// <summary>A distribution by enumeration: distinct values (sorted) and their probabilities; the count distribution.</summary>
internal sealed record Enumeration(decimal[] Values, double[] Probabilities, double[] Counts)
{
    public decimal Min => Values[0];

    public decimal Max => Values[^1];

    /// <summary>The smallest value v with P(X &lt;= v) &gt;= p (no tolerance); the min for p &lt;= 0 and the max for p &gt;= 1.</summary>
    public decimal Quantile(double p)
    {
        if (p <= 0)
        {
            return Min;
        }
        var cumulative = 0.0;
        for (var i = 0; i < Values.Length; i++)
        {
            cumulative += Probabilities[i];
            if (cumulative >= p)
            {
                return Values[i];
            }
        }
        return Max;
    }

    public double AtLeast(decimal t) => Values.Select((v, i) => v >= t ? Probabilities[i] : 0.0).Sum();

    public double Mean => Values.Select((v, i) => (double)v * Probabilities[i]).Sum();

    public double Variance => Values.Select((v, i) => ((double)v - Mean) * ((double)v - Mean) * Probabilities[i]).Sum();
}
