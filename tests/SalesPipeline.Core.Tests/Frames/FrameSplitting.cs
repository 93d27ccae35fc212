namespace SalesPipeline.Tests.Frames;

// The test classes that lower DealFrame's split threshold (a static) share this collection, so xunit runs them one
// after another and each restores the threshold before the next lowers it.
[CollectionDefinition(Name)]
public sealed class FrameSplitting
{
    public const string Name = "frame splitting";
}
