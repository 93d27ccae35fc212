using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Forecasting;

/// <summary>
/// The pipeline as an absorbing Markov chain estimated from observed moves: the open stages are the transient states,
/// Won and Lost the absorbing ones. Gives, from each stage, the probability of ending won and the expected days to close.
/// </summary>
/// <remarks>
/// <para><b>Counts.</b> Every stint of a deal in an open stage (from entering it at creation, by a move or by a reopen,
/// to leaving it) that ended adds one exit from that stage: to the stage it moved to, or to Won or Lost. The stint an
/// open deal is in now has not ended: it is censored and adds nothing, but the open deal's earlier stints count (so the
/// chain uses open deals' completed moves, unlike the per-stage rates of <see cref="StageCalibration"/>).</para>
/// <para><b>Matrices.</b> With E_i the exits from stage i: Q_ij = exits i -&gt; j / E_i between open stages and
/// R_i = (exits i -&gt; Won, exits i -&gt; Lost) / E_i. The fundamental matrix N = (I - Q)^-1 gives the expected number of
/// visits to each stage; the absorption probabilities are B = N R (win probability = first column) and the expected days
/// to close are N t, with t_i the mean length in days of the ended stints in stage i. An imported deal's first stint that
/// the import did not see begin (left-truncated) counts as an exit but not in t_i; a stage whose every ended stint is
/// truncated has no t_i, and the days to close of the stages that reach it are null.</para>
/// <para><b>Unresolved stages.</b> A stage with no observed exit has no row; the chain says nothing about it, nor about
/// any stage from which observed moves can reach such a stage (or from which no win or loss was ever reached): their
/// figures are null. The rest form a chain in which every deal ends won or lost, so win + loss = 1 there.</para>
/// <para>Example: 4 deals, each entering A then B; from A 4 exits to B and 1 to Lost, from B 2 to Won, 1 to Lost and 1
/// back to A. Then w_B = 2/4 + w_A / 4 and w_A = 4/5 w_B, so w_A = 1/2 and w_B = 5/8.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class PipelineChain
{
    private readonly PipelineDefinition pipeline;
    private readonly long[,] exits;
    private readonly double?[,] visits;

    private PipelineChain(PipelineDefinition pipeline, long[,] exits, double?[,] visits, IReadOnlyList<ChainStage> stages)
    {
        this.pipeline = pipeline;
        this.exits = exits;
        this.visits = visits;
        Stages = stages;
    }

    /// <summary>One entry per open stage, in pipeline order.</summary>
    public IReadOnlyList<ChainStage> Stages { get; }

    /// <summary>The entry of an open stage.</summary>
    /// <param name="stageId">An open stage's id.</param>
    /// <returns>The stage's entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stageId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stageId"/> is not an open stage of the pipeline.</exception>
    public ChainStage ForStage(string stageId) => Stages[OpenIndex(stageId, nameof(stageId))];

    /// <summary>How many stints in one stage ended by going to another (or to Won or Lost).</summary>
    /// <param name="fromStageId">An open stage's id.</param>
    /// <param name="toStageId">Any stage's id: an open stage, the Won stage or the Lost stage.</param>
    /// <returns>The observed count.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fromStageId"/> is not an open stage, or <paramref name="toStageId"/> not a stage, of the pipeline.</exception>
    public long ExitCount(string fromStageId, string toStageId) =>
        exits[OpenIndex(fromStageId, nameof(fromStageId)), Column(toStageId, nameof(toStageId))];

    /// <summary>The estimated probability that a stint in one stage ends by going to another (an entry of Q or R).</summary>
    /// <param name="fromStageId">An open stage's id.</param>
    /// <param name="toStageId">Any stage's id: an open stage, the Won stage or the Lost stage.</param>
    /// <returns>Exits from -&gt; to divided by all exits from the stage; null when the stage has no observed exit.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fromStageId"/> is not an open stage, or <paramref name="toStageId"/> not a stage, of the pipeline.</exception>
    public double? TransitionProbability(string fromStageId, string toStageId)
    {
        var from = OpenIndex(fromStageId, nameof(fromStageId));
        var to = Column(toStageId, nameof(toStageId));
        var total = Stages[from].ObservedExits;
        return total == 0 ? null : (double)exits[from, to] / total;
    }

    /// <summary>The expected number of stints in one stage for a deal now entering another (an entry of N = (I - Q)^-1).</summary>
    /// <param name="fromStageId">The open stage the deal is in.</param>
    /// <param name="toStageId">The open stage whose visits are counted (the stage itself counts the current stint).</param>
    /// <returns>The expected visits; null when <paramref name="fromStageId"/> is unresolved.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An id is not an open stage of the pipeline.</exception>
    public double? ExpectedVisits(string fromStageId, string toStageId) =>
        visits[OpenIndex(fromStageId, nameof(fromStageId)), OpenIndex(toStageId, nameof(toStageId))];

    // timedStints[i]: the ended stints in stage i whose length is known (an imported deal's first stint, not seen entering
    // the stage, has an exit but no known length); the mean days in stage divide by it.
    internal static PipelineChain Build(PipelineDefinition pipeline, long[,] exits, double[] daysInEndedStints, long[] timedStints)
    {
        var n = pipeline.OpenStages.Count;
        var won = n;
        var lost = n + 1;
        var total = new long[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n + 2; j++)
            {
                total[i] += exits[i, j];
            }
        }

        // A stage can end (won or lost) if it was seen to, or if it was seen moving to a stage that can.
        var canEnd = new bool[n];
        for (var changed = true; changed; )
        {
            changed = false;
            for (var i = 0; i < n; i++)
            {
                if (!canEnd[i] && (exits[i, won] + exits[i, lost] > 0 || MovesTo(exits, i, n, canEnd)))
                {
                    canEnd[i] = changed = true;
                }
            }
        }
        // Unresolved: no exits, cannot end, or can reach a stage that is either.
        var unresolved = new bool[n];
        for (var i = 0; i < n; i++)
        {
            unresolved[i] = total[i] == 0 || !canEnd[i];
        }
        for (var changed = true; changed; )
        {
            changed = false;
            for (var i = 0; i < n; i++)
            {
                if (!unresolved[i] && MovesTo(exits, i, n, unresolved))
                {
                    unresolved[i] = changed = true;
                }
            }
        }

        var resolved = new List<int>();
        var position = new int[n];
        for (var i = 0; i < n; i++)
        {
            position[i] = -1;
            if (!unresolved[i])
            {
                position[i] = resolved.Count;
                resolved.Add(i);
            }
        }

        var visits = new double?[n, n];
        var winProbability = new double?[n];
        var lossProbability = new double?[n];
        var daysToClose = new double?[n];
        var g = resolved.Count;
        if (g > 0)
        {
            var q = Matrix<double>.Build.Dense(g, g);
            var r = Matrix<double>.Build.Dense(g, 2);
            var t = Vector<double>.Build.Dense(g);
            for (var a = 0; a < g; a++)
            {
                var i = resolved[a];
                double e = total[i];
                for (var b = 0; b < g; b++)
                {
                    q[a, b] = exits[i, resolved[b]] / e;
                }
                r[a, 0] = exits[i, won] / e;
                r[a, 1] = exits[i, lost] / e;
                t[a] = timedStints[i] > 0 ? daysInEndedStints[i] / timedStints[i] : double.NaN;
            }
            var fundamental = (Matrix<double>.Build.DenseIdentity(g) - q).Inverse();
            var absorption = fundamental * r;
            var reaches = Reachability(q);
            for (var a = 0; a < g; a++)
            {
                var i = resolved[a];
                winProbability[i] = Math.Clamp(absorption[a, 0], 0.0, 1.0);
                lossProbability[i] = Math.Clamp(absorption[a, 1], 0.0, 1.0);
                daysToClose[i] = DaysToClose(fundamental, t, reaches, a);
                for (var b = 0; b < g; b++)
                {
                    visits[i, resolved[b]] = fundamental[a, b];
                }
                // A resolved stage reaches only resolved stages, so its other entries of N are exactly 0.
                for (var j = 0; j < n; j++)
                {
                    visits[i, j] ??= 0.0;
                }
            }
        }

        var stages = new ChainStage[n];
        for (var i = 0; i < n; i++)
        {
            var stage = pipeline.OpenStages[i];
            stages[i] = new ChainStage(
                stage.Id,
                stage.Name,
                i,
                total[i],
                timedStints[i] == 0 ? null : daysInEndedStints[i] / timedStints[i],
                winProbability[i],
                lossProbability[i],
                daysToClose[i]
            );
        }
        return new PipelineChain(pipeline, exits, visits, stages.AsReadOnly());
    }

    private static bool MovesTo(long[,] exits, int from, int n, bool[] targets)
    {
        for (var j = 0; j < n; j++)
        {
            if (targets[j] && exits[from, j] > 0)
            {
                return true;
            }
        }
        return false;
    }

    private int OpenIndex(string stageId, string paramName)
    {
        Preconditions.CheckNotNull(stageId, paramName);
        return pipeline.TryGetStage(stageId, out var stage) && stage.IsOpen
            ? stage.Index
            : throw new ArgumentException($"Pipeline \"{pipeline.Name}\" has no open stage with id \"{stageId}\".", paramName);
    }

    // reaches[a, b]: stage b can be reached from stage a through observed moves (a reaches itself); exactly the
    // entries where N is positive.
    private static bool[,] Reachability(Matrix<double> q)
    {
        var g = q.RowCount;
        var reaches = new bool[g, g];
        for (var a = 0; a < g; a++)
        {
            for (var b = 0; b < g; b++)
            {
                reaches[a, b] = a == b || q[a, b] > 0;
            }
        }
        for (var k = 0; k < g; k++)
        {
            for (var a = 0; a < g; a++)
            {
                for (var b = 0; b < g; b++)
                {
                    reaches[a, b] |= reaches[a, k] && reaches[k, b];
                }
            }
        }
        return reaches;
    }

    // (N t)_a over the stages a reaches only: an untimed stage (t NaN) that a cannot reach must not make a's days
    // unknown, which NaN x 0 in the full product would.
    private static double? DaysToClose(Matrix<double> fundamental, Vector<double> t, bool[,] reaches, int a)
    {
        var days = 0.0;
        for (var b = 0; b < t.Count; b++)
        {
            if (reaches[a, b])
            {
                if (double.IsNaN(t[b]))
                {
                    return null;
                }
                days += fundamental[a, b] * t[b];
            }
        }
        return Math.Max(0.0, days);
    }

    private int Column(string stageId, string paramName)
    {
        Preconditions.CheckNotNull(stageId, paramName);
        if (!pipeline.TryGetStage(stageId, out var stage))
        {
            throw new ArgumentException($"Pipeline \"{pipeline.Name}\" has no stage with id \"{stageId}\".", paramName);
        }
        var n = pipeline.OpenStages.Count;
        return stage.Kind switch
        {
            StageKind.Won => n,
            StageKind.Lost => n + 1,
            _ => stage.Index,
        };
    }

    /// <summary>A table: per open stage, the observed exits, mean days in stage, win probability and expected days to close.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(
            CultureInfo.InvariantCulture,
            $"{"Stage", -20} {"Exits", 7} {"Days in", 8} {"Win", 6} {"Loss", 6} {"Days to close", 14}\n"
        );
        foreach (var s in Stages)
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"{s.Name, -20} {s.ObservedExits, 7} {Fixed(s.MeanDaysInStage, "0.0"), 8} {Fixed(s.WinProbability, "0.000"), 6} {Fixed(s.LossProbability, "0.000"), 6} {Fixed(s.ExpectedDaysToClose, "0.0"), 14}\n"
            );
        }
        return sb.ToString();
    }

    internal static string Fixed(double? value, string format) => InvariantText.Fixed(value, format);
}
