using System.Collections.Generic;
using System.Globalization;

namespace SalesPipeline.Json.Documents;

internal static class BuilderErrors
{
    // The first problem in full (it is the one the path names); the builder's exception, kept as InnerException, lists all.
    public static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? problems[0]
            : $"{problems[0]} ({(problems.Count - 1).ToString(CultureInfo.InvariantCulture)} more problem{(problems.Count == 2 ? "" : "s")}: the InnerException lists every one.)";
}
