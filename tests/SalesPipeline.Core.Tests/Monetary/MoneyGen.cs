using FsCheck;
using FsCheck.Fluent;

namespace SalesPipeline.Tests.Monetary;

// Generators for the Money property tests: amounts are whole minor units (never random decimals).
internal static class MoneyGen
{
    /// <summary>Minor units from about -9e16 to 9e16, with small values (where edge cases live) as often as large ones.</summary>
    public static readonly Gen<long> WideMinorUnits = Gen.Frequency(
        (2, Gen.Choose(-1000, 1000).Select(i => (long)i)),
        (
            3,
            from high in Gen.Choose(-90_000_000, 90_000_000)
            from low in Gen.Choose(0, 999_999_999)
            select (high * 1_000_000_000L) + (high < 0 ? -low : low)
        )
    );

    /// <summary>Currencies with 0, 2, 3 and 4 decimals.</summary>
    public static readonly Gen<Currency> Currencies = Gen.Elements(Currency.USD, Currency.JPY, Currency.KWD, Currency.FromCode("CLF"));

    /// <summary>1 to 60 integer weights from 0 to 1000, about a third of them zero, at least one positive.</summary>
    public static readonly Gen<int[]> Weights =
        from count in Gen.Choose(1, 60)
        from raw in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 1000))), count)
        from positiveAt in Gen.Choose(0, count - 1)
        from positiveValue in Gen.Choose(1, 1000)
        select raw.Select((w, i) => i == positiveAt && w == 0 ? positiveValue : w).ToArray();

    /// <summary>Small weights (0 to 6) so that exact ties between dropped fractions are frequent.</summary>
    public static readonly Gen<int[]> TieProneWeights =
        from count in Gen.Choose(1, 8)
        from raw in Gen.ArrayOf(Gen.Choose(0, 6), count)
        from positiveAt in Gen.Choose(0, count - 1)
        select raw.Select((w, i) => i == positiveAt && w == 0 ? 1 : w).ToArray();
}
