using System.IO;

namespace SalesPipeline.Csv.Tests.Support;

// The hand-written sample files under Samples/, found from the test binaries (bin/<configuration>/<tfm>/ below the
// project), not from the source file's compile-time path, which a CI build maps to /_/.
internal static class SampleFiles
{
    public static string PathOf(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SalesPipeline.Csv.Tests.csproj")))
            {
                return Path.Combine(dir.FullName, "Samples", relative);
            }
        }
        throw new DirectoryNotFoundException($"No SalesPipeline.Csv.Tests.csproj above {AppContext.BaseDirectory}.");
    }
}
