using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SalesPipeline.Cli.Input;
using SalesPipeline.Cli.Reports;
using SalesPipeline.Reporting;

namespace SalesPipeline.Cli.Output;

/// <summary>
/// The <c>--json</c> document: the data's source, as-of date, zone and currency, then every table of every section, each
/// an array of row objects keyed by the table's column names (docs/export.md): numbers as JSON numbers (decimals with
/// every digit), dates as <c>"2026-03-31"</c>, instants as <c>"2026-03-10T12:00:00Z"</c>, no value as <c>null</c>.
/// </summary>
internal static class JsonReport
{
    /// <summary>Writes the document to <paramref name="writer"/>, indented, with a final line break.</summary>
    public static void Write(TextWriter writer, Dataset data, ReportResults results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("source", data.Source);
            json.WriteString("as_of", LocalDatePattern.Iso.Format(data.AsOf));
            json.WriteString("zone", data.Zone.Id);
            json.WriteString("currency", data.Currency.Code);
            json.WriteStartObject("sections");
            foreach (var section in results.Sections)
            {
                json.WriteStartArray(section.Title);
                foreach (var table in section.Tables.Distinct())
                {
                    json.WriteStringValue(table.Name);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteStartObject("tables");
            foreach (var table in results.Sections.SelectMany(s => s.Tables).Distinct())
            {
                WriteTable(json, table);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTable(Utf8JsonWriter json, ReportTable table)
    {
        json.WriteStartArray(table.Name);
        for (var r = 0; r < table.RowCount; r++)
        {
            json.WriteStartObject();
            for (var c = 0; c < table.Columns.Count; c++)
            {
                json.WritePropertyName(table.Columns[c].Name);
                switch (table[r, c])
                {
                    case null:
                        json.WriteNullValue();
                        break;
                    case string text:
                        json.WriteStringValue(text);
                        break;
                    case long whole:
                        json.WriteNumberValue(whole);
                        break;
                    case decimal exact:
                        json.WriteNumberValue(exact);
                        break;
                    case double real:
                        json.WriteNumberValue(real);
                        break;
                    case bool flag:
                        json.WriteBooleanValue(flag);
                        break;
                    case LocalDate date:
                        json.WriteStringValue(LocalDatePattern.Iso.Format(date));
                        break;
                    case Instant instant:
                        json.WriteStringValue(InstantPattern.ExtendedIso.Format(instant));
                        break;
                    default:
                        throw new InvalidOperationException($"Table {table.Name} holds a cell of an unknown type.");
                }
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
