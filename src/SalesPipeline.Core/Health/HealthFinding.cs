using System.Globalization;

namespace SalesPipeline.Health;

/// <summary>
/// One warning sign: what kind, what it is about (a deal, a lead, a stage or the whole pipeline), the measured value,
/// the threshold it crossed, and a plain-words sentence with the numbers, for example
/// "No touch for 23 days (limit 14 days).".
/// </summary>
/// <remarks>
/// <para>Every finding's <see cref="Measured"/> value is strictly above its <see cref="Threshold"/>, except
/// <see cref="FindingKind.LowCoverage"/>, whose measured coverage is strictly below the required coverage.</para>
/// <para>The sentence rounds the measured value away from the threshold (days up to a tenth, coverage down to a
/// hundredth), so it never shows a value that looks equal to its limit; <see cref="Measured"/> is exact.</para>
/// <para>An immutable value with value equality; thread-safe.</para>
/// </remarks>
public sealed record HealthFinding
{
    private readonly string? text;

    internal HealthFinding(
        FindingKind kind,
        HealthSubject subject,
        decimal measured,
        decimal threshold,
        HealthUnit unit,
        DealId? deal = null,
        LeadId? lead = null,
        string? stageId = null,
        string? owner = null,
        string? text = null
    )
    {
        Kind = kind;
        Subject = subject;
        Measured = measured;
        Threshold = threshold;
        Unit = unit;
        Deal = deal;
        Lead = lead;
        StageId = stageId;
        Owner = owner;
        this.text = text;
    }

    /// <summary>The kind of warning sign.</summary>
    public FindingKind Kind { get; }

    /// <summary>Whether it is about a deal, a lead, a stage or the pipeline.</summary>
    public HealthSubject Subject { get; }

    /// <summary>The deal it is about, or null.</summary>
    public DealId? Deal { get; }

    /// <summary>The lead it is about, or null.</summary>
    public LeadId? Lead { get; }

    /// <summary>The stage it is about (a stage finding), or the stage the deal is in (a deal finding); otherwise null.</summary>
    public string? StageId { get; }

    /// <summary>The owner of the deal or lead it is about; null for stage and pipeline findings.</summary>
    public string? Owner { get; }

    /// <summary>The measured value, exact, in <see cref="Unit"/>.</summary>
    public decimal Measured { get; }

    /// <summary>The threshold from the policy (or the required coverage), in <see cref="Unit"/>.</summary>
    public decimal Threshold { get; }

    /// <summary>The unit of <see cref="Measured"/> and <see cref="Threshold"/>.</summary>
    public HealthUnit Unit { get; }

    /// <summary>The finding in plain words, with its numbers.</summary>
    public string Message => text ?? Describe();

    /// <summary>"D-7: No touch for 23 days (limit 14 days).", or the stage or lead id, or "pipeline".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Subject switch
            {
                HealthSubject.Deal => Deal!.Value.Value,
                HealthSubject.Lead => Lead!.Value.Value,
                HealthSubject.Stage => "stage " + StageId,
                _ => "pipeline",
            }}: {Message}"
        );

    // Deal findings are built by the million, so their sentences are made when read, from the fields.
    private string Describe() =>
        Kind switch
        {
            FindingKind.Stale => $"No touch for {HealthText.DaysUp(Measured)} (limit {HealthText.DaysLimit(Threshold)}).",
            FindingKind.Rotting => $"In stage {StageId} for {HealthText.DaysUp(Measured)} (limit {HealthText.DaysLimit(Threshold)}).",
            FindingKind.PastExpectedClose =>
                $"Expected close date passed {HealthText.DaysUp(Measured)} ago (grace {HealthText.DaysLimit(Threshold)}).",
            FindingKind.OlderThanTypicalCycle =>
                $"Open for {HealthText.DaysUp(Measured)}, longer than the typical won cycle of {HealthText.DaysLimit(Threshold)}.",
            FindingKind.CloseDatePushed => $"Close date pushed out {HealthText.Times(Measured)} (limit {HealthText.Number(Threshold)}).",
            _ => $"{Kind}: {HealthText.Number(Measured)} against {HealthText.Number(Threshold)} ({Unit}).",
        };
}
