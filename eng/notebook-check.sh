#!/usr/bin/env bash
# The notebook check (issue 12): runs docs/notebooks/walkthrough.dib headless through `dotnet-interactive stdio` (the
# kernel of VS Code's Polyglot Notebooks) against the packages just packed, and fails on any cell error or on a cell
# whose text outputs no longer match docs/notebooks/walkthrough.expected.txt. The executed notebook (.ipynb, outputs
# and HTML included) is kept under ${SALESPIPELINE_ARTIFACTS:-TestResults}.
#
# usage: eng/notebook-check.sh [PACKAGES_DIR] [--update]
#   PACKAGES_DIR  the folder `dotnet pack` wrote to (default: artifacts, as in .ci/run)
#   --update      write the expected outputs from this run instead of comparing (then review the diff and commit it)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 DOTNET_INTERACTIVE_SKIP_FIRST_TIME_EXPERIENCE=1

packages="artifacts"
update=()
for arg in "$@"; do
  case "$arg" in
    --update) update=(--update) ;;
    *) packages="$arg" ;;
  esac
done
packages="$(cd "$packages" && pwd)"
out="${SALESPIPELINE_ARTIFACTS:-TestResults}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
notebook=docs/notebooks/walkthrough.dib
expected=docs/notebooks/walkthrough.expected.txt

# The family version: every package of the repository has the one version of Directory.Build.props.
version=$(dotnet msbuild src/SalesPipeline.Interactive/SalesPipeline.Interactive.csproj -getProperty:PackageVersion)
echo "notebook check: $notebook against $packages (version $version)"
for name in SalesPipeline.Core SalesPipeline.Csv SalesPipeline.Html SalesPipeline.Interactive; do
  [ -f "$packages/$name.$version.nupkg" ] || { echo "missing $packages/$name.$version.nupkg: pack first (dotnet pack -c Release -o $packages)"; exit 1; }
done

# The kernel in a folder of its own, and a fresh package folder: a package folder that already holds this version of a
# SalesPipeline package would serve that older copy instead of the one just packed (the same version is never
# re-extracted).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The notebook's data are the export of the embedded sample: written again, they must be the files checked in (a change
# to the sample needs `dotnet run docs/notebooks/export-sample.cs -- docs/notebooks/data` and a new expected output).
echo "--- checking docs/notebooks/data against a fresh export of the sample"
dotnet run docs/notebooks/export-sample.cs -- "$work/data"
diff -r docs/notebooks/data "$work/data" >/dev/null || {
  diff -r docs/notebooks/data "$work/data" | head -n 20
  echo "docs/notebooks/data is not the sample's export: run dotnet run docs/notebooks/export-sample.cs -- docs/notebooks/data"
  exit 1
}

echo "--- installing dotnet-interactive 1.0.712001 into $work/tools"
dotnet tool install Microsoft.dotnet-interactive --version 1.0.712001 --tool-path "$work/tools" >/dev/null

echo "--- running the notebook (package folder $work/packages)"
dotnet run eng/notebook-check.cs -- \
  --kernel "$work/tools/dotnet-interactive" \
  --notebook "$notebook" \
  --feed "$packages" \
  --version "$version" \
  --expected "$expected" \
  --executed "$out/notebook-walkthrough.ipynb" \
  --package-folder "$work/packages" \
  "${update[@]}"

# The kernel restores from the #i folder and nuget.org without package source mapping, so a SalesPipeline.* of the same
# version on nuget.org could be taken instead of the one just packed: check that each came from $packages (as
# eng/consumer-check.sh does).
echo "--- checking where the kernel restored SalesPipeline.* from"
found=0
for restored in "$work/packages"/salespipeline.*; do
  [ -d "$restored" ] || continue
  found=$((found + 1))
  [ -f "$restored/$version/.nupkg.metadata" ] && grep -Eq "\"source\": \"$packages/?\"" "$restored/$version/.nupkg.metadata" \
    || { echo "$(basename "$restored") $version did not come from $packages:"; cat "$restored/$version/.nupkg.metadata" 2>/dev/null || ls "$restored"; exit 1; }
done
[ "$found" -ge 4 ] || { echo "expected at least 4 SalesPipeline packages in $work/packages, found $found"; exit 1; }
echo "restored from $packages: $(cd "$work/packages" && ls -d salespipeline.* | tr '\n' ' ')"
