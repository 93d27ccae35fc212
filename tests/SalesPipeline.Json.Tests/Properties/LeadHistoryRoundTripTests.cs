using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Json;
using SalesPipeline.Leads;
using SalesPipeline.Pipelines;
using SalesPipeline.Tests;

namespace SalesPipeline.Json.Tests.Properties;

// Any lead history of accepted changes reads back as equal events, and Lead.FromEvents rebuilds an equal lead.
public class LeadHistoryRoundTripTests
{
    private static readonly Instant Created = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public void Lead_histories_round_trip_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.ListOf(Gen.Choose(0, 6).Zip(Gen.Choose(0, 48))).ToArbitrary(),
                Gen.Elements<string?>(null, "Platform").ToArbitrary(),
                Gen.Elements("owned", "team", "company").ToArbitrary(),
                (steps, product, start) =>
                {
                    var lead = Play(steps, product, start);
                    var json = JsonSerializer.Serialize(lead.History, SalesPipelineJson.Options);
                    var events = JsonSerializer.Deserialize<List<LeadEvent>>(json, SalesPipelineJson.Options)!;
                    return events.SequenceEqual(lead.History) && Lead.FromEvents(events).Equals(lead);
                }
            )
        );

    // The changes Core's lead property applies; a refused one (too early, or after the lead closed) is left out.
    // A lead starts with an owner or in a pool (a team's or the company's).
    private static Lead Play(IEnumerable<(int Kind, int Hours)> steps, string? product, string start)
    {
        var lead = start switch
        {
            "owned" => Lead.Create(new LeadId("L-1"), "Jane Roe", LeadSource.Referral, "alice", Created, product),
            _ => Lead.CreateInPool(
                new LeadId("L-1"),
                "Jane Roe",
                LeadSource.Referral,
                start == "team" ? "emea" : null,
                Created,
                "router",
                product
            ),
        };
        var at = Created;
        foreach (var (kind, hours) in steps)
        {
            at = at.Plus(Duration.FromHours(hours - 8));
            try
            {
                lead = kind switch
                {
                    0 => lead.Touch(at),
                    1 => lead.Reassign(hours % 2 == 0 ? "bob" : "carol", at),
                    2 => lead.Disqualify("no budget", at),
                    3 => lead.Convert(
                        PipelineDefinition.Default,
                        new DealId("D-1"),
                        Money.Of(1m, Currency.USD),
                        new LocalDate(2026, 6, 1),
                        at
                    ).Lead,
                    5 => lead.AssignToPool(hours % 3 == 0 ? null : $"team{hours % 3}", at, "manager"),
                    _ => lead.Touch(at, by: "sdr"),
                };
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // Refused: the lead is unchanged.
            }
        }
        return lead;
    }
}
