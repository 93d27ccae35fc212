using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SalesPipeline.Utility;

// One place for argument checks, so every message names the parameter, the value and the rule.
internal static class Preconditions
{
    internal static T CheckNotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }
        return argument;
    }

    internal static string CheckNotBlank([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new ArgumentException($"Value must not be empty or whitespace; it was \"{argument}\".", paramName);
        }
        return argument;
    }

    internal static decimal CheckProbability(decimal value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0m || value > 1m)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"A probability must be between 0 and 1 inclusive; it was {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}."
            );
        }
        return value;
    }

    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, string message)
    {
        if (!expression)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    internal static void CheckRange([DoesNotReturnIf(false)] bool expression, string paramName, object? actualValue, string message)
    {
        if (!expression)
        {
            throw new ArgumentOutOfRangeException(paramName, actualValue, message);
        }
    }

    // The check of a list's indexer. Unchecked: the project checks overflow, and a negative index must fail this check,
    // not throw OverflowException.
    internal static int CheckIndex(int index, int count) => CheckIndex(index, count, nameof(index));

    // The same check of an index parameter of another name (a row).
    internal static int CheckIndex(int index, int count, string paramName) =>
        unchecked((uint)index) < (uint)count
            ? index
            : throw new ArgumentOutOfRangeException(
                paramName,
                index,
                count == 0 ? "The list is empty, so no index is valid." : $"Index must be between 0 and {count - 1}."
            );

    // The Merge check of every accumulator: names each part of the set-up that differs. Options, organisations, exchange
    // rates and calendars compare by content; a pipeline definition by reference, because it is the one definition every
    // deal of the run is checked against (its stages, criteria and policies have no value equality): build it once and
    // give every partial accumulator the same instance.
    internal static void CheckSameSetup(string paramName, params ReadOnlySpan<(string Part, bool Same)> parts)
    {
        var differing = new System.Collections.Generic.List<string>();
        foreach (var (part, same) in parts)
        {
            if (!same)
            {
                differing.Add(part);
            }
        }
        if (differing.Count > 0)
        {
            throw new ArgumentException(
                $"Only accumulators set up alike can be merged; these two differ in {string.Join(" and ", differing)}. "
                    + "Options compare by content; a pipeline definition by reference (build it once and share it).",
                paramName
            );
        }
    }

    // The AddRange of every accumulator: adds the items in order and reports a null one by its position.
    internal static void AddEach<T>(
        [NotNull] IEnumerable<T?>? items,
        Action<T> add,
        string itemName,
        [CallerArgumentExpression(nameof(items))] string? paramName = null
    )
        where T : class
    {
        CheckNotNull(items, paramName);
        var i = 0;
        foreach (var item in items)
        {
            if (item is null)
            {
                throw NullElement(paramName, itemName, i);
            }
            add(item);
            i++;
        }
    }

    // A list argument read once, at the call: a copy with no null element (a caller's later change to their own list
    // changes nothing), or the position of the first null, so the caller can find it ("Deal 3 is null.").
    internal static T[] CheckNoNullElement<T>(
        [NotNull] IEnumerable<T?>? items,
        string itemName,
        [CallerArgumentExpression(nameof(items))] string? paramName = null
    )
        where T : class
    {
        CheckNotNull(items, paramName);
        var array = items.ToArray();
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] is null)
            {
                throw NullElement(paramName, itemName, i);
            }
        }
        return array!;
    }

    // A report that counts each record once refuses one given twice (two versions of one deal would count twice, or
    // conflict with itself), naming the id and both positions.
    internal static void CheckUniqueIds<T, TId>(T[] items, Func<T, TId> id, string itemName, string paramName)
        where TId : notnull
    {
        var seen = new Dictionary<TId, int>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            if (!seen.TryAdd(id(items[i]), i))
            {
                throw new ArgumentException(
                    $"{itemName} {id(items[i])} is given twice ({itemName.ToLowerInvariant()}s {seen[id(items[i])]} and {i}); each counts once.",
                    paramName
                );
            }
        }
    }

    // The same check for a sequence read lazily (the result is enumerated later, perhaps a million deals from storage):
    // a null element is reported, by position, when the enumeration reaches it.
    internal static IEnumerable<T> EachNotNull<T>(IEnumerable<T?> items, string itemName, string? paramName)
        where T : class
    {
        var i = 0;
        foreach (var item in items)
        {
            if (item is null)
            {
                throw NullElement(paramName, itemName, i);
            }
            yield return item;
            i++;
        }
    }

    internal static ArgumentNullException NullElement(string? paramName, string itemName, int index) =>
        new(paramName, string.Create(CultureInfo.InvariantCulture, $"{itemName} {index} is null."));

    // The supported dates: ISO calendar, 0001-01-01 to 9999-12-31 (the range of .NET's DateOnly, of the JSON and storage
    // formats, and the last ISO year NodaTime has). A date in another calendar cannot be compared with ISO dates, and
    // one before year 1 has no DateOnly day number, so both fail deep inside NodaTime or the runtime unless refused here.
    internal static LocalDate CheckDate(LocalDate date, [CallerArgumentExpression(nameof(date))] string? paramName = null)
    {
        // One exception type for both rules: a date in another calendar is outside the supported values as much as year -5.
        if (DateProblem(date) is { } problem)
        {
            throw new ArgumentOutOfRangeException(paramName, date, problem);
        }
        return date;
    }

    internal static LocalDate? CheckDate(LocalDate? date, [CallerArgumentExpression(nameof(date))] string? paramName = null) =>
        date is { } d ? CheckDate(d, paramName) : null;

    internal static DateInterval CheckDates(
        [NotNull] DateInterval? interval,
        [CallerArgumentExpression(nameof(interval))] string? paramName = null
    )
    {
        CheckNotNull(interval, paramName);
        CheckDate(interval.Start, paramName);
        CheckDate(interval.End, paramName);
        return interval;
    }

    // Why a date is outside the supported range, or null: for checks that report rather than throw (a stored history).
    internal static string? DateProblem(LocalDate date) =>
        date.Calendar != CalendarSystem.Iso
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"Dates must be in the ISO calendar; {date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} is in the {date.Calendar.Id} calendar."
            )
        : date.Year < 1
            ? $"Dates must be between 0001-01-01 and 9999-12-31; it was {date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}."
        : null;

    // The supported instants: the UTC days of the supported dates, 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z
    // (Instant.MaxValue; Instant.AfterMaxValue is a sentinel, not a time).
    internal static Instant CheckInstant(Instant instant, [CallerArgumentExpression(nameof(instant))] string? paramName = null)
    {
        if (InstantProblem(instant) is { } problem)
        {
            throw new ArgumentOutOfRangeException(paramName, instant, problem);
        }
        return instant;
    }

    internal static Instant? CheckInstant(Instant? instant, [CallerArgumentExpression(nameof(instant))] string? paramName = null) =>
        instant is { } i ? CheckInstant(i, paramName) : null;

    internal static string? InstantProblem(Instant instant) =>
        instant < FirstInstant || instant > Instant.MaxValue
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"Instants must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z; it was {instant}."
            )
            : null;

    private static readonly Instant FirstInstant = Instant.FromUtc(1, 1, 1, 0, 0);
}
