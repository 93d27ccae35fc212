using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Samples.Generation;

/// <summary>One deal as the generator plans it, before it becomes a <see cref="DealImport"/>.</summary>
/// <remarks>Mutable while planned and not thread-safe; it belongs to one generation run.</remarks>
internal sealed class DealPlan
{
    public required DealId Id { get; init; }
    public required string Customer { get; init; }
    public required ProductSpec Product { get; init; }
    public required SourceSpec Source { get; init; }
    public required RepSpec Rep { get; init; }
    public required TeamSpec Team { get; init; }
    public required Instant CreatedAt { get; init; }
    public LeadId? Lead { get; set; }
    public string Owner { get; set; } = "";
    public Money Amount { get; set; } = Money.Zero(Currency.USD);
    public LocalDate ExpectedClose { get; set; }
    public DealStatus Status { get; set; }
    public string StageId { get; set; } = "";
    public Instant? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public LossReason? LossReason { get; set; }
    public string? Competitor { get; set; }

    /// <summary>Until when the rep works the deal: its close, the day it went quiet, or the sample's as-of instant.</summary>
    public Instant ActiveUntil { get; set; }

    public List<StageEntry> History { get; } = [];
    public List<FieldChange<Money>> AmountChanges { get; } = [];
    public List<FieldChange<LocalDate>> ExpectedCloseChanges { get; } = [];
    public List<FieldChange<string>> OwnerChanges { get; } = [];

    public string Name => $"{Customer} - {Product.Name}";

    public DealImport ToImport() =>
        new()
        {
            Id = Id,
            Name = Name,
            Owner = Owner,
            Amount = Amount,
            StageId = StageId,
            ExpectedClose = ExpectedClose,
            CreatedAt = CreatedAt,
            Status = Status,
            ClosedAt = ClosedAt,
            LossReason = LossReason,
            Competitor = Competitor,
            History = History.ToArray(),
            AmountChanges = AmountChanges.ToArray(),
            ExpectedCloseChanges = ExpectedCloseChanges.ToArray(),
            OwnerChanges = OwnerChanges.ToArray(),
            LeadId = Lead,
            Source = Source.Source,
            Product = Product.Name,
            Customer = new Customer(SampleCatalog.AccountIdOf(Customer), Customer),
            By = ClosedBy ?? Owner,
        };

    /// <summary>The stage the deal was in at <paramref name="at"/> (its first stage before its first entry).</summary>
    public string StageAt(Instant at)
    {
        var stage = History[0].StageId;
        foreach (var entry in History)
        {
            if (entry.EnteredAt > at)
            {
                break;
            }
            stage = entry.StageId;
        }
        return stage;
    }

    /// <summary>Who owned the deal at <paramref name="at"/>.</summary>
    public string OwnerAt(Instant at)
    {
        var owner = OwnerChanges.Count == 0 ? Owner : OwnerChanges[0].Before;
        foreach (var change in OwnerChanges)
        {
            if (change.At > at)
            {
                break;
            }
            owner = change.After;
        }
        return owner;
    }
}
