using System.Globalization;
using NodaTime.Text;
using SalesPipeline.Samples;

namespace SalesPipeline.Cli.Input;

/// <summary>
/// The embedded sample (<see cref="SampleData.Create"/>) as a <see cref="Dataset"/>: two years of deals with their
/// histories, reps in teams, leads, activities, quarterly quotas and contracts with payments, seen on the sample's own
/// date (<see cref="SampleData.AsOf"/>) at its own instant (<see cref="SampleData.AsOfInstant"/>).
/// </summary>
internal static class SampleInput
{
    /// <summary>The sample, with the report currency of <see cref="InputSpec.Currency"/> when it is the sample's.</summary>
    /// <exception cref="BadInputException"><c>--as-of</c>, <c>--zone</c> or <c>--currency</c> differs from the sample's own:
    /// the sample is one fixed picture, dated and priced as it is.</exception>
    public static Dataset Load(InputSpec spec)
    {
        var sample = SampleData.Create();
        if (spec.AsOf is { } asOf && asOf != sample.AsOf)
        {
            throw new BadInputException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"--as-of {LocalDatePattern.Iso.Format(asOf)}: the embedded sample is seen on {LocalDatePattern.Iso.Format(sample.AsOf)} only (give --deals or a store for other dates)."
                )
            );
        }
        if (spec.Zone is { } zone && zone != sample.Zone)
        {
            throw new BadInputException($"--zone {zone.Id}: the embedded sample is in {sample.Zone.Id} only.");
        }
        if (spec.Currency is { } currency && currency != sample.Currency)
        {
            throw new BadInputException($"--currency {currency.Code}: the embedded sample is in {sample.Currency.Code} only.");
        }
        return new Dataset(
            "the embedded sample",
            sample.Pipeline,
            sample.Deals,
            sample.Leads,
            sample.Activities,
            sample.Quotas,
            sample.Contracts,
            sample.Organization,
            sample.Calendar,
            sample.AsOf,
            sample.AsOfInstant,
            sample.Zone,
            sample.Currency,
            sample.HealthPolicy
        );
    }
}
