using System;
using System.Data.Common;
using System.Globalization;
using NodaTime;
using SalesPipeline.Deals;

namespace SalesPipeline.Storage.Sql;

// Parameters and the current-state row of deals, shared by every statement of the store.
internal sealed class Statements(SqlDialect sql)
{
    public const string DealColumns =
        "d.deal_id, d.version, d.pipeline, d.name, d.owner, d.status, d.stage_id, d.amount, d.currency, d.expected_close, d.team, d.customer_id, d.customer_name";

    // The current-state rows of deals, inserted or replaced: InsertDeals, the VALUES tuples, then UpsertDealConflict.
    public string InsertDeals { get; } =
        $"INSERT INTO {sql.Table("deals")} (deal_id, version, pipeline, name, owner, status, stage_id, amount, currency, expected_close, team, customer_id, customer_name) VALUES ";

    public const string UpsertDealConflict =
        " ON CONFLICT (deal_id) DO UPDATE SET version = excluded.version, pipeline = excluded.pipeline, name = excluded.name,"
        + " owner = excluded.owner, status = excluded.status, stage_id = excluded.stage_id, amount = excluded.amount,"
        + " currency = excluded.currency, expected_close = excluded.expected_close, team = excluded.team,"
        + " customer_id = excluded.customer_id, customer_name = excluded.customer_name";

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    // A deal's current-state row, in the column order of InsertDeals.
    public static object[] DealValues(DealSummary row) =>
        [
            row.Id.Value,
            row.Version,
            row.Pipeline,
            row.Name,
            row.Owner ?? (object)DBNull.Value,
            StatusText(row.Status),
            row.StageId,
            row.Amount.Amount.ToString(CultureInfo.InvariantCulture),
            row.Amount.Currency.Code,
            DateKey(row.ExpectedClose),
            row.Team ?? (object)DBNull.Value,
            row.Customer?.AccountId ?? (object)DBNull.Value,
            row.Customer?.Name ?? (object)DBNull.Value,
        ];

    public static DealSummary ReadDeal(DbDataReader reader, int start)
    {
        var id = reader.GetString(start);
        var version = reader.GetInt64(start + 1);
        try
        {
            return new DealSummary(
                new DealId(id),
                version,
                reader.GetString(start + 2),
                reader.GetString(start + 3),
                NullableText(reader, start + 4),
                StatusFromText(reader.GetString(start + 5)),
                reader.GetString(start + 6),
                Money.Of(
                    decimal.Parse(
                        reader.GetString(start + 7),
                        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                        CultureInfo.InvariantCulture
                    ),
                    Currency.FromCode(reader.GetString(start + 8))
                ),
                DateFromKey(reader.GetInt32(start + 9)),
                NullableText(reader, start + 10),
                CustomerOf(NullableText(reader, start + 11), NullableText(reader, start + 12))
            );
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            throw new StoredEventException(
                StreamId.Of(Storage.StreamKind.Deal, id),
                version,
                null,
                "its current-state row holds " + e.Message,
                e
            );
        }
    }

    private static string? NullableText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    // Both parts or neither: a row with one of them was not written by this package.
    private static Customer? CustomerOf(string? accountId, string? name) =>
        (accountId, name) switch
        {
            (null, null) => null,
            ({ } id, { } n) => new Customer(id, n),
            _ => throw new ArgumentException("a customer with only one of its account id and name."),
        };

    public static string StatusText(DealStatus status) =>
        status switch
        {
            DealStatus.Open => "open",
            DealStatus.Won => "won",
            DealStatus.Lost => "lost",
            DealStatus.Stopped => "stopped",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown deal status."),
        };

    private static DealStatus StatusFromText(string text) =>
        text switch
        {
            "open" => DealStatus.Open,
            "won" => DealStatus.Won,
            "lost" => DealStatus.Lost,
            "stopped" => DealStatus.Stopped,
            _ => throw new ArgumentException($"the status \"{text}\", which is not open, won, lost or stopped."),
        };

    // A date as the integer yyyymmdd (20261215): ordered like the dates (also for years before 1), exact, readable in SQL.
    public static int DateKey(LocalDate date) => (date.Year * 10_000) + (date.Month * 100) + date.Day;

    internal static LocalDate DateFromKey(int key)
    {
        var year = (int)Math.Floor(key / 10_000d);
        var rest = key - (year * 10_000);
        return new LocalDate(year, rest / 100, rest % 100);
    }
}
