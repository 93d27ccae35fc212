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
# Only the .NET 10 runtime is installed on CI: the net8.0 leg is published self-contained with the .NET 8 runtime pack
# from nuget.org and run from there, so it runs on a real .NET 8 (the version it reports is printed and checked).
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

# net10.0 runs on the installed .NET 10 runtime. net8.0 is published self-contained for this machine's runtime
# identifier, with the .NET 8 runtime pack (Microsoft.NETCore.App.Runtime.<rid> 8.0.x) restored from nuget.org, as the
# test projects run their net8.0 leg: it really runs on .NET 8, with no .NET 8 installed and no rolling forward.
# The program writes the runtime version (Environment.Version) to standard error; each leg must report its own major.
rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
echo "--- publish net8.0 self-contained for $rid (the .NET 8 runtime pack from nuget.org)"
dotnet publish Consumer.csproj -c Release -f net8.0 -r "$rid" --self-contained -p:DisableTransitiveFrameworkReferenceDownloads=true -o "$work/net8.0-$rid"
status=0
for framework in net10.0 net8.0; do
  echo "--- run on $framework"
  if [ "$framework" = net8.0 ]; then
    "$work/net8.0-$rid/Consumer" > "output.$framework.txt" 2> "runtime.$framework.txt"
  else
    dotnet run -c Release --no-build -f "$framework" > "output.$framework.txt" 2> "runtime.$framework.txt"
  fi
  runtime=$(sed -n 's/^runtime: //p' "runtime.$framework.txt")
  echo "$framework ran on .NET $runtime (Environment.Version)"
  case "$runtime" in
    "${framework#net}"*) ;;
    *) echo "$framework ran on .NET $runtime, not ${framework#net}"; status=1 ;;
  esac
  if diff -u "$repo/eng/consumer/expected.txt" "output.$framework.txt"; then
    echo "output on $framework: as expected ($(wc -l < "output.$framework.txt") lines)"
  else
    echo "output on $framework differs from eng/consumer/expected.txt (above)"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "consumer check: passed"
exit "$status"
