using System.Globalization;
using System.IO;
using System.Text.Json;

namespace SalesPipeline.Tests.Monetary;

// The currency table (src/SalesPipeline.Core/Iso4217.cs) checked against two sources that do not come from it, so that a
// changed code, name, numeric code or minor unit of a currency no other test uses is noticed (issue 15: mutation testing
// found 186 such changes unnoticed).
public class Iso4217TableTests
{
    // Debian's iso-codes package (installed by .ci/run), which carries ISO 4217's codes, numeric codes and English names.
    private const string IsoCodesPath = "/usr/share/iso-codes/json/iso_4217.json";

    // iso-codes 4.15 (Debian 12) predates the last amendments: it lacks the three codes added since and still lists six
    // that have been withdrawn. Each difference is named here so that any other one fails.
    private static readonly string[] AddedSinceIsoCodes = ["XAD", "XCG", "ZWG"];
    private static readonly string[] WithdrawnSinceIsoCodes = ["ANG", "BGN", "CUC", "HRK", "SLL", "ZWL"];

    private static Dictionary<string, (int Numeric, string Name)> IsoCodes()
    {
        Assert.True(
            File.Exists(IsoCodesPath),
            $"{IsoCodesPath} is missing: install Debian's iso-codes package (apt-get install iso-codes)."
        );
        using var document = JsonDocument.Parse(File.ReadAllText(IsoCodesPath));
        return document
            .RootElement.GetProperty("4217")
            .EnumerateArray()
            .ToDictionary(
                c => c.GetProperty("alpha_3").GetString()!,
                c => (int.Parse(c.GetProperty("numeric").GetString()!, CultureInfo.InvariantCulture), c.GetProperty("name").GetString()!)
            );
    }

    [Fact]
    public void EveryCurrency_HasTheCodeNumericCodeAndNameOfIsoCodes()
    {
        var iso = IsoCodes();
        var differences = new List<string>();
        foreach (var currency in Currency.All.Where(c => !AddedSinceIsoCodes.Contains(c.Code)))
        {
            if (!iso.TryGetValue(currency.Code, out var entry))
            {
                differences.Add($"{currency.Code} is not in iso-codes");
            }
            else if (entry != (currency.NumericCode, currency.Name))
            {
                differences.Add($"{currency.Code}: {currency.NumericCode} \"{currency.Name}\", iso-codes {entry.Numeric} \"{entry.Name}\"");
            }
        }

        Assert.Empty(differences);
        Assert.Equal(WithdrawnSinceIsoCodes, iso.Keys.Except(Currency.All.Select(c => c.Code)).Order(StringComparer.Ordinal));
        Assert.Equal(AddedSinceIsoCodes, Currency.All.Select(c => c.Code).Where(c => !iso.ContainsKey(c)).Order(StringComparer.Ordinal));
    }

    // The newest codes, from the amendments themselves: XAD Arab Accounting Dinar (396), XCG Caribbean Guilder (532),
    // ZWG Zimbabwe Gold (924), two decimals each.
    [Theory]
    [InlineData("XAD", 396, "Arab Accounting Dinar")]
    [InlineData("XCG", 532, "Caribbean Guilder")]
    [InlineData("ZWG", 924, "Zimbabwe Gold")]
    public void TheCodesAddedSinceIsoCodes_AreInTheTable(string code, int numeric, string name)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal((numeric, name, 2), (currency.NumericCode, currency.Name, currency.MinorUnit));
    }

    // ISO 4217 List One's minor-unit column, written out from the standard: every active currency has two decimals except
    // these. The N.A. ones (precious metals, SDR, bond-market and testing units) have no minor unit.
    private static readonly Dictionary<int, string> NotTwoDecimals = new()
    {
        [0] = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF",
        [3] = "BHD IQD JOD KWD LYD OMR TND",
        [4] = "CLF UYW",
    };

    private const string NoMinorUnit = "XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX";

    [Fact]
    public void EveryCurrency_HasTheMinorUnitOfListOne()
    {
        var expected = NotTwoDecimals.SelectMany(e => e.Value.Split(' ').Select(code => (code, (int?)e.Key))).ToDictionary();
        foreach (var code in NoMinorUnit.Split(' '))
        {
            expected[code] = null;
        }

        var actual = Currency.All.ToDictionary(c => c.Code, c => c.HasMinorUnit ? (int?)c.MinorUnit : null);

        Assert.Empty(actual.Where(a => a.Value != expected.GetValueOrDefault(a.Key, 2)).Select(a => $"{a.Key}: {a.Value}"));
        Assert.Empty(expected.Keys.Except(actual.Keys));
    }
}
