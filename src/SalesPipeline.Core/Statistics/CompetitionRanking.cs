using System;
using System.Collections.Generic;
using System.Linq;

namespace SalesPipeline.Statistics;

// Standard competition ranking ("1224"): items are ordered by score, highest first, then by id in ordinal order; items
// with equal scores share the rank of the first of them and the next rank skips, so a rank is always 1 + the number of
// items with a strictly higher score. The id only fixes the order of tied items on the page, never their rank.
// The one ranker behind every leaderboard (metrics' Leaderboard, the collected-cash leaderboards of receivables).
internal static class CompetitionRanking
{
    // The items in rank order, each with its rank. TScore compares as a whole: a tuple (primary, secondary) ranks by the
    // primary score and breaks its ties by the secondary one, and two items tie only when both are equal.
    internal static (T Item, int Rank)[] Rank<T, TScore>(IEnumerable<T> items, Func<T, TScore> score, Func<T, string> id)
        where TScore : IComparable<TScore>, IEquatable<TScore>
    {
        var sorted = items
            .Select(item => (Item: item, Score: score(item), Id: id(item)))
            .OrderByDescending(e => e.Score)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToArray();
        var ranked = new (T Item, int Rank)[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            var rank = i > 0 && sorted[i].Score.Equals(sorted[i - 1].Score) ? ranked[i - 1].Rank : i + 1;
            ranked[i] = (sorted[i].Item, rank);
        }
        return ranked;
    }
}
