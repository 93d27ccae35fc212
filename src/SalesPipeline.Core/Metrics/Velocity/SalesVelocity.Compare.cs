using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

public sealed partial record SalesVelocity
{
    /// <summary>
    /// Which of the four levers moved velocity from <paramref name="before"/> to <paramref name="after"/>, and by how
    /// much, as contributions that add up to the total change: the logarithmic mean Divisia index (LMDI).
    /// </summary>
    /// <param name="before">The earlier velocity.</param>
    /// <param name="after">The later velocity, in the same currency.</param>
    /// <returns>The change and the four contributions, or null contributions with the reason when undefined.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The two are in different currencies.</exception>
    /// <remarks>
    /// <para>V = N A W / C, so ln(V1 / V0) = ln(N1/N0) + ln(A1/A0) + ln(W1/W0) - ln(C1/C0). With the logarithmic mean
    /// L = (V1 - V0) / ln(V1 / V0), each lever's contribution is L x its log ratio (the cycle's with a minus sign); they add
    /// up to V1 - V0, whatever order the levers are taken in (no residual, unlike a chain of one-at-a-time changes). When
    /// V1 = V0, L is taken as its limit V0 (the contributions then cancel out).</para>
    /// <para>Undefined (null contributions and a <see cref="VelocityComparison.Reason"/>): either velocity is undefined, or
    /// an input is 0 in either (no open deals, or won deals worth nothing), whose logarithm does not exist.</para>
    /// <para>Example: N 40 -> 50, A 25,000 -> 20,000, W 0.4 -> 0.5, C 50 -> 40 days: V 8,000 -> 12,500 per day, change
    /// +4,500; L = 4,500 / ln 1.5625 = 10,083.2; ln 1.5625 = 2 ln 1.25 and ln 0.8 = -ln 1.25, so the contributions are
    /// open deals L ln 1.25 = +2,250, amount L ln 0.8 = -2,250, win rate +2,250, cycle -L ln 0.8 = +2,250: sum +4,500.</para>
    /// </remarks>
    public static VelocityComparison Compare(SalesVelocity before, SalesVelocity after)
    {
        Preconditions.CheckNotNull(before);
        Preconditions.CheckNotNull(after);
        Preconditions.CheckArgument(
            before.Currency == after.Currency,
            nameof(after),
            $"Both velocities must be in one currency to compare them; before is in {before.Currency.Code}, after in {after.Currency.Code}."
        );
        VelocityComparison Undefined(decimal? change, string reason) => new(before, after, change, null, null, null, null, reason);
        if (before.ExactPerDay is not { } v0 || after.ExactPerDay is not { } v1)
        {
            return Undefined(
                null,
                $"Velocity is undefined {(before.ExactPerDay is null ? "before" : "after")}: {(before.ExactPerDay is null ? before.Reason : after.Reason)}"
            );
        }
        var change = v1 - v0;
        if ((ZeroInput(before) ?? ZeroInput(after)) is { } zero)
        {
            return Undefined(change, $"{zero} {(ZeroInput(before) is null ? "after" : "before")}, so its log ratio is undefined.");
        }
        var n = Math.Log((double)after.OpenDeals / before.OpenDeals);
        var a = Math.Log((double)(after.ExactAverageWon!.Value / before.ExactAverageWon!.Value));
        var w = Math.Log((double)(after.WinRate!.Value / before.WinRate!.Value));
        var c = -Math.Log((double)(after.AverageCycleDays!.Value / before.AverageCycleDays!.Value));
        var sum = n + a + w + c;
        // The sum of the log ratios is ln(V1/V0); using it (rather than a separately computed logarithm) keeps the
        // contributions' total equal to the change up to the rounding of the products.
        var mean = change == 0 || sum == 0 ? (double)(v0 + v1) / 2 : (double)change / sum;
        return new VelocityComparison(before, after, change, mean * n, mean * a, mean * w, mean * c, null);
    }

    private static string? ZeroInput(SalesVelocity v) =>
        v.OpenDeals == 0 ? "There are no open deals"
        : v.ExactAverageWon == 0 ? "The average won amount is 0"
        : null;
}
