using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SalesPipeline.Organization;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Json.Tests.Documents;

// Valid definitions and organizations of every shape the builders accept, for the round-trip properties.
internal static class DocumentGenerators
{
    private static readonly string[] StageNames =
    [
        "Lead In",
        "Discovery",
        "Démo",
        "Proposal",
        "Négociation",
        "Legal Review",
        "Pilot",
        "Contract",
    ];

    private static readonly ForecastCategory[] OpenCategories =
    [
        ForecastCategory.Omitted,
        ForecastCategory.Pipeline,
        ForecastCategory.BestCase,
        ForecastCategory.Commit,
    ];

    private sealed record OpenStage(
        int NameIndex,
        int Hundredths,
        int Scale,
        ForecastCategory Category,
        int Criteria,
        int RotHours,
        bool ExplicitId
    );

    private static readonly Gen<OpenStage> Open =
        from nameIndex in Gen.Choose(0, StageNames.Length - 1)
        from hundredths in Gen.Choose(0, 100)
        from scale in Gen.Choose(0, 2)
        from category in Gen.Elements(OpenCategories)
        from criteria in Gen.Choose(0, 3)
        from rotHours in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(1, 24 * 90)))
        from explicitId in Gen.Elements(true, false)
        select new OpenStage(nameIndex, hundredths, scale, category, criteria, rotHours, explicitId);

    public static readonly Gen<PipelineDefinition> Pipelines =
        from count in Gen.Choose(1, 5)
        from stages in Gen.ArrayOf(Open, count)
        from skip in Gen.Elements(true, false)
        from reopen in Gen.Elements(true, false)
        from criteriaToWin in Gen.Elements(true, false)
        from sent in Gen.Choose(-1, 4)
        from accepted in Gen.Choose(-1, 5)
        select Build(stages, new PipelinePolicies(skip, reopen, criteriaToWin), sent, accepted);

    // Quote stages, when drawn, are valid: on-sent an open stage, on-accepted a later open stage or Won (the index past
    // the open stages); a draw that would break a rule is read as no move, so half the pipelines have none.
    private static PipelineDefinition Build(OpenStage[] stages, PipelinePolicies policies, int sent, int accepted)
    {
        var builder = Builder(stages, policies);
        var ids = builder.Build().Stages.Select(s => s.Id).ToArray();
        var onSent = sent >= 0 && sent < stages.Length ? ids[sent] : null;
        var onAccepted = accepted > Math.Max(sent, -1) && accepted <= stages.Length ? ids[accepted] : null;
        return builder.QuoteStages(onSent, onAccepted).Build();
    }

    private static PipelineBuilder Builder(OpenStage[] stages, PipelinePolicies policies)
    {
        var builder = PipelineDefinition.CreateBuilder("Generated").WithPolicies(policies);
        var criterion = 0;
        // Stage names must differ, so the i-th stage takes the i-th name after the first stage's drawn one.
        for (var i = 0; i < stages.Length; i++)
        {
            var s = stages[i];
            var name = StageNames[(stages[0].NameIndex + i) % StageNames.Length] + (i >= StageNames.Length ? $" {i}" : "");
            // 0.5 written with scale 0, 1 or 2 extra digits: 0.5, 0.50, 0.500 (the scale must survive the trip).
            var probability =
                decimal.Round(s.Hundredths / 100m, 2)
                * (
                    s.Scale switch
                    {
                        0 => 1m,
                        1 => 1.0m,
                        _ => 1.00m,
                    }
                );
            var criteria = Enumerable
                .Range(0, s.Criteria)
                .Select(_ => new ExitCriterion($"c{criterion++}", $"Question {criterion}?"))
                .ToArray();
            builder.Stage(
                name,
                probability,
                s.Category,
                criteria,
                s.ExplicitId ? $"s-{i}" : null,
                s.RotHours == 0 ? null : Duration.FromHours(s.RotHours)
            );
        }
        return builder.Won("Closed Won").Lost("Closed Lost", id: "lost-deals");
    }

    // A tree of teams (each team's parent is declared before it), people in teams or at company level (admins), leads.
    public static readonly Gen<SalesOrg> Orgs =
        from teamCount in Gen.Choose(0, 6)
        from parents in Gen.ArrayOf(Gen.Choose(-1, 5), teamCount)
        from peopleCount in Gen.Choose(1, 10)
        from teamOf in Gen.ArrayOf(Gen.Choose(-1, 5), peopleCount)
        from admin in Gen.ArrayOf(Gen.Elements(false, false, true), peopleCount)
        from leads in Gen.ArrayOf(Gen.Choose(-1, 9), teamCount)
        select BuildOrg(parents, teamOf, admin, leads);

    private static SalesOrg BuildOrg(int[] parents, int[] teamOf, bool[] admin, int[] leads)
    {
        var teams = parents.Length;
        var builder = SalesOrg.CreateBuilder("Generated Co");
        for (var t = 0; t < teams; t++)
        {
            var parent = parents[t] >= 0 && parents[t] < t ? $"t{parents[t]}" : null;
            var lead = leads[t] >= 0 && leads[t] < teamOf.Length ? $"p{leads[t]}" : null;
            builder.Team($"t{t}", $"Team {t}", parent, lead);
        }
        for (var p = 0; p < teamOf.Length; p++)
        {
            var team = teams > 0 && teamOf[p] >= 0 ? $"t{teamOf[p] % teams}" : null;
            if (admin[p] || team is null)
            {
                builder.Admin($"p{p}", $"Person {p}", team);
            }
            else
            {
                builder.Rep($"p{p}", $"Person {p}", team);
            }
        }
        return builder.Build();
    }
}
