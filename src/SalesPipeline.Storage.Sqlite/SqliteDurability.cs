namespace SalesPipeline.Storage.Sqlite;

/// <summary>What a committed append of a <see cref="SqliteEventStore"/> survives: SQLite's <c>synchronous</c> setting in WAL mode.</summary>
public enum SqliteDurability
{
    /// <summary>
    /// Every commit waits for the disk (<c>PRAGMA synchronous = FULL</c>): a committed append survives a crash of the
    /// process and a loss of power. The default.
    /// </summary>
    PowerLoss = 0,

    /// <summary>
    /// Commits do not wait for the disk (<c>PRAGMA synchronous = NORMAL</c>): a committed append survives a crash or kill
    /// of the process; a loss of power may undo the latest commits (whole appends, never part of one), never corrupt the
    /// file. Commits are several times faster.
    /// </summary>
    ProcessCrash = 1,
}
