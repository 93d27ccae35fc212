using System;
using System.Linq;

namespace SalesPipeline.Csv.Reading;

// The columns of one kind of canonical file (docs/csv.md): the file's role in errors, its column names in the order of
// the reader's indexes, and which of them the header must have.
internal sealed class Schema(string role, string[] columns, string[] required)
{
    internal string Role { get; } = role;

    internal string[] Columns { get; } = columns;

    internal bool[] Required { get; } = [.. columns.Select(c => Array.IndexOf(required, c) >= 0)];
}
