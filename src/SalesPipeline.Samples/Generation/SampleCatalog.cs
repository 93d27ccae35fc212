using System;
using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Samples.Generation;

/// <summary>
/// The fixed cast and catalogue of the sample: the company, its teams and people, products, sources, customers and
/// competitors. All fiction: any likeness to a real company or person is chance.
/// </summary>
/// <remarks>Immutable static data (arrays and records never written after the type initializer), safe on any thread.</remarks>
internal static class SampleCatalog
{
    public const string Company = "Tallbridge Systems";
    public const ulong Seed = 20_260_701;
    public const string ZoneId = "America/New_York";

    /// <summary>The report date: the first day of Q3 2026; every record of the sample is dated before it.</summary>
    public static readonly LocalDate AsOf = new(2026, 7, 1);

    /// <summary>The first day of the history: two years before <see cref="AsOf"/>.</summary>
    public static readonly LocalDate FirstDay = new(2024, 7, 1);

    public static readonly FiscalCalendar Calendar = FiscalCalendar.Calendar;

    /// <summary>The sales teams under <see cref="TopTeam"/>.</summary>
    public static readonly TeamSpec[] Teams =
    [
        new("enterprise", "Enterprise", Segment.Enterprise, new("marcus", "Marcus Reed")),
        new("midmarket-east", "Mid-Market East", Segment.MidMarket, new("priya", "Priya Raman")),
        new("midmarket-west", "Mid-Market West", Segment.MidMarket, new("diego", "Diego Alvarez")),
        new("commercial", "Commercial", Segment.Commercial, new("hannah", "Hannah Kowalski")),
    ];

    public const string TopTeam = "sales";
    public static readonly PersonSpec HeadOfSales = new("grace", "Grace Whitfield");

    /// <summary>The twenty quota-carrying reps; <c>Rate</c> scales the team's rate of new deals.</summary>
    public static readonly RepSpec[] Reps =
    [
        new("alice", "Alice Moreno", "enterprise", 1.15),
        new("ben", "Benjamin Okafor", "enterprise", 1.00),
        new("chloe", "Chloe Lindqvist", "enterprise", 0.90),
        new("daniel", "Daniel Ferreira", "enterprise", 1.05),
        new("elena", "Elena Petrova", "enterprise", 0.85),
        new("farah", "Farah Haddad", "midmarket-east", 1.10),
        new("george", "George Whitaker", "midmarket-east", 0.95),
        new("isabel", "Isabel Santos", "midmarket-east", 1.00),
        new("jonas", "Jonas Becker", "midmarket-east", 0.90),
        new("keiko", "Keiko Tanaka", "midmarket-east", 1.05),
        new("liam", "Liam O'Connor", "midmarket-west", 1.00),
        new("maya", "Maya Patel", "midmarket-west", 1.20),
        new("nathan", "Nathan Brooks", "midmarket-west", 0.95),
        new("olivia", "Olivia Chen", "midmarket-west", 0.90),
        new("pablo", "Pablo Ruiz", "midmarket-west", 1.00),
        new("quinn", "Quinn Harper", "commercial", 1.10),
        new("rosa", "Rosa Delgado", "commercial", 1.00),
        new("samuel", "Samuel Adeyemi", "commercial", 0.95),
        new("tara", "Tara Novak", "commercial", 1.05),
        new("victor", "Victor Lindgren", "commercial", 0.90),
    ];

    /// <summary>The four products with their typical (median) list amount in USD for a mid-market deal.</summary>
    public static readonly ProductSpec[] Products =
    [
        new("Core Platform", 24_000m),
        new("Analytics", 36_000m),
        new("Enterprise Suite", 110_000m),
        new("Implementation Services", 15_000m),
    ];

    /// <summary>Lead sources; the inbound ones (<c>FromLead</c>) arrive as leads first, the others are opened directly.</summary>
    public static readonly SourceSpec[] Sources =
    [
        new(LeadSource.Web, true),
        new(LeadSource.Referral, true),
        new(LeadSource.Event, true),
        new(LeadSource.Partner, false),
        new(LeadSource.Outbound, false),
    ];

    public static readonly string[] Competitors = ["Vantage CRM", "Quotient", "Brightline", "Pipewell"];

    private static readonly string[] CustomerStems =
    [
        "Bluestone",
        "Harbor",
        "Crestview",
        "Ironwood",
        "Silverline",
        "Maple Ridge",
        "Northgate",
        "Redfern",
        "Summit",
        "Westbrook",
        "Oakhurst",
        "Clearwater",
        "Granite Peak",
        "Lakeshore",
        "Pinecrest",
        "Riverside",
        "Stonebridge",
        "Thornfield",
        "Willowmere",
        "Ashford",
        "Brightwater",
        "Cedar Point",
        "Eastwick",
        "Foxglove",
        "Goldcrest",
        "Highmoor",
        "Juniper",
        "Kingsley",
        "Larkspur",
        "Moorland",
    ];

    private static readonly string[] CustomerTrades =
    [
        "Logistics",
        "Foods",
        "Health",
        "Manufacturing",
        "Insurance",
        "Retail",
        "Energy",
        "Labs",
        "Construction",
        "Media",
        "Travel",
        "Capital",
        "Pharma",
        "Telecom",
        "Textiles",
        "Freight",
        "Dental",
        "Robotics",
        "Outdoor",
        "Hospitality",
    ];

    /// <summary>A customer's account id: its name in lower case with hyphens ("bluestone-logistics"); names are unique.</summary>
    public static string AccountIdOf(string customerName) =>
        string.Join('-', customerName.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The 600 customer names, stem by trade ("Bluestone Logistics").</summary>
    public static IReadOnlyList<string> CustomerNames()
    {
        var names = new List<string>(CustomerStems.Length * CustomerTrades.Length);
        foreach (var stem in CustomerStems)
        {
            foreach (var trade in CustomerTrades)
            {
                names.Add($"{stem} {trade}");
            }
        }
        return names;
    }

    public static PipelineDefinition BuildPipeline() =>
        PipelineDefinition
            .CreateBuilder("Tallbridge Sales")
            .Stage("Prospecting", 0.10m, ForecastCategory.Pipeline)
            .Stage("Qualified", 0.20m, ForecastCategory.Pipeline)
            .Stage("Demo", 0.35m, ForecastCategory.Pipeline)
            .Stage("Proposal", 0.55m, ForecastCategory.BestCase)
            .Stage("Negotiation", 0.80m, ForecastCategory.Commit)
            .Won("Closed Won", id: "won")
            .Lost("Closed Lost", id: "lost")
            .Build();

    public static SalesOrg BuildOrganization()
    {
        var builder = SalesOrg.CreateBuilder(Company).Team(TopTeam, "Sales", lead: HeadOfSales.Id);
        foreach (var team in Teams)
        {
            builder.Team(team.Id, team.Name, parent: TopTeam, lead: team.Lead.Id);
        }
        builder.Rep(HeadOfSales.Id, HeadOfSales.Name, TopTeam);
        foreach (var team in Teams)
        {
            builder.Rep(team.Lead.Id, team.Lead.Name, team.Id);
        }
        foreach (var rep in Reps)
        {
            builder.Rep(rep.Id, rep.Name, rep.Team);
        }
        return builder.Build();
    }

    public static TeamSpec TeamOf(RepSpec rep) => Array.Find(Teams, t => t.Id == rep.Team)!;
}

internal enum Segment
{
    Enterprise,
    MidMarket,
    Commercial,
}

internal sealed record PersonSpec(string Id, string Name);

internal sealed record TeamSpec(string Id, string Name, Segment Segment, PersonSpec Lead);

internal sealed record RepSpec(string Id, string Name, string Team, double Rate);

internal sealed record ProductSpec(string Name, decimal TypicalAmount);

internal sealed record SourceSpec(LeadSource Source, bool FromLead);
