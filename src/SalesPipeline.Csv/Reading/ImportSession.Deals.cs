using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using SalesPipeline.Csv.Reading.Formats;
using SalesPipeline.Deals;
using SalesPipeline.Pipelines;
using static SalesPipeline.Csv.Reading.CanonicalColumns;

namespace SalesPipeline.Csv.Reading;

internal sealed partial class ImportSession
{
    private void ReadDeals(CsvFile file)
    {
        Currency? lastCurrency = null;
        while (file.Read(errors, out var line))
        {
            StopIfAsked();
            KeepMalformedIds(file);
            var reader = file.Reader;
            var row = new DealRow(line, dealRaw.Add(reader.RawRecord));
            deals.Add(row);
            if (deals.Count == SizingRows && file.EstimateRows(deals.Count, dealRaw.Bytes) is var estimate and > SizingRows)
            {
                deals.EnsureCapacity(estimate);
                dealById.EnsureCapacity(estimate);
                dealRaw.EnsureCapacity(estimate);
            }
            if (!CheckUtf8(file, line))
            {
                row.Rejected = true;
                continue;
            }
            var before = errors.Count;
            (current, currentLine, currentColumns) = (file, line, AllDealColumns);

            var id = Text(file, DId);
            if (id is null)
            {
                Bad(DId, "Every deal has an id.");
            }
            else if (dealById.TryGetValue(id, out var first))
            {
                Bad(
                    DId,
                    string.Create(CultureInfo.InvariantCulture, $"Deal ids are unique; deals line {deals[first].Line} has the same id.")
                );
            }
            else
            {
                dealById.Add(id, deals.Count - 1);
            }
            var owner = Text(file, DOwner);
            var team = Text(file, DTeam);
            if (owner is null && file.Index[DTeam] < 0)
            {
                Bad(DOwner, "Every deal has an owner (a deal waiting in a pool has a blank owner in a file with a team column).");
            }
            else if (owner is null)
            {
                // An owned deal's team cell is not read: gen_pipeline.py writes the owner's team there, and the pool a rep
                // took a deal from is history the file does not date.
                row.Pooled = true;
                row.Team = team;
            }
            else if (options.Owners is { } owners)
            {
                if (owners.TryGetValue(owner, out var mapped))
                {
                    owner = mapped;
                }
                else
                {
                    Bad(DOwner, "The owner is not in CsvReadOptions.Owners.");
                }
            }
            // The currency: the cell's ISO code, else the default one.
            var currency = options.DefaultCurrency;
            var code = Text(file, DCurrency);
            if (code is not null)
            {
                currency =
                    lastCurrency is not null && lastCurrency.Code == code ? lastCurrency
                    : Currency.TryFromCode(code, out var found) ? found
                    : null;
                if (currency is null)
                {
                    Bad(DCurrency, "The currency is not an active ISO 4217 code (three capital letters, such as USD).");
                }
                lastCurrency = currency ?? lastCurrency;
            }
            else if (currency is null)
            {
                Bad(DCurrency, "Every amount has a currency: this row has none and CsvReadOptions.DefaultCurrency is not set.");
            }
            Money? amount = null;
            var amountCell = Cell(file, DAmount);
            if (IsBlank(amountCell))
            {
                Bad(DAmount, "Every deal has an amount.");
            }
            else if (values.Decimal(amountCell, out var value) is { } amountProblem)
            {
                Bad(DAmount, amountProblem);
            }
            else if (currency is not null)
            {
                if (Math.Abs(value) > currency.MaxAmount)
                {
                    Bad(
                        DAmount,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"An amount in {currency.Code} is at most {currency.MaxAmount} either way."
                        )
                    );
                }
                else
                {
                    amount = Money.Of(value, currency);
                }
            }
            Stage? stage = null;
            var label = Text(file, DStage);
            if (label is null)
            {
                Bad(DStage, "Every deal is in a stage.");
            }
            else if ((stage = StageOf(label)) is null)
            {
                Bad(DStage, UnknownStage(label));
            }
            var status = stage is null ? DealStatus.Open : StatusOf(stage);
            var statusCell = Values.Trim(Cell(file, DStatus));
            if (!IsBlank(statusCell))
            {
                if (Ascii.EqualsIgnoreCase(statusCell, "open"u8))
                {
                    status = DealStatus.Open;
                }
                else if (Ascii.EqualsIgnoreCase(statusCell, "won"u8))
                {
                    status = DealStatus.Won;
                }
                else if (Ascii.EqualsIgnoreCase(statusCell, "lost"u8))
                {
                    status = DealStatus.Lost;
                }
                else if (Ascii.EqualsIgnoreCase(statusCell, "stopped"u8))
                {
                    // Imported open in the stage it stopped in, then stopped (DealImport has no stopped status).
                    status = DealStatus.Stopped;
                }
                else if (spec.StatusClosesStage && Ascii.EqualsIgnoreCase(statusCell, "deleted"u8))
                {
                    Bad(
                        DStatus,
                        "A deleted deal is not imported: it left the pipeline without being won or lost. Leave it out of the export."
                    );
                }
                else
                {
                    Bad(DStatus, "The status is open, won, lost or stopped.");
                }
            }
            // Pipedrive keeps a won or lost deal in the open stage it closed from: the deal is in the Won or Lost stage.
            Stage? closedFrom = null;
            if (spec.StatusClosesStage && stage is { IsOpen: true } && status is DealStatus.Won or DealStatus.Lost)
            {
                (closedFrom, stage) = (stage, status == DealStatus.Won ? pipeline.WonStage : pipeline.LostStage);
            }
            if (spec.Lenient)
            {
                CheckPipeline(file);
            }
            if (status == DealStatus.Stopped)
            {
                if (stage is { IsOpen: false })
                {
                    Bad(DStatus, "A stopped deal is in the open stage it stopped in, not in a won or lost stage.");
                }
                var reason = Text(file, DStopReason);
                row.StopReason = reason is null ? StopReason.Unknown : new StopReason(reason);
                row.StoppedAt = RequiredInstant(file, DStoppedAt, "A stopped deal has the instant it was stopped (stopped_at).");
            }
            else if (!IsBlank(Cell(file, DStopReason)) || !IsBlank(Cell(file, DStoppedAt)))
            {
                Bad(IsBlank(Cell(file, DStopReason)) ? DStoppedAt : DStopReason, "Only a stopped deal has a stop reason and a stopped_at.");
            }
            if (row.Pooled && status is DealStatus.Won or DealStatus.Lost)
            {
                // Lost (or won) while it waited in a pool: a closed deal is never in one (Core's import refuses it
                // without an owner), so it is read with the owner Unknown.Actor, as the import records any owner it is
                // not told.
                (row.Pooled, row.Team, owner) = (false, null, Unknown.Actor);
            }
            var customer = CustomerOf(Text(file, DCustomerId), Text(file, DCustomerName));
            var createdAt = RequiredInstant(file, DCreatedAt, "Every deal has its creation instant.");
            if (row.StopReason is not null && !IsBlank(Cell(file, DStoppedAt)) && row.StoppedAt < createdAt)
            {
                Bad(DStoppedAt, "A deal is stopped after it was created (created_at).");
            }
            var expectedClose = default(LocalDate);
            var closeCell = Cell(file, DExpectedClose);
            var expectedCloseMissing = IsBlank(closeCell);
            if (expectedCloseMissing && !(spec.ExpectedCloseFromClose && status != DealStatus.Open))
            {
                Bad(DExpectedClose, "Every deal has an expected close date.");
            }
            else if (!expectedCloseMissing && values.Date(closeCell, out expectedClose) is { } closeProblem)
            {
                Bad(DExpectedClose, closeProblem);
            }
            var (closedAt, closeField) =
                spec.Close == CloseSource.ClosedAtColumn ? (OptionalInstant(file, DClosedAt), -1) : FormatClose(file, status);
            var stageEnteredAt = OptionalInstant(file, DStageEnteredAt);
            decimal? probability = null;
            // In a CRM's export, a won or lost deal's probability and category are the CRM's own (100 % Closed, 0 %
            // Omitted), never overrides: not read.
            var overrides = !spec.OverridesOnlyWhenDifferent || status is DealStatus.Open or DealStatus.Stopped;
            var probabilityCell = overrides ? Cell(file, DProbability) : default;
            if (!IsBlank(probabilityCell))
            {
                if (values.Decimal(probabilityCell, out var p) is { } probabilityProblem)
                {
                    Bad(DProbability, probabilityProblem);
                }
                else if (spec.ProbabilityInPercent && p is < 0m or > 100m)
                {
                    Bad(DProbability, "A probability in percent is from 0 to 100.");
                }
                else if (spec.ProbabilityInPercent && p.Scale > 26)
                {
                    // Dividing by 100 adds two decimals; past 28 the division would round.
                    Bad(DProbability, "A probability in percent has at most 26 decimals (dividing it by 100 would round it).");
                }
                else
                {
                    probability = spec.ProbabilityInPercent ? p / 100m : p;
                }
            }
            ForecastCategory? category = null;
            var categoryCell = overrides ? Values.Trim(Cell(file, DCategory)) : default;
            if (!IsBlank(categoryCell))
            {
                category = Category(categoryCell) ?? (spec.Lenient ? SpacedCategory(categoryCell) : null);
                if (category is null)
                {
                    Bad(DCategory, "The category is pipeline, best_case, commit or omitted.");
                }
            }
            var entries = spec.StageDateColumns ? StageEntries(file, stage, ref closedAt, ref closeField) : null;
            if (errors.Count > before)
            {
                row.Rejected = true;
                continue;
            }
            if (spec.OverridesOnlyWhenDifferent)
            {
                // The CRM fills these from the stage: an override is a value that differs from the stage's, on an open deal.
                probability = probability != stage!.Probability ? probability : null;
                category = category != stage.Category ? category : null;
            }
            if (closedFrom is not null)
            {
                // The open stage a closed deal left is kept when the export says when the deal entered it.
                (entries, stageEnteredAt) = (
                    stageEnteredAt is { } entered ? [(new StageEntry(closedFrom.Id, entered), file.Index[DStageEnteredAt])] : null,
                    null
                );
            }
            if (expectedCloseMissing && closedAt is { } close)
            {
                expectedClose = close.InZone(options.Zone).Date;
            }
            row.CloseField = closeField;
            if (entries is not null)
            {
                row.EntryFields = [.. entries.Select(e => e.Field)];
            }
            var lossReason = Text(file, DLossReason);
            var source = Text(file, DSource);
            var leadId = Text(file, DLeadId);
            (row.Accepted, row.Id, row.Owner, row.Amount, row.Stage) = (true, id!, owner, amount!, stage!);
            (row.Status, row.CreatedAt, row.ExpectedClose, row.ClosedAt) = (
                status == DealStatus.Stopped ? DealStatus.Open : status,
                createdAt,
                expectedClose,
                closedAt
            );
            row.Source = source is null ? null : Cached(leadSources, source, static code => new LeadSource(code));
            row.Product = Text(file, DProduct);
            var name = Text(file, DName);
            var competitor = Text(file, DCompetitor);
            if (
                name is not null
                || customer is not null
                || stageEnteredAt is not null
                || lossReason is not null
                || competitor is not null
                || leadId is not null
                || probability is not null
                || category is not null
                || entries is not null
            )
            {
                row.Details = new DealRowDetails
                {
                    Name = name,
                    Customer = customer,
                    StageEnteredAt = stageEnteredAt,
                    LossReason = lossReason is null ? null : Cached(lossReasons, lossReason, static code => new LossReason(code)),
                    Competitor = competitor,
                    LeadId = leadId is null ? null : new LeadId(leadId),
                    ProbabilityOverride = probability,
                    CategoryOverride = category,
                    History = entries is null ? null : [.. entries.Select(e => e.Entry)],
                };
            }
        }
        KeepMalformedIds(file);
        dealRowsRead = file.Rows;
        StopIfAsked();
    }

    // A customer from its account id and name: when the file gives only one of them (a CRM export with the account's
    // name and no id column), it stands for both (docs/csv.md, "Customers").
    // "(none)" is the reports' key of deals without a customer, so it names no account (Customer refuses it).
    private Customer? CustomerOf(string? accountId, string? name)
    {
        if (accountId is null && name is null)
        {
            return null;
        }
        if ((accountId ?? name) == Metrics.BreakdownKeys.None)
        {
            Bad(
                accountId is null ? DCustomerName : DCustomerId,
                $"\"{Metrics.BreakdownKeys.None}\" is the reports' key of deals without a customer, not an account; leave the customer cells empty for none."
            );
            return null;
        }
        return new Customer(accountId ?? name!, name ?? accountId!);
    }

    private Instant RequiredInstant(CsvFile file, int column, string missing)
    {
        var cell = Cell(file, column);
        if (IsBlank(cell))
        {
            Bad(column, missing);
            return default;
        }
        if (values.Instant(cell, out var at) is { } problem)
        {
            Bad(column, problem);
        }
        return at;
    }

    private Instant? OptionalInstant(CsvFile file, int column)
    {
        var cell = Cell(file, column);
        if (IsBlank(cell))
        {
            return null;
        }
        if (values.Instant(cell, out var at) is { } problem)
        {
            Bad(column, problem);
            return null;
        }
        return at;
    }

    // A malformed deal row keeps its id, when it can be read: a later row with that id is a duplicate, and the deal's
    // history rows are rejected as those of a rejected row (not as those of an unknown deal).
    private void KeepMalformedIds(CsvFile file)
    {
        foreach (var (error, raw) in file.Skipped)
        {
            if (DealIdOf(raw, file) is { } id && !dealById.ContainsKey(id))
            {
                dealById.Add(id, deals.Count);
                deals.Add(new DealRow(error.Line, -1) { Rejected = true });
            }
        }
    }

    // One instance per code: a file repeats a few sources and loss reasons over many rows.
    private static T Cached<T>(Dictionary<string, T> cache, string code, Func<string, T> create)
    {
        if (!cache.TryGetValue(code, out var value))
        {
            value = create(code);
            cache.Add(code, value);
        }
        return value;
    }

    // An error in a cell of the row being read.
    private void Bad(int column, string reason) =>
        Fail(new CsvRowError(current!.Role, currentLine, current.Header[column] ?? currentColumns[column], Raw(current, column), reason));

    private static ForecastCategory? Category(ReadOnlySpan<byte> cell) =>
        Ascii.EqualsIgnoreCase(cell, "pipeline"u8) ? ForecastCategory.Pipeline
        : Ascii.EqualsIgnoreCase(cell, "best_case"u8) ? ForecastCategory.BestCase
        : Ascii.EqualsIgnoreCase(cell, "commit"u8) ? ForecastCategory.Commit
        : Ascii.EqualsIgnoreCase(cell, "omitted"u8) ? ForecastCategory.Omitted
        : null;

    // Best Case as Salesforce writes it.
    private static ForecastCategory? SpacedCategory(ReadOnlySpan<byte> cell) =>
        Ascii.EqualsIgnoreCase(cell, "best case"u8) ? ForecastCategory.BestCase : null;

    private static DealStatus StatusOf(Stage stage) =>
        stage.Kind switch
        {
            StageKind.Won => DealStatus.Won,
            StageKind.Lost => DealStatus.Lost,
            _ => DealStatus.Open,
        };
}
