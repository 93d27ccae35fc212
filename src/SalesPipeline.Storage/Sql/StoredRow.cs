namespace SalesPipeline.Storage.Sql;

// One row of the events table of a known stream, before its data is read back.
internal readonly record struct StoredRow(long Version, long Position, string Data);
