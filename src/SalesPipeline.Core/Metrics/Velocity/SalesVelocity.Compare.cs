using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Metrics;

public sealed partial record SalesVelocity
{
    /// <summary>
    /// Which of the four levers moved velocity from <paramref name="before"/> to <paramref name="after"/>, and by how
    /// much, as contributions in money per day that add up to the change to the minor unit: the Shapley decomposition of
    /// V = N x A x W / C, computed in <see cref="decimal"/>.
    /// </summary>
    /// <param name="before">The earlier velocity.</param>
    /// <param name="after">The later velocity, in the same currency.</param>
    /// <returns>The change and the four contributions, or null ones with the reason when undefined.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The two are in different currencies.</exception>
    /// <remarks>
    /// <para>Write f(S) for the velocity with the levers in S at their after values and the others at their before
    /// values (from the unrounded inputs). A lever's contribution is the average, over the 24 orders in which the four
    /// levers can be switched from before to after, of the change in f when that lever is switched; grouping the orders,
    /// it is the sum over the subsets S of the other three levers of |S|! (3 - |S|)! / 24 x (f(S + lever) - f(S)), with
    /// weights 1/4, 1/12, 1/12, 1/4 for |S| = 0, 1, 2, 3. The four add up to V1 - V0 whatever the order of the levers (no
    /// residual, unlike one chain of one-at-a-time changes) and need only products, so they exist whenever both
    /// velocities do, zeros included.</para>
    /// <para>Rounding: <see cref="VelocityComparison.Change"/> is after's <see cref="PerDay"/> less before's, both as
    /// shown. Each contribution is its exact value rounded down or up to the minor unit: all are rounded down, then the
    /// minor units still needed to reach the change go, one each, to the contributions with the largest remainders
    /// (ties in the order open deals, average won, win rate, cycle). So they add up to the change exactly and each is within one
    /// minor unit of its exact value. In a currency without a minor unit nothing is rounded and the cycle's contribution
    /// is the change less the other three.</para>
    /// <para>Undefined (null change and contributions, and a <see cref="VelocityComparison.Reason"/>): either velocity is
    /// undefined, a mixed product exceeds the decimal range, or the change or a contribution would be beyond
    /// <see cref="Currency.MaxAmount"/>.</para>
    /// <para>Example: N 40 -> 50, A 25,000 -> 20,000, W 0.4 -> 0.5, C 50 -> 40 days: V 8,000 -> 12,500 per day. N, W and
    /// 1/C each grow by the ratio 1.25 and A by 0.8; the open deals' contribution is 8,000 x 0.25 x (1/4 + (0.8 + 1.25 +
    /// 1.25) / 12 + (1 + 1 + 1.5625) / 12 + 1.25 / 4) = 2,000 x 1.134375 = +2,268.75, the same for win rate and cycle,
    /// and the amount's 8,000 x (-0.2) x 1.44140625 = -2,306.25: sum +4,500.00.</para>
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
        if (before.ExactPerDay is null || after.ExactPerDay is null)
        {
            var undefined = before.ExactPerDay is null ? before : after;
            return Undefined(before, after, $"Velocity is undefined {(undefined == before ? "before" : "after")}: {undefined.Reason}");
        }
        var currency = before.Currency;
        Money change;
        decimal[] shares;
        // Products of the levers, and the sums of large contributions of mixed sign, can leave the decimal range; the
        // change and each lever's share must also be amounts a Money holds.
        try
        {
            var exact = VelocityShapley.Contributions(Levers(before), Levers(after));
            var changeAmount = currency.HasMinorUnit
                ? after.PerDay!.Amount - before.PerDay!.Amount
                : after.ExactPerDay.Value - before.ExactPerDay.Value;
            shares = VelocityShapley.RoundToSum(exact, changeAmount, currency.HasMinorUnit ? currency.MinorUnit : null);
            if (!Money.InRange(changeAmount, currency) || !Array.TrueForAll(shares, s => Money.InRange(s, currency)))
            {
                return Undefined(
                    before,
                    after,
                    $"The change or a lever's share exceeds the range of Money in {currency.Code}, {Money.Text(currency.MaxAmount, currency)}."
                );
            }
            change = Money.Of(changeAmount, currency);
        }
        catch (OverflowException)
        {
            return Undefined(before, after, "A product of before and after inputs exceeds the decimal range.");
        }
        return new VelocityComparison(
            before,
            after,
            change,
            Money.Of(shares[0], currency),
            Money.Of(shares[1], currency),
            Money.Of(shares[2], currency),
            Money.Of(shares[3], currency),
            null
        );
    }

    private static VelocityComparison Undefined(SalesVelocity before, SalesVelocity after, string reason) =>
        new(before, after, null, null, null, null, null, reason);

    private static decimal[] Levers(SalesVelocity v) =>
        [v.OpenDeals, v.ExactAverageWon!.Value, v.WinRate!.Value, v.AverageCycleDays!.Value];
}
