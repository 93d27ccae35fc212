using FsCheck;
using FsCheck.Fluent;

namespace SalesPipeline.Tests;

// FsCheck.Xunit is not served here, so properties run from plain [Fact]s; a failure throws with the shrunk
// counterexample and the replay seed.
internal static class PropertyAssert
{
    public static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true);

    public static void Holds(Property property) => property.Check(Config);
}
