using System.Text.RegularExpressions;

namespace SalesPipeline.Tests.Architecture;

/// <summary>
/// The namespace layers drawn in docs/architecture.md: a Mermaid flowchart whose nodes are labelled with namespaces and
/// whose arrows point from a namespace to one it may use directly. Only the small subset the page uses is read
/// (node lines <c>Id["Namespace"]</c>, arrow lines <c>A --> B &amp; C</c>); any other line is an error, so nothing in the
/// diagram is silently ignored.
/// </summary>
internal sealed class MermaidLayers
{
    private static readonly Regex Node = new(@"^(?<id>[A-Za-z_][A-Za-z0-9_]*)(?:\[""(?<label>[^""]+)""\])?$");

    private MermaidLayers(IReadOnlyDictionary<string, string> namespaces, IReadOnlySet<(string From, string To)> edges)
    {
        Namespaces = namespaces;
        Edges = edges;
    }

    /// <summary>Node id to namespace.</summary>
    public IReadOnlyDictionary<string, string> Namespaces { get; }

    /// <summary>Allowed direct uses, as (namespace, namespace it may use).</summary>
    public IReadOnlySet<(string From, string To)> Edges { get; }

    public static MermaidLayers Parse(string markdown)
    {
        var blocks = Regex.Matches(markdown, "```mermaid\n(.*?)```", RegexOptions.Singleline);
        if (blocks.Count != 1)
        {
            throw new FormatException($"Expected exactly one mermaid block, found {blocks.Count}.");
        }
        var lines = blocks[0]
            .Groups[1]
            .Value.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith("%%", StringComparison.Ordinal))
            .ToList();
        if (lines.Count == 0 || !Regex.IsMatch(lines[0], @"^flowchart (TD|TB|BT|LR|RL)$"))
        {
            throw new FormatException($"The mermaid block must start with a flowchart header, not \"{lines.FirstOrDefault()}\".");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var arrows = new List<(string From, string To, string Line)>();
        foreach (var line in lines.Skip(1))
        {
            // A chain A --> B & C --> D: every node of one group may use every node of the next.
            var groups = line.Split("-->")
                .Select(group => group.Split('&').Select(node => ReadNode(node.Trim(), line, labels)).ToList())
                .ToList();
            for (var i = 0; i + 1 < groups.Count; i++)
            {
                arrows.AddRange(groups[i].SelectMany(from => groups[i + 1].Select(to => (from, to, line))));
            }
        }

        var unlabelled = arrows
            .SelectMany(a => new[] { (Id: a.From, a.Line), (Id: a.To, a.Line) })
            .FirstOrDefault(a => !labels.ContainsKey(a.Id));
        if (unlabelled.Id is not null)
        {
            throw new FormatException(
                $"Node \"{unlabelled.Id}\" in \"{unlabelled.Line}\" has no namespace label (declare it as {unlabelled.Id}[\"Namespace\"])."
            );
        }
        var duplicate = labels.GroupBy(pair => pair.Value).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException(
                $"Namespace \"{duplicate.Key}\" is drawn by several nodes: {string.Join(", ", duplicate.Select(p => p.Key))}."
            );
        }
        return new MermaidLayers(labels, arrows.Select(a => (labels[a.From], labels[a.To])).ToHashSet());
    }

    /// <summary>Whether <paramref name="from"/> may use <paramref name="to"/>: a path of arrows leads from one to the other.</summary>
    public bool Allows(string from, string to)
    {
        var seen = new HashSet<string> { from };
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var current))
        {
            foreach (var (_, next) in Edges.Where(edge => edge.From == current))
            {
                if (next == to)
                {
                    return true;
                }
                if (seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }
        return false;
    }

    /// <summary>A cycle of namespaces (first one repeated at the end), or null when the arrows have none.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        // Depth-first search with the path on a stack: an arrow back into the path closes a cycle.
        var done = new HashSet<string>();
        var path = new List<string>();
        foreach (var start in Namespaces.Values.Order(StringComparer.Ordinal))
        {
            var cycle = Visit(start);
            if (cycle is not null)
            {
                return cycle;
            }
        }
        return null;

        List<string>? Visit(string current)
        {
            var onPath = path.IndexOf(current);
            if (onPath >= 0)
            {
                return [.. path.Skip(onPath), current];
            }
            if (!done.Add(current))
            {
                return null;
            }
            path.Add(current);
            foreach (var (_, next) in Edges.Where(edge => edge.From == current).Order())
            {
                var cycle = Visit(next);
                if (cycle is not null)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
    }

    private static string ReadNode(string text, string line, Dictionary<string, string> labels)
    {
        var match = Node.Match(text);
        if (!match.Success)
        {
            throw new FormatException($"Cannot read \"{text}\" in the diagram line \"{line}\" (expected Id or Id[\"Namespace\"]).");
        }
        var id = match.Groups["id"].Value;
        if (match.Groups["label"].Success)
        {
            var label = match.Groups["label"].Value;
            if (labels.TryGetValue(id, out var existing) && existing != label)
            {
                throw new FormatException($"Node \"{id}\" is labelled both \"{existing}\" and \"{label}\".");
            }
            labels[id] = label;
        }
        return id;
    }
}
