using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SalesPipeline.Html.Tests.Support;

// Text meant to break markup: tags, entities, quotes, CDATA ends, comments, every kind of line break and control
// character, noncharacters, characters outside the BMP (as whole surrogate pairs: a report table holds no lone
// surrogate) and plain letters between them.
internal static class HostileText
{
    private static readonly string[] Pieces =
    [
        "<script>alert(1)</script>",
        "</td></tr></table>",
        "<img src=x onerror=alert(1)>",
        "]]>",
        "<!--",
        "-->",
        "&amp;",
        "&nbsp;",
        "&#0;",
        "\"",
        "'",
        "<",
        ">",
        "&",
        "\r\n",
        "\r",
        "\n",
        "\t",
        " ",
        "\u00a0",
        "http://example.com/x.png",
        "url(http://x)",
        "Söhne",
        "\ud83d\ude00",
        "\ud834\udd1e",
        "\ufdd0",
        "\ufffe",
        "\uffff",
        "\ufffd",
        "\u2028",
        "\u007f",
        "\u0085",
        "\u009f",
        "\u0080",
        "a",
        "Deal 42",
    ];

    // One character of every C0 control, DEL and some C1 controls, as single pieces.
    private static readonly string[] Controls =
    [
        .. Enumerable.Range(0, 32).Select(c => ((char)c).ToString()),
        "\u007f",
        "\u0080",
        "\u0090",
        "\u009f",
    ];

    public static Gen<string> Strings { get; } =
        Gen.Frequency(
                (6, Gen.Elements(Pieces)),
                (2, Gen.Elements(Controls)),
                (2, Gen.Choose(32, 0xD7FF).Select(c => ((char)c).ToString())),
                (1, Gen.Choose(0xE000, 0xFFFF).Select(c => ((char)c).ToString()))
            )
            .ListOf()
            .Select(parts => string.Concat(parts));

    // What an XML or HTML parser must give back for a text the package escaped (docs/html.md): the text itself, except
    // that a C0 control other than tab, line feed and carriage return becomes its control picture (U+2400 + code), DEL
    // becomes U+2421, and a C1 control, U+FFFE or U+FFFF becomes U+FFFD.
    public static string ReadBack(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\r')
            {
                sb.Append(c);
            }
            else if (c < 0x20)
            {
                sb.Append((char)(0x2400 + c));
            }
            else if (c == 0x7f)
            {
                sb.Append('\u2421');
            }
            else if (c is (>= '\u0080' and <= '\u009f') or '\ufffe' or '\uffff')
            {
                sb.Append('\ufffd');
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
