using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesPipeline.Utility;

// The Unicode data of UnicodeTables.g.cs as lookups, parsed once on first use. Core carries its own data rather than
// calling string.Normalize, so that the checks give the same answer on every platform and in globalization-invariant
// mode (where .NET normalizes nothing but ASCII).
internal static partial class UnicodeTables
{
    private const int HangulFirst = 0xAC00;
    private const int HangulCount = 11172;

    private static readonly CodePointMap ConfusableMap = CodePointMap.Parse(ConfusableData);
    private static readonly CodePointMap CaseFoldingMap = CodePointMap.Parse(CaseFoldingData);
    private static readonly CodePointMap CanonicalMap = CodePointMap.Parse(CanonicalData);
    private static readonly CodePointMap CompatibilityMap = CodePointMap.Parse(CompatibilityData);
    private static readonly RangeTable CombiningClasses = RangeTable.Parse(CombiningClassData);
    private static readonly RangeTable Ignorables = RangeTable.Parse(IgnorableData);
    private static readonly RangeTable ScriptRanges = RangeTable.ParseStarts(ScriptData);
    private static readonly string[][] ScriptSetList = ParseScriptSets(ScriptSetData);
    private static readonly Dictionary<string, string> ScriptNames = ParseScriptNames(ScriptNameData);

    // Below these code points the tables hold nothing (checked by UnicodeTablesTests), so ASCII skips the searches.
    internal const int FirstDecomposable = 0xA0;
    internal const int FirstIgnorable = 0xAD;
    internal const int FirstNonStarter = 0x300;

    internal static bool IsDefaultIgnorable(int codePoint) => codePoint >= FirstIgnorable && Ignorables.Find(codePoint) != 0;

    // Script_Extensions of the code point, or its Script where it has none, as ISO 15924 codes (Zyyy Common, Zinh
    // Inherited, Zzzz Unknown).
    internal static IReadOnlyList<string> Scripts(int codePoint) => ScriptSetList[ScriptRanges.Find(codePoint)];

    internal static string ScriptName(string code) => ScriptNames.TryGetValue(code, out var name) ? name.Replace('_', ' ') : code;

    // Appends the full canonical (or, with compatibility, compatibility) decomposition of the code point.
    internal static void AppendDecomposition(int codePoint, bool compatibility, List<int> to)
    {
        if (codePoint < FirstDecomposable)
        {
            to.Add(codePoint);
            return;
        }
        if (codePoint is >= HangulFirst and < HangulFirst + HangulCount)
        {
            // Unicode chapter 3.12: a syllable is L V or L V T, by arithmetic.
            var s = codePoint - HangulFirst;
            to.Add(0x1100 + (s / 588));
            to.Add(0x1161 + (s % 588 / 28));
            if (s % 28 != 0)
            {
                to.Add(0x11A7 + (s % 28));
            }
            return;
        }
        if (!(compatibility && CompatibilityMap.TryAppend(codePoint, to)) && !CanonicalMap.TryAppend(codePoint, to))
        {
            to.Add(codePoint);
        }
    }

    internal static int CombiningClass(int codePoint) => codePoint < FirstNonStarter ? 0 : CombiningClasses.Find(codePoint);

    // The lowest code point each table has, for the test that keeps the fast paths above true.
    internal static (int Decomposable, int Ignorable, int NonStarter) FirstEntries =>
        (Math.Min(CanonicalMap.First, CompatibilityMap.First), Ignorables.First, CombiningClasses.First);

    internal static void AppendCaseFolding(int codePoint, List<int> to)
    {
        if (!CaseFoldingMap.TryAppend(codePoint, to))
        {
            to.Add(codePoint);
        }
    }

    // The UTS #39 prototype of a code point that NFKD leaves unchanged (the table holds no others).
    internal static void AppendPrototype(int codePoint, List<int> to)
    {
        if (!ConfusableMap.TryAppend(codePoint, to))
        {
            to.Add(codePoint);
        }
    }

    private static int Hex(ReadOnlySpan<char> text) => int.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static string[][] ParseScriptSets(string data)
    {
        var sets = new List<string[]>();
        foreach (var token in data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            sets.Add(token.Split('+'));
        }
        return sets.ToArray();
    }

    private static Dictionary<string, string> ParseScriptNames(string data)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            names[token[..equals]] = token[(equals + 1)..];
        }
        return names;
    }

    // Code point -> sequence of code points. Tokens "S>T1.T2" (one mapping) and "S*N/P>T" (S+kP -> T+kP, k < N), hex.
    private sealed class CodePointMap
    {
        private readonly int[] keys;
        private readonly int[] starts;
        private readonly int[] values;

        private CodePointMap(int[] keys, int[] starts, int[] values)
        {
            this.keys = keys;
            this.starts = starts;
            this.values = values;
        }

        internal static CodePointMap Parse(string data)
        {
            var entries = new List<(int Key, int[] Value)>();
            foreach (var token in data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var arrow = token.IndexOf('>', StringComparison.Ordinal);
                var left = token.AsSpan(0, arrow);
                var star = left.IndexOf('*');
                if (star < 0)
                {
                    entries.Add((Hex(left), Array.ConvertAll(token[(arrow + 1)..].Split('.'), t => Hex(t))));
                    continue;
                }
                var slash = left.IndexOf('/');
                var first = Hex(left[..star]);
                var count = Hex(left[(star + 1)..slash]);
                var step = Hex(left[(slash + 1)..]);
                var target = Hex(token.AsSpan(arrow + 1));
                for (var k = 0; k < count; k++)
                {
                    entries.Add((first + (k * step), new[] { target + (k * step) }));
                }
            }
            entries.Sort((a, b) => a.Key.CompareTo(b.Key));
            var keys = new int[entries.Count];
            var starts = new int[entries.Count + 1];
            var values = new List<int>();
            for (var i = 0; i < entries.Count; i++)
            {
                keys[i] = entries[i].Key;
                starts[i] = values.Count;
                values.AddRange(entries[i].Value);
            }
            starts[^1] = values.Count;
            return new CodePointMap(keys, starts, values.ToArray());
        }

        internal int First => keys[0];

        internal bool TryAppend(int codePoint, List<int> to)
        {
            var i = keys.AsSpan().BinarySearch(codePoint);
            if (i < 0)
            {
                return false;
            }
            for (var j = starts[i]; j < starts[i + 1]; j++)
            {
                to.Add(values[j]);
            }
            return true;
        }
    }

    // Code point -> small number, 0 outside every range. Tokens "S-E:V" or "S-E" (V = 1), or with ParseStarts "S:V"
    // (V from S up to the next token's S), hex.
    private sealed class RangeTable
    {
        private readonly int[] firsts;
        private readonly int[] lasts;
        private readonly int[] values;

        private RangeTable(int[] firsts, int[] lasts, int[] values)
        {
            this.firsts = firsts;
            this.lasts = lasts;
            this.values = values;
        }

        internal static RangeTable Parse(string data)
        {
            var tokens = data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var firsts = new int[tokens.Length];
            var lasts = new int[tokens.Length];
            var values = new int[tokens.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                var token = tokens[i].AsSpan();
                var colon = token.IndexOf(':');
                var range = colon < 0 ? token : token[..colon];
                var dash = range.IndexOf('-');
                firsts[i] = Hex(range[..dash]);
                lasts[i] = Hex(range[(dash + 1)..]);
                values[i] = colon < 0 ? 1 : Hex(token[(colon + 1)..]);
            }
            return new RangeTable(firsts, lasts, values);
        }

        internal static RangeTable ParseStarts(string data)
        {
            var tokens = data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var firsts = new int[tokens.Length];
            var lasts = new int[tokens.Length];
            var values = new int[tokens.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                var colon = tokens[i].IndexOf(':', StringComparison.Ordinal);
                firsts[i] = Hex(tokens[i].AsSpan(0, colon));
                values[i] = Hex(tokens[i].AsSpan(colon + 1));
                if (i > 0)
                {
                    lasts[i - 1] = firsts[i] - 1;
                }
            }
            lasts[^1] = 0x10FFFF;
            return new RangeTable(firsts, lasts, values);
        }

        internal int First => firsts[0];

        internal int Find(int codePoint)
        {
            var i = firsts.AsSpan().BinarySearch(codePoint);
            if (i < 0)
            {
                i = ~i - 1;
            }
            return i >= 0 && codePoint <= lasts[i] ? values[i] : 0;
        }
    }
}
