#!/usr/bin/env python3
"""Regenerate PublicAPI.Unshipped.txt (per TFM) from the analyzer's own RS0016/RS0017 diagnostics.

usage: regen-publicapi.py path/to/Project.csproj [-c Release]
Layout: <projdir>/PublicAPI/<tfm>/PublicAPI.{Shipped,Unshipped}.txt (or <projdir>/PublicAPI.*.txt
for a single-target project). Shipped is never edited; Unshipped becomes
  #nullable enable + (public API not in Shipped) + *REMOVED*(Shipped entries that no longer exist).
"""
import argparse, os, pathlib, re, subprocess, sys

HEADER = "#nullable enable"
DIAG = re.compile(
    r"(?:warning|error) (RS0016|RS0017): Symbol '(.*)' is (?:not part of the declared public API"
    r"|part of the declared API, but is either not public or could not be found)"
    r".*\[(?P<proj>[^\]]+?)(?:::TargetFramework=(?P<tfm>[^\]]+))?\]\s*$")

def dotnet(*args, capture=False):
    env = dict(os.environ, DOTNET_CLI_UI_LANGUAGE="en")   # the diagnostics we parse are localized
    r = subprocess.run(["dotnet", *args], text=True, capture_output=capture, env=env)
    return r

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("project")
    ap.add_argument("-c", "--configuration", default="Release")
    a = ap.parse_args()
    proj = pathlib.Path(a.project).resolve()
    pdir = proj.parent
    tfms = dotnet("msbuild", str(proj), "-getProperty:TargetFrameworks", capture=True).stdout.strip()
    tfms = [t for t in tfms.split(";") if t]
    if not tfms and (pdir / "PublicAPI").is_dir():
        # A single-target project (the sales-pipeline tool) keeps the same PublicAPI/<tfm>/ layout the build reads.
        single = dotnet("msbuild", str(proj), "-getProperty:TargetFramework", capture=True).stdout.strip()
        tfms = [single] if single else []
    per_tfm = bool(tfms) and (pdir / "PublicAPI").is_dir()
    dirs = {t: pdir / "PublicAPI" / t for t in tfms} if per_tfm else {None: pdir}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
        shipped = d / "PublicAPI.Shipped.txt"
        if not shipped.exists():
            shipped.write_text(HEADER + "\n")
        (d / "PublicAPI.Unshipped.txt").write_text(HEADER + "\n")   # reset: everything new shows up as RS0016
    # Full (non-incremental) compile so every diagnostic is reported; warnings stay warnings here.
    r = dotnet("build", str(proj), "-c", a.configuration, "--no-incremental", "-nologo", "-clp:NoSummary",
               "-p:TreatWarningsAsErrors=false", "-p:MSBuildTreatWarningsAsErrors=false", capture=True)
    added, removed = {k: set() for k in dirs}, {k: set() for k in dirs}
    for line in r.stdout.splitlines():
        m = DIAG.search(line)
        if not m or pathlib.Path(m["proj"]).resolve() != proj:
            continue
        key = (m["tfm"] or (tfms[0] if len(tfms) == 1 else None)) if per_tfm else None
        (added if m[1] == "RS0016" else removed)[key].add(m[2])
    if r.returncode != 0:
        sys.stdout.write(r.stdout)
        sys.exit("build failed for reasons other than RS0016/RS0017 (see above)")
    order = lambda s: (s.upper(), s)   # ~ the code fix's IgnoreCaseWhenPossibleComparer
    for key, d in dirs.items():
        lines = sorted(added[key], key=order) + ["*REMOVED*" + s for s in sorted(removed[key], key=order)]
        (d / "PublicAPI.Unshipped.txt").write_text("\n".join([HEADER, *lines]) + "\n")
        print(f"{d.relative_to(pdir)}/PublicAPI.Unshipped.txt: +{len(added[key])} -{len(removed[key])}")
    # Verify with the repo's own settings (warnings as errors). RS0026/RS0027 (optional-parameter overloads),
    # RS0041 (oblivious types), RS0036/RS0037 (nullability in Shipped) need a source or Shipped edit, not a regen.
    v = dotnet("build", str(proj), "-c", a.configuration, "-nologo", "-clp:NoSummary", capture=True)
    left = sorted({l.strip() for l in v.stdout.splitlines() if re.search(r"(warning|error) [A-Z]+\d+:", l)})
    print("\n".join(left) or "verify build: clean")
    sys.exit(v.returncode)

if __name__ == "__main__":
    main()
