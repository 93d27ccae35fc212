namespace SalesPipeline.Tests.Fuzz;

// A bounded fuzz run: cases made from fresh seeds until the time budget is spent, each checked for what escapes. The
// budget is SALESPIPELINE_FUZZ_SECONDS per target (default 5 s under CI, 1 s elsewhere); SALESPIPELINE_FUZZ_SEED
// replays one case. A failing case names its seed, its input and what escaped.
internal static class Fuzzer
{
    public static TimeSpan Budget =>
        TimeSpan.FromSeconds(
            double.TryParse(
                Environment.GetEnvironmentVariable("SALESPIPELINE_FUZZ_SECONDS"),
                System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture,
                out var s
            )
            && s > 0
                ? s
            : Environment.GetEnvironmentVariable("CI") == "true" ? 5
            : 1
        );

    // Runs the target until the budget is spent (and at least minCases times); returns how many cases ran and how many
    // were refused with a documented exception (so a test can show the fuzzer reaches both outcomes).
    public static (int Cases, int Refused) Run(
        Func<Random, string> makeCase,
        Action<string, Random> runCase,
        Func<Exception, bool> documented,
        int minCases = 200
    )
    {
        var replay = Environment.GetEnvironmentVariable("SALESPIPELINE_FUZZ_SEED");
        var seeds = new Random();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (cases, refused) = (0, 0);
        while (cases < minCases || clock.Elapsed < Budget)
        {
            var seed = replay is null ? seeds.Next() : int.Parse(replay, System.Globalization.CultureInfo.InvariantCulture);
            var random = new Random(seed);
            var input = makeCase(random);
            try
            {
                runCase(input, random);
            }
            catch (Exception e) when (documented(e))
            {
                refused++;
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException(
                    $"Fuzz case with seed {seed} (replay with SALESPIPELINE_FUZZ_SEED={seed}) let an undocumented {e.GetType().Name} escape: {e.Message}\nInput: {input}\n{e}"
                );
            }
            cases++;
            if (replay is not null)
            {
                break;
            }
        }
        return (cases, refused);
    }

    // The library's own refusals: the ArgumentException family or an exception type of the library, thrown by the
    // library's code (not by NodaTime or the runtime deep inside it).
    public static bool ThrownByTheLibrary(Exception e)
    {
        var site = e.TargetSite?.DeclaringType?.Assembly.GetName().Name ?? "";
        var ours = site.StartsWith("SalesPipeline", StringComparison.Ordinal);
        var declared = e.GetType().Assembly.GetName().Name?.StartsWith("SalesPipeline", StringComparison.Ordinal) == true;
        return ours && (e is ArgumentException || declared);
    }
}
