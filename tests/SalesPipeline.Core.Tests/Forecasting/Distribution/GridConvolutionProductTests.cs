using SalesPipeline.Forecasting;

namespace SalesPipeline.Tests.Forecasting.Distribution;

// The product of two groups is direct (exact) when a.Length x b.Length <= 12 n log2 n, with n the power of two at or
// above a.Length + b.Length - 1, and by FFT otherwise; the FFT product sets values below 1e-15 to 0 and renormalises.
public sealed class GridConvolutionProductTests
{
    // a = (1e-20, 0, ..., 0, 1 - 1e-20) of length l and b = (1, 0, ..., 0) of length m: the product's first value is
    // 1e-20 x 1 = 1e-20, which the direct product keeps and the FFT product sets to 0 (below its noise floor).
    // Costs worked by hand:
    //   2 x 1:       length 2,     n 2,     12 x 2 x 1 = 24          >= 2         direct
    //   64 x 64:     length 127,   n 128,   12 x 128 x 7 = 10,752    >= 4,096     direct
    //   256 x 216:   length 471,   n 512,   12 x 512 x 9 = 55,296    == 55,296    direct (a tie goes to the exact product)
    //   256 x 257:   length 512,   n 512,   55,296                   <  65,792    FFT
    //   1000 x 1000: length 1,999, n 2,048, 12 x 2,048 x 11 = 270,336 < 1,000,000 FFT
    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(64, 64, true)]
    [InlineData(256, 216, true)]
    [InlineData(256, 257, false)]
    [InlineData(1000, 1000, false)]
    public void Multiply_IsDirectWhenNoDearerThanTheFftByTheCostModel(int l, int m, bool direct)
    {
        var a = new double[l];
        a[0] = 1e-20;
        a[^1] = 1 - 1e-20;
        var b = new double[m];
        b[0] = 1.0;

        var product = GridConvolution.Multiply(a, b);

        Assert.Equal(l + m - 1, product.Length);
        Assert.Equal(direct ? 1e-20 : 0.0, product[0]);
        Assert.Equal(1.0, product[l - 1], 15);
    }

    [Fact]
    public void MultiplyFft_ValuesBelowTheNoiseFloorAreDroppedAndTheRestRenormalisedToOne()
    {
        // a = (1 - 1,000 x 3e-16, then 1,000 values of 3e-16), b = (1): every 3e-16 is below the floor of 1e-15, so the
        // product keeps only its first value, and renormalising makes it 1 (not 1 - 3e-13, which 15 digits tell apart).
        var a = new double[1_001];
        a[0] = 1 - 1_000 * 3e-16;
        Array.Fill(a, 3e-16, 1, 1_000);

        var product = GridConvolution.MultiplyFft(a, [1.0]);

        Assert.Equal(1_001, product.Length);
        Assert.Equal(1.0, product[0], 15);
        Assert.All(product.Skip(1), v => Assert.Equal(0.0, v));
    }
}
