using System;
using System.Collections.Generic;

namespace SalesPipeline.Cli.Input;

/// <summary>
/// Input the tool cannot report on: a file with rejected rows, a pipeline document that does not read, a store that
/// refuses a deal. The tool prints the message and each line, and exits with 1.
/// </summary>
internal sealed class BadInputException : Exception
{
    /// <summary>Creates the exception with its message and the detail lines (row errors, one each).</summary>
    public BadInputException(string message, IReadOnlyList<string>? lines = null, Exception? inner = null)
        : base(message, inner) => Lines = lines ?? [];

    /// <summary>The detail lines, one per row error.</summary>
    public IReadOnlyList<string> Lines { get; }
}
