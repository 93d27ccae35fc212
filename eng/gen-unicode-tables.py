#!/usr/bin/env python3
"""Generate src/SalesPipeline.Core/Utility/UnicodeTables.g.cs: the Unicode data the look-alike checks of ids and names
need (docs/pipelines-and-deals.md, "Names and ids that look alike").

usage: eng/gen-unicode-tables.py [UCD_DIR] > src/SalesPipeline.Core/Utility/UnicodeTables.g.cs
       eng/gen-unicode-tables.py --samples [UCD_DIR] > tests/SalesPipeline.Core.Tests/Utility/UnicodeSamples.g.cs

Needs `apt-get install unicode-data` (or the UCD files in UCD_DIR) and libicu72 (installed with .NET on Debian 12);
checks that both are of one Unicode version, and that its decomposition tables give ICU's NFD and NFKD of every code point.

--samples writes the tests' oracle instead: lines of NormalizationTest.txt (NFD and NFKD), and strings with the skeleton
and the NFKC_Casefold that ICU itself computes (uspoof_getSkeleton, unorm2 "nfkc_cf"), to hold Core's own
implementation over its tables to an independent one.

Sources, all Unicode 15.0.0 (Unicode License v3, https://www.unicode.org/license.txt), from Debian packages:
- UCD_DIR (default /usr/share/unicode, Debian package unicode-data 15.0.0): UnicodeData.txt, Scripts.txt,
  ScriptExtensions.txt, PropertyValueAliases.txt, CaseFolding.txt, DerivedCoreProperties.txt.
- The UTS #39 confusables mapping (confusables.txt of Unicode 15.0.0) as compiled into ICU 72 (Debian libicu72, the ICU
  .NET itself uses on Linux): ICU's uspoof_getSkeleton of a single code point that NFD leaves alone is that code
  point's prototype in NFD, which is all the skeleton algorithm needs (it maps the NFD of a string code point by code
  point and applies NFD again).
Only what the checks reach is kept: they take skeletons of NFKC text (whose NFD is NFKD) and case-fold NFKC text, so
code points that NFKD (for the confusables) or NFKC (for the folding) changes are left out.

Output format (parsed by UnicodeTables.cs): whitespace-separated tokens of hex numbers.
  S>T1.T2      code point S maps to the sequence T1 T2 ...
  S*N/P>T      the N code points S, S+P, S+2P, ... map to T, T+P, T+2P, ... (one code point each)
  S:I          the script set with index I applies from code point S up to the next token's code point
  S-E          the range S..E (inclusive)
"""
import ctypes, os, re, sys

SAMPLES = "--samples" in sys.argv[1:]
ARGS = [a for a in sys.argv[1:] if a != "--samples"]
UCD = ARGS[0] if ARGS else "/usr/share/unicode"
ICU_VERSION = 72


def lines(name):
    with open(os.path.join(UCD, name), encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            if line:
                yield [field.strip() for field in line.split(";")]


def code_range(text):
    a, _, b = text.partition("..")
    return int(a, 16), int(b or a, 16)


def unicode_version():
    """The version every file names in its first line ("# Scripts-15.0.0.txt"); they must agree."""
    found = set()
    for name in ("Scripts.txt", "ScriptExtensions.txt", "PropertyValueAliases.txt", "CaseFolding.txt",
                 "DerivedCoreProperties.txt", "UnicodeData.txt"):
        with open(os.path.join(UCD, name), encoding="utf-8") as f:
            first = f.readline()
            m = re.match(r"# \w+-(\d+\.\d+\.\d+)\.txt", first)
            if m:
                found.add(m.group(1))
    if len(found) != 1:
        sys.exit(f"the UCD files are of several versions: {sorted(found)}")
    return found.pop()


# --- ICU: NFD and the UTS #39 skeleton ---------------------------------------------------------------------------
i18n = ctypes.CDLL(f"libicui18n.so.{ICU_VERSION}")
uc = ctypes.CDLL(f"libicuuc.so.{ICU_VERSION}")


def icu(lib, name, restype, *argtypes):
    f = getattr(lib, f"{name}_{ICU_VERSION}")
    f.restype, f.argtypes = restype, list(argtypes)
    return f


P, I32, ERR = ctypes.c_void_p, ctypes.c_int32, ctypes.POINTER(ctypes.c_int)
uspoof_open = icu(i18n, "uspoof_open", P, ERR)
uspoof_get_skeleton = icu(i18n, "uspoof_getSkeleton", I32, P, ctypes.c_uint32, P, I32, P, I32, ERR)
unorm2_nfd = icu(uc, "unorm2_getNFDInstance", P, ERR)
unorm2_nfkd = icu(uc, "unorm2_getNFKDInstance", P, ERR)
unorm2_nfkc = icu(uc, "unorm2_getNFKCInstance", P, ERR)
unorm2_normalize = icu(uc, "unorm2_normalize", I32, P, P, I32, P, I32, ERR)
u_get_unicode_version = icu(uc, "u_getUnicodeVersion", None, P)


def checked(status):
    if status.value > 0:
        raise RuntimeError(f"ICU error {status.value}")


status = ctypes.c_int(0)
checker = uspoof_open(ctypes.byref(status)); checked(status)
nfd = unorm2_nfd(ctypes.byref(status)); checked(status)
nfkd = unorm2_nfkd(ctypes.byref(status)); checked(status)
nfkc = unorm2_nfkc(ctypes.byref(status)); checked(status)


def call_utf16(fn, handle, text, *extra):
    data = text.encode("utf-16-le", "surrogatepass")
    out = ctypes.create_string_buffer(512)
    st = ctypes.c_int(0)
    n = fn(handle, *extra, data, len(data) // 2, out, len(out) // 2, ctypes.byref(st))
    checked(st)
    return out.raw[: n * 2].decode("utf-16-le", "surrogatepass")


def icu_nfd(text):
    return call_utf16(unorm2_normalize, nfd, text)


def icu_nfkd(text):
    return call_utf16(unorm2_normalize, nfkd, text)


def icu_nfkc(text):
    return call_utf16(unorm2_normalize, nfkc, text)


def icu_skeleton(text):
    return call_utf16(uspoof_get_skeleton, checker, text, 0)


version = unicode_version()
icu_unicode = (ctypes.c_uint8 * 4)()
u_get_unicode_version(icu_unicode)
if f"{icu_unicode[0]}.{icu_unicode[1]}.{icu_unicode[2]}" != version:
    sys.exit(f"ICU {ICU_VERSION} has Unicode {list(icu_unicode)}, the UCD files {version}: use one version")

# --- Confusables: prototype of each NFKD-stable code point ---------------------------------------------------------
# The checks take skeletons of NFKC text only, and NFD(NFKC(x)) is NFKD(x): other code points never reach the mapping.
def scalar_values():
    return (c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


confusables = {}
for c in scalar_values():
    ch = chr(c)
    if icu_nfkd(ch) != ch:
        continue
    skeleton = icu_skeleton(ch)
    if skeleton != ch:
        confusables[c] = [ord(x) for x in skeleton]

# --- Full case folding (statuses C and F) ---------------------------------------------------------------------------
# Folding is applied to NFD and NFKD text only (compatibility caseless matching), so code points NFD changes are left out.
folding = {}
for code, status_, mapping, *_ in lines("CaseFolding.txt"):
    if status_ in ("C", "F") and icu_nfd(chr(int(code, 16))) == chr(int(code, 16)):
        folding[int(code, 16)] = [int(x, 16) for x in mapping.split()]

# --- Decompositions (full, recursive; Hangul syllables are decomposed by their algorithm) and combining classes ---------
HANGUL = range(0xAC00, 0xD7A4)
ccc, canonical, compat = {}, {}, {}
for fields in lines("UnicodeData.txt"):
    c = int(fields[0], 16)
    if fields[3] != "0":
        if fields[1].endswith(", First>"):
            raise SystemExit("a range with a combining class")
        ccc[c] = int(fields[3])
    if fields[5]:
        parts = fields[5].split()
        (compat if parts[0].startswith("<") else canonical)[c] = [int(x, 16) for x in parts if not x.startswith("<")]


def full(c, compatibility):
    m = canonical.get(c) or (compat.get(c) if compatibility else None)
    return [c] if m is None else [y for x in m for y in full(x, compatibility)]


def reorder(cps):
    """Canonical ordering: a stable sort of each run of non-starters by combining class."""
    out, i = list(cps), 0
    while i < len(out):
        if ccc.get(out[i], 0) == 0:
            i += 1
            continue
        j = i
        while j < len(out) and ccc.get(out[j], 0) != 0:
            j += 1
        out[i:j] = sorted(out[i:j], key=lambda x: ccc[x])
        i = j
    return out


nfd_map, nfkd_map = {}, {}
for c in list(canonical) + list(compat):
    if c in HANGUL:
        continue
    d = reorder(full(c, False))
    k = reorder(full(c, True))
    if d != [c]:
        nfd_map[c] = d
    if k != d:
        nfkd_map[c] = k
# The tables must give ICU's answers for every code point (Hangul by the algorithm, the rest from the tables).
for c in scalar_values():
    if c in HANGUL:
        continue
    ch = chr(c)
    assert icu_nfd(ch) == "".join(map(chr, nfd_map.get(c, [c]))), hex(c)
    assert icu_nfkd(ch) == "".join(map(chr, nfkd_map.get(c, nfd_map.get(c, [c])))), hex(c)
ccc_ranges = []
for c in sorted(ccc):
    if ccc_ranges and ccc_ranges[-1][1] == c - 1 and ccc_ranges[-1][2] == ccc[c]:
        ccc_ranges[-1][1] = c
    else:
        ccc_ranges.append([c, c, ccc[c]])

# --- Default_Ignorable_Code_Point --------------------------------------------------------------------------------------
ignorable = sorted(code_range(r) for r, prop in lines("DerivedCoreProperties.txt") if prop == "Default_Ignorable_Code_Point")

# --- Script_Extensions (Script where there is none), in ISO 15924 codes ------------------------------------------------
short_name = {}
for fields in lines("PropertyValueAliases.txt"):
    if fields[0] == "sc":
        short_name[fields[2]] = fields[1]
scripts = ["Zzzz"] * 0x110000
for r, name in lines("Scripts.txt"):
    a, b = code_range(r)
    for c in range(a, b + 1):
        scripts[c] = short_name[name]
for r, names in lines("ScriptExtensions.txt"):
    a, b = code_range(r)
    for c in range(a, b + 1):
        scripts[c] = "+".join(sorted(names.split()))


def compress_maps(mapping):
    """Tokens S>T... for one mapping each, S*N/P>T for runs of one-to-one maps with a common step and offset."""
    tokens, keys, i = [], sorted(mapping), 0
    while i < len(keys):
        s = keys[i]
        t = mapping[s]
        if len(t) == 1:
            for step in (1, 2):
                n = 1
                while s + n * step in mapping and mapping[s + n * step] == [t[0] + n * step]:
                    n += 1
                if n >= 3:
                    break
            if n >= 3:
                tokens.append(f"{s:X}*{n:X}/{step}>{t[0]:X}")
                # the run may skip code points (step 2): only those in the run are consumed
                consumed = {s + k * step for k in range(n)}
                keys = keys[:i] + [k for k in keys[i:] if k not in consumed]
                continue
        tokens.append(f"{s:X}>{'.'.join(f'{x:X}' for x in t)}")
        i += 1
    return tokens


def script_tokens():
    sets, tokens, previous = [], [], None
    for c in range(0x110000):
        if scripts[c] != previous:
            previous = scripts[c]
            if previous not in sets:
                sets.append(previous)
            tokens.append(f"{c:X}:{sets.index(previous):X}")
    return sets, tokens


def wrap(tokens, width=116):
    out, line = [], ""
    for t in tokens:
        if line and len(line) + 1 + len(t) > width:
            out.append(line)
            line = t
        else:
            line = f"{line} {t}" if line else t
    out.append(line)
    return "\n".join("        " + l for l in out)


def cs_literal(text):
    return '"' + "".join(ch if 0x20 <= ord(ch) < 0x7F and ch not in '"\\' else
                         (f"\\u{ord(ch):04X}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08X}") for ch in text) + '"'


def write_samples():
    import bz2, random
    nfkc_cf = icu(uc, "unorm2_getNFKCCasefoldInstance", P, ERR)(ctypes.byref(status)); checked(status)
    rng = random.Random(39)
    pool = [chr(c) for c in range(0x20, 0x7F)]
    pool += [chr(c) for c in rng.sample(sorted(confusables), 120)]
    pool += [chr(c) for c in rng.sample(sorted(folding), 60)]
    pool += [chr(c) for c in rng.sample(sorted(nfd_map), 60) + rng.sample(sorted(nfkd_map), 60)]
    pool += [chr(c) for c in rng.sample(sorted(ccc), 40)]
    pool += list("\u200b\u00ad\ufe0f\u200d\u2060ßẞİıΣσςͅᾈﬁﬀＡａ１𝐀𝟏한글ᄀ\u1161\u11a8Ꭰꭰ")
    strings = ["Proposal", "Prоposal", "Ｐｒｏｐｏｓａｌ", "Pro\u200bposal", "stage-1", "stage-１", "stage-l", "Ο", "O", "0",
               "ﬁnance", "finance", "e\u0301", "\u00e9", "rn", "m", "Straße", "STRASSE", "ΣΊΣΥΦΟΣ", "σίσυφος"]
    for _ in range(200):
        strings.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 6))))
    rows = []
    for text in strings:
        plain = "".join(ch for ch in text if not any(a <= ord(ch) <= b for a, b in ignorable))
        rows.append((text, icu_skeleton(icu_nfkc(plain)), icu_nfkd(call_utf16(unorm2_normalize, nfkc_cf, text))))
    tests = []
    with bz2.open(os.path.join(UCD, "NormalizationTest.txt.bz2"), "rt", encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            if line and not line.startswith("@"):
                cols = ["".join(chr(int(x, 16)) for x in col.split()) for col in line.split(";")[:5]]
                tests.append((cols[0], cols[2], cols[4]))
    chosen = sorted(rng.sample(range(len(tests)), 300))
    print(f"""// <auto-generated>
// Generated by eng/gen-unicode-tables.py --samples; do not edit. Unicode {version} (Unicode License v3).
// Strings: ICU {ICU_VERSION}'s own answers for each string: the UTS #39 skeleton (uspoof_getSkeleton) of its NFKC without
// default-ignorable code points, and the NFKD of its NFKC_Casefold (unorm2 "nfkc_cf").
// Normalization: {len(chosen)} lines, drawn with a fixed seed, of NormalizationTest-{version}.txt (source, NFD, NFKD).
// </auto-generated>

namespace SalesPipeline.Tests.Utility;

internal static class UnicodeSamples
{{
    internal static readonly (string Text, string Skeleton, string NameKey)[] Strings =
    [
{chr(10).join(f"        ({cs_literal(a)}, {cs_literal(b)}, {cs_literal(c)})," for a, b, c in rows)}
    ];

    internal static readonly (string Source, string Nfd, string Nfkd)[] Normalization =
    [
{chr(10).join(f"        ({cs_literal(tests[i][0])}, {cs_literal(tests[i][1])}, {cs_literal(tests[i][2])})," for i in chosen)}
    ];
}}""")


if SAMPLES:
    write_samples()
    sys.exit(0)

sets, stokens = script_tokens()
print(f"""// <auto-generated>
// Generated by eng/gen-unicode-tables.py from Unicode {version} data; do not edit. Run the script again to update it.
// Sources (Unicode License v3, https://www.unicode.org/license.txt; Copyright (c) 1991-2022 Unicode, Inc.):
// - UnicodeData.txt, Scripts.txt, ScriptExtensions.txt, PropertyValueAliases.txt, CaseFolding.txt,
//   DerivedCoreProperties.txt of the Unicode Character Database {version} (Debian package unicode-data);
// - the UTS #39 confusables mapping of Unicode {version} (confusables.txt) as compiled into ICU {ICU_VERSION} (Debian
//   package libicu{ICU_VERSION}): the prototype, in NFD, of each code point that NFKD leaves unchanged.
// Only code points the checks can meet are listed: skeletons are taken of NFKC text and folding is applied to NFKC text.
// </auto-generated>

namespace SalesPipeline.Utility;

internal static partial class UnicodeTables
{{
    internal const string Version = "{version}";

    // {len(confusables)} code points and their prototypes.
    private const string ConfusableData = \"\"\"
{wrap(compress_maps(confusables))}
        \"\"\";

    // {len(folding)} code points and their full case foldings (statuses C and F).
    private const string CaseFoldingData = \"\"\"
{wrap(compress_maps(folding))}
        \"\"\";

    // Full canonical decompositions (NFD) of {len(nfd_map)} code points; Hangul syllables are left to their algorithm.
    private const string CanonicalData = \"\"\"
{wrap(compress_maps(nfd_map))}
        \"\"\";

    // Full compatibility decompositions (NFKD) of the {len(nfkd_map)} code points where they differ from the canonical one.
    private const string CompatibilityData = \"\"\"
{wrap(compress_maps(nfkd_map))}
        \"\"\";

    // Canonical_Combining_Class other than 0: {len(ccc_ranges)} ranges, as S-E:class.
    private const string CombiningClassData = \"\"\"
{wrap([f"{a:X}-{b:X}:{v:X}" for a, b, v in ccc_ranges])}
        \"\"\";

    // Default_Ignorable_Code_Point: {len(ignorable)} ranges.
    private const string IgnorableData = \"\"\"
{wrap([f"{a:X}-{b:X}" for a, b in ignorable])}
        \"\"\";

    // Script_Extensions (or Script where a code point has none) as sets of ISO 15924 codes, numbered from 0 in this
    // order; Zyyy is Common, Zinh Inherited, Zzzz Unknown (unassigned or private use). ScriptData maps code points to them.
    private const string ScriptSetData = \"\"\"
{wrap(sets)}
        \"\"\";

    // The English name of each script code above (PropertyValueAliases.txt), for messages.
    private const string ScriptNameData = \"\"\"
{wrap(sorted(f"{code}={name}" for name, code in short_name.items() if any(code in x.split("+") for x in sets)))}
        \"\"\";

    private const string ScriptData = \"\"\"
{wrap(stokens)}
        \"\"\";
}}""")
