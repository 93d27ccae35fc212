using NodaTime;

namespace SalesPipeline.Metrics;

// How a stint ended. Open: the deal is still in the stage. Moved: a stage move took it to Next. Won, Lost: it was closed
// from the stage (Next is the stage it was later reopened into, or -1 while the close stands). Skipped: not a real stay
// but a pass: a forward jump (a move, a reopen, or a creation in a later stage) went over the stage at Entered.
// Stopped: the deal was stopped in the stage (Next is the stage it was resumed into, or -1 while it stays stopped); a
// deal lost while stopped turns its stopped stint into a Lost one, still ending at the stop (paused time is no stay).
internal enum StintExit : byte
{
    Open = 0,
    Moved = 1,
    Won = 2,
    Lost = 3,
    Skipped = 4,
    Stopped = 5,
}

// One continuous stay of a deal in an open stage: stage index (position among the pipeline's open stages), when it
// entered, when it left (meaningless while Exit is Open), how it left, and the open stage it went to next (-1 if none).
// Truncated: the first stay of an imported deal that was only seen in the stage at Entered, not seen entering it, so
// its true length is unknown (longer than Left - Entered).
internal readonly record struct Stint(int Stage, Instant Entered, Instant Left, StintExit Exit, int Next, bool Truncated = false)
{
    public bool IsOpen => Exit == StintExit.Open;

    public bool IsSkipped => Exit == StintExit.Skipped;
}
