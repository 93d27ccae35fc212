using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Organization;

namespace SalesPipeline.Tests.Organization;

// Property tests of SalesOrg.VisibleTo against a brute-force model computed independently from the tree: the model
// walks UP from the owner's team to the root (the library walks DOWN from the led teams).
public sealed partial class SalesOrgTests
{
    // A random org: team i has parent ParentOf[i] (-1 for the company, else a team declared before it, so it is a
    // tree); person p is in team TeamOf[p] (-1 only for an admin at company level); team i is led by person LeadOf[i]
    // (-1 for none); records are owned by Owners (people "p0".., or "ghost0", "ghost1" outside the org).
    public sealed record OrgCase(int[] ParentOf, int[] TeamOf, bool[] IsAdmin, int[] LeadOf, string[] RecordOwners)
    {
        public int People => TeamOf.Length;

        public SalesOrg Build()
        {
            var builder = SalesOrg.CreateBuilder("Random");
            for (var i = 0; i < ParentOf.Length; i++)
            {
                builder.Team($"t{i}", $"Team {i}", ParentOf[i] < 0 ? null : $"t{ParentOf[i]}", LeadOf[i] < 0 ? null : $"p{LeadOf[i]}");
            }
            for (var p = 0; p < People; p++)
            {
                if (IsAdmin[p])
                {
                    builder.Admin($"p{p}", $"Person {p}", TeamOf[p] < 0 ? null : $"t{TeamOf[p]}");
                }
                else
                {
                    builder.Rep($"p{p}", $"Person {p}", $"t{TeamOf[p]}");
                }
            }
            return builder.Build();
        }

        // The rule of domain.md 2 / VisibilityKind, evaluated directly for one (viewer, owner) pair.
        public bool ModelVisible(int viewer, string owner)
        {
            if (IsAdmin[viewer] || owner == $"p{viewer}")
            {
                return true;
            }
            if (!owner.StartsWith('p'))
            {
                return false;
            }
            var ownerTeam = TeamOf[int.Parse(owner.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)];
            for (var t = ownerTeam; t >= 0; t = ParentOf[t])
            {
                if (LeadOf[t] == viewer)
                {
                    return true;
                }
            }
            return false;
        }

        public override string ToString() =>
            $"parents=[{string.Join(",", ParentOf)}] teamOf=[{string.Join(",", TeamOf)}] admin=[{string.Join(",", IsAdmin)}] "
            + $"leads=[{string.Join(",", LeadOf)}] owners=[{string.Join(",", RecordOwners)}]";
    }

    private static readonly Gen<OrgCase> OrgCases =
        from teams in Gen.Choose(1, 6)
        from people in Gen.Choose(1, 9)
        from parentOf in Gen.CollectToArray(Enumerable.Range(0, teams), i => Gen.Choose(-1, i - 1))
        from isAdmin in Gen.ArrayOf(Gen.Choose(0, 9).Select(x => x == 0), people)
        from teamOf in Gen.CollectToArray(Enumerable.Range(0, people), p => Gen.Choose(isAdmin[p] ? -1 : 0, teams - 1))
        from leadOf in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(-1)), (3, Gen.Choose(0, people - 1))), teams)
        from ownerIndexes in Gen.ListOf(Gen.Choose(0, people + 1))
        select new OrgCase(
            parentOf,
            teamOf,
            isAdmin,
            leadOf,
            ownerIndexes.Select(i => i < people ? $"p{i}" : $"ghost{i - people}").ToArray()
        );

    [Fact]
    public void VisibleTo_RandomOrgsAndDeals_EqualsBruteForceModelForEveryViewer_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                OrgCases.ToArbitrary(),
                c =>
                {
                    var org = c.Build();
                    var deals = c.RecordOwners.Select(DealOwnedBy).ToArray();
                    return Enumerable
                        .Range(0, c.People)
                        .All(viewer =>
                            org.VisibleTo($"p{viewer}", deals)
                                .Select(d => d.Id)
                                .SequenceEqual(deals.Where(d => c.ModelVisible(viewer, d.Owner!)).Select(d => d.Id))
                        );
                }
            )
        );

    [Fact]
    public void VisibleTo_RandomOrgsAndLeads_EqualsBruteForceModelForEveryViewer_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                OrgCases.ToArbitrary(),
                c =>
                {
                    var org = c.Build();
                    var leads = c.RecordOwners.Select(LeadOwnedBy).ToArray();
                    return Enumerable
                        .Range(0, c.People)
                        .All(viewer =>
                            org.VisibleTo($"p{viewer}", leads)
                                .Select(l => l.Id)
                                .SequenceEqual(leads.Where(l => c.ModelVisible(viewer, l.Owner!)).Select(l => l.Id))
                        );
                }
            )
        );

    // Every person's scope kind follows from the tree: admin -> All, leads a team -> Teams, otherwise Own; and
    // Includes agrees with the model for every person and for owners outside the org.
    [Fact]
    public void ScopeOf_RandomOrgs_KindAndIncludesMatchModel_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                OrgCases.ToArbitrary(),
                c =>
                {
                    var org = c.Build();
                    var candidates = Enumerable.Range(0, c.People).Select(p => $"p{p}").Append("ghost0").ToArray();
                    return Enumerable
                        .Range(0, c.People)
                        .All(viewer =>
                        {
                            var scope = org.ScopeOf($"p{viewer}");
                            var expectedKind =
                                c.IsAdmin[viewer] ? VisibilityKind.All
                                : c.LeadOf.Contains(viewer) ? VisibilityKind.Teams
                                : VisibilityKind.Own;
                            return scope.Kind == expectedKind && candidates.All(o => scope.Includes(o) == c.ModelVisible(viewer, o));
                        });
                }
            )
        );
}
