using System;
using System.Collections.Generic;
using SalesPipeline.Utility;

namespace SalesPipeline.Organization;

/// <summary>Thrown by <see cref="SalesOrgBuilder.Build"/> when the organization is invalid; <see cref="Problems"/> lists every problem.</summary>
/// <remarks>Instances are immutable after construction.</remarks>
public sealed class SalesOrgDefinitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="company">The company being built.</param>
    /// <param name="problems">Every problem, one plain sentence each.</param>
    /// <exception cref="ArgumentNullException">A problem is null (the message gives its position).</exception>
    public SalesOrgDefinitionException(string company, IEnumerable<string> problems)
        : this(company, problems is null ? [] : Preconditions.CheckNoNullElement(problems, "Problem")) { }

    private SalesOrgDefinitionException(string company, string[] problems)
        : base(
            $"Sales organization \"{company}\" is invalid ({problems.Length} problem{(problems.Length == 1 ? "" : "s")}):\n- "
                + string.Join("\n- ", problems)
        )
    {
        Problems = Array.AsReadOnly(problems);
    }

    /// <summary>Every problem found, one plain sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
