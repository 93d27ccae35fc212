using System;
using SalesPipeline.Utility;

namespace SalesPipeline.Activities;

/// <summary>
/// How an activity ended, as a short code for outcome reports ("did the cold call connect?"): one of the common ones
/// (<see cref="Completed"/>, <see cref="Connected"/>, <see cref="NoAnswer"/>, <see cref="LeftMessage"/>,
/// <see cref="NoShow"/>, <see cref="Cancelled"/>) or your own.
/// </summary>
/// <remarks>An immutable value; equality is ordinal on the code. Thread-safe.</remarks>
public sealed record ActivityOutcome
{
    /// <summary>Creates an outcome.</summary>
    /// <param name="code">A short code, for example "connected" or "sent-proposal"; surrounding whitespace is removed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty or whitespace.</exception>
    public ActivityOutcome(string code) => Code = Preconditions.CheckNotBlank(code).Trim();

    /// <summary>The code.</summary>
    public string Code { get; }

    /// <summary>The activity took place as planned (a meeting held, an email sent).</summary>
    public static ActivityOutcome Completed { get; } = new("completed");

    /// <summary>A call reached the person.</summary>
    public static ActivityOutcome Connected { get; } = new("connected");

    /// <summary>A call was not answered.</summary>
    public static ActivityOutcome NoAnswer { get; } = new("no-answer");

    /// <summary>A call went to voicemail, or a message was left.</summary>
    public static ActivityOutcome LeftMessage { get; } = new("left-message");

    /// <summary>The customer did not attend a meeting or demo.</summary>
    public static ActivityOutcome NoShow { get; } = new("no-show");

    /// <summary>The activity was cancelled.</summary>
    public static ActivityOutcome Cancelled { get; } = new("cancelled");

    /// <summary>The code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;
}
