using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SalesPipeline.Deals;

/// <summary>
/// What <see cref="PipelineTransitions.Import(SalesPipeline.Pipelines.PipelineDefinition, IEnumerable{DealImport}, NodaTime.Instant)"/>
/// returns: the deals of the accepted records, in input order, and every reason each other record was rejected. Nothing
/// is dropped silently: <see cref="Read"/> = <see cref="Accepted"/> + <see cref="Rejected"/>.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ImportResult
{
    internal ImportResult(int read, IReadOnlyList<Deal> deals, IReadOnlyList<ImportError> errors)
    {
        Read = read;
        Deals = deals;
        Errors = errors;
        Rejected = errors.Select(e => e.Index).Distinct().Count();
    }

    /// <summary>How many records were read.</summary>
    public int Read { get; }

    /// <summary>
    /// The deals of the accepted records, in input order: held as columns, so each read of an element makes its deal from
    /// them (a new object, equal to the one read before); the metrics take this list as it is and reuse its columns.
    /// </summary>
    public IReadOnlyList<Deal> Deals { get; }

    /// <summary>How many records were accepted (the count of <see cref="Deals"/>).</summary>
    public int Accepted => Deals.Count;

    /// <summary>How many records were rejected (each may have several <see cref="Errors"/>).</summary>
    public int Rejected { get; }

    /// <summary>Every reason a record was rejected, by record index, then in the order the fields were checked.</summary>
    public IReadOnlyList<ImportError> Errors { get; }

    /// <summary>Whether every record was accepted.</summary>
    public bool IsComplete => Errors.Count == 0;

    /// <summary>Returns the deals when every record was accepted; otherwise throws with every error.</summary>
    /// <returns>The deals, in input order.</returns>
    /// <exception cref="DealImportException">A record was rejected; the exception lists every error.</exception>
    public IReadOnlyList<Deal> GetDealsOrThrow() => IsComplete ? Deals : throw new DealImportException(Errors, "records");

    /// <summary>"read 4: accepted 3, rejected 1", then one line per error.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"read {Read}: accepted {Accepted}, rejected {Rejected}"));
        foreach (var error in Errors)
        {
            text.Append('\n').Append(error);
        }
        return text.ToString();
    }
}
