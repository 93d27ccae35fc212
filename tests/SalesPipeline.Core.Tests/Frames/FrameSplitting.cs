namespace SalesPipeline.Tests.Frames;

// The test classes that lower the split threshold (FramePartitions.SplitFrom) share this collection. The hook is local
// to the test's own flow, so this is no longer needed for correctness; running them one after another keeps the
// two cores for the parts they split into.
[CollectionDefinition(Name)]
public sealed class FrameSplitting
{
    public const string Name = "frame splitting";
}
