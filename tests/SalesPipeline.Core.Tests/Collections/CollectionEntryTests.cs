using NodaTime;
using SalesPipeline.Collections;
using static SalesPipeline.Tests.Collections.CollectionFixtures;

namespace SalesPipeline.Tests.Collections;

// The entries' own checks (before any schedule sees them) and their texts.
public sealed class CollectionEntryTests
{
    [Fact]
    public void Payment_ToString_AddsTheInstalmentOnlyWhenDirected()
    {
        Assert.Equal("payment WIRE-0042 2026-02-03 USD 3,000.00", Pay("WIRE-0042", "2026-02-03", 3_000m).ToString());
        Assert.Equal("payment WIRE-0042 2026-02-03 USD 3,000.00 to #2", Pay("WIRE-0042", "2026-02-03", 3_000m, instalment: 2).ToString());
    }

    [Fact]
    public void Payment_InstalmentBelowOne_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Pay("P", "2026-02-03", 10m, instalment: 0));

        Assert.Equal("instalment", e.ParamName);
        Assert.Equal(0, e.ActualValue);
        Assert.StartsWith("Instalments are numbered from 1; 0 was given. (Parameter 'instalment')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Payment_ZeroAmount_IsRefusedSayingItMustBeAboveZero()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Pay("P", "2026-02-03", 0m));

        Assert.Equal("amount", e.ParamName);
        Assert.StartsWith("The amount must be above zero; it was USD 0.00. (Parameter 'amount')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Payment_NullAmount_IsRefused() =>
        Assert.Equal("amount", Assert.Throws<ArgumentNullException>(() => new Payment("P", D("2026-02-03"), null!)).ParamName);

    [Fact]
    public void Reschedule_InstalmentBelowOne_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Reschedule(0, D("2026-05-01"), D("2026-02-03")));

        Assert.Equal("instalment", e.ParamName);
        Assert.StartsWith("Instalments are numbered from 1; 0 was given. (Parameter 'instalment')", e.Message, StringComparison.Ordinal);
    }

    // Year 0 exists in NodaTime's ISO calendar but not in the supported range (0001-01-01 to 9999-12-31).
    [Fact]
    public void Reschedule_UnsupportedNewDueDate_IsRefused() =>
        Assert.Equal(
            "newDueOn",
            Assert.Throws<ArgumentOutOfRangeException>(() => new Reschedule(1, new LocalDate(0, 6, 1), D("2026-02-03"))).ParamName
        );
}
