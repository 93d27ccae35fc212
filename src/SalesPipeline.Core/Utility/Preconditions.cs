using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

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
                throw new ArgumentNullException(paramName, $"{itemName} {i} is null.");
            }
            add(item);
            i++;
        }
    }
}
