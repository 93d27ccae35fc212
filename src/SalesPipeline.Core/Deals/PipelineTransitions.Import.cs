using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

public static partial class PipelineTransitions
{
    /// <summary>
    /// Brings in many deals as they stand in another system, in one call: every record is checked against the pipeline,
    /// and each accepted record becomes a <see cref="Deal"/> whose history starts with <see cref="DealImported"/>.
    /// </summary>
    /// <param name="pipeline">The pipeline the deals belong to.</param>
    /// <param name="records">The records, for example one per row of a CRM export.</param>
    /// <param name="asOf">
    /// When the export was taken: the instant the records describe. No instant of a record may be later. An open deal with
    /// neither a history nor <see cref="DealImport.StageEnteredAt"/> is known to be in its stage from this instant, and
    /// overrides are dated at it; a stopped deal's record describes it at its <see cref="DealImport.StoppedAt"/> instead.
    /// </param>
    /// <returns>
    /// The deals of the accepted records in input order, and every error of the rejected ones (a rejected record yields no
    /// deal at all); <see cref="ImportResult.Read"/> = <see cref="ImportResult.Accepted"/> + <see cref="ImportResult.Rejected"/>.
    /// A null record and a second record with an id already read are rejected too. The deals are held as columns (about
    /// 140 bytes per deal and its events, against about 900 for the objects): each read of
    /// <see cref="ImportResult.Deals"/>' elements makes that deal from them, a new object equal to the one read before, and
    /// every metric over the list starts from those columns without building them again.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="records"/> is null.</exception>
    /// <remarks>
    /// <para>How a record becomes a history (see docs/pipelines-and-deals.md, "Imported deals"):</para>
    /// <list type="number">
    /// <item><see cref="DealImported"/> at the first known instant in the first known stage: the first history entry; else,
    /// for an open deal, <see cref="DealImport.StageEnteredAt"/> (stage entry known) or <paramref name="asOf"/> (only seen
    /// there: the stay is left-truncated); for a closed deal, <see cref="DealImport.ClosedAt"/> in the Won or Lost stage.</item>
    /// <item>One event per later history entry: a <see cref="StageMoved"/> between open stages, with its direction and
    /// skipped count derived from the pipeline's stage order (exit criteria are not checked: the history is a fact, not a
    /// request); <see cref="DealWon"/> or <see cref="DealLost"/> on entering the Won or Lost stage; <see cref="DealReopened"/>
    /// on entering an open stage after that.</item>
    /// <item>The close, if the history ends in an open stage and the deal is won or lost.</item>
    /// <item>One <see cref="AmountChanged"/>, <see cref="ExpectedCloseChanged"/> or <see cref="OwnerReassigned"/> per field
    /// change, merged in time order with the stage events; <see cref="DealImported"/> carries each field's value before its
    /// first change. At one instant: <see cref="DealImported"/>, a reopening, the changes (amount, close date, owner, each
    /// list in its order), then any other stage event, so the deal is open for the changes whenever it can be.</item>
    /// <item>A deal without an owner waits in its pool (<see cref="DealImport.Team"/>'s, or the company's) since
    /// <see cref="DealImport.InPoolSince"/> (default: its creation). Up to the first observation, <see cref="DealImported"/>
    /// carries the pool and no owner; later, it carries the first owner (<see cref="Unknown.Actor"/> without
    /// <see cref="DealImport.OwnerChanges"/>) and a <see cref="DealAssignedToPool"/> at that instant follows the owner
    /// changes. A deal in its pool from the first observation on had no rep, so its history cannot win or lose it.</item>
    /// <item>The probability and category overrides, at <paramref name="asOf"/>.</item>
    /// <item>A stopped deal (<see cref="DealImport.Status"/> Stopped) is imported as the open deal it was when it was
    /// stopped: as if <paramref name="asOf"/> were its <see cref="DealImport.StoppedAt"/> (an open deal without a history
    /// or stage entry is observed there, and the overrides are dated there), followed by a <see cref="DealStopped"/> at
    /// that instant for its <see cref="DealImport.StopReason"/> (<see cref="StopReason.Unknown"/> when null), by
    /// <see cref="DealImport.By"/>. It may wait in a pool, as an open deal may.</item>
    /// </list>
    /// <para>Rules checked, each reported as an <see cref="ImportError"/>: the id is set and not repeated; the owner is not
    /// empty when given, and given for a won or lost deal (only an open deal waits in a pool); the team is not empty when
    /// given; a pool entry instant belongs to a deal without an owner;
    /// the amount is set and not negative; the stage exists; the status agrees with the stage (Open or Stopped with an open
    /// stage, Won with the Won stage, Lost with the Lost stage); a closed deal has its close instant and no other deal has
    /// one; a stopped deal has its stop instant, not after <paramref name="asOf"/>, no other deal has one or a stop reason,
    /// and no other instant of a stopped deal's record is after its stop instant; the loss
    /// reason and competitor belong to a lost deal and overrides to an open one; the probability is in [0, 1] from Manual or
    /// Model; the category is not Closed; the expected close date and the creation are supported dates (ISO calendar,
    /// 0001-01-01 to 9999-12-31); no instant is before the creation or after <paramref name="asOf"/>; history
    /// entries are in time order, name stages of the pipeline, never enter the stage the deal is in, close only an open deal
    /// (no two wins), reopen only when the pipeline allows it, and end where the record says the deal is; each list of field
    /// changes is oldest first, each change valid for its field (amounts not negative, in any currency; dates supported;
    /// owners not blank), changing its value, starting where the one before ended and the last ending in the record's
    /// current value, none before the deal's first observation (it could not be an event of the deal) or after
    /// <paramref name="asOf"/>, and the amount and close date changing only while the deal is open.</para>
    /// <para>Pure and thread-safe. A list of records (an array, a <see cref="List{T}"/>, any
    /// <see cref="IReadOnlyList{T}"/>) of many records is imported in parts on the cores, so its indexer may be called
    /// from several threads; the result is the same as reading the records one after the other.</para>
    /// </remarks>
    /// <example><code>
    /// var result = pipeline.Import(records, Instant.FromUtc(2026, 11, 30, 0, 0));
    /// Console.WriteLine(result);            // read 10000: accepted 10000, rejected 0
    /// var funnel = Funnel.Of(result.Deals, pipeline, Currency.USD);
    /// </code></example>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static ImportResult Import(this PipelineDefinition pipeline, IEnumerable<DealImport?> records, Instant asOf)
    {
        Preconditions.CheckNotNull(pipeline);
        Preconditions.CheckNotNull(records);
        Preconditions.CheckInstant(asOf);
        if (records is IReadOnlyList<DealImport?> list && FramePartitions.Parts(list.Count, splitFrom: ImportSplit) is > 1 and var parts)
        {
            return ImportInParts(pipeline, list, asOf, parts);
        }
        var whole = new ImportPart();
        whole.Import(pipeline, records, 0, asOf);
        return ImportPart.Result([whole]);
    }

    // Below this many records one core imports them sooner than several start (a record takes a few microseconds).
    private const int ImportSplit = 8192;

    // A list of records imported in parts of consecutive records on the cores: a record's deal or errors depend on the
    // record alone, apart from its id's first use, so the parts' results in order are the whole import's once no id of a
    // part is also used in an earlier part. When one is, the records are imported again in one part, which reports it.
    private static ImportResult ImportInParts(PipelineDefinition pipeline, IReadOnlyList<DealImport?> list, Instant asOf, int parts)
    {
        var imported = FramePartitions.Run(
            list.Count,
            parts,
            (_, from, to) =>
            {
                var part = new ImportPart(to - from);
                part.Import(pipeline, Range(list, from, to), from, asOf);
                return part;
            }
        );
        var repeated = FramePartitions.Run(
            parts,
            parts,
            (_, from, to) =>
            {
                for (var p = from; p < to; p++)
                {
                    foreach (var id in imported[p].Seen.Keys)
                    {
                        for (var q = 0; q < p; q++)
                        {
                            if (imported[q].Seen.ContainsKey(id))
                            {
                                return true;
                            }
                        }
                    }
                }
                return false;
            }
        );
        if (Array.IndexOf(repeated, true) >= 0)
        {
            var whole = new ImportPart(list.Count);
            whole.Import(pipeline, list, 0, asOf);
            return ImportPart.Result([whole]);
        }
        return ImportPart.Result(imported);
    }

    private static IEnumerable<DealImport?> Range(IReadOnlyList<DealImport?> list, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            yield return list[i];
        }
    }

    // The deals and errors of consecutive records, and the first index of each id they use. A deal is kept as its row of
    // a frame (its columns and history, without the object), so that an import of a million deals holds the frame's
    // columns instead of a million deal objects, and every metric over the result starts from that frame. `records`: how
    // many records the part will read, when known, so that its lists are made at their size instead of grown by copies
    // (each deal has at least one event, its creation or import; the rest of the events grow the lists).
    private sealed class ImportPart(int records = 0)
    {
        private readonly DealFrameBuilder deals = new(keepDeals: false, records, records);
        private readonly List<ImportError> errors = [];
        private int read;

        internal Dictionary<DealId, int> Seen { get; } = new(records);

        // Imports the records, the first of which has index `first` in the whole import.
        internal void Import(PipelineDefinition pipeline, IEnumerable<DealImport?> records, int first, Instant asOf)
        {
            var sink = new RecordErrors(errors);
            var index = first;
            foreach (var record in records)
            {
                var before = errors.Count;
                if (record is null)
                {
                    errors.Add(new ImportError(index, null, "(record)", "null", "A record must not be null."));
                }
                else
                {
                    var deal = Build(pipeline, record, asOf, index, sink);
                    if (record.Id.Value.Length > 0)
                    {
                        if (Seen.TryGetValue(record.Id, out var firstUse))
                        {
                            errors.Add(
                                new ImportError(
                                    index,
                                    record.Id,
                                    nameof(DealImport.Id),
                                    record.Id.ToString(),
                                    string.Create(CultureInfo.InvariantCulture, $"Deal ids are unique; record {firstUse} has the same id.")
                                )
                            );
                        }
                        else
                        {
                            Seen.Add(record.Id, index);
                        }
                    }
                    if (errors.Count == before)
                    {
                        deals.Add(deal!);
                    }
                }
                index++;
            }
            read += index - first;
        }

        // The result of parts that imported consecutive records, in order (no id of a part is used in another).
        internal static ImportResult Result(IReadOnlyList<ImportPart> parts)
        {
            var frame = DealFrameBuilder.Join([.. parts.Select(p => p.deals)]);
            var errors = parts.Count == 1 ? parts[0].errors : [.. parts.SelectMany(p => p.errors)];
            return new ImportResult(parts.Sum(p => p.read), frame.DealList, errors.AsReadOnly());
        }
    }

    /// <summary>
    /// Brings in one deal as it stands in another system; the same checks and history as the bulk
    /// <see cref="Import(PipelineDefinition, IEnumerable{DealImport}, Instant)"/>, but a rejected record throws.
    /// </summary>
    /// <param name="pipeline">The pipeline the deal belongs to.</param>
    /// <param name="record">The record.</param>
    /// <param name="asOf">When the export was taken (see the bulk overload).</param>
    /// <returns>The deal, whose history starts with <see cref="DealImported"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> or <paramref name="record"/> is null.</exception>
    /// <exception cref="DealImportException">The record breaks a rule; the exception lists every error, at index 0.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="asOf"/> is not a supported instant: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.</exception>
    public static Deal Import(this PipelineDefinition pipeline, DealImport record, Instant asOf)
    {
        Preconditions.CheckNotNull(pipeline);
        Preconditions.CheckNotNull(record);
        Preconditions.CheckInstant(asOf);
        var errors = new List<ImportError>();
        var deal = Build(pipeline, record, asOf, 0, new RecordErrors(errors));
        return errors.Count == 0 ? deal! : throw new DealImportException(errors, nameof(record));
    }

    // What checking one record after another reuses, one per import (a bulk import checks a million records): where the
    // errors of the record being checked go, pointed at each record in turn, so that checking a record allocates neither a
    // closure nor a delegate; and the lists its checks fill, emptied for the next record (the deal keeps none of them).
    private sealed class RecordErrors
    {
        internal List<(StageEntry Entry, Stage Stage)> Entries { get; } = [];

        internal List<DealEvent> Events { get; } = [];

        internal List<DealEvent> Staged { get; } = [];

        private readonly List<ImportError> errors;

        internal RecordErrors(List<ImportError> errors)
        {
            this.errors = errors;
            Fail = Add;
        }

        internal int Index { get; set; }

        internal DealId? Id { get; set; }

        internal int Count => errors.Count;

        // The one delegate the checks below share.
        internal Action<string, object?, string> Fail { get; }

        private void Add(string field, object? value, string rule) => errors.Add(new ImportError(Index, Id, field, Text(value), rule));
    }

    // Checks a record and, when it breaks no rule, returns its deal; otherwise adds every error and returns null.
    private static Deal? Build(PipelineDefinition pipeline, DealImport r, Instant asOf, int index, RecordErrors errors)
    {
        var before = errors.Count;
        DealId? id = r.Id.Value.Length > 0 ? r.Id : null;
        (errors.Index, errors.Id) = (index, id);
        var fail = errors.Fail;
        void Fail(string field, object? value, string rule) => fail(field, value, rule);

        if (id is null)
        {
            Fail(nameof(r.Id), null, "A deal id must be set (new DealId(\"...\")).");
        }
        if (r.Name is not null && string.IsNullOrWhiteSpace(r.Name))
        {
            Fail(nameof(r.Name), r.Name, "A name is not empty; leave it null when the export has none (it becomes Unknown.Name).");
        }
        if (r.Owner is not null && string.IsNullOrWhiteSpace(r.Owner))
        {
            Fail(nameof(r.Owner), r.Owner, "An owner is not empty; leave it null while the deal waits in a pool.");
        }
        if (r.Amount is null)
        {
            Fail(nameof(r.Amount), null, "Every deal has an amount.");
        }
        else if (r.Amount.IsNegative)
        {
            Fail(nameof(r.Amount), r.Amount, "A deal amount must not be negative.");
        }
        CheckGiven(nameof(r.Product), r.Product);
        CheckGiven(nameof(r.By), r.By);
        CheckGiven(nameof(r.Competitor), r.Competitor);
        CheckGiven(nameof(r.Team), r.Team);
        // Every other instant of the record lies between CreatedAt and asOf, so these two keep them all supported.
        if (Preconditions.InstantProblem(r.CreatedAt) is { } createdProblem)
        {
            Fail(nameof(r.CreatedAt), r.CreatedAt, createdProblem);
        }
        if (Preconditions.DateProblem(r.ExpectedClose) is { } closeProblem)
        {
            Fail(nameof(r.ExpectedClose), r.ExpectedClose, closeProblem);
        }
        if (r.CreatedAt > asOf)
        {
            Fail(nameof(r.CreatedAt), r.CreatedAt, $"The deal cannot be created after the import's asOf instant {asOf}.");
        }

        var stage = pipeline.TryGetStage(r.StageId, out var s) ? s : null;
        if (stage is null)
        {
            Fail(
                nameof(r.StageId),
                r.StageId,
                $"Pipeline \"{pipeline.Name}\" has no stage with this id; its stages are {StageList(pipeline)}."
            );
        }
        var status = r.Status;
        var stopped = status == DealStatus.Stopped;
        if (!Enum.IsDefined(status))
        {
            Fail(nameof(r.Status), status, "The status is Open, Won, Lost or Stopped.");
        }
        else if (stage is not null && StatusOf(stage) != (stopped ? DealStatus.Open : status))
        {
            Fail(
                nameof(r.Status),
                status,
                $"A deal with status {status} is in {(status is DealStatus.Open or DealStatus.Stopped ? "an open stage" : $"the {status} stage (\"{(status == DealStatus.Won ? pipeline.WonStage : pipeline.LostStage).Id}\")")}; stage \"{stage.Id}\" is {(stage.IsOpen ? "an open stage" : $"the {stage.Kind} stage")}."
            );
        }
        if (stopped && r.StoppedAt is null)
        {
            Fail(nameof(r.StoppedAt), null, "A stopped deal needs the instant it was stopped.");
        }
        if (!stopped && r.StoppedAt is not null)
        {
            Fail(nameof(r.StoppedAt), r.StoppedAt, "Only a stopped deal has a stop instant.");
        }
        if (!stopped && r.StopReason is not null)
        {
            Fail(nameof(r.StopReason), r.StopReason, "Only a stopped deal has a stop reason.");
        }
        var importLimit = (At: asOf, Name: "the import's asOf");
        CheckInstant(nameof(r.StoppedAt), r.StoppedAt, importLimit);
        // A stopped deal's record describes it as it stood when it was stopped: that is where the import observes it.
        var until =
            stopped && r.StoppedAt is { } stoppedAt && stoppedAt >= r.CreatedAt && stoppedAt <= asOf
                ? (At: stoppedAt, Name: "its StoppedAt")
                : importLimit;
        var closed = status is DealStatus.Won or DealStatus.Lost;
        if (closed && r.ClosedAt is null)
        {
            Fail(nameof(r.ClosedAt), null, $"A {status} deal needs the instant it was {status.ToString().ToLowerInvariant()}.");
        }
        if (!closed && r.ClosedAt is not null)
        {
            Fail(nameof(r.ClosedAt), r.ClosedAt, "Only a won or lost deal has a close instant.");
        }
        CheckInstant(nameof(r.ClosedAt), r.ClosedAt, until);
        CheckInstant(nameof(r.StageEnteredAt), r.StageEnteredAt, until);
        CheckInstant(nameof(r.InPoolSince), r.InPoolSince, until);
        if (r.Owner is null && closed)
        {
            Fail(
                nameof(r.Owner),
                null,
                $"A {status.ToString().ToLowerInvariant()} deal is never in a pool: it keeps the owner it was decided under, so it has an owner."
            );
        }
        if (r.Owner is not null && r.InPoolSince is not null)
        {
            Fail(
                nameof(r.InPoolSince),
                r.InPoolSince,
                "Only a deal waiting in a pool (no owner) has a pool entry instant; an owned deal's past pool is its Team alone."
            );
        }
        if (closed && r.StageEnteredAt is not null)
        {
            Fail(
                nameof(r.StageEnteredAt),
                r.StageEnteredAt,
                "Only an open deal has a stage-entry instant; a closed deal entered its stage at ClosedAt."
            );
        }
        if (status != DealStatus.Lost && r.LossReason is not null)
        {
            Fail(nameof(r.LossReason), r.LossReason, "Only a lost deal has a loss reason.");
        }
        if (status != DealStatus.Lost && r.Competitor is not null)
        {
            Fail(nameof(r.Competitor), r.Competitor, "Only a lost deal names the competitor it was lost to.");
        }
        if (r.ProbabilityOverride is { } p)
        {
            if (p < 0m || p > 1m)
            {
                Fail(nameof(r.ProbabilityOverride), p, "A probability must be between 0 and 1 inclusive.");
            }
            if (closed)
            {
                Fail(
                    nameof(r.ProbabilityOverride),
                    p,
                    "Only an open deal has a probability override; a won deal counts 1 and a lost one 0."
                );
            }
            if (r.ProbabilitySource is not (ValueSource.Manual or ValueSource.Model))
            {
                Fail(nameof(r.ProbabilitySource), r.ProbabilitySource, "An override's source is Manual or Model.");
            }
        }
        if (r.CategoryOverride is { } c)
        {
            if (!Enum.IsDefined(c) || c == ForecastCategory.Closed)
            {
                Fail(
                    nameof(r.CategoryOverride),
                    c,
                    "A category override is Omitted, Pipeline, BestCase or Commit; only winning makes a deal Closed."
                );
            }
            if (closed)
            {
                Fail(
                    nameof(r.CategoryOverride),
                    c,
                    "Only an open deal has a category override; a won deal is Closed and a lost one Omitted."
                );
            }
        }
        if (r.History is null)
        {
            Fail(nameof(r.History), null, "The history is a list; use [] when it is unknown.");
        }
        CheckList(nameof(r.AmountChanges), r.AmountChanges);
        CheckList(nameof(r.ExpectedCloseChanges), r.ExpectedCloseChanges);
        CheckList(nameof(r.OwnerChanges), r.OwnerChanges);
        if (errors.Count > before || stage is null)
        {
            return null;
        }

        var by = r.By ?? Unknown.Actor;
        var entries = CheckHistory(pipeline, r, stage, until, fail, errors.Entries);
        if (errors.Count > before)
        {
            return null;
        }
        var observed = FirstObservation(r, entries, closed, until);
        var amount = CheckChanges(nameof(r.AmountChanges), r.AmountChanges, r.Amount!, observed, until, AmountProblem, fail);
        var close = CheckChanges(
            nameof(r.ExpectedCloseChanges),
            r.ExpectedCloseChanges,
            r.ExpectedClose,
            observed,
            until,
            d => Preconditions.DateProblem(d),
            fail
        );
        var (owner, pool) = CheckOwner(r, observed, until, by, fail);
        if (errors.Count > before)
        {
            return null;
        }
        var first = (owner, amount, close);
        var (events, staged) = (errors.Events, errors.Staged);
        events.Clear();
        staged.Clear();
        var reason = status == DealStatus.Lost ? r.LossReason ?? LossReason.Unknown : null;
        var lastClose = LastCloseIndex(entries);
        // The first observation.
        if (entries.Count > 0)
        {
            var (firstEntry, firstStage) = entries[0];
            var firstStatus = StatusOf(firstStage);
            var final = lastClose == 0;
            events.Add(
                Imported(
                    pipeline,
                    r,
                    first,
                    firstEntry.EnteredAt,
                    firstEntry.By ?? by,
                    firstStage,
                    true,
                    firstStatus,
                    final ? reason
                        : firstStatus == DealStatus.Lost ? LossReason.Unknown
                        : null,
                    final ? r.Competitor : null
                )
            );
        }
        else if (!closed)
        {
            events.Add(
                Imported(
                    pipeline,
                    r,
                    first,
                    r.StageEnteredAt ?? until.At,
                    by,
                    stage,
                    r.StageEnteredAt is not null,
                    DealStatus.Open,
                    null,
                    null
                )
            );
        }
        else
        {
            events.Add(Imported(pipeline, r, first, r.ClosedAt!.Value, by, stage, true, status, reason, r.Competitor));
        }
        // The later entries.
        for (var i = 1; i < entries.Count; i++)
        {
            var (from, (entry, to)) = (entries[i - 1].Stage, entries[i]);
            var at = entry.EnteredAt;
            var who = entry.By ?? Unknown.Actor;
            var final = i == lastClose;
            staged.Add(
                to.Kind switch
                {
                    StageKind.Won => new DealWon(r.Id, at, who, to.Id),
                    StageKind.Lost => new DealLost(r.Id, at, who, to.Id, final ? reason! : LossReason.Unknown, final ? r.Competitor : null),
                    _ when from.IsClosed => new DealReopened(r.Id, at, who, to.Id),
                    _ => MoveEvent(r.Id, at, who, from, to),
                }
            );
        }
        // The close the history lacks; the changes merged in among the stage events; then the overrides in force when the
        // record was taken (asOf, or a stopped deal's StoppedAt), and the stop.
        if (closed && entries.Count > 0 && entries[^1].Stage.IsOpen)
        {
            var at = r.ClosedAt!.Value;
            staged.Add(
                status == DealStatus.Won ? new DealWon(r.Id, at, by, stage.Id) : new DealLost(r.Id, at, by, stage.Id, reason!, r.Competitor)
            );
        }
        if (owner is null && staged.Find(e => e is DealWon or DealLost) is { } decided)
        {
            // In its pool since the first observation, it never had a rep to win or lose it (Deal refuses that history).
            Fail(
                nameof(r.InPoolSince),
                r.InPoolSince ?? r.CreatedAt,
                $"The deal waits in its pool since then, but its history {(decided is DealWon ? "wins" : "loses")} it at {decided.At}, and a deal in a pool is not won or lost: give an InPoolSince after its last reopening."
            );
            return null;
        }
        if (!Merge(events, staged, ChangeEvents(r, pool), fail))
        {
            return null;
        }
        if (r.ProbabilityOverride is { } probability)
        {
            events.Add(new ProbabilityOverridden(r.Id, until.At, by, probability, r.ProbabilitySource));
        }
        if (r.CategoryOverride is { } category)
        {
            events.Add(new CategoryOverridden(r.Id, until.At, by, category));
        }
        if (stopped)
        {
            events.Add(new DealStopped(r.Id, until.At, by, r.StopReason ?? StopReason.Unknown));
        }
        return Deal.FromEvents(events);

        void CheckGiven(string field, string? value)
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                Fail(field, value, "The value is not empty when given; leave it null when unknown.");
            }
        }

        void CheckList(string field, object? list)
        {
            if (list is null)
            {
                Fail(field, null, "The changes are a list; use [] when they are unknown.");
            }
        }

        void CheckInstant(string field, Instant? at, (Instant At, string Name) limit)
        {
            if (at is { } value && (value < r.CreatedAt || value > limit.At))
            {
                Fail(field, value, $"Every instant of a record lies between its CreatedAt ({r.CreatedAt}) and {limit.Name} ({limit.At}).");
            }
        }
    }

    // Checks the history entries in order and resolves their stages; an entry that breaks a rule stops the check (later
    // entries cannot be judged without it).
    private static List<(StageEntry Entry, Stage Stage)> CheckHistory(
        PipelineDefinition pipeline,
        DealImport r,
        Stage current,
        (Instant At, string Name) until,
        Action<string, object?, string> fail,
        List<(StageEntry Entry, Stage Stage)> entries
    )
    {
        entries.Clear();
        for (var i = 0; i < r.History.Count; i++)
        {
            var field = new ListField(nameof(r.History), i);
            var entry = r.History[i];
            if (entry is null)
            {
                fail(field.Name, null, "A history entry must not be null.");
                return entries;
            }
            if (!pipeline.TryGetStage(entry.StageId, out var stage))
            {
                fail(
                    field + ".StageId",
                    entry.StageId,
                    $"Pipeline \"{pipeline.Name}\" has no stage with this id; its stages are {StageList(pipeline)}."
                );
                return entries;
            }
            if (entry.By is not null && string.IsNullOrWhiteSpace(entry.By))
            {
                fail(field + ".By", entry.By, "The actor is not empty when given; leave it null when unknown.");
                return entries;
            }
            if (i == 0 && entry.EnteredAt < r.CreatedAt)
            {
                fail(field + ".EnteredAt", entry.EnteredAt, $"A deal cannot change stage before it was created ({r.CreatedAt}).");
                return entries;
            }
            if (entry.EnteredAt > until.At)
            {
                fail(field + ".EnteredAt", entry.EnteredAt, $"An entry cannot be later than {until.Name} ({until.At}).");
                return entries;
            }
            if (i > 0)
            {
                var (previous, was) = entries[i - 1];
                if (entry.EnteredAt < previous.EnteredAt)
                {
                    fail(field + ".EnteredAt", entry.EnteredAt, $"Entries are in time order; the entry before is at {previous.EnteredAt}.");
                    return entries;
                }
                if (was.IsClosed && stage.IsClosed)
                {
                    fail(
                        field + ".StageId",
                        entry.StageId,
                        $"The deal is already {was.Kind.ToString().ToLowerInvariant()}; only reopening into an open stage can follow a win or a loss."
                    );
                    return entries;
                }
                if (stage == was)
                {
                    fail(field + ".StageId", entry.StageId, "The deal is already in this stage (the entry before enters it too).");
                    return entries;
                }
                if (was.IsClosed && !pipeline.Policies.AllowReopen)
                {
                    fail(field + ".StageId", entry.StageId, $"Pipeline \"{pipeline.Name}\" does not allow reopening a won or lost deal.");
                    return entries;
                }
            }
            entries.Add((entry, stage));
        }
        if (entries.Count == 0)
        {
            return entries;
        }
        var (last, lastStage) = entries[^1];
        var lastField = new ListField(nameof(r.History), entries.Count - 1);
        if (current.IsOpen ? lastStage != current : lastStage.IsClosed && lastStage != current)
        {
            fail(
                lastField + ".StageId",
                last.StageId,
                current.IsOpen
                    ? $"The history ends where the deal is now; the record says stage \"{current.Id}\"."
                    : $"The history of a {current.Kind.ToString().ToLowerInvariant()} deal ends in its \"{current.Id}\" stage or in the open stage it was closed from."
            );
        }
        else if (current.IsClosed && r.ClosedAt is { } closedAt)
        {
            if (lastStage.IsClosed && last.EnteredAt != closedAt)
            {
                fail(
                    lastField + ".EnteredAt",
                    last.EnteredAt,
                    $"Entering the {current.Kind} stage is the close; the record's ClosedAt is {closedAt}."
                );
            }
            else if (lastStage.IsOpen && closedAt < last.EnteredAt)
            {
                fail(nameof(r.ClosedAt), closedAt, $"The deal closes after its last history entry ({last.EnteredAt}).");
            }
        }
        else if (r.StageEnteredAt is { } entered && entered != last.EnteredAt)
        {
            fail(nameof(r.StageEnteredAt), entered, $"With a history, the stage-entry instant is the last entry's ({last.EnteredAt}).");
        }
        return entries;
    }

    // The name of entry i of a record's list in an error, made only when there is one: "History[2]", "History[2].StageId".
    private readonly record struct ListField(string List, int Index)
    {
        internal string Name => string.Create(CultureInfo.InvariantCulture, $"{List}[{Index}]");

        public static string operator +(ListField field, string member) => field.Name + member;
    }

    // The index of the last entry into the Won or Lost stage, or -1: the close whose reason and competitor the record gives.
    private static int LastCloseIndex(List<(StageEntry Entry, Stage Stage)> entries) =>
        entries.Count > 0 && entries[^1].Stage.IsClosed ? entries.Count - 1 : -1;

    private static DealImported Imported(
        PipelineDefinition pipeline,
        DealImport r,
        (string? Owner, Money Amount, LocalDate ExpectedClose) first,
        Instant at,
        string by,
        Stage stage,
        bool entryKnown,
        DealStatus status,
        LossReason? reason,
        string? competitor
    ) =>
        new(
            r.Id,
            at,
            by,
            pipeline.Name,
            r.Name ?? Unknown.Name,
            first.Owner,
            first.Amount,
            first.ExpectedClose,
            stage.Id,
            status,
            r.CreatedAt,
            entryKnown,
            reason,
            competitor,
            r.LeadId,
            r.Source,
            r.Product,
            r.Customer,
            // Pooled from the first observation: the event carries the pool; pooled later: DealAssignedToPool sets it.
            first.Owner
                is null
            || r.Owner is not null
                ? r.Team
                : null,
            first.Owner is null ? r.InPoolSince ?? r.CreatedAt : null
        );

    // Direction and skipped count come from the pipeline's stage order, never from the caller.
    private static DealStatus StatusOf(Stage stage) =>
        stage.Kind switch
        {
            StageKind.Won => DealStatus.Won,
            StageKind.Lost => DealStatus.Lost,
            _ => DealStatus.Open,
        };

    private static string StageList(PipelineDefinition pipeline) => string.Join(", ", pipeline.Stages.Select(s => s.Id));

    private static string Text(object? value) =>
        value switch
        {
            null => "null",
            string s => $"\"{s}\"",
            // ISO, like every date in the messages; LocalDate's own default is the long culture pattern, whose year of
            // era shows 0000-12-31 as "31 December 0001".
            LocalDate d => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "null",
        };
}
