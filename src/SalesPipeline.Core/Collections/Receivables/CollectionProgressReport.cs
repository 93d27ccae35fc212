using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;

namespace SalesPipeline.Collections;

/// <summary>The result of <see cref="CollectionProgress.Of"/>: collection progress per contract, rep, team and in total, and the collected-cash leaderboards.</summary>
/// <remarks>
/// <para>The rep lines (and the team lines, when an organization was given) add up to <see cref="Total"/> exactly.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class CollectionProgressReport
{
    internal CollectionProgressReport(
        LocalDate asOf,
        Currency currency,
        IReadOnlyList<ProgressLine> byContract,
        IReadOnlyList<ProgressLine> byRep,
        IReadOnlyList<ProgressLine> byTeam,
        ProgressLine total
    )
    {
        AsOf = asOf;
        Currency = currency;
        ByContract = byContract;
        ByRep = byRep;
        ByTeam = byTeam;
        Total = total;
        RepLeaderboard = CollectionProgress.Rank(byRep);
        TeamLeaderboard = CollectionProgress.Rank(byTeam);
    }

    /// <summary>The date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>One line per schedule, in the order given.</summary>
    public IReadOnlyList<ProgressLine> ByContract { get; }

    /// <summary>One line per rep (contract owner), in ordinal order.</summary>
    public IReadOnlyList<ProgressLine> ByRep { get; }

    /// <summary>One line per team, in ordinal order; empty without an organization.</summary>
    public IReadOnlyList<ProgressLine> ByTeam { get; }

    /// <summary>The company line (key "total").</summary>
    public ProgressLine Total { get; }

    /// <summary>Reps ranked by collected cash: amount descending, then id in ordinal order; competition ranks (1, 2, 2, 4).</summary>
    public IReadOnlyList<CollectedCashRank> RepLeaderboard { get; }

    /// <summary>Teams ranked like <see cref="RepLeaderboard"/>; empty without an organization.</summary>
    public IReadOnlyList<CollectedCashRank> TeamLeaderboard { get; }

    /// <summary>The rep lines, the team lines and the total, one per row.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Collection progress as of {AsOf:uuuu-MM-dd}\n");
        foreach (var line in ByRep)
        {
            sb.Append("rep ").Append(line).Append('\n');
        }
        foreach (var line in ByTeam)
        {
            sb.Append("team ").Append(line).Append('\n');
        }
        sb.Append(Total).Append('\n');
        return sb.ToString();
    }
}
