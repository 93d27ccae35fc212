using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SalesPipeline.Utility;

namespace SalesPipeline.Calendars;

// Reports accept any list of periods as long as no day is counted twice.
internal static class Periods
{
    internal static FiscalPeriod[] CheckNonOverlapping(IEnumerable<FiscalPeriod> periods, string paramName)
    {
        Preconditions.CheckNotNull(periods, paramName);
        var list = periods.ToArray();
        Preconditions.CheckArgument(list.Length > 0, paramName, "At least one period is needed; the list was empty.");
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(paramName, $"Period {i} is null.");
            }
        }
        var sorted = list.Select((p, i) => (Period: p, Index: i)).OrderBy(x => x.Period.Start).ToArray();
        for (var k = 1; k < sorted.Length; k++)
        {
            var (previous, current) = (sorted[k - 1], sorted[k]);
            if (current.Period.Start <= previous.Period.End)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Periods must not overlap: period {previous.Index} ({previous.Period}) and period {current.Index} ({current.Period}) share days."
                    ),
                    paramName
                );
            }
        }
        return list;
    }
}
