using System.Collections.Generic;
using SalesPipeline.Reporting;

namespace SalesPipeline.Quotes;

/// <summary>One group of <see cref="QuoteToWinReport"/>: the quoted deals of one rep, or of everyone.</summary>
/// <param name="Owner">The deals' owner, or null on the row of every quoted deal.</param>
/// <param name="Quoted">Deals with at least one quote that was sent.</param>
/// <param name="Won">Of those, the deals won.</param>
/// <param name="Lost">Of those, the deals lost.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record QuoteToWinRow(string? Owner, int Quoted, int Won, int Lost)
{
    /// <summary>Won / quoted (open and stopped deals count as not won yet); null when nothing was quoted.</summary>
    public decimal? Rate => Quoted == 0 ? null : (decimal)Won / Quoted;

    /// <summary>Won / (won + lost): the rate among decided quoted deals; null when none is decided.</summary>
    public decimal? DecidedRate => Won + Lost == 0 ? null : (decimal)Won / (Won + Lost);
}

/// <summary>Quote-to-win rate (<see cref="QuoteReports.QuoteToWin"/>): of the deals a quote was sent for, how many were won.</summary>
/// <param name="Rows">The row of every quoted deal first, then one row per owner in ordinal order.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record QuoteToWinReport(IReadOnlyList<QuoteToWinRow> Rows)
{
    private static readonly TableSchema<QuoteToWinRow> Schema = new TableSchema<QuoteToWinRow>("quote_to_win")
        .Text("owner", "The deals' owner; empty on the row of every quoted deal.", r => r.Owner)
        .Whole("quoted", "Deals with at least one sent quote.", r => r.Quoted)
        .Whole("won", "Of those, the deals won.", r => r.Won)
        .Whole("lost", "Of those, the deals lost.", r => r.Lost)
        .Exact("rate", "won / quoted; empty when quoted is 0.", r => r.Rate)
        .Exact("decided_rate", "won / (won + lost); empty when none is decided.", r => r.DecidedRate);

    /// <summary>The report as a table named <c>quote_to_win</c>.</summary>
    /// <returns>The table.</returns>
    public ReportTable ToTable() => Schema.Build(Rows);

    /// <summary>The columns and rows as invariant text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => QuoteReportText.Of("quote-to-win rate", ToTable());
}
