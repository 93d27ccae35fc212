using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Csv.Tests.Support;
using SalesPipeline.Targets;

namespace SalesPipeline.Csv.Tests.Kinds;

public class QuotaCsvTests
{
    private const string Header = "level,subject_id,period,start,end,target,currency";
    private const string Good = "person,g1,Q1,2026-01-01,2026-03-31,1000,USD";

    private static CsvReadResult<Quota> Read(string text, CsvReadOptions? options = null) =>
        QuotaCsv.Read(CanonicalWriter.Utf8(text), options);

    private static CsvRowError OnlyError(string bad, CsvReadOptions? options = null)
    {
        var result = Read($"{Header}\n{Good}\n{bad}\n{Good.Replace("g1", "g2", StringComparison.Ordinal)}\n", options);
        Assert.Equal(new CsvRowCounts(3, 2, 1), result.Rows);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void The_sample_reads_as_worked_out_by_hand()
    {
        var result = QuotaCsv.ReadFile(SampleFiles.PathOf("Canonical/quotas.csv"));

        Assert.Equal("quotas: read 5, accepted 5, rejected 0", result.ToString());
        var q1 = new FiscalPeriod("FY2026 Q1", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)));
        Assert.Equal(
            [
                Quota.ForCompany(
                    "Acme Corp",
                    new FiscalPeriod("FY2026", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31))),
                    Money.Of(4_000_000m, Currency.USD)
                ),
                Quota.ForTeam("emea", q1, Money.Of(1_000_000m, Currency.USD)),
                Quota.ForPerson("alice", q1, Money.Of(400_000m, Currency.USD)),
                // No level: a person's.
                Quota.ForPerson("bob", q1, Money.Of(650_000m, Currency.USD)),
                // No label: the period is named by its dates.
                Quota.ForPerson(
                    "carol",
                    new FiscalPeriod("2026-01-01..2026-01-31", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31))),
                    Money.Of(50_000m, Currency.EUR)
                ),
            ],
            result.Items
        );
        // The team's reps were given 400,000 + 650,000 = 1,050,000 against its 1,000,000: 50,000 over-assigned.
        Assert.Equal(Money.Of(50_000m, Currency.USD), QuotaAssignment.Of(result.Items[1], result.Items.Skip(2).Take(2)).Difference);
    }

    [Theory]
    [InlineData("region,x,Q1,2026-01-01,2026-03-31,10,USD", "level", "region", "The level is person, team or company.")]
    [InlineData(
        "team,,Q1,2026-01-01,2026-03-31,10,USD",
        "subject_id",
        "",
        "Every quota names whom it is for: a person, a team's id or the company's name."
    )]
    [InlineData("team,x,Q1,2026-04-01,2026-03-31,10,USD", "end", "2026-03-31", "A period ends on or after its first day.")]
    [InlineData("team,x,Q1,,2026-03-31,10,USD", "start", "", "Every quota has the first day of its period.")]
    [InlineData("team,x,Q1,2026-01-01,2026-03-31,-10,USD", "target", "-10", "A quota's target is zero or more.")]
    [InlineData(
        "team,x,Q1,2026-01-01,2026-03-31,10.001,USD",
        "target",
        "10.001",
        "A quota's target is a whole number of minor units: 2 decimals at most in USD."
    )]
    [InlineData(
        "team,x,Q1,2026-01-01,2026-03-31,\"1,000\",USD",
        "target",
        "1,000",
        "A number is written like 1234.56 or -0.5 (a point before the decimals, no thousands separators)."
    )]
    [InlineData(
        "team,x,Q1,2026-01-01,2026-03-31,10,Dollar",
        "currency",
        "Dollar",
        "The currency is not an active ISO 4217 code (three capital letters, such as USD)."
    )]
    [InlineData(
        "person,g1,Q1 again,2026-01-01,2026-03-31,5,USD",
        "subject_id",
        "g1",
        "A person, team or company has one quota per period; quotas line 2 has the same level, subject and period."
    )]
    public void Each_rule_is_reported_on_its_cell(string bad, string column, string value, string reason)
    {
        Assert.Equal(new CsvRowError("quotas", 3, column, value, reason), OnlyError(bad));
    }

    [Fact]
    public void A_team_and_a_person_of_the_same_id_are_different_subjects()
    {
        Assert.True(Read($"{Header}\n{Good}\nteam,g1,Q1,2026-01-01,2026-03-31,10,USD\n").IsComplete);
    }

    [Fact]
    public void A_currency_without_minor_unit_keeps_its_decimals_and_the_default_currency_fills_a_blank()
    {
        var result = Read(
            $"{Header}\ncompany,Acme,,2026-01-01,2026-12-31,12.5,XAU\ncompany,Acme,,2027-01-01,2027-12-31,7,\n",
            new CsvReadOptions { DefaultCurrency = Currency.EUR }
        );

        Assert.Equal([Money.Of(12.5m, Currency.FromCode("XAU")), Money.Of(7m, Currency.EUR)], result.Items.Select(q => q.Target));
    }

    [Fact]
    public void Owners_map_people_but_not_teams()
    {
        var options = new CsvReadOptions
        {
            Owners = new Dictionary<string, string> { ["g1"] = "u-1", ["g2"] = "u-2" },
        };
        var result = Read(
            $"{Header}\n{Good}\nteam,emea,Q1,2026-01-01,2026-03-31,10,USD\nperson,zed,Q1,2026-01-01,2026-03-31,10,USD\n",
            options
        );

        Assert.Equal(["u-1", "emea"], result.Items.Select(q => q.SubjectId));
        Assert.Equal(
            new CsvRowError("quotas", 4, "subject_id", "zed", "The owner is not in CsvReadOptions.Owners."),
            Assert.Single(result.Errors)
        );
    }

    [Fact]
    public void A_german_file_reads_its_decimals_and_dates()
    {
        // Invariant globalization on the host: de's separators and short date (CLDR: ',' '.' dd.MM.yyyy) set by hand, as in FormatTests.
        var german = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        german.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        var options = new CsvReadOptions { Culture = german, Delimiter = ';' };
        var result = Read("subject_id;start;end;target;currency\nalice;01.01.2026;31.03.2026;1.250.000,50;EUR\n", options);

        var quota = Assert.Single(result.Items);
        Assert.Equal(
            (new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31), 1_250_000.50m),
            (quota.Period.Start, quota.Period.End, quota.Target.Amount)
        );
    }
}
