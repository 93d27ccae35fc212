using SalesPipeline.Pipelines;
using SalesPipeline.Utility;

namespace SalesPipeline.Tests.Utility;

// Core's own Unicode normalization, skeletons and script sets, held to independent sources: Unicode's
// NormalizationTest.txt and ICU's own answers (UnicodeSamples.g.cs, written by eng/gen-unicode-tables.py --samples),
// and cases worked out by hand from the Unicode data files (code points and scripts named in each case).
public class LookAlikesTests
{
    public static TheoryData<int> NormalizationLines => new(Enumerable.Range(0, UnicodeSamples.Normalization.Length));

    public static TheoryData<int> SampleStrings => new(Enumerable.Range(0, UnicodeSamples.Strings.Length));

    [Theory]
    [MemberData(nameof(NormalizationLines))]
    public void Decomposed_MatchesNormalizationTest(int line)
    {
        var (source, nfd, nfkd) = UnicodeSamples.Normalization[line];

        Assert.Equal(nfd, LookAlikes.Decomposed(source, compatibility: false));
        Assert.Equal(nfkd, LookAlikes.Decomposed(source, compatibility: true));
    }

    [Theory]
    [MemberData(nameof(SampleStrings))]
    public void Skeleton_MatchesIcu(int sample)
    {
        var (text, skeleton, _) = UnicodeSamples.Strings[sample];

        Assert.Equal(skeleton, LookAlikes.Skeleton(text));
    }

    [Theory]
    [MemberData(nameof(SampleStrings))]
    public void NameKey_MatchesIcuNfkcCasefold(int sample)
    {
        var (text, _, nameKey) = UnicodeSamples.Strings[sample];

        Assert.Equal(nameKey, LookAlikes.NameKey(text));
    }

    [Theory]
    // confusables.txt: 043E CYRILLIC SMALL LETTER O -> 006F; 03BF GREEK SMALL LETTER OMICRON -> 006F.
    [InlineData("proposal", "pr\u043Eposal")]
    [InlineData("proposal", "pr\u03BFposal")]
    // Whole-script look-alikes, each single-script: Cyrillic 0440 0435 0430 -> p e a.
    [InlineData("pea", "\u0440\u0435\u0430")]
    // 0031 DIGIT ONE -> 006C; FF11 FULLWIDTH DIGIT ONE is 0031 under NFKC.
    [InlineData("stage-l", "stage-1")]
    [InlineData("stage-1", "stage-\uFF11")]
    // FB01 LATIN SMALL LIGATURE FI is "fi" under NFKC.
    [InlineData("fit", "\uFB01t")]
    // 00E9 is 0065 0301 under NFD.
    [InlineData("n\u00E9go", "ne\u0301go")]
    // 006D -> 0072 006E.
    [InlineData("rn", "m")]
    // Invisible characters are removed: 200B ZERO WIDTH SPACE, 00AD SOFT HYPHEN.
    [InlineData("proposal", "pro\u200Bpos\u00ADal")]
    public void Skeleton_OfLookAlikes_IsEqual(string a, string b) => Assert.Equal(LookAlikes.Skeleton(a), LookAlikes.Skeleton(b));

    [Theory]
    [InlineData("a-b", "a_b")]
    [InlineData("proposal", "proposals")]
    [InlineData("Demo", "demo")] // case is not a look-alike: NameKey handles it
    public void Skeleton_OfDifferentIds_Differs(string a, string b) => Assert.NotEqual(LookAlikes.Skeleton(a), LookAlikes.Skeleton(b));

    [Theory]
    [InlineData("Proposal", "proposal")]
    [InlineData("Proposal", "\uFF30\uFF52\uFF4F\uFF50\uFF4F\uFF53\uFF41\uFF4C")] // full width, NFKC
    [InlineData("Stra\u00DFe", "STRASSE")] // CaseFolding.txt 00DF; F; 0073 0073
    [InlineData("\u03A3\u0399\u03A3", "\u03C3\u03B9\u03C2")] // final sigma 03C2 folds to 03C3
    [InlineData("\uFB01nancing", "Financing")] // ligature, NFKC
    [InlineData("N\u00E9gociation", "ne\u0301gociation")] // composed and decomposed
    [InlineData("Proposal", "Pro\u200Bposal")] // invisible
    public void NameKey_OfSameName_IsEqual(string a, string b) => Assert.Equal(LookAlikes.NameKey(a), LookAlikes.NameKey(b));

    [Theory]
    [InlineData("proposal")]
    [InlineData("needs-analysis")]
    [InlineData("\u0395\u03BB\u03BB\u03B7\u03BD\u03B9\u03BA\u03AC")] // Greek only: Ελληνικά
    [InlineData("\u0441\u0434\u0435\u043B\u043A\u0430")] // Cyrillic only: сделка
    [InlineData("\u5546\u8C08-negotiation")] // Han + Latin: highly restrictive allows Latin + Han
    [InlineData("\u65E5\u672C\u3072\u3089\u304C\u306A\u30AB\u30BF\u30AB\u30CAabc")] // Han, Hiragana, Katakana, Latin
    [InlineData("\uD55C\uAD6D-team")] // Hangul + Latin
    [InlineData("\u30AB\u30FC")] // 30FC has Script_Extensions Hira Kana, so it goes with Katakana
    [InlineData("stage-\uFF11")] // FF11 is Common
    [InlineData("ne\u0301gociation")] // 0301 is Inherited
    public void IdProblem_SingleScriptOrAllowedMix_IsNone(string id) => Assert.Null(LookAlikes.IdProblem(id));

    [Theory]
    [InlineData("pr\u043Eposal", "Latin (\"p\" U+0070), Cyrillic (\"\u043E\" U+043E)")]
    [InlineData("pr\u03BFposal", "Latin (\"p\" U+0070), Greek (\"\u03BF\" U+03BF)")]
    [InlineData("\u03B1\u03B2\u03B3-abc", "Greek (\"\u03B1\" U+03B1), Latin (\"a\" U+0061)")]
    [InlineData("\u3072\uD55C", "Hiragana (\"\u3072\" U+3072), Hangul (\"\uD55C\" U+D55C)")] // no allowed cover has both
    [InlineData("\u13A0bc", "Cherokee (\"\u13A0\" U+13A0), Latin (\"b\" U+0062)")]
    public void IdProblem_MixedScripts_NamesTheScripts(string id, string scripts)
    {
        var problem = LookAlikes.IdProblem(id);

        Assert.NotNull(problem);
        Assert.StartsWith($"mixes scripts: {scripts}; an id's letters must come from one script", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void IdProblem_ArabicIndicDigitAmongLatin_IsMixed()
    {
        // 0663 ARABIC-INDIC DIGIT THREE has Script_Extensions Arab Thaa Yezi (ScriptExtensions.txt), not Common.
        var problem = LookAlikes.IdProblem("q\u0663");

        Assert.NotNull(problem);
        Assert.Contains("Arabic or Thaana or Yezidi (\"\u0663\" U+0663)", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pro\u200Bposal", "U+200B")]
    [InlineData("a\u00ADb", "U+00AD")]
    [InlineData("a\tb", "U+0009")]
    [InlineData("ok\uFE0F", "U+FE0F")]
    public void IdProblem_InvisibleOrControl_NamesTheCodePoint(string id, string codePoint)
    {
        var problem = LookAlikes.IdProblem(id);

        Assert.Equal($"contains {codePoint}, an invisible or control character; ids must be made of visible characters", problem);
    }

    [Fact]
    public void IdProblem_UnpairedSurrogate_NamesTheIndex()
    {
        var problem = LookAlikes.IdProblem("ab\uD800c");

        Assert.Equal("contains an unpaired surrogate (U+D800 at index 2), which is not text", problem);
    }

    [Fact]
    public void Visible_ShowsInvisibleCharacters() => Assert.Equal("pro<U+200B>posal", LookAlikes.Visible("pro\u200Bposal"));

    [Fact]
    public void Decomposed_Hangul_FollowsTheAlgorithm()
    {
        // Unicode 3.12: D55C - AC00 = 10588 = 18 * 588 + 0 * 28 + 4, so L = 1100 + 18, V = 1161 + 0, T = 11A7 + 4 ("han").
        Assert.Equal("\u1112\u1161\u11AB", LookAlikes.Decomposed("\uD55C", compatibility: false));
    }

    // Facts, not InlineData: an attribute's strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
    [Fact]
    public void IdProblem_LoneSurrogateFirst_NamesIndexZero() =>
        Assert.Equal("contains an unpaired surrogate (U+DC00 at index 0), which is not text", LookAlikes.IdProblem("\uDC00abc"));

    [Fact]
    public void IdProblem_TwoLoneSurrogates_NamesTheFirst() =>
        Assert.Equal("contains an unpaired surrogate (U+DC00 at index 0), which is not text", LookAlikes.IdProblem("\uDC00a\uDC01"));

    [Theory]
    // 10000 LINEAR B SYLLABLE B008 A and 10020 LINEAR B SYLLABLE B046 JE are letters; their low 16 bits (0000, a
    // control character, and 0020, a space) say nothing about them.
    [InlineData("\U00010000")]
    [InlineData("\U00010020")]
    public void IsBlank_SupplementaryLetter_IsNotBlank(string text)
    {
        Assert.False(LookAlikes.IsBlank(text));
        Assert.Null(LookAlikes.IdProblem(text));
        Assert.Equal(text, LookAlikes.Visible(text));
    }

    [Fact]
    public void Visible_LastLoneSurrogate_IsWrittenOut() => Assert.Equal("a<U+DFFF>", LookAlikes.Visible("a\uDFFF"));

    [Fact]
    public void Decomposed_FirstSupplementaryCodePoint_IsUnchanged()
    {
        // 10000 has no decomposition; it is written back as the pair D800 DC00.
        Assert.Equal("\uD800\uDC00", LookAlikes.Decomposed("\U00010000", compatibility: false));
    }

    [Theory]
    // 3001 IDEOGRAPHIC COMMA has Script_Extensions Bopo Hang Hani Hira Kana Yiii (ScriptExtensions.txt): Yi is in no
    // Latin cover, but the id is allowed because one of its scripts (Han) is.
    [InlineData("a\u3001")]
    // 3105 BOPOMOFO LETTER B: only the cover Latin + Han + Bopomofo holds it.
    [InlineData("a\u3105")]
    [InlineData("a\u6F22\u3105")]
    // D55C HANGUL SYLLABLE HAN: only the cover Latin + Han + Hangul holds it.
    [InlineData("a\uD55C")]
    [InlineData("a\u6F22\uD55C")]
    public void IdProblem_LatinWithinACover_IsNone(string id) => Assert.Null(LookAlikes.IdProblem(id));

    [Fact]
    public void IdProblem_LatinAndCyrillic_GivesTheWholeMessage()
    {
        // 0434 CYRILLIC SMALL LETTER DE: Script Cyrl, in no Latin cover.
        Assert.Equal(
            "mixes scripts: Latin (\"a\" U+0061), Cyrillic (\"\u0434\" U+0434); an id's letters must come from one script (characters of the Common and Inherited scripts, such as digits, punctuation and combining marks, go with any; Latin may also join Han with Hiragana and Katakana, with Bopomofo, or with Hangul: the \"highly restrictive\" level of Unicode TR39)",
            LookAlikes.IdProblem("a\u0434")
        );
    }

    [Fact]
    public void Build_NamesConfusableOnlyOnceCaseFolded_AreRefused()
    {
        // 0399 GREEK CAPITAL LETTER IOTA: its skeleton is "l" (confusables.txt 0399 -> 006C), so "\u0399dle" and "idle"
        // have the skeletons "ldle" and "idle"; their keys differ ("\u03B9dle" and "idle", CaseFolding.txt 0399 -> 03B9),
        // but 03B9 GREEK SMALL LETTER IOTA's skeleton is "i" (confusables.txt 03B9 -> 0069): the keys' skeletons are both "idle".
        var ex = Assert.Throws<PipelineDefinitionException>(() =>
            PipelineDefinition
                .CreateBuilder("P")
                .Stage("\u0399dle", 0.2m, id: "idle-1")
                .Stage("idle", 0.4m, id: "idle-2")
                .Won("Won")
                .Lost("Lost")
                .Build()
        );

        Assert.Equal(
            [
                "The stage names \"\u0399dle\" and \"idle\" are confusable once case-folded: both have the skeleton \"idle\"; names of one kind must differ after compatibility normalization (NFKC), case folding and removing invisible characters, and must not be confusable (equal Unicode TR39 skeletons, before or after case folding).",
            ],
            ex.Problems
        );
    }
}
