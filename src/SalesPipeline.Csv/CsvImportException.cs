using System;
using System.Collections.Generic;
using System.Linq;

namespace SalesPipeline.Csv;

/// <summary>
/// A CSV import that cannot go on or was asked to stop: a file lacks a required column or names a column it reads twice
/// (or, in a HubSpot export, a <c>Date entered</c> column names a stage the pipeline lacks, or two name one stage),
/// <see cref="CsvReadOptions.StopAtFirstError"/> met its
/// first error, or <see cref="CsvImportResult.GetDealsOrThrow"/> or <see cref="CsvReadResult{T}.GetItemsOrThrow"/> found errors.
/// </summary>
/// <remarks>Thread-safe once thrown (its error list is read-only).</remarks>
public sealed class CsvImportException : Exception
{
    internal CsvImportException(IReadOnlyList<CsvRowError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>The errors: the one that stopped the import, or every error of the result.</summary>
    public IReadOnlyList<CsvRowError> Errors { get; }

    private static string Describe(IReadOnlyList<CsvRowError> errors) =>
        errors.Count == 1
            ? "CSV import failed: " + errors[0]
            : $"CSV import failed with {errors.Count} errors: " + string.Join(" | ", errors.Take(20)) + (errors.Count > 20 ? " | ..." : "");
}
