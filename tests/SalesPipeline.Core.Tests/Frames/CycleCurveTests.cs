using FsCheck;
using FsCheck.Fluent;
using SalesPipeline.Metrics;

namespace SalesPipeline.Tests.Frames;

public class CycleCurveTests
{
    // The curve's points built on all cores (any curve, with the threshold at 1 point) equal those built in order:
    // every figure, including the undefined band once S reaches 0, for each interval transform.
    [Fact]
    public void Result_PointsBuiltInParallel_EqualSequential_Property() =>
        PropertyAssert.Holds(
            Prop.ForAll(
                Gen.ListOf(from time in Gen.Choose(0, 40) from isEvent in Gen.Elements(true, true, false) select (time, isEvent))
                    .ToArbitrary(),
                Gen.Elements(SurvivalInterval.LogLog, SurvivalInterval.Log, SurvivalInterval.Plain).ToArbitrary(),
                (observations, interval) =>
                {
                    var km = new KaplanMeierAccumulator();
                    foreach (var (time, isEvent) in observations)
                    {
                        km.Add(time / 4.0, isEvent);
                    }
                    return StintsHostile.Dump(km.Result(0.95, interval, 1)) == StintsHostile.Dump(km.Result(0.95, interval, int.MaxValue));
                }
            )
        );
}
