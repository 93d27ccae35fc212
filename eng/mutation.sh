#!/usr/bin/env bash
# Mutation testing of one capability of SalesPipeline.Core with Stryker.NET (dotnet-stryker, in dotnet-tools.json).
# A whole-suite run takes hours on two cores, so each run mutates one folder and runs only the tests that cover it.
#
#   eng/mutation.sh Money          # the root value types (Money, Currency, ExchangeRates, ids)
#   eng/mutation.sh Collections    # src/SalesPipeline.Core/Collections/**
#   eng/mutation.sh Deals "FullyQualifiedName~SalesPipeline.Tests.Deals"   # another test filter than the default
#
# The default tests of a folder are those of its namespace plus the ones that exercise it from elsewhere (listed below:
# the reflection-driven argument checks in Consistency/, the pinned report texts in Results/); docs/quality.md records
# the scores these defaults give.
# The report goes to artifacts/mutation/<name>/ (HTML and JSON); the last lines print the score. docs/quality.md keeps
# the score per folder and explains the survivors that matter. Not part of CI (.ci/run): run it by hand, one folder at
# a time, on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: eng/mutation.sh <Money|folder under src/SalesPipeline.Core> [test filter]}"
if [ "$name" = "Money" ]; then
  # The root files by name ("*.cs" would match every folder): no file of a folder shares a name with them.
  mutate=()
  for f in src/SalesPipeline.Core/*.cs; do mutate+=("**/$(basename "$f")"); done
else
  [ -d "src/SalesPipeline.Core/$name" ] || { echo "no folder src/SalesPipeline.Core/$name" >&2; exit 2; }
  mutate=("$name/**/*.cs")
  tests="FullyQualifiedName~SalesPipeline.Tests.$name"
fi
ns="FullyQualifiedName~SalesPipeline.Tests"
case "$name" in
  Money) tests="$ns.Monetary|$ns.Deals|$ns.Leads|$ns.Consistency" ;;
  Deals) tests="$ns.Deals|$ns.Pipelines|$ns.Consistency" ;;
  Pipelines) tests="$ns.Pipelines|$ns.Deals" ;;
  Leads | Activities) tests="$ns.$name|$ns.Consistency" ;;
  Collections) tests="$ns.Collections|$ns.Results" ;;
  Calendars) tests="FullyQualifiedName~FiscalCalendar|FullyQualifiedName~BusinessCalendar|FullyQualifiedName~FiscalPeriod|$ns.Consistency" ;;
  Forecasting | Metrics | Health) tests="$ns.$name|$ns.Results|$ns.Consistency" ;;
  Utility) tests="$ns.Utility|$ns.Consistency|$ns.Pipelines|$ns.Organization" ;;
esac
tests="${2:-$tests}"
out="$PWD/artifacts/mutation/$name"
rm -rf "$out"
mkdir -p "$out"
dotnet tool restore >/dev/null
# Mutate globs are relative to the project under test; Stryker runs from the test project.
args=(--project SalesPipeline.Core.csproj --target-framework net10.0 --test-case-filter "$tests" --output "$out"
  --reporter html --reporter json --reporter progress ${STRYKER_CONCURRENCY:+--concurrency "$STRYKER_CONCURRENCY"})
for m in "${mutate[@]}"; do args+=(--mutate "$m"); done
(cd tests/SalesPipeline.Core.Tests && dotnet stryker "${args[@]}")
report=$(find "$out" -name "mutation-report.json" | sort | tail -1)
python3 - "$report" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
counts = {}
for f in r["files"].values():
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
survived = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
total = killed + survived
print("mutants:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
print(f"score: {100 * killed / total:.1f}% ({killed} of {total} killed or timed out)" if total else "score: no mutants")
PY
