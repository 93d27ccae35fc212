using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Quotes;
using static SalesPipeline.Tests.Quotes.QuoteFixtures;

namespace SalesPipeline.Tests.Quotes;

// Random scripts of every quote command (revisions with discounts that need nobody, the manager or the next level up;
// submissions; approvals and rejections by entitled and unentitled people; sends, acceptances, declines), each refused
// command leaving the quote as it was. The invariants are checked on the history alone, against the policy recomputed
// here for each version's lines.
public class QuoteLifecyclePropertyTests
{
    private static readonly string[] People = ["alice", "bob", "maria", "victor", "carl"];
    private static readonly decimal[] SeatDiscounts = [0m, 5m, 12m, 15m, 25m];

    private static readonly Gen<(int Op, int Arg)[]> Scripts =
        from length in Gen.Choose(0, 40)
        from steps in Gen.ArrayOf(from op in Gen.Choose(0, 6) from arg in Gen.Choose(0, 4) select (op, arg), length)
        select steps;

    private static Quote Run((int Op, int Arg)[] script)
    {
        var quote = Draft();
        var hour = 0;
        foreach (var (op, arg) in script)
        {
            var at = T0 + NodaTime.Duration.FromHours(++hour);
            var before = quote;
            try
            {
                quote = op switch
                {
                    0 => quote.Revise(Lines(SeatDiscounts[arg], seats: 100m + hour), at, "alice"),
                    1 => quote.Submit(Policy, Org, at, "alice"),
                    2 => quote.Approve(Org, at, People[arg]),
                    3 => quote.Reject(Org, at, People[arg], "no"),
                    4 => quote.Send(at, "alice"),
                    5 => quote.Accept(at, "alice"),
                    _ => quote.Decline(at, "alice"),
                };
            }
            catch (QuoteOperationException)
            {
                if (!before.Events.SequenceEqual(quote.Events))
                {
                    throw new InvalidOperationException("a refused command changed the quote");
                }
            }
        }
        return quote;
    }

    [Fact]
    public void AQuoteNeedingApproval_IsNeverSentWithoutIt_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Scripts.ToArbitrary(),
                script =>
                {
                    var events = Run(script).Events;
                    QuoteLine[] lines = Lines(12m);
                    Discount? discount = null;
                    var needed = new List<RequiredApproval>();
                    var submitted = false;
                    foreach (var e in events)
                    {
                        switch (e)
                        {
                            case QuoteRevised r:
                                (lines, discount, submitted) = (r.Content.Lines.ToArray(), r.Content.QuoteDiscount, false);
                                break;
                            case QuoteSubmitted s:
                                // The recorded requirement is what the policy decides for the lines as they stand.
                                var expected = Policy.Decide(QuoteTotals.Of(lines, discount), "alice", Org).Required;
                                if (!s.Required.SequenceEqual(expected))
                                {
                                    return false;
                                }
                                (needed, submitted) = (s.Required.ToList(), true);
                                break;
                            case QuoteApproved a:
                                foreach (var r in a.Satisfies)
                                {
                                    var entitled = r.PersonId == "maria" ? a.By is "maria" or "victor" : a.By == "victor";
                                    if (!entitled)
                                    {
                                        return false;
                                    }
                                    needed.Remove(r);
                                }
                                break;
                            case QuoteRejected:
                                submitted = false;
                                break;
                            case QuoteSent when !submitted || needed.Count > 0:
                                return false;
                        }
                    }
                    return true;
                }
            )
        );

    [Fact]
    public void EveryVersion_IsKept_AndTheHistoryRebuildsTheQuote_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Scripts.ToArbitrary(),
                script =>
                {
                    var quote = Run(script);
                    var rebuilt = Quote.FromEvents(quote.Events);
                    // A version is started by creation and by each revision that raised the number; its last revision
                    // (or creation) gives its lines.
                    var lastLines = new Dictionary<int, IReadOnlyList<QuoteLine>> { [1] = ((QuoteCreated)quote.Events[0]).Content.Lines };
                    foreach (var r in quote.Events.OfType<QuoteRevised>())
                    {
                        lastLines[r.Version] = r.Content.Lines;
                    }
                    return quote.Versions.Count == quote.Version
                        && quote.Versions.Select(v => v.Number).SequenceEqual(Enumerable.Range(1, quote.Version))
                        && quote.Versions.All(v => v.Content.Lines.SequenceEqual(lastLines[v.Number]))
                        && rebuilt.Status == quote.Status
                        && rebuilt.Version == quote.Version
                        && rebuilt.Approvals.SequenceEqual(quote.Approvals)
                        && rebuilt.Total == quote.Total;
                }
            )
        );

    [Fact]
    public void EveryVersionsContent_IsTheContentItsApproversSaw_AndNoSubmittedVersionIsOverwritten_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Scripts.ToArbitrary(),
                script =>
                {
                    var quote = Run(script);
                    // Replayed from the history alone: the content each version had when it was submitted, approved,
                    // rejected or sent must be the content the quote keeps for that version.
                    var content = new Dictionary<int, QuoteContent> { [1] = ((QuoteCreated)quote.Events[0]).Content };
                    var version = 1;
                    var submitted = false;
                    var seen = new List<(int Version, QuoteContent Content)>();
                    foreach (var e in quote.Events.Skip(1))
                    {
                        switch (e)
                        {
                            case QuoteRevised r when r.Version == version:
                                if (submitted)
                                {
                                    return false; // a submitted version changed in place
                                }
                                content[version] = r.Content;
                                break;
                            case QuoteRevised r when r.Version == version + 1:
                                (version, submitted) = (r.Version, false);
                                content[version] = r.Content;
                                break;
                            case QuoteRevised:
                                return false;
                            case QuoteSubmitted:
                                submitted = true;
                                seen.Add((version, content[version]));
                                break;
                            case QuoteApproved or QuoteRejected or QuoteSent:
                                seen.Add((version, content[version]));
                                break;
                        }
                    }
                    return seen.All(x => quote.GetVersion(x.Version).Content == x.Content)
                        && quote.Approvals.All(a => seen.Any(x => x.Version == a.Version))
                        && quote.Versions.All(v => v.Content == content[v.Number]);
                }
            )
        );
}
