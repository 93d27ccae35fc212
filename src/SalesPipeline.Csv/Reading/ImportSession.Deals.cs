using System;
using System.Globalization;
using System.Text;
using NodaTime;
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
            var reader = file.Reader;
            var row = new DealRow(line, dealRaw.Add(reader.RawRecord));
            deals.Add(row);
            if (!CheckUtf8(file, line))
            {
                row.Rejected = true;
                continue;
            }
            var before = errors.Count;
            void Bad(int column, string reason) =>
                Fail(new CsvRowError(DealsFile, line, file.Header[column] ?? DealColumns[column], Raw(file, column), reason));

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
            if (owner is null)
            {
                Bad(DOwner, "Every deal has an owner.");
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
            if (!statusCell.IsEmpty)
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
                else
                {
                    Bad(DStatus, "The status is open, won or lost.");
                }
            }
            var createdAt = RequiredInstant(file, DCreatedAt, "Every deal has its creation instant.", Bad);
            var expectedClose = default(LocalDate);
            var closeCell = Cell(file, DExpectedClose);
            if (IsBlank(closeCell))
            {
                Bad(DExpectedClose, "Every deal has an expected close date.");
            }
            else if (values.Date(closeCell, out expectedClose) is { } closeProblem)
            {
                Bad(DExpectedClose, closeProblem);
            }
            var closedAt = OptionalInstant(file, DClosedAt, Bad);
            var stageEnteredAt = OptionalInstant(file, DStageEnteredAt, Bad);
            decimal? probability = null;
            var probabilityCell = Cell(file, DProbability);
            if (!IsBlank(probabilityCell))
            {
                if (values.Decimal(probabilityCell, out var p) is { } probabilityProblem)
                {
                    Bad(DProbability, probabilityProblem);
                }
                else
                {
                    probability = p;
                }
            }
            ForecastCategory? category = null;
            var categoryCell = Values.Trim(Cell(file, DCategory));
            if (!categoryCell.IsEmpty)
            {
                category = Category(categoryCell);
                if (category is null)
                {
                    Bad(DCategory, "The category is pipeline, best_case, commit or omitted.");
                }
            }
            if (errors.Count > before)
            {
                row.Rejected = true;
                continue;
            }
            var lossReason = Text(file, DLossReason);
            var source = Text(file, DSource);
            var leadId = Text(file, DLeadId);
            row.Record = new DealImport
            {
                Id = new DealId(id!),
                Name = Text(file, DName),
                Owner = owner!,
                Amount = amount!,
                StageId = stage!.Id,
                Status = status,
                CreatedAt = createdAt,
                ExpectedClose = expectedClose,
                ClosedAt = closedAt,
                StageEnteredAt = stageEnteredAt,
                LossReason = lossReason is null ? null : new LossReason(lossReason),
                Competitor = Text(file, DCompetitor),
                Source = source is null ? null : new LeadSource(source),
                Product = Text(file, DProduct),
                LeadId = leadId is null ? null : new LeadId(leadId),
                ProbabilityOverride = probability,
                CategoryOverride = category,
            };
        }
        dealRowsRead = file.Rows;
        StopIfAsked();
    }

    private Instant RequiredInstant(CsvFile file, int column, string missing, Action<int, string> bad)
    {
        var cell = Cell(file, column);
        if (IsBlank(cell))
        {
            bad(column, missing);
            return default;
        }
        if (values.Instant(cell, out var at) is { } problem)
        {
            bad(column, problem);
        }
        return at;
    }

    private Instant? OptionalInstant(CsvFile file, int column, Action<int, string> bad)
    {
        var cell = Cell(file, column);
        if (IsBlank(cell))
        {
            return null;
        }
        if (values.Instant(cell, out var at) is { } problem)
        {
            bad(column, problem);
            return null;
        }
        return at;
    }

    private static ForecastCategory? Category(ReadOnlySpan<byte> cell) =>
        Ascii.EqualsIgnoreCase(cell, "pipeline"u8) ? ForecastCategory.Pipeline
        : Ascii.EqualsIgnoreCase(cell, "best_case"u8) ? ForecastCategory.BestCase
        : Ascii.EqualsIgnoreCase(cell, "commit"u8) ? ForecastCategory.Commit
        : Ascii.EqualsIgnoreCase(cell, "omitted"u8) ? ForecastCategory.Omitted
        : null;

    private static DealStatus StatusOf(Stage stage) =>
        stage.Kind switch
        {
            StageKind.Won => DealStatus.Won,
            StageKind.Lost => DealStatus.Lost,
            _ => DealStatus.Open,
        };
}
