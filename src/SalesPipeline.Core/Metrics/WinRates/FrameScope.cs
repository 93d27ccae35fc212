using SalesPipeline.Deals;

namespace SalesPipeline.Metrics;

// DealScope.Classify on frame rows, up to the date: the outcome and the instant whose local date places the deal (a
// FrameWindow then decides whether the date is in the window), Excluded for a deal the scope never dates, or Refused
// for a row no fold makes (the kernel then hands every deal to the deal code).
internal readonly struct FrameScope
{
    internal const DealOutcome Refused = (DealOutcome)(-1);

    private readonly byte[] status;
    private readonly long[] decidedAt;
    private readonly long[] createdAt;
    private readonly bool created;
    private readonly bool stoppedAsLost;

    internal FrameScope(WinRateOptions options, DealFrame frame)
    {
        status = frame.Status;
        decidedAt = frame.DecidedAt;
        createdAt = frame.CreatedAt;
        created = options.Definition == WinRateDefinition.Created;
        stoppedAsLost = options.CountStoppedAsLost;
    }

    internal DealOutcome Classify(int row, out long at)
    {
        if (created)
        {
            at = createdAt[row];
            return (DealStatus)status[row] switch
            {
                DealStatus.Won => DealOutcome.Won,
                DealStatus.Lost => DealOutcome.Lost,
                DealStatus.Stopped => stoppedAsLost ? DealOutcome.Lost : DealOutcome.Open,
                DealStatus.Open => DealOutcome.Open,
                _ => Refused,
            };
        }
        at = decidedAt[row];
        var outcome = (DealStatus)status[row] switch
        {
            DealStatus.Won => DealOutcome.Won,
            DealStatus.Lost => DealOutcome.Lost,
            // A stopped deal has no ClosedAt: it is decided only by its stop, and only when that counts as lost.
            DealStatus.Stopped => stoppedAsLost ? DealOutcome.Lost : DealOutcome.Excluded,
            // An open deal has neither instant; one that had would not be a deal the fold made.
            DealStatus.Open => at == DealFrame.NoInstant ? DealOutcome.Excluded : Refused,
            _ => Refused,
        };
        return outcome is DealOutcome.Won or DealOutcome.Lost && at == DealFrame.NoInstant ? Refused : outcome;
    }
}
