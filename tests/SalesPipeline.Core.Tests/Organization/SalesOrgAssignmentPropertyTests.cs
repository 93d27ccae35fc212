using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Deals;
using SalesPipeline.Leads;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Tests.Organization;

// Assignment authority and visibility of pooled deals over random organisations (OrgCase) and random sequences of
// assignment attempts, against a model evaluated directly from the tree (walking up from the record's team).
public sealed partial class SalesOrgTests
{
    // An attempt: ToPool (Target = team index, or -1 for the company pool) or ToRep (Target = person index), by Actor.
    public sealed record Attempt(bool ToPool, int Actor, int Target)
    {
        public override string ToString() =>
            ToPool ? $"p{Actor}: pool {(Target < 0 ? "company" : $"t{Target}")}" : $"p{Actor}: rep p{Target}";
    }

    private static Gen<(OrgCase Org, int StartTeam, Attempt[] Attempts)> AssignmentCases =>
        from c in OrgCases
        from start in Gen.Choose(-1, c.ParentOf.Length - 1)
        from attempts in Gen.ListOf(
            from toPool in Gen.Elements(true, false)
            from actor in Gen.Choose(0, c.People - 1)
            from target in toPool ? Gen.Choose(-1, c.ParentOf.Length - 1) : Gen.Choose(0, c.People - 1)
            select new Attempt(toPool, actor, target)
        )
        select (c, start, attempts.ToArray());

    // Whether the viewer leads team t or a team above it.
    private static bool LeadsOnPathUp(OrgCase c, int viewer, int team)
    {
        for (var t = team; t >= 0; t = c.ParentOf[t])
        {
            if (c.LeadOf[t] == viewer)
            {
                return true;
            }
        }
        return false;
    }

    // The documented rule: an owned deal by its owner (ModelVisible); a pooled one by the leads of its team and above,
    // the company pool by admins only.
    private static bool ModelSees(OrgCase c, int viewer, Deal deal) => ModelSees(c, viewer, deal.Owner, deal.Team);

    private static bool ModelSees(OrgCase c, int viewer, string? owner, string? team) =>
        owner is not null
            ? c.ModelVisible(viewer, owner)
            : c.IsAdmin[viewer]
                || (
                    team is not null
                    && LeadsOnPathUp(c, viewer, int.Parse(team.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture))
                );

    private static bool ModelPermits(OrgCase c, Attempt a, Deal deal) => ModelPermits(c, a, deal.Owner, deal.Team);

    private static bool ModelPermits(OrgCase c, Attempt a, string? owner, string? team)
    {
        if (c.IsAdmin[a.Actor])
        {
            return true;
        }
        if (!ModelSees(c, a.Actor, owner, team))
        {
            return false;
        }
        if (!a.ToPool)
        {
            return c.ModelVisible(a.Actor, $"p{a.Target}");
        }
        return a.Target >= 0 && (LeadsOnPathUp(c, a.Actor, a.Target) || (owner == $"p{a.Actor}" && c.TeamOf[a.Actor] == a.Target));
    }

    [Fact]
    public void Assignments_RandomOrgs_PermittedExactlyByTheRules_VisibilityMatchesTheModel_AndNobodyElseGainsSight_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                AssignmentCases.ToArbitrary(),
                x =>
                {
                    var (c, start, attempts) = x;
                    var org = c.Build();
                    var pipeline = PipelineDefinition.Default;
                    var at = Instant.FromUtc(2026, 1, 1, 0, 0);
                    var deal = Deal.OpenInPool(
                        pipeline,
                        new DealId("D-1"),
                        "Pooled",
                        start < 0 ? null : $"t{start}",
                        Money.Of(1000m, Currency.USD),
                        new LocalDate(2026, 6, 30),
                        at,
                        "ops"
                    );
                    deal = pipeline.Comment(deal, "Who takes it?", at, "ops");
                    // A lead takes the same attempts through the lead forms, by the same rules.
                    var lead = Lead.CreateInPool(new LeadId("L-1"), "Pooled", LeadSource.Web, deal.Team, at, "ops");
                    foreach (var a in attempts)
                    {
                        at = at.Plus(Duration.FromMinutes(1));
                        var actor = $"p{a.Actor}";
                        var target = a.ToPool ? (a.Target < 0 ? null : $"t{a.Target}") : $"p{a.Target}";
                        var permitted = a.ToPool ? org.CanAssignToPool(actor, deal, target) : org.CanAssignToRep(actor, deal, target!);
                        Assert.True(permitted == ModelPermits(c, a, deal), $"{a} on {deal}: library says {permitted}");
                        var leadPermitted = a.ToPool ? org.CanAssignToPool(actor, lead, target) : org.CanAssignToRep(actor, lead, target!);
                        Assert.Equal(ModelPermits(c, a, lead.Owner, lead.Team), leadPermitted);
                        var sameLeadPool = a.ToPool && lead.IsInPool && lead.Team == target;
                        try
                        {
                            lead = a.ToPool ? org.AssignToPool(lead, target, at, actor) : org.AssignToRep(lead, target!, at, actor);
                            Assert.True(leadPermitted && !sameLeadPool, $"{a} was allowed");
                        }
                        catch (InvalidOperationException)
                        {
                            Assert.False(leadPermitted, $"{a} was refused");
                        }
                        catch (ArgumentException) when (sameLeadPool)
                        {
                            // The same pool again: the lead refuses it whoever asks.
                        }
                        for (var v = 0; v < c.People; v++)
                        {
                            Assert.Equal(ModelSees(c, v, lead.Owner, lead.Team), org.VisibleTo($"p{v}", [lead]).Any());
                        }
                        var seenBefore = Enumerable.Range(0, c.People).Where(v => org.ScopeOf($"p{v}").CanSee(deal)).ToHashSet();
                        var result = a.ToPool
                            ? org.TryAssignToPool(pipeline, deal, target, at, actor)
                            : org.TryAssignToRep(pipeline, deal, target!, at, actor);
                        var changesNothing = a.ToPool ? deal.IsInPool && deal.Team == target : deal.Owner == target;
                        Assert.Equal(permitted && !changesNothing, result.IsAccepted);
                        if (!result.IsAccepted)
                        {
                            Assert.Same(deal, result.Deal);
                            Assert.Equal(!permitted, result.Rejections.Any(r => r.Code == RejectionCode.NotPermittedByOrganization));
                            continue;
                        }
                        deal = result.Deal;
                        for (var v = 0; v < c.People; v++)
                        {
                            var sees = org.VisibleTo($"p{v}", [deal]).Any();
                            Assert.True(sees == ModelSees(c, v, deal), $"p{v} after {a}: library says {sees}");
                            // Comments travel with the deal, never further.
                            Assert.Equal(sees, org.VisibleTo($"p{v}", [deal]).SelectMany(d => d.Comments).Any());
                            if (sees && !seenBefore.Contains(v))
                            {
                                // Whoever gains sight is an admin, the new owner, or a lead above the new owner or pool.
                                var ownerTeam =
                                    deal.Owner is { } o && o.StartsWith('p')
                                        ? c.TeamOf[int.Parse(o.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)]
                                    : deal.Team is { } t ? int.Parse(t.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)
                                    : -1;
                                Assert.True(
                                    c.IsAdmin[v] || deal.Owner == $"p{v}" || LeadsOnPathUp(c, v, ownerTeam),
                                    $"p{v} gained sight of {deal} after {a}"
                                );
                            }
                        }
                    }
                    return true;
                }
            )
        );
}
