using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Deals;

internal sealed partial class DealFrameBuilder
{
    // Records row `row` of a frame without deal objects as the next row, without making its deal: column for column
    // what Add(source.DealAt(row)) records (the row's history appended from the source's, its columns and fields copied
    // with their codes re-coded into this builder's). For a builder that keeps histories: one that keeps deals would
    // need the deal.
    internal void AddRow(DealFrame source, int row)
    {
        Preconditions.CheckNotNull(source);
        CheckOpen();
        if (History is null || source.History is not { } history)
        {
            throw new InvalidOperationException(
                $"A row is copied without its deal from a frame that keeps histories into a builder that keeps them; this builder keeps {Kept}, the frame {(source.History is null ? "deals" : "histories")}."
            );
        }
        Preconditions.CheckIndex(row, source.Count, nameof(row));
        History.Append(history, row);
        Fields.Copy(source.Fields, row);
        Status.Add(source.Status[row]);
        Pipeline.Add(Pipelines.CodeOf(source.Pipelines, source.Pipeline[row]));
        Stage.Add(Stages.CodeOf(source.Stages, source.Stage[row]));
        // A row whose amount did not split holds no mantissa: the deal's amount is in the wide side table (see Add).
        if (!source.Exactness.NarrowAmounts && source.Fields.WideAmounts.TryGet(row, out _))
        {
            AmountMantissa.Add(0);
            AmountScale.Add(0);
            NarrowAmounts = false;
        }
        else
        {
            AmountMantissa.Add(source.AmountMantissa[row]);
            AmountScale.Add(source.AmountScale[row]);
            MaxAmountScale = Math.Max(MaxAmountScale, source.AmountScale[row]);
        }
        AmountCurrency.Add(Currencies.CodeOf(source.Currencies, source.AmountCurrency[row]));
        ExpectedCloseDay.Add(source.ExpectedCloseDay[row]);
        IsoDates &= source.Exactness.IsoDates || IsoDatesAt(source, row);
        FirstExpectedCloseDay.Add(source.FirstExpectedCloseDay[row]);
        OwnerKey.Add(OwnerKeys.CodeOf(source.OwnerKeys, source.OwnerKey[row]));
        CreatedAt.Add(source.CreatedAt[row]);
        DecidedAt.Add(source.DecidedAt[row]);
        WholeTicks &= source.Exactness.WholeTicks || history.WholeTicks(row);
        var probability = source.ProbabilityOverride[row];
        ProbabilityOverride.Add(probability == DealFrame.NoCode ? probability : OverrideCode(source.ProbabilityOverrides[probability]));
        CategoryOverride.Add(source.CategoryOverride[row]);
    }

    // Whether the row's expected close dates, now and in its history, are all ones a day number holds (see Add).
    private static bool IsoDatesAt(DealFrame source, int row)
    {
        if (source.ExpectedCloseDay[row] < 0)
        {
            return false;
        }
        for (var e = source.EventStart[row]; e < source.EventStart[row + 1]; e++)
        {
            if (source.EventKind[e] == FrameEventKind.ExpectedCloseChanged && source.EventArg[e] < 0)
            {
                return false;
            }
        }
        return true;
    }
}
