using System;
using System.Collections.Generic;

namespace SalesPipeline.Deals;

// The rows of a frame partitioned into groups of deals that share whatever decides a metric's group keys (an owner, a
// pool's team, a source, a set of competitors): a kernel sums its cells per group, and the keys are then read once
// per group off one deal of it (Representative), by the same rule the deal-based code applies to every deal. So the
// keys are exact by construction, however the rule merges or splits values, and the frame needs no copy of it.
internal sealed class FrameGroups
{
    internal FrameGroups(int[] group, int[] representative)
    {
        Group = group;
        Representative = representative;
    }

    // The group of each row: 0 .. Count - 1.
    internal int[] Group { get; }

    // The first row of each group.
    internal int[] Representative { get; }

    internal int Count => Representative.Length;
}

internal sealed partial class DealFrame
{
    private static readonly object OwnerGroupsKey = new();

    // The groups of rows with equal identity, numbered in order of first appearance; cached under cacheKey, which must
    // stand for that identity function alone. The identity is read from columns (codes of the frame and its Fields),
    // never from a deal: a frame may have to make each deal it is asked for.
    internal FrameGroups GroupsBy<TKey>(object cacheKey, Func<DealFrame, int, TKey> identity)
        where TKey : struct, IEquatable<TKey> =>
        Derived(
            cacheKey,
            frame =>
            {
                var codes = new Dictionary<TKey, int>();
                var group = new int[frame.Count];
                var representative = new List<int>();
                for (var r = 0; r < group.Length; r++)
                {
                    var key = identity(frame, r);
                    if (!codes.TryGetValue(key, out var code))
                    {
                        code = representative.Count;
                        codes.Add(key, code);
                        representative.Add(r);
                    }
                    group[r] = code;
                }
                return new FrameGroups(group, [.. representative]);
            }
        );

    // The owner-key column as groups (its codes already are): only the representatives are computed.
    internal FrameGroups OwnerGroups =>
        Derived(
            OwnerGroupsKey,
            frame =>
            {
                var representative = new int[frame.OwnerKeys.Length];
                Array.Fill(representative, -1);
                for (var r = 0; r < frame.Count; r++)
                {
                    if (representative[frame.OwnerKey[r]] < 0)
                    {
                        representative[frame.OwnerKey[r]] = r;
                    }
                }
                return new FrameGroups(frame.OwnerKey, representative);
            }
        );
}
