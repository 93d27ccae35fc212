#!/usr/bin/env bash
# The NuGet consumer check (issue 12, docs/packages.md): the packages just packed, as a team consuming them from NuGet
# gets them.
#   1. eng/package-check.cs opens every .nupkg of the artifacts folder: README, XML docs, symbols, one version for the
#      family and for the dependencies inside it, package validation asked for by every packable project.
#   2. eng/consumer/ (a console program and its project) is copied to a fresh temporary folder outside the repository,
#      with a NuGet.config that takes SalesPipeline.* from the artifacts folder only and everything else from nuget.org,
#      and a fresh NUGET_PACKAGES folder: a package re-packed with the same version is otherwise served stale from
#      ~/.nuget/packages. It references the packages by version, restores, builds both target frameworks (net8.0 and
#      net10.0) with warnings as errors, runs each, and compares the whole output with eng/consumer/expected.txt.
# Only the .NET 10 runtime is installed on CI: the net8.0 build runs rolled forward onto it (DOTNET_ROLL_FORWARD=Major);
# it is still compiled against net8.0's reference assemblies and restores the packages' lib/net8.0.
# usage: eng/consumer-check.sh [artifacts folder]   (default: artifacts/ at the repository root)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
artifacts="$(cd "${1:-$repo/artifacts}" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "--- the packages in $artifacts"
dotnet run "$repo/eng/package-check.cs" -- "$artifacts" "$repo/src"

package=$(cd "$artifacts" && ls SalesPipeline.DependencyInjection.[0-9]*.nupkg)
version=${package#SalesPipeline.DependencyInjection.}
version=${version%.nupkg}
echo "--- a console program consuming SalesPipeline $version from $artifacts"

work=$(mktemp -d "${TMPDIR:-/tmp}/salespipeline-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT
case "$work/" in "$repo"/*) echo "the consumer folder $work is inside the repository"; exit 1 ;; esac
cp "$repo/eng/consumer/Program.cs" "$repo/eng/consumer/Consumer.csproj" "$work/"
sed -i "s/SALESPIPELINE_VERSION/$version/g" "$work/Consumer.csproj"
cat > "$work/NuGet.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="artifacts" value="$artifacts" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="artifacts"><package pattern="SalesPipeline.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG
export NUGET_PACKAGES="$work/packages"
cd "$work"
grep -o '<PackageReference [^>]*>' Consumer.csproj
dotnet restore Consumer.csproj
dotnet build Consumer.csproj -c Release --no-restore
# What restore took: SalesPipeline.* from the artifacts folder, at the version packed.
for restored in "$NUGET_PACKAGES"/salespipeline.*; do
  [ -d "$restored/$version" ] || { echo "$(basename "$restored") was not restored at $version"; exit 1; }
  [ -f "$restored/$version/.nupkg.metadata" ] && grep -Eq "\"source\": \"$artifacts/?\"" "$restored/$version/.nupkg.metadata" \
    || { echo "$(basename "$restored") $version did not come from $artifacts"; exit 1; }
done
echo "restored from $artifacts: $(cd "$NUGET_PACKAGES" && ls -d salespipeline.* | tr '\n' ' ')"

status=0
for framework in net10.0 net8.0; do
  if [ "$framework" = net8.0 ] && ! dotnet --list-runtimes | grep -q '^Microsoft.NETCore.App 8\.'; then
    echo "--- run on $framework (no .NET 8 runtime here: rolled forward with DOTNET_ROLL_FORWARD=Major onto $(dotnet --list-runtimes | grep '^Microsoft.NETCore.App' | tail -n 1 | cut -d' ' -f2))"
    DOTNET_ROLL_FORWARD=Major dotnet run -c Release --no-build -f "$framework" > "output.$framework.txt"
  else
    echo "--- run on $framework"
    dotnet run -c Release --no-build -f "$framework" > "output.$framework.txt"
  fi
  if diff -u "$repo/eng/consumer/expected.txt" "output.$framework.txt"; then
    echo "output on $framework: as expected ($(wc -l < "output.$framework.txt") lines)"
  else
    echo "output on $framework differs from eng/consumer/expected.txt (above)"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "consumer check: passed"
exit "$status"
