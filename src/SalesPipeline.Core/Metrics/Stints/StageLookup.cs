using System;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Metrics;

// Open stage id -> position among the pipeline's open stages. Ids in histories are usually the very string instances
// of the pipeline or of the command literals, so a reference scan finds most of them before any character is compared;
// pipelines have a handful of stages, where a scan beats hashing.
internal sealed class StageLookup
{
    private readonly string[] ids;
    private readonly string[] seen;

    internal StageLookup(PipelineDefinition pipeline)
    {
        Pipeline = pipeline;
        ids = new string[pipeline.OpenStages.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = pipeline.OpenStages[i].Id;
        }
        seen = (string[])ids.Clone();
    }

    internal PipelineDefinition Pipeline { get; }

    internal int Count => ids.Length;

    // The open stage's position, or -1 when the id is not an open stage of the pipeline.
    internal int IndexOf(string id)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            if (ReferenceEquals(ids[i], id) || ReferenceEquals(seen[i], id))
            {
                return i;
            }
        }
        for (var i = 0; i < ids.Length; i++)
        {
            if (string.Equals(ids[i], id, StringComparison.Ordinal))
            {
                // Remember this instance: a benign race (reference-sized writes are atomic and any value is correct).
                seen[i] = id;
                return i;
            }
        }
        return -1;
    }
}
