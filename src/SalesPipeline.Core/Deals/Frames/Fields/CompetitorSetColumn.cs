using System;
using System.Collections.Generic;

namespace SalesPipeline.Deals;

// Deal.Competitors of every deal: each distinct set a code, in order of first appearance (so that recording parts
// and joining them numbers the sets as one pass over the rows does), each set as ascending codes into Competitors
// (ordinal order, as Deal.Competitors is). Immutable once built; safe to read from any thread.
internal sealed class CompetitorSetColumn
{
    private CompetitorSetColumn(CodeColumn set, int[][] sets, string[] competitors)
    {
        Set = set;
        Sets = sets;
        Competitors = competitors;
    }

    // The set code of each row.
    internal CodeColumn Set { get; }

    internal int[][] Sets { get; }

    internal string[] Competitors { get; }

    internal long Bytes
    {
        get
        {
            var bytes = Set.Bytes;
            foreach (var set in Sets)
            {
                bytes += 8 + 24 + (4L * set.Length);
            }
            foreach (var competitor in Competitors)
            {
                bytes += 8 + DealFields.TextBytes(competitor);
            }
            return bytes;
        }
    }

    // The competitors of a row, in ordinal order.
    internal string[] this[int row] => Array.ConvertAll(Sets[Set[row]], c => Competitors[c]);

    // Records the column a row at a time, in row order, as FieldColumn.Builder does. Not thread-safe; Build once.
    internal sealed class Builder
    {
        private readonly HistoryCodes<string> competitors = HistoryCodes.Strings();
        private readonly Dictionary<int[], int> codes = new(SameCodes.Instance);
        private readonly List<int[]> sets = [];
        private readonly List<int> column = [];

        private CompetitorSetColumn? copiedFrom;
        private int[] copied = []; // each source set's code plus one, 0 until seen

        // The code of the empty set once it has one: most deals face no competitor, so they skip the hashing.
        private int none = -1;

        internal void Add(ReadOnlySpan<string> faced)
        {
            if (faced.IsEmpty)
            {
                column.Add(none >= 0 ? none : none = Code([]));
                return;
            }
            var set = new int[faced.Length];
            for (var i = 0; i < set.Length; i++)
            {
                set[i] = competitors.Code(faced[i]);
            }
            column.Add(Code(set));
        }

        internal void Copy(CompetitorSetColumn source, int row)
        {
            if (!ReferenceEquals(source, copiedFrom))
            {
                copiedFrom = source;
                copied = new int[source.Sets.Length];
            }
            var from = source.Set[row];
            if (copied[from] == 0)
            {
                copied[from] = Code(Recoded(source, from)) + 1;
            }
            column.Add(copied[from] - 1);
        }

        // Set `set` of the source in this builder's codes (apart from Copy, whose every call would otherwise allocate
        // the lambda's closure).
        private int[] Recoded(CompetitorSetColumn source, int set) =>
            Array.ConvertAll(source.Sets[set], c => competitors.Code(source.Competitors[c]));

        private int Code(int[] set)
        {
            if (!codes.TryGetValue(set, out var code))
            {
                code = sets.Count;
                codes.Add(set, code);
                sets.Add(set);
            }
            return code;
        }

        internal CompetitorSetColumn Build()
        {
            var (values, remap) = competitors.Seal();
            // Renumbering keeps each set ascending: provisional codes are in order of appearance, and the deal lists
            // its competitors in ordinal order, which the final codes follow.
            var final = sets.ConvertAll(set => Array.ConvertAll(set, c => remap[c]));
            return new CompetitorSetColumn(CodeColumn.Of(column), [.. final], values);
        }
    }

    // Sets of provisional codes compared element by element.
    private sealed class SameCodes : IEqualityComparer<int[]>
    {
        internal static readonly SameCodes Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
