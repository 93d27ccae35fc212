using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Tests.Pipelines;

// Issue 15: stage names and ids, and exit criterion ids, that look the same are refused (docs/pipelines-and-deals.md,
// "Names and ids that look alike"). Code points are written out; the comment of each case says what they are.
public class PipelineLookAlikeTests
{
    private const string Rule =
        "must differ after compatibility normalization (NFKC), case folding and removing invisible characters, and must not be confusable (equal Unicode TR39 skeletons, before or after case folding).";

    private static PipelineDefinitionException Refused(Func<PipelineBuilder, PipelineBuilder> stages) =>
        Assert.Throws<PipelineDefinitionException>(() => stages(PipelineDefinition.CreateBuilder("P")).Won("Won").Lost("Lost").Build());

    [Fact]
    public void Build_FullWidthName_IsTheSameName()
    {
        // The first example: FF30 FF52 ... is "Proposal" in full width, "Proposal" under NFKC. Its derived id is
        // the full-width "ｐｒｏｐｏｓａｌ", which is "proposal" under NFKC, so the ids collide too.
        var ex = Refused(b => b.Stage("Proposal", 0.5m).Stage("\uFF30\uFF52\uFF4F\uFF50\uFF4F\uFF53\uFF41\uFF4C", 0.6m));

        Assert.Equal(
            [
                "The stage ids \"proposal\" and \"\uFF50\uFF52\uFF4F\uFF50\uFF4F\uFF53\uFF41\uFF4C\" are the same id once normalized and case-folded: both are \"proposal\"; ids of one kind "
                    + Rule,
                "The stage names \"Proposal\" and \"\uFF30\uFF52\uFF4F\uFF50\uFF4F\uFF53\uFF41\uFF4C\" are the same name once normalized and case-folded: both are \"proposal\"; names of one kind "
                    + Rule,
            ],
            ex.Problems
        );
    }

    [Fact]
    public void Build_CyrillicO_IsMixedScriptAndConfusable()
    {
        // The second example: "Prоposal" with 043E CYRILLIC SMALL LETTER O (confusables.txt: 043E -> 006F).
        var ex = Refused(b => b.Stage("Proposal", 0.5m).Stage("Pr\u043Eposal", 0.6m));

        Assert.Equal(3, ex.Problems.Count);
        Assert.StartsWith(
            "The stage id \"pr\u043Eposal\" mixes scripts: Latin (\"p\" U+0070), Cyrillic (\"\u043E\" U+043E); an id's letters must come from one script",
            ex.Problems[0],
            StringComparison.Ordinal
        );
        Assert.Equal(
            "The stage ids \"proposal\" and \"pr\u043Eposal\" are confusable: both have the skeleton \"proposal\"; ids of one kind " + Rule,
            ex.Problems[1]
        );
        Assert.Equal(
            "The stage names \"Proposal\" and \"Pr\u043Eposal\" are confusable: both have the skeleton \"Proposal\"; names of one kind "
                + Rule,
            ex.Problems[2]
        );
    }

    [Fact]
    public void Build_GreekOmicronInExplicitId_IsMixedScriptAndConfusable()
    {
        // 03BF GREEK SMALL LETTER OMICRON -> 006F; the names differ, so only the ids are at fault.
        var ex = Refused(b => b.Stage("Proposal", 0.5m, id: "proposal").Stage("Offer", 0.6m, id: "pr\u03BFposal"));

        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains("Greek (\"\u03BF\" U+03BF)", ex.Problems[0], StringComparison.Ordinal);
        Assert.Contains("\"proposal\" and \"pr\u03BFposal\" are confusable", ex.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WholeScriptLookAlikeIds_AreConfusable()
    {
        // Each id is of one script, so only the skeleton finds them: Cyrillic 0440 0435 0430 looks like Latin "pea".
        var ex = Refused(b => b.Stage("Peas", 0.5m, id: "pea").Stage("Horoh", 0.6m, id: "\u0440\u0435\u0430"));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(
            "The stage ids \"pea\" and \"\u0440\u0435\u0430\" are confusable: both have the skeleton \"pea\"; ids of one kind " + Rule,
            problem
        );
    }

    [Theory]
    [InlineData("stage-1", "stage-\uFF11")] // FF11 FULLWIDTH DIGIT ONE
    [InlineData("stage-1", "stage-l")] // 0031 -> 006C in confusables.txt
    [InlineData("ne\u0301go", "n\u00E9go")] // combining acute and the composed letter
    [InlineData("fit", "\uFB01t")] // FB01 LATIN SMALL LIGATURE FI
    [InlineData("Demo", "demo")] // case
    [InlineData("ll", "Il")] // 0049 -> 006C, confusable only before folding
    public void Build_LookAlikeStageIds_AreRefused(string first, string second)
    {
        var ex = Refused(b => b.Stage("One", 0.5m, id: first).Stage("Two", 0.6m, id: second));

        var problem = Assert.Single(ex.Problems);
        Assert.StartsWith($"The stage ids \"{first}\" and \"{second}\" are ", problem, StringComparison.Ordinal);
        Assert.EndsWith("ids of one kind " + Rule, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("N\u00E9gociation", "Ne\u0301gociation")] // composed and decomposed
    [InlineData("Financing", "\uFB01nancing")] // ligature
    [InlineData("Stra\u00DFe", "STRASSE")] // full case folding
    public void Build_SameNameDifferentlyWritten_IsRefused(string first, string second)
    {
        var ex = Refused(b => b.Stage(first, 0.5m, id: "one").Stage(second, 0.6m, id: "two"));

        var problem = Assert.Single(ex.Problems);
        Assert.StartsWith(
            $"The stage names \"{first}\" and \"{second}\" are the same name once normalized",
            problem,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Build_NameRenamedByAnInvisibleCharacter_IsRefused()
    {
        // 200B ZERO WIDTH SPACE: the message shows it, so the reader sees why two equal-looking names are one.
        var ex = Refused(b => b.Stage("Proposal", 0.5m, id: "one").Stage("Pro\u200Bposal", 0.6m, id: "two"));

        var problem = Assert.Single(ex.Problems);
        Assert.StartsWith(
            "The stage names \"Proposal\" and \"Pro<U+200B>posal\" are the same name once normalized and case-folded: both are \"proposal\"",
            problem,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Build_IdWithAnInvisibleCharacter_IsRefusedAndConfusable()
    {
        var ex = Refused(b => b.Stage("One", 0.5m, id: "proposal").Stage("Two", 0.6m, id: "pro\u200Bposal"));

        Assert.Equal(
            [
                "The stage id \"pro<U+200B>posal\" contains U+200B, an invisible or control character; ids must be made of visible characters.",
                "The stage ids \"proposal\" and \"pro<U+200B>posal\" are the same id once normalized and case-folded: both are \"proposal\"; ids of one kind "
                    + Rule,
            ],
            ex.Problems
        );
    }

    [Fact]
    public void Build_IdWithAnUnpairedSurrogate_IsRefused()
    {
        var ex = Refused(b => b.Stage("One", 0.5m, id: "ab\uD800"));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("The stage id \"ab<U+D800>\" contains an unpaired surrogate (U+D800 at index 2), which is not text.", problem);
    }

    [Fact]
    public void Build_ConfusableExitCriterionIds_AreRefused()
    {
        // 0435 CYRILLIC SMALL LETTER IE in the second "budget", on another stage.
        var ex = Refused(b => b.Stage("A", 0.2m, exitCriteria: ["budget"]).Stage("B", 0.4m, exitCriteria: ["budg\u0435t"]));

        Assert.Equal(2, ex.Problems.Count);
        Assert.StartsWith("The exit criterion id \"budg\u0435t\" mixes scripts", ex.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("The exit criterion ids \"budget\" and \"budg\u0435t\" are confusable", ex.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DistinctNamesOfOtherScripts_AreAccepted()
    {
        var pipeline = PipelineDefinition
            .CreateBuilder("P")
            .Stage("\u5546\u8C08 Negotiation", 0.5m) // id "商谈-negotiation": Han with Latin is allowed
            .Stage("\u0421\u0434\u0435\u043B\u043A\u0430", 0.6m) // Cyrillic "Сделка", id "сделка"
            .Stage("Proposal", 0.7m, id: "a-b", exitCriteria: ["budget", "Budgets"])
            .Stage("Offer", 0.8m, id: "a_b")
            .Won("Won")
            .Lost("Lost")
            .Build();

        Assert.Equal(
            ["\u5546\u8C08-negotiation", "\u0441\u0434\u0435\u043B\u043A\u0430", "a-b", "a_b"],
            pipeline.OpenStages.Select(s => s.Id)
        );
    }

    // Ids drawn from look-alike-prone characters: Latin, Cyrillic 043E, Greek 03BF, full-width FF4F, digits 0 1, I l,
    // r n m, the ligature FB01, a combining acute, é, a zero width space.
    private static readonly string[] Pieces =
    [
        "a",
        "o",
        "\u043E",
        "\u03BF",
        "\uFF4F",
        "0",
        "O",
        "1",
        "l",
        "I",
        "rn",
        "m",
        "fi",
        "\uFB01",
        "e\u0301",
        "\u00E9",
        "\u200B",
        "-",
    ];

    private static Arbitrary<string[]> IdLists =>
        Gen.Choose(1, 3)
            .SelectMany(length => Gen.Elements(Pieces).ArrayOf(length).Select(string.Concat))
            .ArrayOf()
            .Where(ids => ids.Length >= 2)
            .Select(ids => ids.Take(6).ToArray())
            .ToArbitrary();

    private static PipelineBuilder WithIds(string[] ids)
    {
        var builder = PipelineDefinition.CreateBuilder("P");
        for (var i = 0; i < ids.Length; i++)
        {
            builder.Stage($"Stage {new string('x', i + 1)}", 0.5m, id: ids[i]);
        }
        return builder.Won("Won", id: "won").Lost("Lost", id: "lost");
    }

    private static bool Collide(string a, string b) =>
        LookAlikes.NameKey(a) == LookAlikes.NameKey(b)
        || LookAlikes.Skeleton(a) == LookAlikes.Skeleton(b)
        || LookAlikes.Skeleton(LookAlikes.NameKey(a)) == LookAlikes.Skeleton(LookAlikes.NameKey(b));

    // Accepted exactly when no id has a problem of its own and no two ids collide; and ids accepted together have
    // different skeletons and different NFKC + case-folded forms.
    [Fact]
    public void Ids_AreAccepted_ExactlyWhenNoneLookAlike_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                IdLists,
                ids =>
                {
                    var all = ids.Concat(["won", "lost"]).ToArray();
                    var pairs =
                        from i in Enumerable.Range(0, all.Length)
                        from j in Enumerable.Range(i + 1, all.Length - i - 1)
                        select (all[i], all[j]);
                    var clean =
                        ids.All(id => LookAlikes.IdProblem(id) is null) && !pairs.Any(p => p.Item1 == p.Item2 || Collide(p.Item1, p.Item2));
                    PipelineDefinition? built;
                    try
                    {
                        built = WithIds(ids).Build();
                    }
                    catch (PipelineDefinitionException)
                    {
                        built = null;
                    }
                    var distinctForms =
                        built is null
                        || built
                            .Stages.Select(s => s.Id)
                            .SelectMany((a, i) => built.Stages.Skip(i + 1).Select(s => (a, s.Id)))
                            .All(p =>
                                LookAlikes.Skeleton(p.a) != LookAlikes.Skeleton(p.Id) && LookAlikes.NameKey(p.a) != LookAlikes.NameKey(p.Id)
                            );
                    return (built is not null) == clean && distinctForms;
                }
            )
        );

    // Renaming one stage's id to another's with an invisible character inserted anywhere is refused, and so is renaming
    // its name that way.
    [Fact]
    public void Renaming_ByAnInvisibleChange_IsRefused_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.Elements("proposal", "needs-analysis", "\u5546\u8C08", "\u0441\u0434\u0435\u043B\u043A\u0430", "Qualified")
                    .ToArbitrary(),
                Gen.Elements("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u034F", "\u180E").ToArbitrary(),
                Gen.Choose(0, 100).ToArbitrary(),
                (original, invisible, at) =>
                {
                    var renamed = original.Insert(at % (original.Length + 1), invisible);
                    var byId = Record.Exception(() => WithIds([original, "other", renamed]).Build());
                    var byName = Record.Exception(() =>
                        PipelineDefinition
                            .CreateBuilder("P")
                            .Stage(original, 0.5m, id: "a")
                            .Stage(renamed, 0.6m, id: "b")
                            .Won("Won")
                            .Lost("Lost")
                            .Build()
                    );
                    return byId is PipelineDefinitionException idEx
                        && idEx.Problems.Any(p =>
                            p.Contains($"\"{original}\" and \"{LookAlikes.Visible(renamed)}\"", StringComparison.Ordinal)
                        )
                        && byName is PipelineDefinitionException nameEx
                        && nameEx.Problems.Any(p =>
                            p.Contains($"\"{original}\" and \"{LookAlikes.Visible(renamed)}\"", StringComparison.Ordinal)
                        );
                }
            )
        );
}
