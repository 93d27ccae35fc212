using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SalesPipeline.Csv.Writing;
using SalesPipeline.Deals;

namespace SalesPipeline.Csv;

public static partial class DealCsv
{
    /// <summary>
    /// Writes deals in the canonical format: deals.csv with each deal as it stands and, optionally, history.csv with one row
    /// per stage entered and per change of the amount, expected close date or owner, so that <see cref="Read"/> of the two
    /// files gives the deals back (docs/csv.md, "Writing deals").
    /// </summary>
    /// <param name="deals">The deals, in the order to write them; their ids are unique.</param>
    /// <param name="dealsDestination">Where deals.csv goes: written from its current position, flushed and left open.</param>
    /// <param name="historyDestination">Where history.csv goes, or null for none; flushed and left open.</param>
    /// <remarks>
    /// <para>The files are UTF-8 without a byte order mark, comma-separated with LF line ends, amounts and probabilities
    /// with every decimal they have, instants in UTC with every digit (<c>2025-03-13T13:36:13.5Z</c>), dates ISO; fields
    /// with a comma, a quote, a line break or white space at either end are quoted (RFC 4180).</para>
    /// <para>history.csv has, in each deal's event order, a row for each stage entry whose instant is known: the creation
    /// (or an imported deal's first observation, when its entry instant is known), each move, win, loss and reopening,
    /// with the stage left and who made the change; and a <c>changed</c> row for each <see cref="AmountChanged"/>,
    /// <see cref="ExpectedCloseChanged"/> and <see cref="OwnerReassigned"/>, with the values before and after it (an
    /// amount in another currency than the deal's current one after its code: <c>USD 10000</c>).</para>
    /// <para>Read takes changes from a deal's first stage row on, and not an amount or close date of a won or lost deal;
    /// a change it could not take where the deal had it is not written, nor is any earlier change of its field (so the
    /// rows written chain to the deal's value): a change before the first stage row or of a deal without stage rows (an
    /// imported deal first observed without its entry instant has no row for that observation), an amount or close-date
    /// change at the instant of a first row that closes the deal (not followed by a reopening at that instant), and a
    /// change to the value the field already had. From the read deal's first observation on, its amount, close date and
    /// owner are then the written deal's at every instant.</para>
    /// <para>The canonical format has no columns for the rest of a deal's history: exit-criterion answers, overrides,
    /// noted competitors, an override's source (read back as manual), the reasons of losses before the last; and an
    /// imported deal reads back as imported (its first event <see cref="DealImported"/>, not
    /// <see cref="DealCreated"/>).</para>
    /// <para>Rows are written as the deals are enumerated; if a deal is refused the destinations hold the rows before it.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, a deal or <paramref name="dealsDestination"/> is null ("Deal 3 is null.").</exception>
    /// <exception cref="ArgumentException">
    /// A destination cannot be written, or both are the same stream; or two deals have the same id.
    /// </exception>
    /// <exception cref="IOException">A stream cannot be written.</exception>
    /// <example>
    /// <code>
    /// using (var dealsFile = File.Create("deals.csv"))
    /// using (var historyFile = File.Create("history.csv"))
    /// {
    ///     DealCsv.Write(deals, dealsFile, historyFile);
    /// }
    /// // deals.csv:   D1,Acme,alice,1250.50,USD,qualified,open,2025-03-13T13:36:13Z,2025-06-30,,,,web,,,,,
    /// // history.csv: D1,2025-03-13T13:36:13Z,created,,prospecting,alice,,,
    /// //              D1,2025-03-20T09:00:00Z,changed,,,carol,amount,1000,1250.50
    /// //              D1,2025-04-02T10:00:00Z,moved,prospecting,qualified,carol,,,
    /// var again = DealCsv.ReadFiles(PipelineDefinition.Default, "deals.csv", "history.csv", asOf);
    /// </code>
    /// </example>
    public static void Write(IEnumerable<Deal> deals, Stream dealsDestination, Stream? historyDestination)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(dealsDestination);
        CheckWritable(dealsDestination, nameof(dealsDestination));
        if (historyDestination is not null)
        {
            CheckWritable(historyDestination, nameof(historyDestination));
            if (ReferenceEquals(historyDestination, dealsDestination))
            {
                throw new ArgumentException(
                    "The history goes to another stream than the deals: the two files have different columns.",
                    nameof(historyDestination)
                );
            }
        }
        using var writer = new DealWriter(dealsDestination, historyDestination);
        var seen = new Dictionary<DealId, long>();
        var index = 0L;
        foreach (var deal in deals)
        {
            if (deal is null)
            {
                throw new ArgumentNullException(nameof(deals), string.Create(CultureInfo.InvariantCulture, $"Deal {index} is null."));
            }
            if (!seen.TryAdd(deal.Id, index))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Deal ids are unique in deals.csv: deal {index} has id {deal.Id}, as deal {seen[deal.Id]} has."
                    ),
                    nameof(deals)
                );
            }
            writer.Write(deal);
            index++;
        }
        writer.Flush();
    }

    private static void CheckWritable(Stream stream, string paramName)
    {
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written (CanWrite is false).", paramName);
        }
    }
}
