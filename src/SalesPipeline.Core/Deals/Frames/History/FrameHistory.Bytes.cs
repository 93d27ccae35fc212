using System.Collections.Generic;

namespace SalesPipeline.Deals;

internal sealed partial class FrameHistory
{
    // The memory of each column in bytes (array payloads; dictionaries estimated from their strings), for the
    // performance notes and the benchmark's log.
    internal IReadOnlyList<(string Column, long Bytes)> ColumnBytes() =>
        [
            ("EventStart", 4L * EventStart.Length),
            ("EventAt", 8L * EventAt.Length),
            ("EventKind", EventKind.Length),
            ("EventArg", 4L * EventArg.Length),
            ("EventAux", EventAux.Length),
            ("EventBy", EventBy.Bytes),
            ("SubTicks", SubTicks.Bytes(1)),
            ("Causes", Causes.Bytes(4) + CauseText.Bytes),
            ("Skips", Skips.Bytes(4)),
            ("MovedFrom", MovedFrom.Bytes(8)),
            ("OddDates", OddDates.Bytes(16)),
            ("Losses", Losses.Bytes(8) + 8L * LossPairs.Length),
            ("ChangedAmounts", ChangedAmounts.Bytes),
            ("Comments", 4L * CommentText.Length + CommentActivity.Bytes + CommentTextHeap.Bytes + ActivityText.Bytes),
            ("Ids", 4L * IdOffset.Length + IdText.Bytes),
            ("Names", NameOffset.Bytes + NameText.Bytes),
            ("HeadPipeline", HeadPipeline.Bytes),
            ("HeadOwner", HeadOwner.Bytes),
            ("HeadTeam", HeadTeam.Bytes),
            ("HeadSource", HeadSource.Bytes),
            ("HeadProduct", HeadProduct.Bytes),
            ("HeadCustomer", HeadCustomer.Bytes),
            ("HeadLead", HeadLead.Bytes + LeadText.Bytes),
            ("HeadAmount", HeadAmount.Bytes),
            ("HeadClose", 4L * HeadClose.Length),
            ("ImportCreatedAt", ImportCreatedAt.Bytes(8) + ImportCreatedSubTicks.Bytes(1)),
            ("ImportInPoolSince", ImportInPoolSince.Bytes(16)),
            ("Dictionaries", Dictionaries()),
        ];

    private long Dictionaries()
    {
        long bytes = 0;
        foreach (var values in new[] { Stages, Actors, Pipelines, Owners, Teams, Products, Criteria, Competitors })
        {
            foreach (var value in values)
            {
                bytes += 8 + Text(value);
            }
        }
        foreach (var source in Sources)
        {
            bytes += 8 + 24 + Text(source.Code);
        }
        foreach (var reason in LossReasons)
        {
            bytes += 8 + 24 + Text(reason.Code);
        }
        foreach (var reason in StopReasons)
        {
            bytes += 8 + 24 + Text(reason.Code);
        }
        foreach (var customer in Customers)
        {
            bytes += 8 + 32 + Text(customer.AccountId) + Text(customer.Name);
        }
        return bytes + 8L * Currencies.Length + 16L * Probabilities.Length;
    }

    // A string object: header, length and its UTF-16 characters, rounded up to 8 bytes.
    private static long Text(string value) => (22 + 2L * value.Length + 7) / 8 * 8;
}
