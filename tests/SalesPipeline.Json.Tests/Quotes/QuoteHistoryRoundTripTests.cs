using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Quotes;
using SalesPipeline.Tests;
using static SalesPipeline.Json.Tests.Quotes.QuoteSamples;

namespace SalesPipeline.Json.Tests.Quotes;

// Any quote history the quote model can produce reads back as equal events, and Quote.FromEvents of them rebuilds the
// same quote. Histories are made by running commands on a real Quote (a command the quote refuses is left out), so
// they are valid by construction: created, revised, submitted, approved by the approver the policy names, rejected,
// sent, declined, accepted, in any order the model accepts.
public class QuoteHistoryRoundTripTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static readonly string[] Zones = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"];

    // One line: a product, a quantity with up to two decimals, a unit price in cents under a list price, and a discount.
    private sealed record LineSpec(
        int Product,
        int Hundredths,
        int PriceCents,
        int ListExtraCents,
        int FloorPercent,
        int DiscountKind,
        int DiscountValue
    );

    private static readonly Gen<LineSpec> Lines =
        from product in Gen.Choose(0, 5)
        from hundredths in Gen.Choose(1, 50_000)
        from price in Gen.Choose(1, 2_000_000)
        from extra in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 100_000)))
        from floor in Gen.Choose(0, 100)
        from kind in Gen.Choose(0, 2)
        from value in Gen.Choose(0, 3_000)
        select new LineSpec(product, hundredths, price, extra, floor, kind, value);

    // Weighted towards the forward path (submit, approve, send) so that histories reach acceptance and declines; the
    // minutes between commands sometimes carry a quote past its validity (Mar 20), where sending is refused.
    private static readonly Gen<(int Command, int Minutes, int Variant)> Steps =
        from command in Gen.Frequency(
            (3, Gen.Constant(0)),
            (4, Gen.Constant(1)),
            (1, Gen.Constant(2)),
            (4, Gen.Constant(3)),
            (2, Gen.Constant(4)),
            (2, Gen.Constant(5)),
            (2, Gen.Constant(6))
        )
        from minutes in Gen.Frequency((9, Gen.Choose(1, 60 * 24)), (1, Gen.Choose(1, 60 * 24 * 20)))
        from variant in Gen.Choose(0, 99)
        select (command, minutes, variant);

    [Fact]
    public void Quote_histories_round_trip_and_rebuild_the_quote_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.NonEmptyListOf(Lines).ToArbitrary(),
                Gen.ListOf(Steps).ToArbitrary(),
                Gen.Elements(Zones).ToArbitrary(),
                (lines, steps, zone) =>
                {
                    var quote = Play(lines, steps, DateTimeZoneProviders.Tzdb[zone]);
                    var json = JsonSerializer.Serialize(quote.Events, SalesPipelineJson.Options);
                    var events = JsonSerializer.Deserialize<List<QuoteEvent>>(json, SalesPipelineJson.Options)!;
                    var back = Quote.FromEvents(events);
                    // Event by event too: a store keeps one row per event.
                    var oneByOne = quote.Events.Select(e =>
                        JsonSerializer.Deserialize<QuoteEvent>(
                            JsonSerializer.Serialize(e, SalesPipelineJson.Options),
                            SalesPipelineJson.Options
                        )
                    );
                    return events.SequenceEqual(quote.Events) && oneByOne.SequenceEqual(quote.Events) && Same(quote, back);
                }
            )
        );

    [Fact]
    public void The_generated_histories_hold_every_quote_event_type()
    {
        // The property above is only as good as its histories: 500 of them meet every event type (so every status the
        // events lead to) and revisions past version 2.
        var quotes = (
            from lines in Gen.NonEmptyListOf(Lines)
            from steps in Gen.ListOf(Steps)
            from zone in Gen.Elements(Zones)
            select Play(lines, steps, DateTimeZoneProviders.Tzdb[zone])
        ).Sample(30, new Rnd(20_261_206UL), 500); // a fixed seed: the coverage does not depend on the draw
        var types = quotes.SelectMany(q => q.Events).Select(e => e.GetType().Name).ToHashSet();
        Assert.True(types.Count == 8, string.Join(", ", types));
        Assert.Contains(quotes, q => q.Version >= 3);
    }

    // Quote has no equality of its own: the same history, and the same state read from it.
    internal static bool Same(Quote expected, Quote actual) =>
        expected.Events.SequenceEqual(actual.Events)
        && expected.Id == actual.Id
        && expected.DealId == actual.DealId
        && expected.Zone == actual.Zone
        && expected.Status == actual.Status
        && expected.Version == actual.Version
        && expected.Content == actual.Content
        && expected.Total == actual.Total
        && expected.Versions.Count == actual.Versions.Count
        && expected.Approvals.SequenceEqual(actual.Approvals)
        && expected.OutstandingApprovals.SequenceEqual(actual.OutstandingApprovals);

    private static QuoteLine[] LinesOf(IEnumerable<LineSpec> specs) =>
        [
            .. specs
                .DistinctBy(s => s.Product)
                .Select(s =>
                {
                    var unit = Usd(s.PriceCents / 100m);
                    var list = Usd((s.PriceCents + s.ListExtraCents) / 100m);
                    var floor = s.FloorPercent == 0 ? null : Usd(decimal.Round(list.Amount * s.FloorPercent / 100m, 2));
                    var quantity = s.Hundredths / 100m;
                    var gross = decimal.Round(unit.Amount * quantity, 2, MidpointRounding.AwayFromZero);
                    var discount = s.DiscountKind switch
                    {
                        0 => null,
                        1 => Discount.Percentage(s.DiscountValue / 100m),
                        _ => Discount.Of(Usd(Math.Min(s.DiscountValue / 100m, gross))),
                    };
                    return new QuoteLine($"P-{s.Product}", quantity, unit, list, floor, discount);
                }),
        ];

    // The commands, each tried in turn; a refused one changes nothing (the model's all-or-nothing rule).
    private static Quote Play(IReadOnlyList<LineSpec> lines, IEnumerable<(int Command, int Minutes, int Variant)> steps, DateTimeZone zone)
    {
        var at = Start;
        var validUntil = new LocalDate(2026, 3, 20);
        var quote = Quote.Create("Q-1", new DealId("D-1"), "alice", validUntil, LinesOf(lines), at, "alice", zone: zone);
        foreach (var (command, minutes, variant) in steps)
        {
            at += Duration.FromMinutes(minutes);
            try
            {
                quote = command switch
                {
                    0 => quote.Submit(Policy, Org, at, "alice"),
                    1 => quote.Approve(Org, at, Approver(quote), variant % 2 == 0 ? null : $"ok ({variant})"),
                    2 => quote.Reject(Org, at, Approver(quote), "Too much off."),
                    3 => quote.Send(at, "alice"),
                    4 => quote.Accept(at, "alice"),
                    5 => quote.Decline(at, "alice", variant % 2 == 0 ? null : "budget"),
                    _ => quote.Revise(
                        LinesOf(lines.Skip(variant % lines.Count).Concat(lines.Take(variant % lines.Count))),
                        at,
                        "alice",
                        variant % 3 == 0 ? Discount.Percentage(variant % 30) : null,
                        variant % 4 == 0 ? validUntil.PlusDays(variant) : null
                    ),
                };
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                // Refused: the quote is unchanged.
            }
        }
        return quote;
    }

    // Whoever can give the first outstanding approval (the named manager, or someone in the role); alice otherwise.
    private static string Approver(Quote quote)
    {
        if (quote.OutstandingApprovals.Count == 0)
        {
            return "alice";
        }
        var required = quote.OutstandingApprovals[0];
        return required.PersonId ?? Org.PeopleInRole(required.Role!)[0].Id;
    }
}
