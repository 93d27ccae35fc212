using System.Collections.Generic;
using SalesPipeline.Utility;

namespace SalesPipeline.Health;

// The report's findings in their order: the pipeline and stage findings, then every deal at risk's findings (built
// when read, see AtRiskDeals), then the lead findings. Read-only and safe to read from several threads.
internal sealed class HealthFindings(IReadOnlyList<HealthFinding> before, AtRiskDeals deals, IReadOnlyList<HealthFinding> after)
    : ReadOnlyListBase<HealthFinding>
{
    public override int Count => before.Count + deals.FindingCount + after.Count;

    public override HealthFinding this[int index]
    {
        get
        {
            Preconditions.CheckIndex(index, Count);
            if (index < before.Count)
            {
                return before[index];
            }
            index -= before.Count;
            return index < deals.FindingCount ? deals.FindingAt(index) : after[index - deals.FindingCount];
        }
    }
}
