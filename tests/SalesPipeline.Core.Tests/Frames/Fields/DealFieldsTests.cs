using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Frames.Fields;

// The deal fields a frame records with its rows (DealFrame.Fields) are each deal's own, row by row, for hostile deals;
// parts recorded apart and joined give the very columns one pass gives; a frame as of an instant carries them as the
// frame of the deals then has them; and the groups read from them are the groups the deal-based identities give.
public class DealFieldsTests
{
    private static readonly Gen<Instant> Instants =
        from hours in Gen.Choose(-10, 6000)
        from nanos in Gen.Elements(0L, -100L, 100L)
        select FrameDeals.T0 + Duration.FromHours(hours) + Duration.FromNanoseconds(nanos);

    [Fact]
    public void Fields_AreEachDealsOwn_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                FieldDeals.Deals.ToArbitrary(),
                deals =>
                {
                    AssertFieldsOf(deals, DealFrame.Of(deals));
                }
            )
        );

    // A frame without deal objects holds each id once: its fields read the history's.
    [Fact]
    public void Fields_OfAFrameWithoutDeals_AreEachDealsOwn_WithTheHistorysIds_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                FieldDeals.Deals.ToArbitrary(),
                Gen.Elements(false, true).ToArbitrary(),
                (deals, inParts) =>
                {
                    var frame = Building.AddRowTests.WithoutDeals(deals, inParts);
                    AssertFieldsOf(deals, frame);
                    Assert.Same(frame.History!.IdText, frame.Fields.IdText);
                    Assert.Same(frame.History.IdOffset, frame.Fields.IdOffset);
                }
            )
        );

    // A builder of a frame without deal objects records no ids, whether it adds deals or copies rows (its history holds
    // them); a builder that keeps the deals records each deal's.
    [Fact]
    public void Builder_RecordsIds_OnlyWithoutAHistory_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                FieldDeals.Deals.ToArbitrary(),
                deals =>
                {
                    var source = Building.AddRowTests.WithoutDeals(deals, inParts: false);
                    var adding = new DealFrameBuilder(keepDeals: false);
                    var copying = new DealFrameBuilder(keepDeals: false);
                    var keeping = new DealFrameBuilder(keepDeals: true);
                    for (var r = 0; r < deals.Length; r++)
                    {
                        adding.Add(deals[r]);
                        copying.AddRow(source, r);
                        keeping.Add(deals[r]);
                    }
                    foreach (var fields in new[] { adding.Fields.Build(), copying.Fields.Build() })
                    {
                        Assert.Equal(deals.Length, fields.Count);
                        Assert.Empty(fields.IdOffset);
                        Assert.Equal(0, fields.IdText.Bytes);
                    }
                    var kept = keeping.Fields.Build();
                    Assert.Equal(deals.Select(d => d.Id.Value), kept.IdOffset.Select(o => kept.IdText[o]));
                }
            )
        );

    [Fact]
    public void Join_OfPartsRecordedApart_IsOnePass_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                FieldDeals.Deals.ToArbitrary(),
                Gen.ListOf(Gen.Choose(0, 1000)).ToArbitrary(),
                (deals, cuts) =>
                {
                    var bounds = cuts.Select(c => deals.Length == 0 ? 0 : c % (deals.Length + 1))
                        .Append(0)
                        .Append(deals.Length)
                        .Order()
                        .ToArray();
                    var parts = new List<DealFields>();
                    for (var p = 0; p + 1 < bounds.Length; p++)
                    {
                        var recorder = new DealFields.Recorder();
                        foreach (var deal in deals[bounds[p]..bounds[p + 1]])
                        {
                            recorder.Record(deal);
                        }
                        parts.Add(recorder.Build());
                    }
                    var joined = DealFields.Join(parts);
                    var frame = DealFrame.Of(deals);
                    Assert.Equal(Dump(frame.Fields), Dump(joined));
                    AssertSameAsDeals(deals, joined);
                    // Parts recorded without ids (a frame without deal objects) join without them, every other column
                    // the same: given the ids, they are the one pass's fields.
                    var withoutIds = DealFields.Join([
                        .. parts.Select(
                            (part, p) =>
                            {
                                var recorder = new DealFields.Recorder(recordIds: false);
                                foreach (var deal in deals[bounds[p]..bounds[p + 1]])
                                {
                                    recorder.Record(deal);
                                }
                                return recorder.Build();
                            }
                        ),
                    ]);
                    Assert.Empty(withoutIds.IdOffset);
                    Assert.Equal(0, withoutIds.IdText.Bytes);
                    Assert.Equal(deals.Length, withoutIds.Count);
                    Assert.Equal(Dump(joined), Dump(withoutIds.WithIds(joined.IdOffset, joined.IdText)));
                }
            )
        );

    [Fact]
    public void AsOf_CarriesTheFieldsOfTheDealsThen_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                FieldDeals.Deals.ToArbitrary(),
                Instants.ToArbitrary(),
                (deals, instant) =>
                {
                    var past = DealFrame.Of(deals).AsOf(instant);
                    if (past is null)
                    {
                        return; // instants finer than a tick: AsOf makes no frame (BacktestFrameTests pins when)
                    }
                    var then = deals.Select(d => d.TryAsOf(instant, out var was) ? was : null).OfType<Deal>().ToArray();
                    Assert.Equal(Dump(DealFrame.Of(then).Fields), Dump(past.Fields));
                    AssertFieldsOf(then, past);
                }
            )
        );

    [Fact]
    public void Groups_FromTheColumns_AreTheGroupsOfTheDealIdentities_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                FieldDeals.Deals.ToArbitrary(),
                deals =>
                {
                    var frame = DealFrame.Of(deals);
                    // The identities the deal-based code groups by (BreakdownKeys.Of, LossAccumulator.Add,
                    // CompetitorAccumulator.Add), written out here as the oracle.
                    AssertGroups(deals, d => (d.Owner, d.Owner is null ? d.Team : null), FrameGroupings.Of(frame, Breakdown.Team));
                    AssertGroups(deals, d => d.Source?.Code, FrameGroupings.Of(frame, Breakdown.Source));
                    AssertGroups(deals, d => d.Product, FrameGroupings.Of(frame, Breakdown.Product));
                    AssertGroups(deals, d => d.Customer?.AccountId, FrameGroupings.Of(frame, Breakdown.Customer));
                    AssertGroups(
                        deals,
                        d => string.Join("\u0001", d.Competitors.Select(c => c.Length + ":" + c)),
                        FrameGroupings.Competitors(frame)
                    );
                }
            )
        );

    [Fact]
    public void LossAndCompetitorKernels_GiveWhatAddGives_OnHostileFields_Property() =>
        // The loss groups (status, reason, last open stage or stage) and the lost-to groups are read from the columns
        // now: the kernels' state must still be Add's for deals whose texts differ only in case or accent.
        PropertyAssert.Holds(
            Prop.ForAll(
                FieldDeals.Deals.ToArbitrary(),
                deals =>
                {
                    var options = new WinRateOptions { Definition = WinRateDefinition.Decided };
                    var losses = new LossAccumulator(options);
                    var lossOracle = new LossAccumulator(options);
                    var competitors = new CompetitorAccumulator(options);
                    var competitorOracle = new CompetitorAccumulator(options);
                    var frame = DealFrame.Of(deals);
                    var lossTaken = Outcome(() => losses.TryAdd(frame) ? losses.StateText() : "fallback");
                    var competitorTaken = Outcome(() => competitors.TryAdd(frame) ? competitors.StateText() : "fallback");
                    if (lossTaken != "fallback")
                    {
                        Assert.Equal(Outcome(() => Add(lossOracle, deals).StateText()), lossTaken);
                    }
                    if (competitorTaken != "fallback")
                    {
                        Assert.Equal(Outcome(() => Add(competitorOracle, deals).StateText()), competitorTaken);
                    }
                }
            )
        );

    private static LossAccumulator Add(LossAccumulator accumulator, Deal[] deals)
    {
        foreach (var deal in deals)
        {
            accumulator.Add(deal);
        }
        return accumulator;
    }

    private static CompetitorAccumulator Add(CompetitorAccumulator accumulator, Deal[] deals)
    {
        foreach (var deal in deals)
        {
            accumulator.Add(deal);
        }
        return accumulator;
    }

    private static string Outcome(Func<string> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return e.GetType().Name;
        }
    }

    // Rows with equal identity share a group, groups are numbered in order of first appearance, and each group's
    // representative is its first row.
    private static void AssertGroups<TKey>(Deal[] deals, Func<Deal, TKey> identity, FrameGroups groups)
    {
        var codes = new Dictionary<(bool, TKey?), int>();
        var representative = new List<int>();
        var expected = new int[deals.Length];
        for (var r = 0; r < deals.Length; r++)
        {
            var key = identity(deals[r]);
            var wrapped = (key is null, key);
            if (!codes.TryGetValue(wrapped, out var code))
            {
                code = representative.Count;
                codes.Add(wrapped, code);
                representative.Add(r);
            }
            expected[r] = code;
        }
        Assert.Equal(expected, groups.Group);
        Assert.Equal(representative, groups.Representative);
    }

    // Every recorded field and every column derived from them is the deal's, and each dictionary holds exactly the
    // values the rows use, in ordinal order.
    private static void AssertFieldsOf(Deal[] deals, DealFrame frame)
    {
        var fields = frame.Fields;
        AssertSameAsDeals(deals, fields);
        var customers = frame.Customers;
        var leads = frame.Leads;
        for (var r = 0; r < deals.Length; r++)
        {
            var deal = deals[r];
            Assert.Equal(ExactText(deal.Amount.Amount), ExactText(frame.AmountAt(r)));
            Assert.Equal(deal.LeadId, leads[r]);
            Assert.Equal(deal.Customer?.AccountId, customers.Account[r] < 0 ? null : customers.Accounts[customers.Account[r]]);
            Assert.Equal(deal.Product, customers.Product[r] < 0 ? null : customers.Products[customers.Product[r]]);
            Assert.Equal(deal.Owner is null, customers.Pooled[r]);
            var everPooled =
                deal.Events[0] is DealCreated { Owner: null } or DealImported { Owner: null }
                || deal.Events.Any(e => e is DealAssignedToPool)
                || deal.Owner is null;
            Assert.Equal(everPooled, customers.MayWaitInPool[r]);
        }
        for (var a = 0; a < customers.Accounts.Length; a++)
        {
            var names = deals.Where(d => d.Customer?.AccountId == customers.Accounts[a]).Select(d => d.Customer!.Name);
            Assert.Equal(names.Order(StringComparer.Ordinal).First(), customers.Names[a]);
        }
        var ids = deals.Select(d => d.Id.Value).ToArray();
        Assert.Equal(ids.Distinct(StringComparer.Ordinal).Count() == ids.Length, frame.HasDistinctIds);
        Assert.Equal(Enumerable.Range(0, deals.Length).OrderBy(r => ids[r], StringComparer.Ordinal).ThenBy(r => r), frame.RowsById);
        var rowOfId = frame.RowOfId;
        Assert.Equal(ids.Distinct(StringComparer.Ordinal).Count(), rowOfId.Count);
        for (var r = deals.Length - 1; r >= 0; r--)
        {
            Assert.True(rowOfId[deals[r].Id] <= r);
            Assert.Equal(deals[r].Id, deals[rowOfId[deals[r].Id]].Id);
        }
    }

    private static void AssertSameAsDeals(Deal[] deals, DealFields fields)
    {
        Assert.Equal(deals.Length, fields.Count);
        AssertColumn(deals, d => d.Team, fields.Team);
        AssertColumn(deals, d => d.Source?.Code, fields.Source);
        AssertColumn(deals, d => d.Product, fields.Product);
        for (var r = 0; r < deals.Length; r++)
        {
            Assert.Equal(deals[r].Customer, fields.Customer[r]);
            Assert.Equal(deals[r].Customer?.AccountId, fields.AccountAt(r) < 0 ? null : fields.Accounts[fields.AccountAt(r)]);
        }
        Assert.Equal(
            deals
                .Select(d => d.Customer)
                .OfType<Customer>()
                .Distinct()
                .OrderBy(c => c.AccountId, StringComparer.Ordinal)
                .ThenBy(c => c.Name, StringComparer.Ordinal),
            fields.Customer.Values
        );
        AssertColumn(deals, d => d.LossReason?.Code, fields.LossReason);
        AssertColumn(deals, d => d.StopReason?.Code, fields.StopReason);
        AssertColumn(deals, d => d.LastOpenStageId, fields.LastOpenStage);
        AssertColumn(deals, d => d.Competitor, fields.Competitor);
        for (var r = 0; r < deals.Length; r++)
        {
            var deal = deals[r];
            Assert.Equal(deal.Id.Value, fields.IdText[fields.IdOffset[r]]);
            Assert.Equal(deal.Id, fields.IdAt(r));
            Assert.Equal(deal.Competitors, fields.Competitors[r]);
            Assert.Equal(deal.Owner is null, fields.IsPooled(r));
            Assert.Equal(deal.Events[0] is DealCreated { Owner: null } or DealImported { Owner: null }, fields.WasCreatedInPool(r));
            var name = deal.Customer is { } customer ? customer.Name : null;
            var account = fields.AccountAt(r);
            if (name is not null)
            {
                Assert.True(string.CompareOrdinal(fields.AccountNames[account], name) <= 0);
            }
        }
        Assert.Equal(
            deals.SelectMany(d => d.Competitors).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
            fields.Competitors.Competitors
        );
        // Sets are numbered in order of first appearance, each once.
        var sets = deals.Select(d => string.Join("\u0001", d.Competitors.Select(c => c.Length + ":" + c))).Distinct().ToArray();
        Assert.Equal(sets.Length, fields.Competitors.Sets.Length);
    }

    private static void AssertColumn(Deal[] deals, Func<Deal, string?> field, FieldColumn<string> column)
    {
        Assert.Equal(deals.Length, column.Count);
        for (var r = 0; r < deals.Length; r++)
        {
            Assert.Equal(field(deals[r]), column[r]);
        }
        Assert.Equal(deals.Select(field).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), column.Values);
    }

    // Every column of the fields, codes and dictionaries alike, as text (FrameColumns shows a frame's fields so).
    internal static string Dump(DealFields fields)
    {
        var rows = Enumerable.Range(0, fields.Count).ToArray();
        string Codes(FieldColumn<string> c) =>
            string.Join(",", rows.Select(r => c.Codes[r])) + " | " + string.Join(",", c.Values.Select(Quoted));
        var lines = new List<string>
        {
            "ids " + string.Join(",", fields.IdOffset) + " | " + string.Join(",", fields.IdOffset.Select(o => Quoted(fields.IdText[o]))),
            "leads " + string.Join(",", rows.Select(r => fields.Lead.TryGet(r, out var o) ? o + "=" + Quoted(fields.LeadText[o]) : "-")),
            "team " + Codes(fields.Team),
            "source " + Codes(fields.Source),
            "product " + Codes(fields.Product),
            "customer "
                + string.Join(",", rows.Select(r => fields.Customer.Codes[r]))
                + " | "
                + string.Join(",", fields.Customer.Values.Select(c => Quoted(c.AccountId) + "/" + Quoted(c.Name)))
                + " | "
                + string.Join(",", fields.Accounts.Select(Quoted))
                + " | "
                + string.Join(",", fields.AccountOfCustomer)
                + " | "
                + string.Join(",", fields.AccountNames.Select(Quoted)),
            "loss " + Codes(fields.LossReason),
            "stop " + Codes(fields.StopReason),
            "last open " + Codes(fields.LastOpenStage),
            "competitor " + Codes(fields.Competitor),
            "sets "
                + string.Join(",", rows.Select(r => fields.Competitors.Set[r]))
                + " | "
                + string.Join(";", fields.Competitors.Sets.Select(s => string.Join(",", s)))
                + " | "
                + string.Join(",", fields.Competitors.Competitors.Select(Quoted)),
            "pool " + string.Join(",", fields.Pool),
            "wide " + string.Join(",", rows.Select(r => fields.WideAmounts.TryGet(r, out var w) ? ExactText(w) : "-")),
            "bytes " + string.Join(",", fields.ColumnBytes().Select(c => c.Column + "=" + c.Bytes)),
        };
        return string.Join("\n", lines);
    }

    private static string Quoted(string text) => "\"" + string.Concat(text.Select(c => c < 0x80 ? c.ToString() : $"\\u{(int)c:X4}")) + "\"";

    private static string ExactText(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "/" + value.Scale;
}
