using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace SalesPipeline.Deals;

internal sealed partial class FrameHistoryBuilder
{
    // The history of every deal appended, in append order. The dictionaries are sealed (strings in ordinal order) and
    // every code renumbered; the builder is spent.
    internal FrameHistory Build() => Join([this]);

    // The history of builders that appended consecutive parts of the rows (filled on different threads, say), in
    // part order: the history one builder of all the rows would build, code for code (every dictionary in the order
    // that builder would give it, the loss pairs in EventAux its first 255), except that a text heap holds a string
    // again where a part repeats one from the part before (every offset reads the same text). The builders are spent.
    internal static FrameHistory Join(IReadOnlyList<FrameHistoryBuilder> parts)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("A history is joined from at least one builder; the list was empty.", nameof(parts));
        }
        foreach (var part in parts)
        {
            part.CheckOpen();
            part.built = true;
        }
        var stages = HistoryCodes<string>.Seal([.. parts.Select(p => p.stages)]);
        var criteria = HistoryCodes<string>.Seal([.. parts.Select(p => p.criteria)]);
        var owners = HistoryCodes<string>.Seal([.. parts.Select(p => p.owners)]);
        var competitors = HistoryCodes<string>.Seal([.. parts.Select(p => p.competitors)]);
        var stopReasons = HistoryCodes<StopReason>.Seal([.. parts.Select(p => p.stopReasons)]);
        var teams = HistoryCodes<string>.Seal([.. parts.Select(p => p.teams)]);
        var customers = HistoryCodes<Customer>.Seal([.. parts.Select(p => p.customers)]);
        var lossReasons = HistoryCodes<LossReason>.Seal([.. parts.Select(p => p.lossReasons)]);
        var actors = HistoryCodes<string>.Seal([.. parts.Select(p => p.actors)]);
        var pipelines = HistoryCodes<string>.Seal([.. parts.Select(p => p.pipelines)]);
        var sources = HistoryCodes<LeadSource>.Seal([.. parts.Select(p => p.sources)]);
        var products = HistoryCodes<string>.Seal([.. parts.Select(p => p.products)]);
        var currencies = HistoryCodes<Currency>.Seal([.. parts.Select(p => p.currencies)]);
        var probabilities = HistoryCodes<(int, int, int, int)>.Seal([.. parts.Select(p => p.probabilities)]);
        var (pairs, pairIndex, pairCodes) = JoinLossPairs(parts, lossReasons.Remaps, competitors.Remaps);
        var (idText, idBases) = TextHeap.Builder.Join([.. parts.Select(p => p.idText)]);
        var (nameText, nameBases) = TextHeap.Builder.Join([.. parts.Select(p => p.nameText)]);
        var (leadText, leadBases) = TextHeap.Builder.Join([.. parts.Select(p => p.leadText)]);
        var (commentTextHeap, commentBases) = TextHeap.Builder.Join([.. parts.Select(p => p.commentTextHeap)]);
        var (activityText, activityBases) = TextHeap.Builder.Join([.. parts.Select(p => p.activityText)]);
        var (causeText, causeBases) = TextHeap.Builder.Join([.. parts.Select(p => p.causeText)]);
        var rowBases = Bases(parts, p => p.Count);
        var eventBases = Bases(parts, p => p.eventAt.Count);
        var amountBases = Bases(parts, p => p.changedAmounts.Count);
        var commentBases2 = Bases(parts, p => p.commentText.Count);
        // Each part's codes and offsets renumbered in place, on the cores; then the parts are laid end to end.
        FramePartitions.Run(
            parts.Count,
            parts.Count,
            (p, _, _) =>
            {
                var part = parts[p];
                var arg = CollectionsMarshal.AsSpan(part.eventArg);
                var aux = CollectionsMarshal.AsSpan(part.eventAux);
                var kinds = CollectionsMarshal.AsSpan(part.eventKind);
                var overflow = new List<(int Row, (int, int) Value)>();
                for (var e = 0; e < arg.Length; e++)
                {
                    var kind = kinds[e];
                    if (kind == FrameEventKind.Lost && aux[e] > 0)
                    {
                        // A pair past the joined history's first 255 goes to Losses, as one builder would have put it.
                        var local = aux[e] - 1;
                        var code = pairCodes[p][local];
                        aux[e] = code >= 0 ? (byte)(code + 1) : (byte)0;
                        if (code < 0)
                        {
                            overflow.Add((e, Loss(part.lossPairs.Provisional[local], p)));
                        }
                    }
                    var remap = kind switch
                    {
                        FrameEventKind.ExitCriterionAnswered or FrameEventKind.ExitCriterionWithdrawn => criteria.Remaps[p],
                        FrameEventKind.OwnerReassigned => owners.Remaps[p],
                        FrameEventKind.CompetitorNoted => competitors.Remaps[p],
                        FrameEventKind.Stopped => stopReasons.Remaps[p],
                        FrameEventKind.AssignedToPool => teams.Remaps[p],
                        FrameEventKind.CustomerChanged => customers.Remaps[p],
                        FrameEventKind.ProbabilityOverridden => probabilities.Remaps[p],
                        _ when FrameHistory.HasStage(kind) => stages.Remaps[p],
                        _ => null,
                    };
                    if (remap is not null && arg[e] >= 0)
                    {
                        arg[e] = remap[arg[e]];
                    }
                    else if (kind == FrameEventKind.AmountChanged)
                    {
                        arg[e] += amountBases[p];
                    }
                    else if (kind == FrameEventKind.CommentAdded)
                    {
                        arg[e] += commentBases2[p];
                    }
                }
                // A pair a part had to leave in Losses (its own first 255 were full) that an earlier part coded goes to
                // EventAux, where one builder would have put it.
                part.losses.Rewrite(
                    (e, loss) =>
                    {
                        var joined = Loss(loss, p);
                        if (part.eventKind[e] == FrameEventKind.Lost && pairIndex.TryGetValue(joined, out var code))
                        {
                            part.eventAux[e] = (byte)(code + 1);
                            return (false, joined);
                        }
                        return (true, joined);
                    },
                    overflow
                );
                part.causes.Rewrite((_, offset) => (true, offset + causeBases[p]), []);
                HistoryCodes<string>.ApplyOptional(part.eventBy, actors.Remaps[p]);
                HistoryCodes<string>.Apply(part.headPipeline, pipelines.Remaps[p]);
                HistoryCodes<string>.ApplyOptional(part.headOwner, owners.Remaps[p]);
                HistoryCodes<string>.ApplyOptional(part.headTeam, teams.Remaps[p]);
                HistoryCodes<string>.ApplyOptional(part.headSource, sources.Remaps[p]);
                HistoryCodes<string>.ApplyOptional(part.headProduct, products.Remaps[p]);
                HistoryCodes<string>.ApplyOptional(part.headCustomer, customers.Remaps[p]);
                Shift(part.idOffset, idBases[p], 0);
                Shift(part.nameOffset, nameBases[p], 0);
                Shift(part.headLead, leadBases[p], 1);
                Shift(part.commentText, commentBases[p], 0);
                Shift(part.commentActivity, activityBases[p], 1);
                var starts = CollectionsMarshal.AsSpan(part.eventStart);
                for (var r = 0; r < starts.Length; r++)
                {
                    starts[r] += eventBases[p];
                }
            }
        );
        (int, int) Loss((int Reason, int Competitor) loss, int p) => Renumber(loss, lossReasons.Remaps[p], competitors.Remaps[p]);
        return new FrameHistory
        {
            EventStart = Starts(parts),
            EventAt = Concat(parts, p => p.eventAt),
            EventKind = Concat(parts, p => p.eventKind),
            EventArg = Concat(parts, p => p.eventArg),
            EventAux = Concat(parts, p => p.eventAux),
            EventBy = CodeColumn.Of([.. parts.Select(p => p.eventBy)]),
            SubTicks = SparseColumn<sbyte>.Builder.Join([.. parts.Select(p => p.subTicks)], eventBases),
            Causes = SparseColumn<int>.Builder.Join([.. parts.Select(p => p.causes)], eventBases),
            Skips = SparseColumn<int>.Builder.Join([.. parts.Select(p => p.skips)], eventBases),
            MovedFrom = SparseColumn<string?>.Builder.Join([.. parts.Select(p => p.movedFrom)], eventBases),
            OddDates = SparseColumn<NodaTime.LocalDate>.Builder.Join([.. parts.Select(p => p.oddDates)], eventBases),
            Losses = SparseColumn<(int Reason, int Competitor)>.Builder.Join([.. parts.Select(p => p.losses)], eventBases),
            LossPairs = pairs,
            ChangedAmounts = MoneyColumn.Builder.Join([.. parts.Select(p => p.changedAmounts)], currencies.Remaps),
            CommentText = Concat(parts, p => p.commentText),
            CommentActivity = CodeColumn.Of([.. parts.Select(p => p.commentActivity)]),
            IdOffset = Concat(parts, p => p.idOffset),
            NameOffset = CodeColumn.Of([.. parts.Select(p => p.nameOffset)]),
            HeadPipeline = CodeColumn.Of([.. parts.Select(p => p.headPipeline)]),
            HeadOwner = CodeColumn.Of([.. parts.Select(p => p.headOwner)]),
            HeadTeam = CodeColumn.Of([.. parts.Select(p => p.headTeam)]),
            HeadSource = CodeColumn.Of([.. parts.Select(p => p.headSource)]),
            HeadProduct = CodeColumn.Of([.. parts.Select(p => p.headProduct)]),
            HeadCustomer = CodeColumn.Of([.. parts.Select(p => p.headCustomer)]),
            HeadLead = CodeColumn.Of([.. parts.Select(p => p.headLead)]),
            HeadAmount = MoneyColumn.Builder.Join([.. parts.Select(p => p.headAmount)], currencies.Remaps),
            HeadClose = Concat(parts, p => p.headClose),
            ImportCreatedAt = SparseColumn<long>.Builder.Join([.. parts.Select(p => p.importCreatedAt)], rowBases),
            ImportCreatedSubTicks = SparseColumn<sbyte>.Builder.Join([.. parts.Select(p => p.importCreatedSubTicks)], rowBases),
            ImportInPoolSince = SparseColumn<NodaTime.Instant>.Builder.Join([.. parts.Select(p => p.importInPoolSince)], rowBases),
            Stages = stages.Values,
            Actors = actors.Values,
            Pipelines = pipelines.Values,
            Owners = owners.Values,
            Teams = teams.Values,
            Products = products.Values,
            Criteria = criteria.Values,
            Competitors = competitors.Values,
            Sources = sources.Values,
            LossReasons = lossReasons.Values,
            StopReasons = stopReasons.Values,
            Customers = customers.Values,
            Currencies = currencies.Values,
            Probabilities = Array.ConvertAll(probabilities.Values, b => new decimal([b.Item1, b.Item2, b.Item3, b.Item4])),
            IdText = idText,
            NameText = nameText,
            LeadText = leadText,
            CommentTextHeap = commentTextHeap,
            ActivityText = activityText,
            CauseText = causeText,
        };
    }

    private static (int, int) Renumber((int Reason, int Competitor) loss, int[] reasons, int[] competitors) =>
        (loss.Reason < 0 ? loss.Reason : reasons[loss.Reason], loss.Competitor < 0 ? loss.Competitor : competitors[loss.Competitor]);

    // The loss pairs EventAux codes: the first 255 distinct pairs (in final codes) in the order the parts met them, and
    // for each part, for each of its own pair codes, the joined one (-1: past the first 255).
    private static ((int, int)[] Pairs, Dictionary<(int, int), int> Index, int[][] Codes) JoinLossPairs(
        IReadOnlyList<FrameHistoryBuilder> parts,
        int[][] reasonRemaps,
        int[][] competitorRemaps
    )
    {
        var index = new Dictionary<(int, int), int>();
        var pairs = new List<(int, int)>();
        var codes = new int[parts.Count][];
        for (var p = 0; p < parts.Count; p++)
        {
            var local = parts[p].lossPairs.Provisional;
            codes[p] = new int[local.Count];
            for (var i = 0; i < local.Count; i++)
            {
                var pair = Renumber(local[i], reasonRemaps[p], competitorRemaps[p]);
                if (!index.TryGetValue(pair, out var code))
                {
                    code = pairs.Count < byte.MaxValue ? pairs.Count : -1;
                    if (code >= 0)
                    {
                        index.Add(pair, code);
                        pairs.Add(pair);
                    }
                }
                codes[p][i] = code;
            }
        }
        return ([.. pairs], index, codes);
    }

    private static int[] Bases(IReadOnlyList<FrameHistoryBuilder> parts, Func<FrameHistoryBuilder, int> count)
    {
        var bases = new int[parts.Count];
        for (var p = 1; p < parts.Count; p++)
        {
            bases[p] = bases[p - 1] + count(parts[p - 1]);
        }
        return bases;
    }

    // Adds `shift` to every offset of a column that holds offsets plus `plus` (codes below `plus` mean none).
    private static void Shift(List<int> column, int shift, int plus)
    {
        foreach (ref var value in CollectionsMarshal.AsSpan(column))
        {
            if (value >= plus)
            {
                value += shift;
            }
        }
    }

    private static T[] Concat<T>(IReadOnlyList<FrameHistoryBuilder> parts, Func<FrameHistoryBuilder, List<T>> column)
    {
        var total = 0;
        foreach (var part in parts)
        {
            total += column(part).Count;
        }
        var joined = new T[total];
        var at = 0;
        foreach (var part in parts)
        {
            var span = CollectionsMarshal.AsSpan(column(part));
            span.CopyTo(joined.AsSpan(at));
            at += span.Length;
        }
        return joined;
    }

    // Every part's event starts (already moved to the joined rows) after the first part's leading 0.
    private static int[] Starts(IReadOnlyList<FrameHistoryBuilder> parts)
    {
        var total = 1;
        foreach (var part in parts)
        {
            total += part.Count;
        }
        var starts = new int[total];
        var at = 1;
        foreach (var part in parts)
        {
            var span = CollectionsMarshal.AsSpan(part.eventStart)[1..];
            span.CopyTo(starts.AsSpan(at));
            at += span.Length;
        }
        return starts;
    }
}
