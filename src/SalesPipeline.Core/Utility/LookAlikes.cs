using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SalesPipeline.Utility;

// Names and ids that look the same to a person but not to the computer: "Proposal" and full-width "Ｐｒｏｐｏｓａｌ",
// "proposal" and "prоposal" with a Cyrillic "о". The builders of pipelines and organizations refuse them with these
// rules (docs/pipelines-and-deals.md, "Names and ids that look alike"), using the Unicode data of UnicodeTables.
internal static class LookAlikes
{
    internal const string ScriptRule =
        "an id's letters must come from one script (characters of the Common and Inherited scripts, such as digits, punctuation and combining marks, go with any; Latin may also join Han with Hiragana and Katakana, with Bopomofo, or with Hangul: the \"highly restrictive\" level of Unicode TR39)";

    private static readonly string[][] LatinCovers =
    [
        ["Latn", "Hani", "Hira", "Kana"],
        ["Latn", "Hani", "Bopo"],
        ["Latn", "Hani", "Hang"],
    ];

    // Unicode's compatibility caseless match (chapter 3, D146: NFKD(fold(NFKD(fold(NFD(x)))))), after removing
    // default-ignorable code points, so that width, ligatures, case and invisible characters make no difference.
    internal static string NameKey(string text)
    {
        if (IsPrintableAscii(text))
        {
            // No ASCII character decomposes or is ignorable, and CaseFolding.txt folds only A-Z (to a-z) among them.
            return text.ToLowerInvariant();
        }
        var cps = Decompose(WithoutIgnorables(text), compatibility: false);
        cps = Decompose(Fold(cps), compatibility: true);
        return ToText(Decompose(Fold(cps), compatibility: true));
    }

    // The UTS #39 skeleton of NFKC(text) without default-ignorable code points: NFD of the prototypes of the code points
    // of NFKD(text) (NFD(NFKC(x)) is NFKD(x)). Two strings with one skeleton are confusable.
    internal static string Skeleton(string text)
    {
        var prototypes = new List<int>();
        foreach (var cp in Decompose(WithoutIgnorables(text), compatibility: true))
        {
            UnicodeTables.AppendPrototype(cp, prototypes);
        }
        return ToText(Decompose(prototypes, compatibility: false));
    }

    // NFD, or with compatibility NFKD, of the text.
    internal static string Decomposed(string text, bool compatibility) => ToText(Decompose(text, compatibility));

    // Why an id cannot be used whatever the other ids are (text that is not valid UTF-16, invisible or control
    // characters, mixed scripts), or null.
    internal static string? IdProblem(string id)
    {
        if (IsPrintableAscii(id))
        {
            return null; // Latin letters among Common digits and punctuation, nothing invisible
        }
        var cps = CodePoints(id, out var invalidAt);
        if (invalidAt >= 0)
        {
            return $"contains an unpaired surrogate (U+{(int)id[invalidAt]:X4} at index {invalidAt}), which is not text";
        }
        foreach (var cp in cps)
        {
            if (IsInvisible(cp))
            {
                return $"contains {Describe(cp)}, an invisible or control character; ids must be made of visible characters";
            }
        }
        return MixedScripts(cps);
    }

    // The problems of the names of one kind ("stage name"): pairs that look alike. Names equal ignoring case are the
    // caller's to report (as repeated names).
    internal static void CheckNames(IEnumerable<string> names, string what, List<string> problems) =>
        CheckPairs(names.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), what, "name", problems);

    // The problems of the ids of one kind ("stage id"): each id's own, then pairs that look alike. Repeated ids are the
    // caller's to report.
    internal static void CheckIds(IEnumerable<string> ids, string what, List<string> problems)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in distinct)
        {
            if (IdProblem(id) is { } problem)
            {
                problems.Add($"The {what} \"{Visible(id)}\" {problem}.");
            }
        }
        CheckPairs(distinct, what, "id", problems);
    }

    internal static string PairRule(string noun) =>
        $"{noun}s of one kind must differ after compatibility normalization (NFKC), case folding and removing invisible characters, and must not be confusable (equal Unicode TR39 skeletons, before or after case folding)";

    // Two values collide when their keys are equal, when their skeletons are, or when their keys' skeletons are ("Il"
    // and "ll" are confusable, but fold to "il" and "ll"). Each pair is reported once, by the first test it fails.
    private static void CheckPairs(List<string> values, string what, string noun, List<string> problems)
    {
        var keys = values.ToDictionary(v => v, NameKey, StringComparer.Ordinal);
        var reported = new HashSet<(string, string)>();
        void Pass(Func<string, string> key, string collision)
        {
            var firstByKey = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var value in values)
            {
                var k = key(value);
                if (!firstByKey.TryAdd(k, value) && reported.Add((firstByKey[k], value)))
                {
                    problems.Add(
                        $"The {what}s \"{Visible(firstByKey[k])}\" and \"{Visible(value)}\" {collision} \"{Visible(k)}\"; {PairRule(noun)}."
                    );
                }
            }
        }
        Pass(v => keys[v], $"are the same {noun} once normalized and case-folded: both are");
        Pass(Skeleton, "are confusable: both have the skeleton");
        Pass(v => Skeleton(keys[v]), "are confusable once case-folded: both have the skeleton");
    }

    // A display name needs something to display: null, empty, white space and text made only of invisible or control
    // characters (a lone U+200B zero-width space) are all blank.
    internal static bool IsBlank(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        foreach (var cp in CodePoints(text, out _))
        {
            if (!IsInvisible(cp) && !(cp < 0x10000 && char.IsWhiteSpace((char)cp)))
            {
                return false;
            }
        }
        return true;
    }

    // A value as a message shows it: invisible and control characters written as <U+200B>, so the reader sees them.
    internal static string Visible(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var cp in CodePoints(text, out _))
        {
            if (IsInvisible(cp) || cp is >= 0xD800 and <= 0xDFFF)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<U+{cp:X4}>");
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
        }
        return sb.ToString();
    }

    private static string? MixedScripts(List<int> cps)
    {
        // UTS #39 section 5.1: the resolved script set is the intersection of the characters' augmented script sets,
        // Common and Inherited counting as every script; the id is single-script when it is not empty.
        HashSet<string>? resolved = null;
        var shown = new List<(int CodePoint, IReadOnlyList<string> Scripts)>();
        foreach (var cp in cps)
        {
            var scripts = UnicodeTables.Scripts(cp);
            if (scripts is ["Zyyy"] or ["Zinh"])
            {
                continue;
            }
            var augmented = Augment(scripts);
            if (resolved is null)
            {
                resolved = augmented;
            }
            else
            {
                resolved.IntersectWith(augmented);
            }
            if (!shown.Any(s => s.Scripts.SequenceEqual(scripts)))
            {
                shown.Add((cp, scripts));
            }
        }
        if (resolved is null || resolved.Count > 0)
        {
            return null;
        }
        // Section 5.2, highly restrictive: also allowed when Latin + Han + Hiragana + Katakana, Latin + Han + Bopomofo or
        // Latin + Han + Hangul covers every character.
        if (LatinCovers.Any(cover => shown.All(s => s.Scripts.Any(script => Array.IndexOf(cover, script) >= 0))))
        {
            return null;
        }
        var parts = shown.Select(s => $"{string.Join(" or ", s.Scripts.Select(UnicodeTables.ScriptName))} ({Describe(s.CodePoint)})");
        return $"mixes scripts: {string.Join(", ", parts)}; {ScriptRule}";
    }

    private static HashSet<string> Augment(IReadOnlyList<string> scripts)
    {
        var set = new HashSet<string>(scripts, StringComparer.Ordinal);
        foreach (var script in scripts)
        {
            switch (script)
            {
                case "Hani":
                    set.UnionWith(["Hanb", "Jpan", "Kore"]);
                    break;
                case "Hira" or "Kana":
                    set.Add("Jpan");
                    break;
                case "Hang":
                    set.Add("Kore");
                    break;
                case "Bopo":
                    set.Add("Hanb");
                    break;
            }
        }
        return set;
    }

    private static bool IsPrintableAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsInvisible(int cp) => UnicodeTables.IsDefaultIgnorable(cp) || (cp < 0x10000 && char.IsControl((char)cp));

    private static string Describe(int cp) => IsInvisible(cp) ? $"U+{cp:X4}" : $"\"{char.ConvertFromUtf32(cp)}\" U+{cp:X4}";

    private static string WithoutIgnorables(string text) =>
        ToText(CodePoints(text, out _).Where(cp => !UnicodeTables.IsDefaultIgnorable(cp)).ToList());

    private static List<int> Fold(List<int> cps)
    {
        var folded = new List<int>(cps.Count);
        foreach (var cp in cps)
        {
            UnicodeTables.AppendCaseFolding(cp, folded);
        }
        return folded;
    }

    private static List<int> Decompose(string text, bool compatibility) => Decompose(CodePoints(text, out _), compatibility);

    // Full decomposition, then the canonical ordering of each run of non-starters by combining class (stable).
    private static List<int> Decompose(List<int> cps, bool compatibility)
    {
        var result = new List<int>(cps.Count);
        foreach (var cp in cps)
        {
            UnicodeTables.AppendDecomposition(cp, compatibility, result);
        }
        for (var i = 1; i < result.Count; i++)
        {
            var cp = result[i];
            if (cp < UnicodeTables.FirstNonStarter)
            {
                continue;
            }
            var ccc = UnicodeTables.CombiningClass(cp);
            if (ccc == 0)
            {
                continue;
            }
            var j = i;
            while (j > 0 && UnicodeTables.CombiningClass(result[j - 1]) > ccc)
            {
                result[j] = result[j - 1];
                j--;
            }
            result[j] = cp;
        }
        return result;
    }

    // The code points of the text; invalidAt is the index of the first unpaired surrogate (kept as its own value), or -1.
    private static List<int> CodePoints(string text, out int invalidAt)
    {
        invalidAt = -1;
        var cps = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cps.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                if (char.IsSurrogate(text[i]) && invalidAt < 0)
                {
                    invalidAt = i;
                }
                cps.Add(text[i]);
            }
        }
        return cps;
    }

    private static string ToText(List<int> cps)
    {
        var sb = new StringBuilder(cps.Count);
        foreach (var cp in cps)
        {
            if (cp < 0x10000)
            {
                sb.Append((char)cp); // an unpaired surrogate stays as it was
            }
            else
            {
                sb.Append((char)(0xD800 + ((cp - 0x10000) >> 10)));
                sb.Append((char)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
            }
        }
        return sb.ToString();
    }
}
