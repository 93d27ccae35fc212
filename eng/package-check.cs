// Checks every package of the SalesPipeline family as NuGet consumers get it (eng/consumer-check.sh runs it after
// `dotnet pack`): usage: dotnet run eng/package-check.cs -- <artifacts folder> <src folder>
// - each packable project under src/ has its package in the folder, and asks for package validation;
// - each .nupkg names a README that it holds (short: at most 100 lines), and has a .snupkg beside it with a .pdb for
//   every assembly it ships;
// - a library package ships lib/net8.0 and lib/net10.0, with the XML documentation beside every assembly; a tool
//   package (PackageType DotnetTool) ships tools/<tfm>/any/ with DotnetToolSettings.xml;
// - every SalesPipeline.* package has the same version, and each dependency on another one asks for that version.
// Whatever is in the folder is checked: packages added later are covered without changing this file.
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run eng/package-check.cs -- <artifacts folder> <src folder>");
    return 2;
}
var folder = Path.GetFullPath(args[0]);
var src = Path.GetFullPath(args[1]);
var problems = new List<string>();
var versions = new Dictionary<string, string>(StringComparer.Ordinal);
var dependencies = new List<(string Package, string Dependency, string Range)>();

var packages = Directory
    .GetFiles(folder, "*.nupkg")
    .Where(p => !p.EndsWith(".snupkg", StringComparison.Ordinal))
    .Order(StringComparer.Ordinal)
    .ToList();
if (packages.Count == 0)
{
    Console.Error.WriteLine($"no .nupkg in {folder}");
    return 1;
}

foreach (var path in packages)
{
    using var zip = ZipFile.OpenRead(path);
    var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
    var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
    XDocument nuspec;
    using (var stream = nuspecEntry.Open())
    {
        nuspec = XDocument.Load(stream);
    }
    var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    string? Meta(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
    var id = Meta("id")!;
    var version = Meta("version")!;
    var name = $"{id} {version}";
    var notes = new List<string>();
    void Fail(string problem) => problems.Add($"{name}: {problem}");

    if (Path.GetFileName(path) != $"{id}.{version}.nupkg")
    {
        Fail($"the file is named {Path.GetFileName(path)}, not {id}.{version}.nupkg");
    }
    if (id.StartsWith("SalesPipeline.", StringComparison.Ordinal))
    {
        versions[id] = version;
    }

    // README: named in the metadata, present, short.
    var readme = Meta("readme");
    if (readme is null)
    {
        Fail("no <readme> in the nuspec (PackageReadmeFile)");
    }
    else if (!entries.Contains(readme.Replace('\\', '/')))
    {
        Fail($"the README {readme} named in the nuspec is not in the package");
    }
    else
    {
        using var reader = new StreamReader(zip.GetEntry(readme.Replace('\\', '/'))!.Open());
        var lines = reader.ReadToEnd().Split('\n').Length;
        if (lines > 100)
        {
            Fail($"the README {readme} has {lines} lines; a package README is short (at most 100), the docs say the rest");
        }
        notes.Add($"README {readme} ({lines} lines)");
    }

    // Assemblies: a library ships lib/net8.0 and lib/net10.0 with its XML docs; a tool ships tools/<tfm>/any/.
    var isTool = metadata
        .Elements()
        .Where(e => e.Name.LocalName == "packageTypes")
        .Elements()
        .Any(e => (string?)e.Attribute("name") == "DotnetTool");
    // The package's own assemblies (not the dependencies a tool carries): their XML docs and symbols are checked.
    var ownAssemblies = new List<string>();
    if (isTool)
    {
        var settings = entries.Where(e => Regex.IsMatch(e, @"^tools/[^/]+/any/DotnetToolSettings\.xml$")).ToList();
        if (settings.Count == 0)
        {
            Fail("a tool package without tools/<tfm>/any/DotnetToolSettings.xml");
        }
        foreach (var setting in settings)
        {
            using var stream = zip.GetEntry(setting)!.Open();
            foreach (var command in XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "Command"))
            {
                var entryPoint = $"{Path.GetDirectoryName(setting)!.Replace('\\', '/')}/{(string?)command.Attribute("EntryPoint")}";
                if (!entries.Contains(entryPoint))
                {
                    Fail($"the tool's entry point {entryPoint} is not in the package");
                }
                ownAssemblies.Add(entryPoint);
            }
        }
        notes.Add($"tool for {string.Join(" ", settings.Select(e => e.Split('/')[1]))}");
    }
    else
    {
        ownAssemblies.AddRange(entries.Where(e => Regex.IsMatch(e, @"^lib/[^/]+/[^/]+\.dll$")));
        var tfms = ownAssemblies.Where(a => Path.GetFileNameWithoutExtension(a) == id).Select(a => a.Split('/')[1]).ToList();
        foreach (var required in new[] { "net8.0", "net10.0" })
        {
            if (!tfms.Contains(required))
            {
                Fail($"no lib/{required}/{id}.dll (the family targets net8.0 and net10.0)");
            }
        }
        var undocumented = ownAssemblies.Where(a => !entries.Contains(Path.ChangeExtension(a, ".xml"))).ToList();
        foreach (var assembly in undocumented)
        {
            Fail($"{assembly} has no XML documentation beside it ({Path.ChangeExtension(assembly, ".xml")})");
        }
        notes.Add($"lib {string.Join(" ", tfms)}" + (undocumented.Count == 0 ? " with XML docs" : ""));
    }

    // Symbols: the .snupkg beside the package, with a .pdb for every assembly.
    var symbols = Path.ChangeExtension(path, ".snupkg");
    if (!File.Exists(symbols))
    {
        Fail($"no symbol package {Path.GetFileName(symbols)} beside it");
    }
    else
    {
        using var symbolZip = ZipFile.OpenRead(symbols);
        var pdbs = symbolZip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var assembly in ownAssemblies)
        {
            if (!pdbs.Contains(Path.ChangeExtension(assembly, ".pdb")))
            {
                Fail($"the symbol package has no {Path.ChangeExtension(assembly, ".pdb")}");
            }
        }
        notes.Add("symbols");
    }

    foreach (var dependency in metadata.Descendants().Where(e => e.Name.LocalName == "dependency"))
    {
        dependencies.Add((id, (string)dependency.Attribute("id")!, (string?)dependency.Attribute("version") ?? ""));
    }
    Console.WriteLine($"{name}: {string.Join(", ", notes)}");
}

// One version for the family (the one most packages have; each other one is named), and every dependency inside the
// family on that version.
var family = versions.Values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
foreach (var (id, version) in versions.Where(v => v.Value != family))
{
    problems.Add($"{id} is at version {version}, the rest of the family at {family}");
}
foreach (var (package, dependency, range) in dependencies.Where(d => d.Dependency.StartsWith("SalesPipeline.", StringComparison.Ordinal)))
{
    // "0.1.0" is NuGet's ">= 0.1.0" (what a project reference packs as); the exact forms are accepted too.
    if (range != family && range != $"[{family}, )" && range != $"[{family}]")
    {
        problems.Add($"{package} depends on {dependency} {range}, not on the family's version {family}");
    }
    if (!versions.ContainsKey(dependency))
    {
        problems.Add($"{package} depends on {dependency}, whose package is not in {folder}");
    }
}
Console.WriteLine($"the family's version: {family} ({versions.Count} packages)");

// Every packable project under src/ has its package here, and asks for package validation.
foreach (var project in Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
{
    var xml = XDocument.Load(project);
    string? Property(string name) =>
        xml.Descendants().LastOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup")?.Value;
    if (!string.Equals(Property("IsPackable"), "true", StringComparison.OrdinalIgnoreCase))
    {
        continue;
    }
    var packageId = Property("PackageId") ?? Path.GetFileNameWithoutExtension(project);
    if (!versions.ContainsKey(packageId))
    {
        problems.Add($"{Path.GetFileName(project)} is packable, but {packageId} is not in {folder}");
    }
    if (!string.Equals(Property("EnablePackageValidation"), "true", StringComparison.OrdinalIgnoreCase))
    {
        problems.Add($"{Path.GetFileName(project)} does not set EnablePackageValidation to true");
    }
}

if (problems.Count > 0)
{
    Console.Error.WriteLine($"{problems.Count} package problem(s):");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine("  " + problem);
    }
    return 1;
}
Console.WriteLine($"packages: {packages.Count} checked, every packable project packed with package validation on");
return 0;
