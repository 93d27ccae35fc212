using System.Globalization;
using NodaTime;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Deals;

namespace SalesPipeline.Csv.Tests.Format;

// The text forms the reader accepts: BOM or not, the delimiter detected, another culture's numbers and dates, other
// headers, stage labels and the files of /work/shared/bench/gen_pipeline.py (the neutral format the benchmark uses).
public class FormatTests
{
    private const string Deals =
        "deal_id,owner,amount,currency,stage,created_at,expected_close\nD1,alice,1250.5,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_byte_order_mark_is_read_past(bool bom)
    {
        var result = Sample.Read(Deals, bom: bom);

        Assert.True(result.IsComplete);
        Assert.Equal(Money.Of(1250.5m, Currency.USD), Assert.Single(result.Deals).Amount);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void The_delimiter_is_detected(char delimiter)
    {
        var result = Sample.Read(Deals.Replace(',', delimiter));

        Assert.True(result.IsComplete);
        Assert.Equal("D1", Assert.Single(result.Deals).Id.Value);
    }

    [Fact]
    public void A_given_delimiter_is_used()
    {
        // With ';' given, the commas of the amount are text: "1,5" then fails as an invariant number, naming the column.
        var result = Sample.Read(
            "deal_id;owner;amount;currency;stage;created_at;expected_close\nD1;alice;1,5;USD;proposal;2025-03-01T00:00:00Z;2025-06-30\n",
            options: new CsvReadOptions { Delimiter = ';' }
        );

        Assert.Equal(("amount", "1,5"), (Assert.Single(result.Errors).Column, result.Errors[0].Value));
    }

    [Fact]
    public void German_numbers_and_dates_with_the_culture_set()
    {
        // The host runs with invariant globalization (no ICU data), so de-DE's separators and short date are set by hand
        // (the values are those of CLDR's de: decimal ',', group '.', date dd.MM.yyyy).
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        german.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        var options = new CsvReadOptions { Culture = german, DefaultCurrency = Currency.EUR };

        var result = Sample.Read(
            "deal_id;owner;amount;stage;created_at;expected_close;probability\n"
                + "D1;anna;1.234,56;proposal;2025-03-01T00:00:00Z;30.06.2025;0,4\n"
                + "D2;jörg;1.5;proposal;2025-03-01T00:00:00Z;2025-06-30;\n",
            options: options
        );

        var d1 = result.Deals[0];
        Assert.Equal(
            (Money.Of(1234.56m, Currency.EUR), new LocalDate(2025, 6, 30), 0.4m),
            (d1.Amount, d1.ExpectedClose, d1.ProbabilityOverride)
        );
        // "1.5" is not German for 1.5 nor for 15: a group of one digit after the separator is refused, not guessed.
        var error = Assert.Single(result.Errors);
        Assert.Equal((3L, "amount", "1.5"), (error.Line, error.Column, error.Value));
        Assert.Equal(
            "A number is written in the culture \"\": like 1.234,56, thousands separated in groups of three or not at all.",
            error.Reason
        );
    }

    [Fact]
    public void Separators_outside_ascii_are_read_too()
    {
        // French-style numbers: a no-break space (U+00A0) between thousands, a comma before the decimals (CLDR fr).
        var french = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        french.NumberFormat.NumberDecimalSeparator = ",";
        french.NumberFormat.NumberGroupSeparator = "\u00a0";
        var options = new CsvReadOptions { Culture = french, DefaultCurrency = Currency.EUR };

        var result = Sample.Read(
            "deal_id;owner;amount;stage;created_at;expected_close\n"
                + "D1;anne;1\u00a0234,56;proposal;2025-03-01T00:00:00Z;2025-06-30\n"
                + "D2;luc;12\u00a034;proposal;2025-03-01T00:00:00Z;2025-06-30\n",
            options: options
        );

        Assert.Equal(Money.Of(1234.56m, Currency.EUR), result.Deals[0].Amount);
        Assert.Equal((3L, "12\u00a034"), (Assert.Single(result.Errors).Line, result.Errors[0].Value));
    }

    [Fact]
    public void Another_crms_headers_and_stage_labels_are_mapped()
    {
        var options = new CsvReadOptions
        {
            Columns = new Dictionary<string, string>
            {
                ["deal_id"] = "Record ID",
                ["owner"] = "Deal owner",
                ["amount"] = "Amount",
                ["stage"] = "Deal Stage",
                ["created_at"] = "Create Date",
                ["expected_close"] = "Close Date",
            },
            Stages = new Dictionary<string, string> { ["Contract Sent"] = "negotiation", ["Appointment Scheduled"] = "prospecting" },
            DefaultCurrency = Currency.USD,
        };

        var result = Sample.Read(
            "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner\n"
                + "1001,Acme,Contract Sent,25000.0,2025-06-30,2025-03-01 09:30,Jane Doe\n"
                + "1002,Beta,Proposal,100,2025-06-30,2025-03-01 09:30,Jane Doe\n",
            options: options
        );

        var d = result.Deals[0];
        Assert.Equal(
            ("1001", "negotiation", "Jane Doe", Instant.FromUtc(2025, 3, 1, 9, 30)),
            (d.Id.Value, d.StageId, d.Owner, d.CreatedAt)
        );
        // With a stage map, a label not in it is an error even when it names a stage.
        Assert.Equal(
            new CsvRowError("deals", 3, "Deal Stage", "Proposal", "The label is not in CsvReadOptions.Stages."),
            Assert.Single(result.Errors)
        );
    }

    [Fact]
    public void Headers_match_ignoring_case_and_spaces_and_unknown_columns_are_ignored()
    {
        var result = Sample.Read(
            " Deal_ID ,team,OWNER,Amount,currency,stage,created_at,expected_close\nD1,team1,alice,1,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\n"
        );

        Assert.True(result.IsComplete);
        Assert.Equal("alice", Assert.Single(result.Deals).Owner);
    }

    [Fact]
    public void Files_in_the_format_of_gen_pipeline_py()
    {
        // Written by hand in the shape of gen_pipeline.py's pandas output (its column order, team column, an empty
        // closed_at for open deals, events sorted by deal and time): one open deal, one won, one lost.
        const string deals = """
            deal_id,owner,team,source,product,currency,amount,created_at,expected_close,status,stage,closed_at
            D0000000,rep07,team3,web,core,USD,13359.46,2024-03-05T11:20:08Z,2024-05-29,open,qualified,
            D0000001,rep11,team3,partner,plus,USD,8214.03,2025-01-17T02:41:55Z,2025-03-06,won,won,2025-03-25T20:15:31Z
            D0000002,rep02,team2,event,enterprise,USD,30411.2,2024-11-02T16:03:44Z,2025-01-19,lost,lost,2024-11-20T07:00:00Z
            """;
        const string events = """
            deal_id,at,kind,from_stage,to_stage
            D0000000,2024-03-05T11:20:08Z,created,,prospecting
            D0000000,2024-03-19T04:51:27Z,moved,prospecting,qualified
            D0000001,2025-01-17T02:41:55Z,created,,prospecting
            D0000001,2025-01-30T12:00:00Z,moved,prospecting,qualified
            D0000001,2025-02-11T09:30:00Z,moved,qualified,proposal
            D0000001,2025-03-02T18:00:00Z,moved,proposal,negotiation
            D0000001,2025-03-25T20:15:31Z,won,negotiation,won
            D0000002,2024-11-02T16:03:44Z,created,,prospecting
            D0000002,2024-11-20T07:00:00Z,lost,prospecting,lost
            """;

        var result = Sample.Read(deals, events);

        Assert.True(result.IsComplete, result.ToString());
        Sample.Counts(result, (3, 3, 0), (9, 9, 0));
        // Open: imported + 1 move; won: imported + 3 moves + the win; lost: imported + the loss.
        Assert.Equal([2, 5, 2], result.Deals.Select(d => d.History.Count));
        Assert.Equal((DealStatus.Won, Money.Of(8214.03m, Currency.USD)), (result.Deals[1].Status, result.Deals[1].Amount));
        Assert.Equal(LossReason.Unknown, result.Deals[2].LossReason);
    }

    [Fact]
    public void Progress_is_reported_once_per_file_for_small_files()
    {
        var reports = new List<CsvProgress>();
        var progress = new SynchronousProgress(reports.Add);
        var history = "deal_id,at,to_stage\nD1,2025-03-01T00:00:00Z,prospecting\nD1,2025-03-02T00:00:00Z,proposal\n";

        Sample.Read(Deals, history, new CsvReadOptions { Progress = progress });

        Assert.Equal([new CsvProgress("deals", 1, Deals.Length), new CsvProgress("history", 2, history.Length)], reports);
    }

    [Fact]
    public void Progress_comes_every_65536_rows_and_at_the_end()
    {
        var text = new System.Text.StringBuilder("deal_id,owner,amount,currency,stage,created_at,expected_close\n");
        for (var i = 0; i < 70_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"D{i:D5},rep,1,USD,proposal,2025-03-01T00:00:00Z,2025-06-30\n");
        }
        var reports = new List<CsvProgress>();

        var result = Sample.Read(text.ToString(), options: new CsvReadOptions { Progress = new SynchronousProgress(reports.Add) });

        Assert.Equal(70_000, result.Deals.Count);
        // Each row is 58 bytes after a 62-byte header: 62 + 70,000 x 58 = 4,060,062 bytes in all. The report at row 65,536
        // shows the bytes read so far, which run ahead of the rows by at most the reader's buffer.
        Assert.Equal([65_536L, 70_000L], reports.Select(r => r.Rows));
        Assert.Equal(4_060_062, reports[1].Bytes);
        Assert.InRange(reports[0].Bytes, 62 + 65_536L * 58, reports[1].Bytes);
    }

    private sealed class SynchronousProgress(Action<CsvProgress> report) : IProgress<CsvProgress>
    {
        public void Report(CsvProgress value) => report(value);
    }
}
