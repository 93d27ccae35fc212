using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Deals;
using SalesPipeline.Forecasting;
using SalesPipeline.Metrics;
using SalesPipeline.Organization;
using SalesPipeline.Tests.Frames.Building;
using SalesPipeline.Tests.Frames.HistoryColumns;

namespace SalesPipeline.Tests.Frames;

// SalesOrg.VisibleTo of a frame's list (an import's, DealListBuilder's, a frame's that keeps its deals) against the
// lazy filter of the same deals in a plain list, for every person of generated organizations: the same deals in the
// same order, as a frame's list; and the metrics over it equal the metrics over the lazy result.
[Collection(FrameSplitting.Name)]
public class VisibleToFrameTests
{
    // The people and teams the deals below name (HistoryDeals' owners and pools among them), and "(unassigned)", the
    // owner key every pooled deal has in the frame, as a person of its own who owns deals.
    private static readonly string[] PersonIds = ["alice", "bob", "carol", "dave", "rep-0", "rep-1", "(unassigned)", "erin"];
    private static readonly string[] TeamIds = ["emea", "apac", "dach", "amer"];

    public sealed record OrgSpec(string[] Teams, int[] ParentOf, int[] LeadOf, (string Id, int Team, bool Admin)[] People)
    {
        public SalesOrg Build()
        {
            var builder = SalesOrg.CreateBuilder("Random");
            for (var t = 0; t < Teams.Length; t++)
            {
                var lead = LeadOf[t] % (People.Length + 1);
                builder.Team(
                    Teams[t],
                    Teams[t].ToUpperInvariant(),
                    ParentOf[t] < 0 ? null : Teams[ParentOf[t]],
                    lead == People.Length ? null : People[lead].Id
                );
            }
            foreach (var (id, team, admin) in People)
            {
                if (admin)
                {
                    builder.Admin(id, id, team < 0 ? null : Teams[team]);
                }
                else
                {
                    builder.Rep(id, id, Teams[Math.Max(team, 0)]);
                }
            }
            return builder.Build();
        }

        public override string ToString() =>
            $"teams=[{string.Join(",", Teams)}] parents=[{string.Join(",", ParentOf)}] leads=[{string.Join(",", LeadOf)}] "
            + $"people=[{string.Join(",", People.Select(p => $"{p.Id}:{p.Team}{(p.Admin ? "!" : "")}"))}]";
    }

    // A tree over some of the teams (each one's parent declared before it), some of the people in it (the others own
    // deals as outsiders), a lead or none per team, now and then an admin (in a team or at company level).
    private static readonly Gen<OrgSpec> Orgs =
        from teamCount in Gen.Choose(1, TeamIds.Length)
        from firstTeam in Gen.Choose(0, TeamIds.Length - 1)
        from parentOf in Gen.CollectToArray(Enumerable.Range(0, teamCount), t => Gen.Choose(-1, t - 1))
        from present in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false))), PersonIds.Length)
        from teamOf in Gen.ArrayOf(Gen.Choose(-1, teamCount - 1), PersonIds.Length)
        from admin in Gen.ArrayOf(Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true))), PersonIds.Length)
        from leadOf in Gen.ArrayOf(Gen.Choose(0, 20), teamCount)
        select new OrgSpec(
            [.. Enumerable.Range(0, teamCount).Select(t => TeamIds[(firstTeam + t) % TeamIds.Length])],
            parentOf,
            leadOf,
            [.. PersonIds.Select((id, p) => (id, teamOf[p], admin[p])).Where((_, p) => present[p] || p == 0)]
        );

    // Deals owned by each of those people or waiting in each of those pools (or the company's, or an unknown team's),
    // then reassigned or pooled again, some won or lost: what decides visibility, varied.
    private static readonly Gen<Deal[]> PlacedDeals =
        from specs in Gen.ListOf(
            from owner in Gen.Choose(-1, PersonIds.Length - 1)
            from team in Gen.Choose(-1, TeamIds.Length)
            from then in Gen.Choose(0, 3)
            from other in Gen.Choose(0, 40)
            from outcome in Gen.Choose(0, 2)
            from cents in Gen.Choose(1, 10_000_000)
            select (owner, team, then, other, outcome, cents)
        )
        select specs.Select((s, i) => Placed(i, s.owner, s.team, s.then, s.other, s.outcome, s.cents)).ToArray();

    private static string? TeamAt(int index) =>
        index < 0 ? null
        : index < TeamIds.Length ? TeamIds[index]
        : "ghost-team";

    private static Deal Placed(int i, int owner, int team, int then, int other, int outcome, int cents)
    {
        var id = new DealId($"P{i}");
        var at = FrameDeals.T0 + Duration.FromHours(i);
        var amount = Money.Of(cents / 100m, Currency.USD);
        var firstOwner = owner < 0 ? null : PersonIds[owner];
        var events = new List<DealEvent>
        {
            new DealCreated(
                id,
                at,
                "alice",
                FrameDeals.Pipeline.Name,
                id.Value,
                firstOwner,
                amount,
                FrameDeals.FirstClose.PlusDays(i % 200),
                FrameDeals.Pipeline.OpenStages[i % 3].Id,
                Team: firstOwner is null ? TeamAt(team) : null
            ),
        };
        var pooled = firstOwner is null;
        var pool = TeamAt(other % (TeamIds.Length + 2) - 1);
        // Into a pool, unless it waits in that one already (a history Deal.FromEvents refuses).
        if (then is 1 or 3 && !(pooled && pool == TeamAt(team)))
        {
            events.Add(new DealAssignedToPool(id, at + Duration.FromMinutes(1), "alice", pool));
            pooled = true;
        }
        if (then is 2 or 3)
        {
            events.Add(new OwnerReassigned(id, at + Duration.FromMinutes(2), "alice", PersonIds[other % PersonIds.Length]));
            pooled = false;
        }
        if (!pooled && outcome > 0)
        {
            events.Add(
                outcome == 1
                    ? new DealWon(id, at + Duration.FromMinutes(3), "alice", "won")
                    : new DealLost(id, at + Duration.FromMinutes(3), "alice", "lost", LossReason.Price, null)
            );
        }
        return Deal.FromEvents(events);
    }

    // Hostile histories (HistoryDeals: every event kind and field, pools, imports) among placed deals.
    private static readonly Gen<Deal[]> HostileDeals =
        from hostile in HistoryDeals.Deals
        from placed in PlacedDeals
        from seed in Gen.Choose(0, int.MaxValue)
        select Interleave(hostile, placed, seed);

    // Deals the metrics' kernels take (one currency, whole ticks, the pipeline's stages) among placed deals.
    private static readonly Gen<Deal[]> PlainDeals =
        from plain in FrameDeals.PlainDeals
        from placed in PlacedDeals
        from seed in Gen.Choose(0, int.MaxValue)
        select Interleave(plain, placed, seed);

    private static Deal[] Interleave(Deal[] a, Deal[] b, int seed)
    {
        var rng = new Random(seed);
        var (i, j) = (0, 0);
        var all = new List<Deal>();
        while (i < a.Length || j < b.Length)
        {
            all.Add(j == b.Length || (i < a.Length && rng.Next(2) == 0) ? a[i++] : b[j++]);
        }
        return [.. all];
    }

    // How the list was made: an import's or DealListBuilder's (a frame without deal objects, built whole or in parts),
    // or a frame's that keeps its deals (the back-test's past frames).
    private enum Kind
    {
        WithoutDeals,
        WithoutDealsInParts,
        KeepsDeals,
    }

    private static IReadOnlyList<Deal> FrameList(Deal[] deals, Kind kind) =>
        kind == Kind.KeepsDeals
            ? DealFrameBuilder.Build(deals, DealFrameBuilder.Keeping.Deals).DealList
            : AddRowTests.WithoutDeals(deals, inParts: kind == Kind.WithoutDealsInParts).DealList;

    [Fact]
    public void VisibleTo_AFramesList_IsTheLazyFilter_DealByDealInOrder_AsAFramesList_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                HostileDeals.ToArbitrary(),
                Orgs.ToArbitrary(),
                Gen.Elements(Kind.WithoutDeals, Kind.WithoutDealsInParts, Kind.KeepsDeals).ToArbitrary(),
                (deals, spec, kind) =>
                {
                    var org = spec.Build();
                    var list = FrameList(deals, kind);
                    // The visible rows kept in parts too.
                    using var split = kind == Kind.WithoutDealsInParts ? FramePartitions.SplitFrom(3) : null;
                    foreach (var person in org.People)
                    {
                        var expected = org.VisibleTo(person.Id, [.. list]).ToArray();
                        var visible = org.VisibleTo(person.Id, list);
                        var framed = Assert.IsType<FrameDealList>(visible);
                        Assert.Equal(expected, framed);
                        Assert.Equal(kind == Kind.KeepsDeals, framed.Frame.History is null);
                        if (kind == Kind.KeepsDeals)
                        {
                            // The caller's objects, as the lazy filter hands them back.
                            Assert.All(expected, (deal, i) => Assert.Same(deal, framed[i]));
                        }
                    }
                }
            )
        );

    private static readonly FiscalPeriod[] Months = [.. FiscalCalendar.Calendar.Months(2026).Take(6)];

    [Fact]
    public void Metrics_OverVisibleTo_OfAFramesList_EqualTheMetricsOverTheLazyFilter_Property()
    {
        var (results, onFrame) = (0, 0);
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.OneOf(PlainDeals, HostileDeals).ToArbitrary(),
                Orgs.ToArbitrary(),
                Gen.Elements(Kind.WithoutDeals, Kind.WithoutDealsInParts, Kind.KeepsDeals).ToArbitrary(),
                (deals, spec, kind) =>
                {
                    var org = spec.Build();
                    var list = FrameList(deals, kind);
                    using var split = kind == Kind.WithoutDealsInParts ? FramePartitions.SplitFrom(3) : null;
                    foreach (var person in org.People)
                    {
                        var lazy = org.VisibleTo(person.Id, deals.Select(d => d));
                        var visible = org.VisibleTo(person.Id, list);
                        Assert.Equal(
                            WinRateFrameDeals.Outcome(() => WinRateFrameDeals.Render(WinRate.Of(lazy))),
                            WinRateFrameDeals.Outcome(() => WinRateFrameDeals.Render(WinRate.Of(visible)))
                        );
                        Assert.Equal(
                            WinRateFrameDeals.Outcome(() =>
                                StageWeightedFrameTests.Render(Forecast.StageWeighted(lazy, FrameDeals.Pipeline, Months))
                            ),
                            WinRateFrameDeals.Outcome(() =>
                                StageWeightedFrameTests.Render(Forecast.StageWeighted(visible, FrameDeals.Pipeline, Months))
                            )
                        );
                        results++;
                        onFrame += DealFrames.For(visible) is { } frame && new WinRateAccumulator().TryAdd(frame) ? 1 : 0;
                    }
                }
            )
        );
        // Not vacuous: most results are ones the win rate's kernel takes from the columns.
        Assert.True(onFrame * 2 > results, $"the kernel took {onFrame} of {results} results");
    }

    [Fact]
    public void VisibleTo_ATeamOfAListHeldAsColumns_AsWorkedOut()
    {
        // Acme: maria leads EMEA and, through it, DACH, which dan leads; olav leads APAC; root is an admin.
        var org = SalesOrg
            .CreateBuilder("Acme")
            .Team("emea", "EMEA", lead: "maria")
            .Team("dach", "DACH", parent: "emea", lead: "dan")
            .Team("apac", "APAC", lead: "olav")
            .Rep("maria", "Maria", "emea")
            .Rep("ana", "Ana", "emea")
            .Rep("dan", "Dan", "dach")
            .Rep("ben", "Ben", "dach")
            .Rep("olav", "Olav", "apac")
            .Rep("chen", "Chen", "apac")
            .Admin("root", "Root")
            .Build();
        var builder = new DealListBuilder();
        builder.Add(Example("D1", "ana", null, 10_000.00m, "proposal", won: true));
        builder.Add(Example("D2", "ben", null, 5_000.00m, "proposal", won: false));
        builder.Add(Example("D3", "chen", null, 7_000.00m, "proposal", won: true));
        builder.Add(Example("D4", null, "dach", 2_000.00m, "negotiation"));
        builder.Add(Example("D5", null, "apac", 4_000.00m, "proposal"));
        builder.Add(Example("D6", null, null, 1_000.00m, "prospecting")); // the company pool
        builder.Add(Example("D7", "ben", null, 3_000.00m, "negotiation", won: true));
        builder.Add(Example("D8", "ana", null, 20_000.00m, "proposal"));
        var deals = builder.Build();

        string Ids(string viewer) => string.Join(" ", org.VisibleTo(viewer, deals).Select(d => d.Id.Value));

        // maria: her team's ana, the DACH subtree's ben, the DACH pool; not APAC's, nor the company pool (admins only).
        Assert.Equal("D1 D2 D4 D7 D8", Ids("maria"));
        Assert.Equal("D2 D4 D7", Ids("dan"));
        Assert.Equal("D3 D5", Ids("olav"));
        Assert.Equal("D2 D7", Ids("ben")); // a rep does not see their team's pool
        Assert.Equal("D1 D2 D3 D4 D5 D6 D7 D8", Ids("root"));
        Assert.Equal("D1 D8", Ids("ana"));

        var marias = org.VisibleTo("maria", deals);
        Assert.IsType<FrameDealList>(marias);
        // Won D1 (10,000.00) and D7 (3,000.00), lost D2 (5,000.00): 2 of 3 decided, 13,000 of 18,000 by value.
        var rate = WinRate.Of(marias);
        Assert.Equal((2, 1, 2m / 3m), (rate.Won, rate.Lost, rate.CountRate));
        Assert.Equal((13_000.00m, 5_000.00m, 13m / 18m), (rate.WonValue!.Amount, rate.LostValue!.Amount, rate.ValueRate));
        // Open D8 in Proposal (50%) and D4 in Negotiation (80%): 10,000.00 + 1,600.00; won 13,000.00 in January.
        var forecast = Forecast.StageWeighted(marias, FrameDeals.Pipeline, Months);
        Assert.Equal((11_600.00m, 13_000.00m, 2), (forecast.Total.Weighted.Amount, forecast.Total.Won.Amount, forecast.Total.OpenDeals));
        var dans = WinRate.Of(org.VisibleTo("dan", deals));
        Assert.Equal((1, 1, 3_000.00m), (dans.Won, dans.Lost, dans.WonValue!.Amount));
    }

    // A deal created at T0 in the stage, closing mid-February: owned, or in a team's pool or the company's; won or lost
    // an hour later when asked.
    private static Deal Example(string id, string? owner, string? pool, decimal amount, string stage, bool? won = null)
    {
        var dealId = new DealId(id);
        var at = FrameDeals.T0;
        var money = Money.Of(amount, Currency.USD);
        List<DealEvent> events =
        [
            new DealCreated(dealId, at, "root", FrameDeals.Pipeline.Name, id, owner, money, new LocalDate(2026, 2, 15), stage, Team: pool),
        ];
        if (won is { } w)
        {
            events.Add(
                w
                    ? new DealWon(dealId, at + Duration.FromHours(1), "root", "won")
                    : new DealLost(dealId, at + Duration.FromHours(1), "root", "lost", LossReason.Price, null)
            );
        }
        return Deal.FromEvents(events);
    }
}
