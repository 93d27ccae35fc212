using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using SalesPipeline.Json;

namespace SalesPipeline.Samples.Tests;

public sealed class SampleDeterminismTests
{
    /// <summary>
    /// The SHA-256 of <see cref="Fingerprint"/>'s text for the sample. Both target frameworks run this test, so it holds
    /// on .NET 8 and .NET 10 alike. A change to the generator changes it: check the new sample (docs/samples.md, the
    /// warning-sign tests) and update the value and the numbers in docs/samples.md together.
    /// </summary>
    private const string ExpectedFingerprint = "3FD364D9B77AD5507CD2413884CAC9AFB32C1BFF7CE95D40C6993537C8909669";

    [Fact]
    public void Two_calls_give_equal_samples()
    {
        var first = SampleData.Create();
        var second = SampleData.Create();
        Assert.NotSame(first.Deals, second.Deals);
        Assert.Equal(first.Deals, second.Deals);
        Assert.True(first.Deals.Zip(second.Deals).All(p => p.First.Events.SequenceEqual(p.Second.Events)));
        Assert.Equal(first.Leads, second.Leads);
        Assert.Equal(first.Activities, second.Activities);
        Assert.Equal(first.Quotas, second.Quotas);
        Assert.Equal(first.Organization, second.Organization);
        Assert.Equal(Fingerprint(first), Fingerprint(second));
    }

    [Fact]
    public void The_sample_is_the_one_checked_in_on_every_runtime()
    {
        var actual = Fingerprint(SampleData.Create());
        // The whole value in the message (Assert.Equal cuts long strings), for updating the constant after a deliberate change.
        Assert.True(actual == ExpectedFingerprint, $"The sample's fingerprint is {actual}, not the checked-in {ExpectedFingerprint}.");
    }

    [Fact]
    public async Task Calls_on_several_threads_at_once_give_the_same_sample()
    {
        var fingerprints = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Fingerprint(SampleData.Create()))));
        Assert.Single(fingerprints.Distinct());
    }

    /// <summary>
    /// The SHA-256 of every record of the sample as text: deal and lead events and the contracts as SalesPipeline.Json
    /// stores them, the pipeline and organization likewise, and activities and quotas field by field.
    /// </summary>
    private static string Fingerprint(SampleData sample)
    {
        var text = new StringBuilder();
        var options = SalesPipelineJson.Options;
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"{sample.AsOf:uuuu-MM-dd} {sample.AsOfInstant:g} {sample.Zone.Id} {sample.Currency.Code}"
        );
        text.AppendLine(JsonSerializer.Serialize(sample.Pipeline, options));
        text.AppendLine(JsonSerializer.Serialize(sample.Organization, options));
        foreach (var deal in sample.Deals)
        {
            text.AppendLine(JsonSerializer.Serialize(deal.Events, options));
        }
        foreach (var lead in sample.Leads)
        {
            text.AppendLine(JsonSerializer.Serialize(lead.History, options));
        }
        foreach (var a in sample.Activities)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{a.Kind}|{a.At:g}|{a.Rep}|{a.Deal?.Value}|{a.Lead?.Value}|{a.Outcome?.Code}");
        }
        foreach (var q in sample.Quotas)
        {
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"{q.Level}|{q.SubjectId}|{q.Period.Start:uuuu-MM-dd}|{q.Period.End:uuuu-MM-dd}|{q.Target.Amount}|{q.Target.Currency.Code}"
            );
        }
        foreach (var contract in sample.Contracts)
        {
            text.AppendLine(JsonSerializer.Serialize(contract, options));
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
