// Runs a .dib notebook headless through `dotnet-interactive stdio` (the kernel of VS Code's Polyglot Notebooks) and checks
// it: every cell must succeed, every result must have sound HTML, and every cell's text outputs and HTML summaries must
// match the expected outputs checked in beside it.
// Called by eng/notebook-check.sh (which installs the tool and packs nothing itself); see docs/notebooks/README.md.
//
// usage: dotnet run eng/notebook-check.cs -- --kernel PATH --notebook X.dib --feed DIR --version V
//            --expected X.expected.txt --executed OUT.ipynb [--package-folder DIR] [--cell-timeout SECONDS] [--update]
//
// stdio protocol: one JSON command envelope per line on stdin ({"commandType":"SubmitCode","command":{...},"token":t}),
// events as JSON lines on stdout. A cell ends with CommandSucceeded or CommandFailed whose command has the cell's token
// (the package's extension script runs as child commands with tokens "t.1", "t.2"...: match the token exactly).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

var options = ParseArgs(args);
var notebookPath = Path.GetFullPath(options["--notebook"]);
var feed = Path.GetFullPath(options["--feed"]);
var version = options["--version"];
var update = options.ContainsKey("--update");
var cells = Dib.Parse(File.ReadAllText(notebookPath));
Console.WriteLine($"notebook {notebookPath}: {cells.Count(c => c.Kernel == "csharp")} C# cells; packages from {feed} at {version}");

// Point the package cells at the freshly packed folder and the family version.
foreach (var cell in cells.Where(c => c.Kernel == "csharp"))
{
    cell.Code = Dib.PointAt(cell.Code, feed, version);
}

var timeout = TimeSpan.FromSeconds(
    int.Parse(options.GetValueOrDefault("--cell-timeout", "600"), System.Globalization.CultureInfo.InvariantCulture)
);
var kernel = new ProcessStartInfo(options["--kernel"], ["stdio", "--default-kernel", "csharp"])
{
    RedirectStandardInput = true,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    UseShellExecute = false,
    WorkingDirectory = Path.GetDirectoryName(notebookPath)!,
    StandardInputEncoding = new UTF8Encoding(false),
    StandardOutputEncoding = Encoding.UTF8,
};
kernel.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
kernel.Environment["DOTNET_INTERACTIVE_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
kernel.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
kernel.Environment["DOTNET_NOLOGO"] = "1";

// The C locale: .NET's current culture is then the invariant one, so a number formatted by the notebook's own code
// ({x:0.0%}) reads the same on every machine.
kernel.Environment["LC_ALL"] = "C.UTF-8";
kernel.Environment["LANG"] = "C.UTF-8";
if (options.TryGetValue("--package-folder", out var packageFolder))
{
    // The kernel restores #r "nuget: ..." with the NuGet of the SDK, which honours NUGET_PACKAGES.
    kernel.Environment["NUGET_PACKAGES"] = Path.GetFullPath(packageFolder);
}

using var process = Process.Start(kernel) ?? throw new InvalidOperationException("dotnet-interactive did not start.");
var lines = new BlockingCollection<string>();
var stderr = new StringBuilder();
_ = Task.Run(() =>
{
    while (process.StandardOutput.ReadLine() is { } line)
    {
        lines.Add(line);
    }
    lines.CompleteAdding();
});
_ = Task.Run(() =>
{
    while (process.StandardError.ReadLine() is { } line)
    {
        lock (stderr)
        {
            stderr.AppendLine(line);
        }
    }
});

var failures = new List<string>();
var executed = new List<(Cell Cell, List<Output> Outputs, bool Ok)>();
try
{
    var number = 0;
    foreach (var cell in cells)
    {
        if (cell.Kernel != "csharp")
        {
            executed.Add((cell, [], true));
            continue;
        }
        number++;
        var token = $"cell-{number}";
        var envelope = new JsonObject
        {
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = cell.Code, ["targetKernelName"] = "csharp" },
            ["token"] = token,
        };
        process.StandardInput.WriteLine(envelope.ToJsonString());
        process.StandardInput.Flush();
        var watch = Stopwatch.StartNew();
        var outputs = new List<Output>();
        bool? ok = null;
        while (ok is null)
        {
            var left = timeout - watch.Elapsed;
            if (left <= TimeSpan.Zero || !lines.TryTake(out var line, left))
            {
                failures.Add($"cell {number}: no answer from the kernel within {timeout.TotalSeconds:0} s (or it exited)");
                ok = false;
                break;
            }
            JsonNode? ev;
            try
            {
                ev = JsonNode.Parse(line);
            }
            catch (JsonException)
            {
                continue; // a banner or log line, not an event
            }
            var type = ev?["eventType"]?.GetValue<string>();
            var command = ev?["command"];
            var commandToken = command?["token"]?.GetValue<string>();
            switch (type)
            {
                case "ReturnValueProduced" or "DisplayedValueProduced" or "DisplayedValueUpdated":
                    outputs.Add(new Output(type, FormattedValues(ev!["event"]!), command?["commandType"]?.GetValue<string>()));
                    break;
                case "StandardOutputValueProduced" or "StandardErrorValueProduced" or "ErrorProduced":
                    outputs.Add(new Output(type, FormattedValues(ev!["event"]!), command?["commandType"]?.GetValue<string>()));
                    break;
                case "CommandSucceeded" when commandToken == token:
                    ok = true;
                    break;
                case "CommandFailed" when commandToken == token:
                    var message = ev!["event"]?["message"]?.GetValue<string>() ?? "(no message)";
                    outputs.Add(new Output("CommandFailed", [("text/plain", message)], "SubmitCode"));
                    failures.Add($"cell {number} failed: {message}");
                    ok = false;
                    break;
            }
        }
        Console.WriteLine(
            $"cell {number}: {(ok == true ? "ok" : "FAILED")} in {watch.Elapsed.TotalSeconds:0.0} s, {outputs.Count} outputs"
        );
        executed.Add((cell, outputs, ok == true));
        if (ok is false && failures[^1].Contains("no answer", StringComparison.Ordinal))
        {
            break;
        }
    }
}
finally
{
    // stdio mode does not end when its input closes: stop the process we started.
    if (!process.HasExited)
    {
        process.Kill(entireProcessTree: true);
    }
    process.WaitForExit();
}

var executedPath = Path.GetFullPath(options["--executed"]);
Directory.CreateDirectory(Path.GetDirectoryName(executedPath)!);
File.WriteAllText(executedPath, Ipynb.Write(executed));
Console.WriteLine($"executed notebook: {executedPath}");

var actual = Expected.Render(executed);

// A broken or missing HTML form fails even with --update: it must never become the expected output.
foreach (
    var broken in actual
        .Split('\n')
        .Where(l => l.StartsWith("html: BROKEN", StringComparison.Ordinal) || l.StartsWith("html: MISSING", StringComparison.Ordinal))
)
{
    failures.Add($"a result's HTML is wrong: {broken}");
}
var expectedPath = Path.GetFullPath(options["--expected"]);
if (update)
{
    File.WriteAllText(expectedPath, actual);
    Console.WriteLine($"expected outputs written: {expectedPath}");
}
else if (!File.Exists(expectedPath))
{
    failures.Add($"no expected outputs at {expectedPath} (run with --update to write them)");
}
else
{
    var expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
    if (expected != actual)
    {
        var actualPath = Path.ChangeExtension(executedPath, ".actual.txt");
        File.WriteAllText(actualPath, actual);
        failures.Add($"outputs differ from {expectedPath} (the actual ones: {actualPath}):\n{Expected.FirstDifference(expected, actual)}");
    }
    else
    {
        Console.WriteLine($"outputs match {expectedPath}");
    }
}

if (failures.Count > 0)
{
    lock (stderr)
    {
        if (stderr.Length > 0)
        {
            Console.Error.WriteLine("kernel stderr (last lines):");
            Console.Error.WriteLine(string.Join('\n', stderr.ToString().Split('\n').TakeLast(30)));
        }
    }
    foreach (var failure in failures)
    {
        Console.Error.WriteLine(failure);
    }
    return 1;
}
Console.WriteLine("notebook check: every cell ran, every output matches");
return 0;

static List<(string Mime, string Value)> FormattedValues(JsonNode ev)
{
    var values = new List<(string, string)>();
    if (ev["formattedValues"] is JsonArray array)
    {
        foreach (var v in array)
        {
            values.Add((v!["mimeType"]!.GetValue<string>(), v["value"]!.GetValue<string>()));
        }
    }
    if (ev["message"] is JsonNode message)
    {
        values.Add(("text/plain", message.GetValue<string>()));
    }
    return values;
}

static Dictionary<string, string> ParseArgs(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] == "--update")
        {
            result["--update"] = "true";
        }
        else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
        {
            result[args[i]] = args[++i];
        }
        else
        {
            throw new ArgumentException($"Unexpected argument \"{args[i]}\".");
        }
    }
    foreach (var required in new[] { "--kernel", "--notebook", "--feed", "--version", "--expected", "--executed" })
    {
        if (!result.ContainsKey(required))
        {
            throw new ArgumentException($"Missing {required} (usage at the top of eng/notebook-check.cs).");
        }
    }
    return result;
}

sealed class Cell(string kernel, string code)
{
    public string Kernel { get; } = kernel;
    public string Code { get; set; } = code;
}

sealed record Output(string EventType, List<(string Mime, string Value)> Values, string? CommandType);

static class Dib
{
    // A .dib file is cells, each starting with a line "#!kernel" (#!csharp, #!markdown, #!meta...).
    public static List<Cell> Parse(string text)
    {
        var cells = new List<Cell>();
        string? kernel = null;
        var code = new StringBuilder();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var m = Regex.Match(line, @"^#!([a-z][a-z0-9\-]*)\s*$");
            if (
                m.Success
                && m.Groups[1].Value
                    is "csharp"
                        or "markdown"
                        or "meta"
                        or "fsharp"
                        or "pwsh"
                        or "value"
                        or "html"
                        or "javascript"
                        or "mermaid"
            )
            {
                if (kernel is not null)
                {
                    cells.Add(new Cell(kernel, code.ToString().Trim('\n')));
                }
                kernel = m.Groups[1].Value;
                code.Clear();
            }
            else if (kernel is not null)
            {
                code.Append(line).Append('\n');
            }
        }
        if (kernel is not null)
        {
            cells.Add(new Cell(kernel, code.ToString().Trim('\n')));
        }
        return cells;
    }

    // #i "nuget: <folder>" names the local package folder; #r "nuget: SalesPipeline.X, <version>" the family version.
    public static string PointAt(string code, string feed, string version)
    {
        code = Regex.Replace(code, @"^#i\s+""nuget:\s*[^""]*""", $"#i \"nuget: {feed}\"", RegexOptions.Multiline);
        return Regex.Replace(
            code,
            @"^#r\s+""nuget:\s*(SalesPipeline\.[A-Za-z.]+)\s*,\s*[^""]*""",
            m => $"#r \"nuget: {m.Groups[1].Value}, {version}\"",
            RegexOptions.Multiline
        );
    }
}

static class Expected
{
    // The comparison covers what a reader sees as text: each output's text/plain value (the one every SalesPipeline
    // result carries beside its HTML), standard output and error, and errors. Normalised, because they truly vary:
    // - the kernel's package-restore progress ("Installing Packages" with a growing row of dots, restore sources with
    //   this machine's paths) and its "Loading extension..." notes, which hold the package folder's path: left out;
    // - line endings: \n.
    // Each result's HTML is summarised (HtmlSummary): tests/SalesPipeline.Interactive.Tests checks it value by value.
    public static string Render(List<(Cell Cell, List<Output> Outputs, bool Ok)> executed)
    {
        var text = new StringBuilder();
        var number = 0;
        foreach (var (cell, outputs, ok) in executed)
        {
            if (cell.Kernel != "csharp")
            {
                continue;
            }
            number++;
            text.Append($"=== cell {number}{(ok ? "" : " FAILED")}\n");
            foreach (var output in outputs.Where(o => !IsKernelNote(o)))
            {
                var plain = output.Values.FirstOrDefault(v => v.Mime == "text/plain").Value;
                var shown =
                    plain ?? (output.Values.Count == 0 ? "" : $"({output.Values[0].Mime} only, {output.Values[0].Value.Length} chars)");
                text.Append($"--- {Kind(output.EventType)}\n").Append(shown.ReplaceLineEndings("\n").TrimEnd('\n')).Append('\n');
                if (output.EventType is "ReturnValueProduced" or "DisplayedValueProduced" or "DisplayedValueUpdated")
                {
                    var html = output.Values.FirstOrDefault(v => v.Mime == "text/html").Value;
                    text.Append(HtmlSummary(html)).Append('\n');
                }
            }
        }
        return text.ToString();
    }

    // What the reader sees, in a line or two: how many charts, tables, table rows (the body's, not the header or the
    // "N more rows" footer) and text blocks, and each table's caption (its name). The HTML itself is not compared (a
    // chart's coordinates are tests/SalesPipeline.Html.Tests' business), but a result whose HTML is missing, an
    // exception, an object tree (what the kernel writes for a type with no formatter: <details>, a date's Calendar and
    // Era) or a formatter's stub (no chart, no table) changes this summary, and the first three are named outright.
    public static string HtmlSummary(string? html)
    {
        if (html is null)
        {
            return "html: MISSING (no text/html form)";
        }
        static int Count(string text, string pattern) => Regex.Count(text, pattern, RegexOptions.IgnoreCase);
        var bodies = Regex.Matches(html, "<tbody>(.*?)</tbody>", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        var rows = bodies.Sum(b => Count(b.Groups[1].Value, "<tr[ >]"));
        var captions = Regex
            .Matches(html, "<caption>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)
            .Select(m => System.Net.WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]*>", "")).Trim());
        var line =
            $"html: svg={Count(html, "<svg[ >]")} table={Count(html, "<table[ >]")} rows={rows} pre={Count(html, "<pre[ >]")}"
            + $" captions=[{string.Join(", ", captions)}]";
        var problems = new List<string>();
        if (html.Contains("Exception", StringComparison.Ordinal))
        {
            problems.Add("an exception");
        }
        if (Count(html, "<details[ >]") > 0 || Regex.IsMatch(html, @"\b(Calendar|Era)\b"))
        {
            problems.Add("an object tree (<details>, Calendar or Era)");
        }
        if (html.Trim().Length == 0)
        {
            problems.Add("nothing");
        }
        return problems.Count == 0 ? line : $"{line}\nhtml: BROKEN, it holds {string.Join(" and ", problems)}";
    }

    private static bool IsKernelNote(Output output) =>
        output.EventType is "DisplayedValueProduced" or "DisplayedValueUpdated"
        && output.Values.Any(v =>
            v.Value.Contains("Installing Packages", StringComparison.Ordinal)
            || v.Value.Contains("Installed Packages", StringComparison.Ordinal)
            || v.Value.Contains("Restore sources", StringComparison.Ordinal)
            || v.Value.StartsWith("Loading extension", StringComparison.Ordinal)
            || v.Value.Contains(">Loading extension", StringComparison.Ordinal)
        );

    private static string Kind(string eventType) =>
        eventType switch
        {
            "ReturnValueProduced" => "result",
            "DisplayedValueProduced" or "DisplayedValueUpdated" => "display",
            "StandardOutputValueProduced" => "stdout",
            "StandardErrorValueProduced" => "stderr",
            _ => "error",
        };

    public static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var cell = "";
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "(end)";
            var al = i < a.Length ? a[i] : "(end)";
            if (el.StartsWith("=== cell", StringComparison.Ordinal))
            {
                cell = el;
            }
            if (el != al)
            {
                return $"{cell}, line {i + 1}:\n  expected: {el}\n  actual:   {al}";
            }
        }
        return "(same lines)";
    }
}

static class Ipynb
{
    // nbformat 4, the form VS Code and Jupyter open; outputs as the kernel produced them, HTML included.
    public static string Write(List<(Cell Cell, List<Output> Outputs, bool Ok)> executed)
    {
        var cells = new JsonArray();
        var count = 0;
        foreach (var (cell, outputs, _) in executed.Where(e => e.Cell.Kernel != "meta"))
        {
            var sourceLines = cell.Code.Split('\n');
            var source = new JsonArray(
                sourceLines.Select((l, i) => (JsonNode?)JsonValue.Create(i < sourceLines.Length - 1 ? l + "\n" : l)).ToArray()
            );
            var code = cell.Kernel != "markdown";
            var node = new JsonObject
            {
                ["cell_type"] = code ? "code" : "markdown",
                ["metadata"] = new JsonObject(),
                ["source"] = source,
            };
            if (code)
            {
                node["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = cell.Kernel } };
                node["execution_count"] = ++count;
                node["outputs"] = new JsonArray(outputs.Select(o => (JsonNode?)Output(o, count)).ToArray());
            }
            cells.Add(node);
        }
        var notebook = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject
                {
                    ["display_name"] = ".NET (C#)",
                    ["language"] = "C#",
                    ["name"] = ".net-csharp",
                },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Output(Output output, int executionCount)
    {
        string Text() => string.Join("", output.Values.Where(v => v.Mime == "text/plain").Select(v => v.Value));
        switch (output.EventType)
        {
            case "StandardOutputValueProduced" or "StandardErrorValueProduced":
                return new JsonObject
                {
                    ["output_type"] = "stream",
                    ["name"] = output.EventType.StartsWith("StandardOutput", StringComparison.Ordinal) ? "stdout" : "stderr",
                    ["text"] = Text(),
                };
            case "ErrorProduced" or "CommandFailed":
                return new JsonObject
                {
                    ["output_type"] = "error",
                    ["ename"] = "Error",
                    ["evalue"] = Text(),
                    ["traceback"] = new JsonArray(),
                };
            default:
                var data = new JsonObject();
                foreach (var (mime, value) in output.Values)
                {
                    data[mime] = value;
                }
                return new JsonObject
                {
                    ["output_type"] = output.EventType == "ReturnValueProduced" ? "execute_result" : "display_data",
                    ["data"] = data,
                    ["metadata"] = new JsonObject(),
                    ["execution_count"] = output.EventType == "ReturnValueProduced" ? executionCount : null,
                };
        }
    }
}
