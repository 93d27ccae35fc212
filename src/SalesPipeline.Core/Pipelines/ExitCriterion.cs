using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Pipelines;

/// <summary>
/// A yes/no question that must be answered "yes" before a deal may leave its stage forward, for example
/// <c>budget</c>: "Is the deal within the customer's budget?".
/// </summary>
/// <remarks>
/// The id is stable and unique across the whole pipeline (deals record answers by id), and <see cref="PipelineBuilder.Build"/>
/// refuses two ids of one pipeline that look alike (<c>budget</c> and <c>budgеt</c> with a Cyrillic "е") and an id that
/// mixes scripts or holds an invisible character; the question is for people.
/// Instances are immutable and safe to share across threads.
/// </remarks>
public sealed record ExitCriterion
{
    /// <summary>Creates a criterion.</summary>
    /// <param name="id">A stable id, unique in the pipeline, for example "budget".</param>
    /// <param name="question">The yes/no question, for example "Is it within budget?".</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An argument is empty or whitespace.</exception>
    public ExitCriterion(string id, string question)
    {
        Id = Preconditions.CheckNotBlank(id);
        Question = Preconditions.CheckNotBlank(question);
    }

    /// <summary>The stable id.</summary>
    public string Id { get; }

    /// <summary>The yes/no question.</summary>
    public string Question { get; }

    /// <summary>Creates a criterion whose question is its id, for terse definitions: <c>exitCriteria: ["budget"]</c>.</summary>
    /// <param name="id">The id, also used as the question.</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or whitespace.</exception>
    public static ExitCriterion FromId(string id) => new(id, id);

    /// <summary>Creates a criterion whose question is its id, so that <c>exitCriteria: ["use-case", "budget"]</c> reads well.</summary>
    /// <param name="id">The id, also used as the question.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or whitespace.</exception>
    public static implicit operator ExitCriterion(string id) => FromId(id);

    /// <summary>"id: question".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Id == Question ? Id : $"{Id}: {Question}";
}
