#!/usr/bin/env bash
# The sales-pipeline tool as a user gets it: installs SalesPipeline.Cli from the packed artifacts into a fresh temporary
# tool path (and a fresh package folder, so a re-pack of the same version is never served stale from the cache), runs
# it, and checks its exit codes and that the report has its sections.
# usage: eng/tool-check.sh [artifacts folder, default ./artifacts]
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
artifacts="$(cd "${1:-artifacts}" && pwd)"
version=$(dotnet msbuild src/SalesPipeline.Cli/SalesPipeline.Cli.csproj -getProperty:PackageVersion)
package="$artifacts/SalesPipeline.Cli.$version.nupkg"
echo "tool-check: $package"
[ -f "$package" ] || { echo "tool-check: $package is missing (run dotnet pack first)"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUGET_PACKAGES="$tmp/packages"
dotnet tool install SalesPipeline.Cli --version "$version" --tool-path "$tmp/tools" --add-source "$artifacts"
tool="$tmp/tools/sales-pipeline"
cd "$tmp"

fail() { echo "tool-check: FAILED: $*"; exit 1; }

# expect CODE OUTFILE ARGS...: runs the tool, checks its exit code, keeps standard output and error in OUTFILE.
expect() {
  local want=$1 out=$2; shift 2
  local code=0
  "$tool" "$@" >"$out" 2>&1 || code=$?
  [ "$code" -eq "$want" ] || { cat "$out"; fail "sales-pipeline $* exited with $code, expected $want"; }
  echo "tool-check: sales-pipeline $* -> exit $code (expected $want)"
}

expect 0 help.txt --help
grep -q "sales-pipeline \[command\] \[options\]" help.txt || fail "--help has no usage line"
for command in report forecast funnel health collections import; do
  grep -q "^  $command " help.txt || fail "--help does not list $command"
  expect 0 "help-$command.txt" "$command" --help
done

start=$(date +%s%N)
expect 0 report.txt report --html report.html
milliseconds=$(( ($(date +%s%N) - start) / 1000000 ))
for title in "Pipeline by stage" "Forecast" "Revenue distribution" "Win rate" "Funnel" "Sales cycle" "Sales velocity" \
  "Pipeline health" "Attainment" "Receivables aging" "Cash forecast"; do
  grep -q -- "── $title " report.txt || fail "the report has no section \"$title\""
done
grep -q "<svg" report.html || fail "report.html has no chart"
echo "tool-check: report on the embedded sample: $(wc -l <report.txt) lines in ${milliseconds} ms, report.html $(wc -c <report.html) bytes"

expect 0 report.json report --json
grep -q '"stage_weighted_forecast"' report.json || fail "--json has no stage_weighted_forecast"
expect 2 usage.txt reprot
expect 2 usage.txt report --deals missing.csv
expect 1 bad.txt report --deals "$repo/tests/SalesPipeline.Cli.Tests/Data/Canonical/bad-deals.csv"
grep -q "line 3" bad.txt || fail "the bad rows are not reported by line"
echo "tool-check: ok"
