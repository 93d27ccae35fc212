using System.Text.Json;
using NodaTime;
using SalesPipeline.Collections;
using SalesPipeline.Json;
using SalesPipeline.Json.Tests.Golden;

namespace SalesPipeline.Json.Tests.Events;

public class CollectionScheduleJsonTests
{
    private static string Json => JsonSerializer.Serialize(GoldenSamples.Schedule(), SalesPipelineJson.Options);

    [Fact]
    public void A_schedule_reads_back_with_its_instalments_and_status()
    {
        var back = JsonSerializer.Deserialize<CollectionSchedule>(Json, SalesPipelineJson.Options)!;
        // Worked by hand in GoldenSamples: 3,000.00 / 1,000.00 / 3,000.00 / 3,000.00; go-live 2026-02-20 + 10 days;
        // #4 rescheduled from 2026-03-15 to 2026-04-15.
        Assert.Equal(
            [
                (1, 3_000.00m, new LocalDate(2026, 1, 31)),
                (2, 1_000.00m, new LocalDate(2026, 3, 2)),
                (3, 3_000.00m, new LocalDate(2026, 2, 15)),
                (4, 3_000.00m, new LocalDate(2026, 4, 15)),
            ],
            back.Instalments.Select(i => (i.Number, i.Amount.Amount, i.DueOn!.Value))
        );
        Assert.Equal([new LocalDate(2026, 3, 15)], back.Instalments[3].PreviousDueDates);
        ScheduleAssert.Equal(GoldenSamples.Schedule(), back);
    }

    [Fact]
    public void Every_due_rule_kind_has_a_wire_form()
    {
        DueRule[] rules =
        [
            DueRule.DaysAfterStart(30),
            DueRule.DaysAfterEndOfStartMonth(30),
            DueRule.MonthsAfterStart(2),
            DueRule.DayOfMonth(10, 1),
            DueRule.On(new LocalDate(2026, 12, 24)),
            DueRule.OnMilestone("acceptance", 14),
            DueRule.DaysThenDayOfFollowingMonth(30, 10),
            DueRule.DaysThenEndOfMonth(45),
        ];
        Assert.Equal(Enum.GetValues<DueRuleKind>().Order(), rules.Select(r => r.Kind).Order());
        foreach (var rule in rules)
        {
            Assert.Equal(
                rule,
                JsonSerializer.Deserialize<DueRule>(JsonSerializer.Serialize(rule, SalesPipelineJson.Options), SalesPipelineJson.Options)
            );
        }
        Assert.Equal(
            """{"kind":"DaysThenDayOfFollowingMonth","days":30,"day":10}""",
            JsonSerializer.Serialize(rules[6], SalesPipelineJson.Options)
        );
    }

    [Theory]
    // The terms' own rule: percentages above 100% are refused by PaymentTerms.Create.
    [InlineData(
        "\"percent\":\"30\"",
        "\"percent\":\"130\"",
        "$.terms.lines[0].percent",
        "A percentage line must be above 0% and at most 100%"
    )]
    // A field of another kind of due rule.
    [InlineData("\"days\":0", "\"days\":0,\"months\":1", "$.terms.lines[0].due.months", "DaysAfterStart has no field \"months\"")]
    [InlineData(
        "\"kind\":\"Balance\"",
        "\"kind\":\"Rest\"",
        "$.terms.lines[2].kind",
        "Unknown terms line kind \"Rest\"; the known ones are Percentage, Fixed, Balance"
    )]
    // A refund of a payment the history does not hold: CollectionSchedule.RecordAll refuses it.
    [InlineData("\"paymentReference\":\"WIRE-1\"", "\"paymentReference\":\"WIRE-9\"", "$", "CollectionSchedule is not valid")]
    // Issue 15: a milestone reached, a reschedule agreed, or a due date moved to before the signing date (2026-01-31).
    [InlineData(
        "\"on\":\"2026-02-20\"",
        "\"on\":\"2026-01-20\"",
        "$",
        "CollectionSchedule is not valid: milestone go-live 2026-01-20 is reached on 2026-01-20, before the contract was signed on 2026-01-31"
    )]
    [InlineData(
        "\"on\":\"2026-03-01\",\"instalment\":4",
        "\"on\":\"2026-01-30\",\"instalment\":4",
        "$",
        "reschedule #4 to 2026-04-15 on 2026-01-30 is agreed on 2026-01-30, before the contract was signed on 2026-01-31"
    )]
    [InlineData(
        "\"newDueOn\":\"2026-04-15\"",
        "\"newDueOn\":\"2020-04-15\"",
        "$",
        "reschedule #4 to 2020-04-15 on 2026-03-01 moves the instalment to 2020-04-15, before the contract was signed on 2026-01-31"
    )]
    [InlineData("\"reference\":\"C-1\"", "\"reference\":\"\"", "$.history[4].reference", "The text \"\" is blank")]
    [InlineData("\"history\":[", "\"history\":[null,", "$.history[0]", "An element is null")]
    public void Bad_schedules_name_the_path_and_the_rule(string find, string replace, string path, string rule)
    {
        var json = Json;
        Assert.Contains(find, json, StringComparison.Ordinal);
        JsonAssert.Fails<CollectionSchedule>(json.Replace(find, replace, StringComparison.Ordinal), path, rule);
    }

    [Fact]
    public void A_schedule_without_history_is_an_error_not_an_empty_one() =>
        JsonAssert.Fails<CollectionSchedule>(
            Json[..Json.IndexOf(",\"history\"", StringComparison.Ordinal)] + "}",
            "$.history",
            "\"history\" of CollectionSchedule is missing"
        );
}
