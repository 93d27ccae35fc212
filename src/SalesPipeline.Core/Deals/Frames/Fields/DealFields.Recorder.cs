using System;
using System.Collections.Generic;

namespace SalesPipeline.Deals;

internal sealed partial class DealFields
{
    // Records DealFields a row at a time, in row order: from a deal (Record), or copied from built fields (Copy: a part
    // to join, a row a frame as of an instant keeps unchanged), then Build once. Not thread-safe; a builder of parts
    // gives each part its own recorder and joins the results. A recorder for a frame without deal objects records no
    // ids (recordIds false): the frame's history holds them, and the frame's fields take them from it (WithIds), so
    // that a million ids are neither written nor allocated twice.
    internal sealed class Recorder(bool recordIds = true)
    {
        private readonly List<int>? idOffset = recordIds ? [] : null;
        private readonly TextHeap.Builder? idText = recordIds ? new(reuse: false) : null;
        private readonly SparseColumn<int>.Builder lead = new();
        private readonly TextHeap.Builder leadText = new(reuse: false);
        private readonly FieldColumn<string>.Builder team = new(HistoryCodes.Strings());
        private readonly FieldColumn<string>.Builder source = new(HistoryCodes.Strings());
        private readonly FieldColumn<string>.Builder product = new(HistoryCodes.Strings());
        private readonly FieldColumn<Customer>.Builder customer = new(HistoryCodes.Customers());
        private readonly FieldColumn<string>.Builder lossReason = new(HistoryCodes.Strings());
        private readonly FieldColumn<string>.Builder stopReason = new(HistoryCodes.Strings());
        private readonly FieldColumn<string>.Builder lastOpenStage = new(HistoryCodes.Strings());
        private readonly FieldColumn<string>.Builder competitor = new(HistoryCodes.Strings());
        private readonly CompetitorSetColumn.Builder competitors = new();
        private readonly List<byte> pool = [];
        private readonly SparseColumn<decimal>.Builder wideAmounts = new();

        internal int Count => pool.Count;

        // Appends the deal's fields as the next row.
        internal void Record(Deal deal)
        {
            var row = Count;
            idOffset?.Add(idText!.Add(deal.Id.Value));
            if (deal.LeadId is { } leadId)
            {
                lead.Add(row, leadText.Add(leadId.Value));
            }
            team.Add(deal.Team);
            source.Add(deal.Source?.Code);
            product.Add(deal.Product);
            customer.Add(deal.Customer);
            lossReason.Add(deal.LossReason?.Code);
            stopReason.Add(deal.StopReason?.Code);
            lastOpenStage.Add(deal.LastOpenStageId);
            competitor.Add(deal.Competitor);
            competitors.Add(deal.CompetitorSpan);
            pool.Add((byte)((deal.Owner is null ? Pooled : 0) | (FirstOwner(deal) is null ? CreatedInPool : 0)));
            if (!Exactness.TrySplit(deal.Amount.Amount, out _, out _))
            {
                wideAmounts.Add(row, deal.Amount.Amount);
            }
        }

        // Appends row `row` of `from` as the next row (`from` holds ids when this recorder records them).
        internal void Copy(DealFields from, int row)
        {
            var to = Count;
            idOffset?.Add(idText!.Copy(from.IdText, from.IdOffset[row]));
            if (from.Lead.TryGet(row, out var leadOffset))
            {
                lead.Add(to, leadText.Copy(from.LeadText, leadOffset));
            }
            team.Copy(from.Team, row);
            source.Copy(from.Source, row);
            product.Copy(from.Product, row);
            customer.Copy(from.Customer, row);
            lossReason.Copy(from.LossReason, row);
            stopReason.Copy(from.StopReason, row);
            lastOpenStage.Copy(from.LastOpenStage, row);
            competitor.Copy(from.Competitor, row);
            competitors.Copy(from.Competitors, row);
            pool.Add(from.Pool[row]);
            if (from.WideAmounts.TryGet(row, out var wide))
            {
                wideAmounts.Add(to, wide);
            }
        }

        private static string? FirstOwner(Deal deal) =>
            deal.Events[0] switch
            {
                DealCreated c => c.Owner,
                DealImported i => i.Owner,
                _ => null,
            };

        internal DealFields Build()
        {
            var customers = customer.Build();
            // Customers are ordered by account id, then name: each account's customers are contiguous, the first
            // with the ordinal-first name.
            var accounts = new List<string>();
            var accountNames = new List<string>();
            var accountOf = new int[customers.Values.Length];
            for (var c = 0; c < accountOf.Length; c++)
            {
                var value = customers.Values[c];
                if (accounts.Count == 0 || !string.Equals(accounts[^1], value.AccountId, StringComparison.Ordinal))
                {
                    accounts.Add(value.AccountId);
                    accountNames.Add(value.Name);
                }
                accountOf[c] = accounts.Count - 1;
            }
            return new DealFields
            {
                IdOffset = idOffset is null ? [] : [.. idOffset],
                IdText = idText is null ? TextHeap.Empty : idText.Build(),
                Lead = lead.Build(),
                LeadText = leadText.Build(),
                Team = team.Build(),
                Source = source.Build(),
                Product = product.Build(),
                Customer = customers,
                Accounts = [.. accounts],
                AccountOfCustomer = accountOf,
                AccountNames = [.. accountNames],
                LossReason = lossReason.Build(),
                StopReason = stopReason.Build(),
                LastOpenStage = lastOpenStage.Build(),
                Competitor = competitor.Build(),
                Competitors = competitors.Build(),
                Pool = [.. pool],
                WideAmounts = wideAmounts.Build(),
            };
        }
    }
}
