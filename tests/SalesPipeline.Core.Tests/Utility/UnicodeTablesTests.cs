using SalesPipeline.Utility;

namespace SalesPipeline.Tests.Utility;

public class UnicodeTablesTests
{
    // The lookups skip their tables below these code points; that is right only while the tables start there or later.
    [Fact]
    public void FastPaths_SkipOnlyCodePointsTheTablesDoNotHold()
    {
        var (decomposable, ignorable, nonStarter) = UnicodeTables.FirstEntries;

        Assert.Equal(UnicodeTables.FirstDecomposable, decomposable); // U+00A0 NO-BREAK SPACE, <noBreak> 0020
        Assert.Equal(UnicodeTables.FirstIgnorable, ignorable); // U+00AD SOFT HYPHEN
        Assert.Equal(UnicodeTables.FirstNonStarter, nonStarter); // U+0300 COMBINING GRAVE ACCENT, class 230
    }

    [Fact]
    public void Scripts_FollowScriptsAndScriptExtensions()
    {
        // Scripts.txt: 0041 Latin, 0416 Cyrillic, 0030 Common, 0301 Inherited; ScriptExtensions.txt: 30FC Hira Kana.
        Assert.Equal(["Latn"], UnicodeTables.Scripts('A'));
        Assert.Equal(["Cyrl"], UnicodeTables.Scripts(0x0416));
        Assert.Equal(["Zyyy"], UnicodeTables.Scripts('0'));
        Assert.Equal(["Zinh"], UnicodeTables.Scripts(0x0301));
        Assert.Equal(["Hira", "Kana"], UnicodeTables.Scripts(0x30FC));
        Assert.Equal("Canadian Aboriginal", UnicodeTables.ScriptName("Cans"));
    }
}
