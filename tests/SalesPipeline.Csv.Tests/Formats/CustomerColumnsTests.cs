using System.IO;
using System.Text;
using SalesPipeline.Deals;
using static SalesPipeline.Csv.Tests.Support.Exports;

namespace SalesPipeline.Csv.Tests.Formats;

// Each CRM format's account column becomes the deal's customer (docs/csv-salesforce.md, csv-hubspot.md,
// csv-pipedrive.md): the samples' rows by hand, and small exports with both the id and the name.
public class CustomerColumnsTests
{
    private static CsvImportResult ReadText(Pipelines.PipelineDefinition pipeline, string deals, CsvReadOptions options) =>
        Read(pipeline, Encoding.UTF8.GetBytes(deals), null, options);

    [Fact]
    public void The_samples_account_names_are_the_customers_name_and_id()
    {
        // Salesforce's Account Name "Acme Corp" (the report has no Account ID column); Pipedrive's "Deal - Organization".
        Assert.Equal(new Customer("Acme Corp", "Acme Corp"), Deal(ReadSalesforce(), "0065g00000AAA01").Customer);
        Assert.Equal(new Customer("Acme GmbH", "Acme GmbH"), Deal(ReadPipedrive(), "101").Customer);
        // HubSpot's sample has no company column: no customer.
        Assert.All(ReadHubSpot().Deals, d => Assert.Null(d.Customer));
    }

    [Fact]
    public void Salesforce_reads_account_id_and_name()
    {
        var result = ReadText(
            Salesforce,
            "\"Opportunity ID\",\"Opportunity Owner\",\"Account ID\",\"Account Name\",\"Amount\",\"Stage\",\"Created Date\",\"Close Date\"\n"
                + "\"006A\",\"Jane Doe\",\"0015g00000XYZ01\",\"Acme, Corp\",\"1,000.00\",\"Prospecting\",\"11/4/2025\",\"3/31/2026\"\n",
            SalesforceOptions with
            {
                DefaultCurrency = Currency.USD,
            }
        );

        Assert.True(result.IsComplete, result.ToString());
        Assert.Equal(new Customer("0015g00000XYZ01", "Acme, Corp"), Assert.Single(result.Deals).Customer);
    }

    [Fact]
    public void HubSpot_reads_the_primary_associated_company_and_its_id()
    {
        var result = ReadText(
            HubSpot,
            "Record ID,Deal Name,Deal Stage,Pipeline,Amount,Close Date,Create Date,Deal owner,Associated Company IDs (Primary),Associated Company (Primary)\n"
                + "1001,Acme - 50 seats,Contract Sent,Sales Pipeline,25000.0,2026-03-31 17:00,2025-11-10 09:15,Jane Doe,9001,Acme Corp\n",
            HubSpotOptions
        );

        Assert.True(result.IsComplete, result.ToString());
        Assert.Equal(new Customer("9001", "Acme Corp"), Assert.Single(result.Deals).Customer);
    }

    [Fact]
    public void Pipedrive_reads_the_organization_and_its_id()
    {
        var result = ReadText(
            Pipedrive,
            "Deal - ID,Deal - Owner,Deal - Value,Deal - Currency of value,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Expected close date,Deal - Organization,Deal - Organization ID\n"
                + "101,Ana Silva,24000,EUR,Proposal Made,Open,2025-12-03 09:12:44,2026-03-31,Acme GmbH,77\n",
            PipedriveOptions
        );

        Assert.True(result.IsComplete, result.ToString());
        Assert.Equal(new Customer("77", "Acme GmbH"), Assert.Single(result.Deals).Customer);
    }
}
