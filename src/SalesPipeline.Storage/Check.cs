using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SalesPipeline.Storage;

// Argument checks of this package (Core's Preconditions is internal to Core): the parameter, the value and the rule.
internal static class Check
{
    public static T NotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class => argument ?? throw new ArgumentNullException(paramName);

    public static string NotBlank([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(argument, paramName);
        return string.IsNullOrWhiteSpace(argument)
            ? throw new ArgumentException($"The value must not be empty or whitespace; it was \"{argument}\".", paramName)
            : argument;
    }

    public static void Argument([DoesNotReturnIf(false)] bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    public static void Range<T>([DoesNotReturnIf(false)] bool condition, string paramName, T value, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(paramName, value, message);
        }
    }
}
