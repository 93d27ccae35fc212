using NodaTime;

namespace SalesPipeline.Cli.Tests.Support;

// NodaTime.Testing is not served here: a clock that always answers the same instant.
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
