using System.Globalization;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Calendars;

namespace SalesPipeline.Interactive;

/// <summary>Values shown as one piece of plain text. Without these a notebook destructures them: every LocalDate opens
/// into its calendar, era and year of era, every Money into its currency's fields.</summary>
internal static class Scalars
{
    public static void Register(Registrar on)
    {
        // The library's own values print themselves invariantly (USD 60,000.00, D-1001, 2026-Q1).
        on.Text<Money>(m => m.ToString());
        on.Text<Currency>(c => c.ToString());
        on.Text<DealId>(id => id.ToString());
        on.Text<LeadId>(id => id.ToString());
        on.Text<LeadSource>(s => s.ToString());
        on.Text<FiscalPeriod>(p => p.ToString());

        // NodaTime's ToString() follows the current culture for some types: ISO patterns everywhere, as in the CSV files.
        on.Text<LocalDate>(LocalDatePattern.Iso.Format);
        on.Text<Instant>(InstantPattern.ExtendedIso.Format);
        on.Text<LocalDateTime>(LocalDateTimePattern.ExtendedIso.Format);
        on.Text<LocalTime>(LocalTimePattern.ExtendedIso.Format);
        on.Text<YearMonth>(YearMonthPattern.Iso.Format);
        on.Text<AnnualDate>(AnnualDatePattern.Iso.Format);
        on.Text<OffsetDateTime>(OffsetDateTimePattern.ExtendedIso.Format);
        on.Text<ZonedDateTime>(ZonedDateTimePattern.ExtendedFormatOnlyIso.Format);
        on.Text<Offset>(OffsetPattern.GeneralInvariant.Format);
        on.Text<Duration>(DurationPattern.Roundtrip.Format);
        on.Text<Period>(PeriodPattern.Roundtrip.Format);
        on.Text<DateInterval>(i => string.Create(CultureInfo.InvariantCulture, $"{Iso(i.Start)}..{Iso(i.End)}"));
        on.Text<Interval>(i => i.ToString());
        on.Text<DateTimeZone>(z => z.Id);
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
