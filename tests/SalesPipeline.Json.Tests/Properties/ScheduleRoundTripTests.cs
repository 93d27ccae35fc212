using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Collections;
using SalesPipeline.Json;
using SalesPipeline.Tests;
using SalesPipeline.Tests.Collections;

namespace SalesPipeline.Json.Tests.Properties;

// Any generated schedule with any accepted entries reads back with equal instalments, history and status on every
// date that matters; each entry reads back equal on its own.
public class ScheduleRoundTripTests
{
    private static readonly Gen<(CollectionGen.Script Script, bool WithContract)> Cases =
        from script in CollectionGen.Scripts
        from withContract in Gen.Elements(true, false)
        select (script, withContract);

    [Fact]
    public void Schedules_and_their_entries_round_trip_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Cases.ToArbitrary(),
                c =>
                {
                    var schedule = Run(c.Script, c.WithContract);
                    var json = JsonSerializer.Serialize(schedule, SalesPipelineJson.Options);
                    var back = JsonSerializer.Deserialize<CollectionSchedule>(json, SalesPipelineJson.Options)!;
                    ScheduleAssert.Equal(schedule, back);
                    foreach (var entry in schedule.History)
                    {
                        var one = JsonSerializer.Serialize(entry, SalesPipelineJson.Options);
                        Assert.Equal(entry, JsonSerializer.Deserialize<CollectionEntry>(one, SalesPipelineJson.Options));
                    }
                    return JsonSerializer.Serialize(back, SalesPipelineJson.Options) == json;
                }
            )
        );

    // The script applied as Core's collection properties apply it: an entry the schedule refuses is left out.
    private static CollectionSchedule Run(CollectionGen.Script script, bool withContract)
    {
        var c = script.Case;
        var contract = withContract ? new ContractInfo("C-1", "Globex", "alice", new DealId("D-1")) : null;
        var schedule = CollectionSchedule.Create(c.Total, c.SignedOn, c.Terms, contract);
        for (var step = 0; step < script.Steps.Count; step++)
        {
            if (CollectionGen.EntryFor(script.Steps[step], schedule, step) is { } entry)
            {
                try
                {
                    schedule = schedule.Record(entry);
                }
                catch (ArgumentException)
                {
                    // Refused: the schedule is unchanged (Core's collection properties check that).
                }
            }
        }
        return schedule;
    }
}
