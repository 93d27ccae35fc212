using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Reporting;

namespace SalesPipeline.Quotes;

/// <summary>One approval request: a submission that needed approval, and when it was decided.</summary>
/// <param name="QuoteId">The quote.</param>
/// <param name="Version">The version submitted.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="DecidedAt">When the last required approval or a rejection came; null while pending (or when revised before a decision).</param>
/// <param name="Approved">True when approved, false when rejected, null when undecided.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ApprovalRequest(string QuoteId, int Version, Instant SubmittedAt, Instant? DecidedAt, bool? Approved)
{
    /// <summary>DecidedAt - SubmittedAt, or null while undecided.</summary>
    public Duration? Turnaround => DecidedAt - SubmittedAt;
}

/// <summary>Approval turnaround (<see cref="QuoteReports.ApprovalTurnaround"/>): every approval request, and the time to a decision.</summary>
/// <param name="Requests">Every submission that needed approval, by submission time.</param>
/// <param name="Median">The median turnaround of the decided requests (the mean of the two middle ones for an even count), or null when none was decided.</param>
/// <param name="Mean">The mean turnaround of the decided requests, or null.</param>
/// <param name="Longest">The longest turnaround, or null.</param>
/// <remarks>Durations are exact (NodaTime <see cref="Duration"/>); immutable; thread-safe.</remarks>
public sealed record ApprovalTurnaroundReport(IReadOnlyList<ApprovalRequest> Requests, Duration? Median, Duration? Mean, Duration? Longest)
{
    private static readonly TableSchema<ApprovalRequest> Schema = new TableSchema<ApprovalRequest>("quote_approvals")
        .Text("quote_id", "The quote.", r => r.QuoteId)
        .Whole("version", "The version submitted.", r => r.Version)
        .Instant("submitted_at", "When it was submitted.", r => r.SubmittedAt)
        .Instant("decided_at", "When the last required approval or a rejection came; empty while undecided.", r => r.DecidedAt)
        .Boolean("approved", "true when approved, false when rejected; empty while undecided.", r => r.Approved)
        .Real("turnaround_hours", "decided_at - submitted_at in hours; empty while undecided.", r => r.Turnaround?.TotalHours);

    /// <summary>The requests as a table named <c>quote_approvals</c>.</summary>
    /// <returns>The table.</returns>
    public ReportTable ToTable() => Schema.Build(Requests);

    /// <summary>The summary, then the columns and rows, as invariant text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        QuoteReportText.Of(
            $"approval turnaround: median {Median?.ToString() ?? "-"}, mean {Mean?.ToString() ?? "-"}, longest {Longest?.ToString() ?? "-"}",
            ToTable()
        );
}
