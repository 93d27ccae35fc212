namespace SalesPipeline.Reporting;

/// <summary>The type of a <see cref="ReportColumn"/>'s values, and so the CLR type a <see cref="ReportTable"/> cell holds.</summary>
/// <remarks>
/// Money is two columns, never one: its amount as <see cref="ExactNumber"/> and its ISO 4217 code as <see cref="Text"/> (named
/// <c>x</c> and <c>x_currency</c>), so that a CSV reader, pandas, polars or DuckDB sees an exact number beside its currency.
/// Durations are numbers of days (<see cref="RealNumber"/>, named <c>..._days</c>).
/// </remarks>
public enum ColumnType
{
    /// <summary>Text: a <see cref="string"/>.</summary>
    Text,

    /// <summary>A whole number: a <see cref="long"/>.</summary>
    WholeNumber,

    /// <summary>An exact decimal (amounts, shares computed exactly): a <see cref="decimal"/>.</summary>
    ExactNumber,

    /// <summary>A floating-point number (rates, days, statistics): a finite <see cref="double"/>.</summary>
    RealNumber,

    /// <summary>True or false: a <see cref="bool"/>.</summary>
    Boolean,

    /// <summary>A calendar date: a <see cref="NodaTime.LocalDate"/> in the ISO calendar.</summary>
    Date,

    /// <summary>A point in time: a <see cref="NodaTime.Instant"/>.</summary>
    Instant,
}
