using System.Collections.Generic;
using NodaTime;
using SalesPipeline.Calendars;
using SalesPipeline.Targets;

namespace SalesPipeline.Csv.Reading;

// quotas.csv (docs/csv.md): one row per quota, a target for a person, a team or the company over a period.
internal sealed class QuotaRows
{
    internal const string File = "quotas";

    internal const int Level = 0,
        Subject = 1,
        Period = 2,
        Start = 3,
        End = 4,
        Target = 5,
        Currency = 6;

    internal static readonly Schema Schema = new(
        File,
        ["level", "subject_id", "period", "start", "end", "target", "currency"],
        ["subject_id", "start", "end", "target"]
    );

    private static readonly string[] LevelCodes = ["person", "team", "company"];
    private static readonly QuotaLevel[] Levels = [QuotaLevel.Person, QuotaLevel.Team, QuotaLevel.Company];

    private readonly Dictionary<(QuotaLevel, string, LocalDate, LocalDate), long> seen = [];

    internal Quota? Parse(RowReader r)
    {
        var level = r.Choice(Level, LevelCodes, Levels, "The level is person, team or company.");
        var badLevel = r.HasErrors;
        level ??= QuotaLevel.Person;
        const string missing = "Every quota names whom it is for: a person, a team's id or the company's name.";
        // A person is an owner of deals, so CsvReadOptions.Owners maps it; a team or the company is taken as written.
        var subject = level == QuotaLevel.Person && !badLevel ? r.Owner(Subject, missing) : r.Required(Subject, missing);
        var label = r.Text(Period);
        var start = r.Date(Start, "Every quota has the first day of its period.");
        var end = r.Date(End, "Every quota has the last day of its period.");
        if (end < start)
        {
            r.Bad(End, "A period ends on or after its first day.");
        }
        var currency = r.Currency(Currency);
        var target = r.Amount(Target, currency, "Every quota has a target amount.");
        if (target is not null)
        {
            if (target.IsNegative)
            {
                r.Bad(Target, "A quota's target is zero or more.");
            }
            else if (target.Currency.HasMinorUnit && !target.IsRoundedToMinorUnit)
            {
                r.Bad(
                    Target,
                    $"A quota's target is a whole number of minor units: {target.Currency.MinorUnit} decimals at most in {target.Currency.Code}."
                );
            }
        }
        if (!badLevel && subject is not null && start is { } s && end is { } e)
        {
            r.Unique(
                seen,
                (level.Value, subject, s, e),
                Subject,
                "A person, team or company has one quota per period",
                "level, subject and period"
            );
        }
        if (r.HasErrors || target is null)
        {
            return null;
        }
        var interval = new DateInterval(start!.Value, end!.Value);
        return new Quota(level.Value, subject!, label is null ? FiscalPeriod.Of(interval) : new FiscalPeriod(label, interval), target);
    }
}
