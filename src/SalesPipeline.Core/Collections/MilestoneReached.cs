using System;
using System.Globalization;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// A named milestone of the contract (go-live, delivery, acceptance) was reached on <see cref="CollectionEntry.On"/>:
/// the instalments due on it get their due dates.
/// </summary>
/// <remarks>
/// <para>Recording the same milestone with the same date again changes nothing; with another date it is an error
/// (reschedule the instalments instead). <see cref="CollectionSchedule.StatusAsOf"/> of a date before
/// <see cref="CollectionEntry.On"/> shows the instalments still waiting for the milestone. <see cref="CollectionSchedule.Record"/>
/// refuses a milestone dated before the contract was signed (<see cref="CollectionSchedule.SignedOn"/>).</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record MilestoneReached : CollectionEntry
{
    /// <summary>Creates the entry.</summary>
    /// <param name="name">The milestone, as named in the terms' <see cref="DueRule.OnMilestone"/>.</param>
    /// <param name="on">The date it was reached.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="on"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public MilestoneReached(string name, LocalDate on)
        : base(on) => Name = Preconditions.CheckNotBlank(name);

    /// <summary>The milestone's name.</summary>
    public string Name { get; }

    /// <summary>"milestone go-live 2026-04-20".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"milestone {Name} {On:uuuu-MM-dd}");
}
