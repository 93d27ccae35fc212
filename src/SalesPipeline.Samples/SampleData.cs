using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Activities;
using SalesPipeline.Calendars;
using SalesPipeline.Collections;
using SalesPipeline.Deals;
using SalesPipeline.Health;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;
using SalesPipeline.Samples.Generation;
using SalesPipeline.Targets;

namespace SalesPipeline.Samples;

/// <summary>
/// A realistic, deterministic and entirely fictional sales data set: two years (1 July 2024 to 30 June 2026) of
/// Tallbridge Systems, a software company with twenty reps in four teams, with every deal's full history, the leads,
/// activities, quarterly quotas, and the contracts of the won deals with their payments; seen on 1 July 2026.
/// </summary>
/// <remarks>
/// <para><see cref="Create"/> generates it in code from a fixed seed with its own pseudo-random generator (xoshiro256**),
/// so every call, on every runtime and machine, gives the same data; it reads no clock and no file. The warning signs a
/// manager should see are built in on purpose: deals gone quiet (stale), close dates pushed again and again, a crowded
/// Qualified stage, too little pipeline for the coming quarter (one rep in particular), and overdue receivables. See
/// docs/samples.md for the numbers and how each sign is made.</para>
/// <para>Thread safety: an instance is immutable and safe to share between threads; <see cref="Create"/> may be called on
/// any number of threads at once (each call builds its own data; nothing is cached).</para>
/// </remarks>
/// <example><code>
/// var sample = SampleData.Create();
/// var health = PipelineHealth.Inspect(sample.Deals, sample.Pipeline, sample.AsOfInstant, sample.HealthPolicy);
/// </code></example>
public sealed class SampleData
{
    internal SampleData(
        LocalDate asOf,
        Instant asOfInstant,
        DateTimeZone zone,
        Currency currency,
        FiscalCalendar calendar,
        PipelineDefinition pipeline,
        SalesOrg organization,
        IReadOnlyList<Deal> deals,
        IReadOnlyList<Lead> leads,
        IReadOnlyList<Activity> activities,
        IReadOnlyList<Quota> quotas,
        IReadOnlyList<CollectionSchedule> contracts
    )
    {
        AsOf = asOf;
        AsOfInstant = asOfInstant;
        Zone = zone;
        Currency = currency;
        Calendar = calendar;
        Pipeline = pipeline;
        Organization = organization;
        Deals = deals;
        Leads = leads;
        Activities = activities;
        Quotas = quotas;
        Contracts = contracts;
        HealthPolicy = HealthPolicy.Default with { Zone = zone };
    }

    /// <summary>
    /// Generates the sample (about 3,800 deals, 6,600 leads and 40,000 activities; about 0.2 s of CPU once warm).
    /// Deterministic: every call returns equal data.
    /// </summary>
    /// <returns>A new sample.</returns>
    public static SampleData Create() => SampleGenerator.Generate();

    /// <summary>The day the sample is seen on: 1 July 2026, the first day of Q3 2026; every record is dated before it.</summary>
    public LocalDate AsOf { get; }

    /// <summary>
    /// The start of <see cref="AsOf"/> in <see cref="Zone"/> (2026-07-01T04:00:00Z): the instant to pass where a report
    /// takes one. Every event, activity and lead of the sample is before it.
    /// </summary>
    public Instant AsOfInstant { get; }

    /// <summary>The company's time zone, America/New_York: deals are worked in its office hours, and dates are read in it.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The one currency of every amount: US dollars.</summary>
    public Currency Currency { get; }

    /// <summary>The fiscal calendar: the calendar year (<see cref="FiscalCalendar.Calendar"/>), quarters from January.</summary>
    public FiscalCalendar Calendar { get; }

    /// <summary>
    /// The pipeline "Tallbridge Sales": Prospecting (10%), Qualified (20%), Demo (35%), Proposal (55%, best case),
    /// Negotiation (80%, commit), Closed Won (id <c>won</c>), Closed Lost (id <c>lost</c>).
    /// </summary>
    public PipelineDefinition Pipeline { get; }

    /// <summary>
    /// The sales organization: the head of sales leads the Sales team, whose four teams (Enterprise, Mid-Market East,
    /// Mid-Market West, Commercial) each have a team lead and five reps.
    /// </summary>
    public SalesOrg Organization { get; }

    /// <summary>Every deal (open, won and lost) with its full history from creation, in order of creation.</summary>
    public IReadOnlyList<Deal> Deals { get; }

    /// <summary>The leads: converted ones (each the start of an inbound deal), disqualified ones, and recent ones still open.</summary>
    public IReadOnlyList<Lead> Leads { get; }

    /// <summary>Calls, emails, meetings and demos on deals and leads, oldest first.</summary>
    public IReadOnlyList<Activity> Activities { get; }

    /// <summary>
    /// Quarterly quotas from Q3 2024 to Q3 2026: each rep's, each team's and the company's (a team's and the company's are
    /// the sums of their reps'), as <see cref="SalesPipeline.Targets.Attainment"/> takes them.
    /// </summary>
    public IReadOnlyList<Quota> Quotas { get; }

    /// <summary>One collection schedule per won deal (contract total = won amount), with the payments received before <see cref="AsOf"/>.</summary>
    public IReadOnlyList<CollectionSchedule> Contracts { get; }

    /// <summary>The default health policy read in <see cref="Zone"/>: what the sample's warning signs are judged by.</summary>
    public HealthPolicy HealthPolicy { get; }
}
