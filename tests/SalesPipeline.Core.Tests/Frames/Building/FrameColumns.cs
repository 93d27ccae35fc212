using System.Globalization;
using SalesPipeline.Deals;
using SalesPipeline.Tests.Frames.Fields;
using SalesPipeline.Tests.Frames.HistoryColumns;

namespace SalesPipeline.Tests.Frames.Building;

// Every column and dictionary of a frame, and of a history, as text, for "column for column equal" assertions: codes
// as numbers, decimals with their scale, text-heap offsets as the text they read (a joined heap may hold a repeat
// twice, see TextHeap.Builder.Join).
internal static class FrameColumns
{
    // `tableAsFramesMeanIt`: the event table's argument and aux only where DealFrame gives them a meaning (see
    // EventTable), for comparing a frame that keeps its deals with one that shares its history's table.
    public static string[] Of(DealFrame f, bool tableAsFramesMeanIt = false) =>
        [
            "Count " + f.Count,
            "Status " + Join(f.Status),
            "Pipelines " + ExactText.Of(f.Pipelines),
            "Pipeline " + Join(f.Pipeline),
            "Stages " + ExactText.Of(f.Stages),
            "Stage " + Join(f.Stage),
            "AmountMantissa " + Join(f.AmountMantissa),
            "AmountScale " + Join(f.AmountScale),
            "AmountCurrency " + Join(f.AmountCurrency),
            "Currencies " + ExactText.Of(f.Currencies),
            "ExpectedCloseDay " + Join(f.ExpectedCloseDay),
            "FirstExpectedCloseDay " + Join(f.FirstExpectedCloseDay),
            "OwnerKeys " + ExactText.Of(f.OwnerKeys),
            "OwnerKey " + Join(f.OwnerKey),
            "CreatedAt " + Join(f.CreatedAt),
            "DecidedAt " + Join(f.DecidedAt),
            "ProbabilityOverride " + Join(f.ProbabilityOverride),
            "ProbabilityOverrides " + ExactText.Of(f.ProbabilityOverrides),
            "CategoryOverride " + Join(f.CategoryOverride),
            "EventStart " + Join(f.EventStart),
            "EventAt " + Join(f.EventAt),
            "EventKind " + Join(f.EventKind),
            "EventArg " + Join(f.EventArg.Select((a, e) => !tableAsFramesMeanIt || EventTable.FrameArg(f.EventKind[e]) ? a : 0)),
            "EventAux " + Join(f.EventAux.Select((a, e) => !tableAsFramesMeanIt || EventTable.FrameAux(f.EventKind[e]) ? a : 0)),
            "Exactness " + f.Exactness,
            "Fields " + DealFieldsTests.Dump(f.Fields),
        ];

    public static string[] Of(FrameHistory h) =>
        [
            "EventStart " + Join(h.EventStart),
            "EventAt " + Join(h.EventAt),
            "EventKind " + Join(h.EventKind),
            "EventArg " + Join(h.EventArg),
            "EventAux " + Join(h.EventAux),
            "EventBy " + Codes(h.EventBy),
            "SubTicks " + Sparse(h.SubTicks),
            "Causes " + Sparse(h.Causes, o => h.CauseText[o]),
            "Skips " + Sparse(h.Skips),
            "MovedFrom " + Sparse(h.MovedFrom),
            "OddDates " + Sparse(h.OddDates),
            "Losses " + Sparse(h.Losses),
            "LossPairs " + Join(h.LossPairs),
            "ChangedAmounts " + Money(h.ChangedAmounts),
            "CommentText " + Join(h.CommentText.Select(o => o == FrameHistory.None ? "none" : ExactText.Of(h.CommentTextHeap[o]))),
            "CommentActivity " + Join(Rows(h.CommentActivity).Select(a => a == 0 ? "none" : ExactText.Of(h.ActivityText[a - 1]))),
            "Ids " + Join(h.IdOffset.Select(o => ExactText.Of(h.IdText[o]))),
            "Names " + Join(Rows(h.NameOffset).Select(o => ExactText.Of(h.NameText[o]))),
            "HeadPipeline " + Codes(h.HeadPipeline),
            "HeadOwner " + Codes(h.HeadOwner),
            "HeadTeam " + Codes(h.HeadTeam),
            "HeadSource " + Codes(h.HeadSource),
            "HeadProduct " + Codes(h.HeadProduct),
            "HeadCustomer " + Codes(h.HeadCustomer),
            "HeadLead " + Join(Rows(h.HeadLead).Select(l => l == 0 ? "none" : ExactText.Of(h.LeadText[l - 1]))),
            "HeadAmount " + Money(h.HeadAmount),
            "HeadClose " + Join(h.HeadClose),
            "ImportCreatedAt " + Sparse(h.ImportCreatedAt),
            "ImportCreatedSubTicks " + Sparse(h.ImportCreatedSubTicks),
            "ImportInPoolSince " + Sparse(h.ImportInPoolSince),
            "Stages " + ExactText.Of(h.Stages),
            "Actors " + ExactText.Of(h.Actors),
            "Pipelines " + ExactText.Of(h.Pipelines),
            "Owners " + ExactText.Of(h.Owners),
            "Teams " + ExactText.Of(h.Teams),
            "Products " + ExactText.Of(h.Products),
            "Criteria " + ExactText.Of(h.Criteria),
            "Competitors " + ExactText.Of(h.Competitors),
            "Sources " + ExactText.Of(h.Sources),
            "LossReasons " + ExactText.Of(h.LossReasons),
            "StopReasons " + ExactText.Of(h.StopReasons),
            "Customers " + ExactText.Of(h.Customers),
            "Currencies " + ExactText.Of(h.Currencies),
            "Probabilities " + ExactText.Of(h.Probabilities),
        ];

    private static IEnumerable<int> Rows(CodeColumn column) => Enumerable.Range(0, column.Count).Select(i => column[i]);

    private static string Codes(CodeColumn column) => Join(Rows(column));

    private static string Sparse<T>(SparseColumn<T> column, Func<T, object?>? show = null) =>
        Join(
            Enumerable
                .Range(0, column.Count)
                .Select(i => column.RowAt(i) + ":" + Show(show is null ? column.Values[i] : show(column.Values[i])))
        );

    private static string Money(MoneyColumn m) =>
        Join(Enumerable.Range(0, m.Count).Select(i => $"{m.Mantissa[i]}e-{m.Scale[i]} {m.Currency[i]}")) + " wide " + Sparse(m.Wide);

    private static string Show(object? value) =>
        value switch
        {
            sbyte or byte or ushort or int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            ValueTuple<int, int> pair => $"{pair.Item1}/{pair.Item2}",
            _ => ExactText.Of(value),
        };

    private static string Join<T>(IEnumerable<T> values) => string.Join(",", values.Select(v => Show(v)));
}
