using System;
using System.Globalization;
using NodaTime;
using SalesPipeline.Utility;

namespace SalesPipeline.Collections;

/// <summary>
/// When an instalment of a <see cref="TermsLine"/> falls due, relative to the contract's start (signing) date.
/// </summary>
/// <remarks>
/// <para>The rules, for a contract signed on 2026-01-31:</para>
/// <list type="bullet">
/// <item><see cref="DaysAfterStart"/>(30): 2026-03-02.</item>
/// <item><see cref="DaysAfterEndOfStartMonth"/>(30): 2026-01-31 + 30 days = 2026-03-02; signed 2026-01-15, also 2026-03-02.</item>
/// <item><see cref="MonthsAfterStart"/>(1): 2026-02-28 (clamped); (13): 2027-02-28; signed 2028-01-31, (1): 2028-02-29.</item>
/// <item><see cref="DayOfMonth"/>(15, 1): 2026-02-15; (31, 1): 2026-02-28 (clamped).</item>
/// <item><see cref="On"/>(2026-06-30): 2026-06-30, whatever the start date.</item>
/// <item><see cref="OnMilestone"/>("go-live", 10): unknown until the milestone is reached; reached 2026-04-20, due 2026-04-30.</item>
/// <item><see cref="DaysThenDayOfFollowingMonth"/>(30, 10): 2026-01-31 + 30 days = 2026-03-02, then the 10th of April:
/// 2026-04-10; (0, 31): day 31 of February, clamped: 2026-02-28.</item>
/// <item><see cref="DaysThenEndOfMonth"/>(30): 2026-03-02, then the end of March: 2026-03-31.</item>
/// </list>
/// <para>The last two follow Odoo's payment-term lines ("days end of month on the", from Odoo 17): the "following
/// month" is always the month after the month of start + N days, even when day D of that date's own month is still to
/// come; see docs/collections.md.</para>
/// <para>The two monthly rules (<see cref="MonthsAfterStart"/> and <see cref="DayOfMonth"/>) can repeat: the k-th
/// instalment (k = 0, 1, ...) of a line with several instalments is due by the same rule k months later, always
/// computed from the start date (<c>start.PlusMonths(n + k)</c>), never by adding a month to the previous due date,
/// so a clamp in February does not shorten every later month.</para>
/// <para>Immutable; thread-safe. Two rules are equal when their kind and numbers are.</para>
/// </remarks>
public sealed record DueRule
{
    private DueRule(DueRuleKind kind, int days, int months, int dayOfMonth, LocalDate? date, string? milestone)
    {
        Kind = kind;
        Days = days;
        Months = months;
        Day = dayOfMonth;
        Date = date;
        MilestoneName = milestone;
    }

    /// <summary>Which rule this is.</summary>
    public DueRuleKind Kind { get; }

    /// <summary>The number of days (the days-after rules, the two days-then rules and the milestone rule); 0 for the others.</summary>
    public int Days { get; }

    /// <summary>The number of months (the two monthly rules); 0 for the others.</summary>
    public int Months { get; }

    /// <summary>The day of the month (<see cref="DueRuleKind.DayOfMonth"/>, <see cref="DueRuleKind.DaysThenDayOfFollowingMonth"/>); 0 for the others.</summary>
    public int Day { get; }

    /// <summary>The fixed date (<see cref="DueRuleKind.FixedDate"/>); null for the others.</summary>
    public LocalDate? Date { get; }

    /// <summary>The milestone's name (<see cref="DueRuleKind.Milestone"/>); null for the others.</summary>
    public string? MilestoneName { get; }

    /// <summary>Whether an instalment may repeat monthly under this rule (the two monthly rules).</summary>
    public bool IsMonthly => Kind is DueRuleKind.MonthsAfterStart or DueRuleKind.DayOfMonth;

    /// <summary>Due <paramref name="days"/> days after the start date (0 = on the start date).</summary>
    /// <param name="days">The number of days; 0 to 36,525 (100 years).</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative or more than 36,525.</exception>
    public static DueRule DaysAfterStart(int days) => new(DueRuleKind.DaysAfterStart, CheckDays(days), 0, 0, null, null);

    /// <summary>Due <paramref name="days"/> days after the last day of the start month ("net 30 end of month").</summary>
    /// <param name="days">The number of days; 0 to 36,525 (100 years) (0 = the last day of the start month).</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative or more than 36,525.</exception>
    public static DueRule DaysAfterEndOfStartMonth(int days) =>
        new(DueRuleKind.DaysAfterEndOfStartMonth, CheckDays(days), 0, 0, null, null);

    /// <summary>Due on the start date <paramref name="months"/> months later, clamped to the month's last day.</summary>
    /// <param name="months">The number of months; 0 to 1,200 (100 years).</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is negative or above 1,200.</exception>
    public static DueRule MonthsAfterStart(int months) => new(DueRuleKind.MonthsAfterStart, 0, CheckMonths(months), 0, null, null);

    /// <summary>
    /// Due on day <paramref name="day"/> of the month <paramref name="months"/> months after the start month, clamped to
    /// that month's last day (day 31 in February is the 28th or, in a leap year, the 29th).
    /// </summary>
    /// <param name="day">The day of the month, 1 to 31.</param>
    /// <param name="months">The number of months after the start month; 0 to 1,200 (0 = the start month itself).</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not 1 to 31, or <paramref name="months"/> is negative or above 1,200.</exception>
    public static DueRule DayOfMonth(int day, int months)
    {
        CheckDay(day);
        return new(DueRuleKind.DayOfMonth, 0, CheckMonths(months), day, null, null);
    }

    /// <summary>
    /// Due <paramref name="days"/> days after the start date, then on day <paramref name="day"/> of the month after
    /// that date's month, clamped to that month's last day ("30 days end of month on the 10th").
    /// </summary>
    /// <remarks>
    /// <para>Due date = day min(D, last day) of the month after the month of start + N days. The month is always the
    /// following one, even when start + N falls before day D of its own month: signed 2026-01-01, (0, 10) is due
    /// 2026-02-10, not 2026-01-10. So the due date is always after start + N days and in the next month.</para>
    /// <para>Signed 2026-01-15, (30, 10): 2026-02-14, then 2026-03-10. Signed 2027-12-31, (31, 31): 2028-01-31, then
    /// 2028-02-29 (clamped, leap year).</para>
    /// </remarks>
    /// <param name="days">The number of days after the start date; 0 to 36,525 (100 years).</param>
    /// <param name="day">The day of the following month, 1 to 31; a day past that month's end is its last day.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative or more than 36,525, or <paramref name="day"/> is not 1 to 31.</exception>
    public static DueRule DaysThenDayOfFollowingMonth(int days, int day) =>
        new(DueRuleKind.DaysThenDayOfFollowingMonth, CheckDays(days), 0, CheckDay(day), null, null);

    /// <summary>Due <paramref name="days"/> days after the start date, then on the last day of that date's month.</summary>
    /// <remarks>
    /// Due date = the last day of the month of start + N days (never before start + N; equal to it when it is a month
    /// end). Signed 2026-01-15, (30): 2026-02-14, then 2026-02-28; (0): 2026-01-31. Unlike
    /// <see cref="DaysAfterEndOfStartMonth"/>, which counts the days after the end of the start month.
    /// </remarks>
    /// <param name="days">The number of days after the start date; 0 to 36,525 (100 years).</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative or more than 36,525.</exception>
    public static DueRule DaysThenEndOfMonth(int days) => new(DueRuleKind.DaysThenEndOfMonth, CheckDays(days), 0, 0, null, null);

    /// <summary>Due on a fixed date.</summary>
    /// <param name="date">The due date.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="date"/> is not a supported date: ISO calendar, 0001-01-01 to 9999-12-31.</exception>
    public static DueRule On(LocalDate date) => new(DueRuleKind.FixedDate, 0, 0, 0, Preconditions.CheckDate(date), null);

    /// <summary>Due <paramref name="days"/> days after the named milestone is reached; unknown (never overdue) until then.</summary>
    /// <param name="name">The milestone, for example "go-live"; compared ordinally.</param>
    /// <param name="days">The number of days after the milestone; 0 to 36,525 (100 years).</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative or more than 36,525.</exception>
    public static DueRule OnMilestone(string name, int days = 0)
    {
        Preconditions.CheckNotBlank(name);
        return new(DueRuleKind.Milestone, CheckDays(days), 0, 0, null, name);
    }

    // The due date of the k-th instalment (k = 0 unless the rule is monthly); null for a milestone not yet reached.
    // A due date after 9999-12-31, the last supported date, is refused naming paramName (NodaTime would overflow).
    internal LocalDate? DueOn(LocalDate start, int k, LocalDate? milestoneDate, string paramName = "terms") =>
        Kind switch
        {
            DueRuleKind.DaysAfterStart => PlusDays(start, Days, k, paramName),
            DueRuleKind.DaysAfterEndOfStartMonth => PlusDays(start.With(DateAdjusters.EndOfMonth), Days, k, paramName),
            DueRuleKind.MonthsAfterStart => PlusMonths(start, Months + k, k, paramName),
            DueRuleKind.DayOfMonth => ClampedDay(PlusMonths(start, Months + k, k, paramName)),
            DueRuleKind.FixedDate => Date,
            DueRuleKind.DaysThenDayOfFollowingMonth => ClampedDay(PlusMonths(PlusDays(start, Days, k, paramName), 1, k, paramName)),
            DueRuleKind.DaysThenEndOfMonth => PlusDays(start, Days, k, paramName).With(DateAdjusters.EndOfMonth),
            _ => milestoneDate is { } reached ? PlusDays(reached, Days, k, paramName) : null,
        };

    private static readonly LocalDate LastSupportedDate = new(9999, 12, 31);

    private LocalDate PlusDays(LocalDate from, int days, int k, string paramName) =>
        Period.DaysBetween(from, LastSupportedDate) >= days ? from.PlusDays(days) : throw PastLastDate(from, k, paramName);

    private LocalDate PlusMonths(LocalDate from, int months, int k, string paramName) =>
        (LastSupportedDate.Year - from.Year) * 12 + LastSupportedDate.Month - from.Month >= months
            ? from.PlusMonths(months)
            : throw PastLastDate(from, k, paramName);

    private ArgumentOutOfRangeException PastLastDate(LocalDate from, int k, string paramName) =>
        new(
            paramName,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Due dates must not be after 9999-12-31, the last supported date; \"{this}\" (part {k + 1}) counted from {from:uuuu-MM-dd} is later."
            )
        );

    // Day D of the month that contains inMonth (only its year and month count), clamped to that month's last day.
    private LocalDate ClampedDay(LocalDate inMonth) =>
        new(inMonth.Year, inMonth.Month, Math.Min(Day, CalendarSystem.Iso.GetDaysInMonth(inMonth.Year, inMonth.Month)));

    /// <summary>The rule in words, for example "30 days after start", "day 15, 1 months after start", "10 days after go-live".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        Kind switch
        {
            DueRuleKind.DaysAfterStart => string.Create(CultureInfo.InvariantCulture, $"{Days} days after start"),
            DueRuleKind.DaysAfterEndOfStartMonth => string.Create(CultureInfo.InvariantCulture, $"{Days} days after end of start month"),
            DueRuleKind.MonthsAfterStart => string.Create(CultureInfo.InvariantCulture, $"{Months} months after start"),
            DueRuleKind.DayOfMonth => string.Create(CultureInfo.InvariantCulture, $"day {Day}, {Months} months after start month"),
            DueRuleKind.FixedDate => "on " + Date!.Value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            DueRuleKind.DaysThenDayOfFollowingMonth => string.Create(
                CultureInfo.InvariantCulture,
                $"{Days} days after start, then day {Day} of the following month"
            ),
            DueRuleKind.DaysThenEndOfMonth => string.Create(CultureInfo.InvariantCulture, $"{Days} days after start, then end of month"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{Days} days after {MilestoneName}"),
        };

    private const int MaxDays = 36_525;

    private static int CheckDays(int days, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(days))] string? name = null)
    {
        // 100 years: far past any payment term, and small enough that no day arithmetic on a due date can overflow.
        if (days is < 0 or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(name!, days, $"A number of days must be between 0 and {MaxDays}; it was {days}.");
        }
        return days;
    }

    private static int CheckDay(int day)
    {
        if (day is < 1 or > 31)
        {
            throw new ArgumentOutOfRangeException(
                nameof(day),
                day,
                $"A day of the month must be 1 to 31 (a day past the month's end is clamped to its last day); it was {day}."
            );
        }
        return day;
    }

    // 100 years, like MaxDays; with at most TermsLine.MaxInstalments monthly parts no month arithmetic can overflow.
    internal const int MaxMonths = 1_200;

    private static int CheckMonths(int months)
    {
        if (months is < 0 or > MaxMonths)
        {
            throw new ArgumentOutOfRangeException(
                nameof(months),
                months,
                $"A number of months must be between 0 and {MaxMonths}; it was {months}."
            );
        }
        return months;
    }
}
