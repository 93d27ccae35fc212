#!/usr/bin/python3
"""Runs pandas_metrics.py and the library's SideBySide program on the same gen_pipeline.py directory, interleaved
(pandas, ours, pandas, ours ...), takes each side's minimum per computation, checks that the results agree and prints
the table of issue 14 (computation | pandas | SalesPipeline | ratio), load time and peak memory of each side.

Usage: side_by_side.py DIR [--rounds R] [--reps N] [--warmup W] [--pandas PATH] [--no-build] [--json OUT]
  --rounds R: processes per side, alternating (default 3); --reps N / --warmup W: passed to both sides (default 3 / 1),
  so each figure is the minimum of R x N timed runs; --pandas: pandas_metrics.py (default ../shared/bench/pandas_metrics.py beside the repository);
  --no-build: use the SideBySide binary as built; --json OUT: write every run's output there.
Exit code 0 when every result agrees, 1 when any disagrees (the table is printed either way)."""
import json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


if len(sys.argv) < 2 or sys.argv[1].startswith("--"):
    sys.exit(__doc__)
data = sys.argv[1]
rounds, reps, warmup = int(option("--rounds", 3)), int(option("--reps", 3)), int(option("--warmup", 1))
# The shared bench folder sits beside the repository: <repo>/../shared/bench.
pandas_script = option("--pandas", os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "bench", "pandas_metrics.py")))
binary = os.path.join(HERE, "bin", "Release", "net10.0", "SideBySide")

if "--no-build" not in sys.argv:
    subprocess.run(["dotnet", "build", "-c", "Release", "--nologo", "-v", "q", HERE], check=True, stdout=subprocess.DEVNULL)


def run(command):
    """Runs one side; returns its JSON output with the process's peak resident set (wait4's ru_maxrss, KiB on Linux)
    and its wall time from start to exit (process start, load and every timed run)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{command[0]} exited with {process.returncode}")
    result = json.loads(out)
    result["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)
    result["wall_s"] = round(time.perf_counter() - start, 1)
    return result


sides = {"pandas": [], "ours": []}
for r in range(rounds):
    sides["pandas"].append(run([pandas_script, data, "--reps", str(reps), "--warmup", str(warmup)]))
    sides["ours"].append(run([binary, data, "--reps", str(reps), "--warmup", str(warmup)]))
    print(f"round {r + 1}/{rounds}: pandas {sides['pandas'][-1]['wall_s']} s, ours {sides['ours'][-1]['wall_s']} s", file=sys.stderr)
if "--json" in sys.argv:
    with open(option("--json", None), "w") as f:
        json.dump(sides, f, indent=1)


def best(side, name):
    return min(run["ms"][name] for run in sides[side])


# --- Do the results agree? Each side's results are the same in every run (both programs check it between their own
# runs; here, between processes), then compared across sides within the rounding both use: a value printed with d
# decimals may differ by one unit in the last place (pandas sums binary floats, the library exact decimals).
DECIMALS = {"weighted_by_month": 2, "win_rate": 6, "funnel_reached": 0, "median_days_in_stage": 4, "velocity_per_day": 2}
disagreements = []
for side, runs in sides.items():
    for run in runs[1:]:
        if run["results"] != runs[0]["results"]:
            disagreements.append(f"{side}: results differ between its own runs")


def compare(name, p, o, path):
    if isinstance(p, dict) or isinstance(o, dict):
        if not (isinstance(p, dict) and isinstance(o, dict)):
            disagreements.append(f"{path}: pandas {p!r}, SalesPipeline {o!r}")
            return
        for key in sorted(set(p) | set(o)):
            if key not in p or key not in o:
                disagreements.append(f"{path}[{key}]: only in {'pandas' if key in p else 'SalesPipeline'} ({p.get(key, o.get(key))})")
            else:
                compare(name, p[key], o[key], f"{path}[{key}]")
        return
    if not isinstance(p, (int, float)) or not isinstance(o, (int, float)):
        disagreements.append(f"{path}: pandas {p!r}, SalesPipeline {o!r}")
        return
    # Counts must be equal; a rounded figure may be one unit off in its last decimal (the factor absorbs the binary
    # representation of that unit).
    allowed = 10 ** -DECIMALS[name] if DECIMALS[name] > 0 else 0
    if abs(p - o) > allowed * 1.000001:
        disagreements.append(f"{path}: pandas {p}, SalesPipeline {o} (difference {o - p:.6g}, rounding allows {allowed:g})")


pandas_results, our_results = sides["pandas"][0]["results"], sides["ours"][0]["results"]
for name in DECIMALS:
    compare(name, pandas_results.get(name), our_results.get(name), name)
compare("weighted_by_month", pandas_results["weighted_by_month"], our_results["weighted_by_month_from_snapshot"], "weighted_by_month (from the snapshot)")
compare("weighted_by_month", pandas_results["weighted_by_month"], our_results["floor_weighted_loop"], "weighted_by_month (floor loop)")
compare("win_rate", pandas_results["win_rate"], our_results["floor_win_rate_loop"], "win_rate (floor loop)")


# --- The table.
def ms(value):
    return f"{value:,.0f} ms" if value >= 100 else f"{value:,.1f} ms" if value >= 1 else f"{value:.2f} ms"


def ratio(p, o):
    r = p / o
    return f"{r:.0f}x" if r >= 10 else f"{r:.1f}x" if r >= 1 else f"{r:.2f}x"


deals, events = sides["ours"][0]["rows"]["deals"], sides["ours"][0]["rows"]["events"]
print(f"\n{deals:,} deals, {events:,} events ({data}); minimum of {rounds} processes x {reps} runs per side, interleaved, {warmup} warm-up run(s) per process")
print(f"SalesPipeline ratio = pandas time / SalesPipeline time (above 1: the library is faster)\n")
print("| computation | pandas | SalesPipeline | ratio |")
print("|---|---:|---:|---:|")
rows = [
    ("stage-weighted forecast by month, from deals", "weighted_by_month", "weighted_by_month"),
    ("... from a `ForecastSnapshot`", "weighted_by_month", "weighted_by_month_from_snapshot"),
    ("win rate, overall and by owner", "win_rate", "win_rate"),
    ("funnel, reached per stage", "funnel_reached", "funnel_reached"),
    ("median days in stage", "median_days_in_stage", "median_days_in_stage"),
    ("sales velocity", "velocity_per_day", "velocity_per_day"),
]
for label, p, o in rows:
    print(f"| {label} | {ms(best('pandas', p))} | {ms(best('ours', o))} | {ratio(best('pandas', p), best('ours', o))} |")
load_p, load_o = min(r["load_ms"] for r in sides["pandas"]), min(r["load_ms"] for r in sides["ours"])
print(f"| load: CSV into data frames / into deals (`DealCsv.ReadFiles`) | {load_p / 1000:,.2f} s | {load_o / 1000:,.2f} s | {ratio(load_p, load_o)} |")
print(f"| (`ForecastSnapshot.Create` from the deals, once) | | {ms(best('ours', 'snapshot_create'))} | |")
first = min(r["first_call_ms"] for r in sides["ours"])
print(f"| (the first metric over the loaded list: builds the frame, once, then the forecast) | | {ms(first)} | |")
rss_p, rss_o = max(r["peak_rss_mb"] for r in sides["pandas"]), max(r["peak_rss_mb"] for r in sides["ours"])
heap = max(r["memory"]["heap_after_load_mb"] for r in sides["ours"])
print(f"| (floor: a plain loop over the deal objects, forecast by month / win rates) | | {ms(best('ours', 'floor_weighted_loop'))} / {ms(best('ours', 'floor_win_rate_loop'))} | |")
print(f"| peak memory (resident set of the process, largest run) | {rss_p:,.0f} MB | {rss_o:,.0f} MB | |")
print(f"| managed heap holding the loaded deals (after a full collection) | | {heap:,.0f} MB | |")

print("\nResults:", "all agree" if not disagreements else f"{len(disagreements)} disagreement(s)")
for d in disagreements:
    print("  DISAGREES:", d)
print("SalesPipeline notes:", json.dumps(sides["ours"][0]["notes"]))
print("SalesPipeline profile (allocated, GC pause and collections gen0/1/2; the load and each computation's last run, last process):")
for name, cost in sides["ours"][-1]["profile"].items():
    print(f"  {name}: {cost['allocated_mb']:,.1f} MB, GC {cost['gc_pause_ms']:,.1f} ms, {cost['gc_gen0_gen1_gen2']}")
sys.exit(1 if disagreements else 0)
