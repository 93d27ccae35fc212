using System.Text;

namespace SalesPipeline.Html.Markup;

// Escaping for markup that is at once HTML5 and well-formed XML (XHTML, inline SVG): a browser, an XML parser
// (XDocument.Parse) and a notebook's sanitiser all read the same text back.
//
// Text and attribute values escape & < > " ' as character references every HTML and XML parser knows. Carriage return is
// written as &#13;: both parsers would turn a literal one (and CR LF) into a line feed. In attributes, tab and line feed
// are written as &#9; and &#10; because XML turns literal ones into spaces. Characters XML 1.0 cannot hold at all, even
// as references (C0 controls other than tab, line feed and carriage return, and U+FFFE/U+FFFF), and the controls HTML
// reports as parse errors (DEL and the C1 range, which a numeric reference would even map through windows-1252) are
// written as visible stand-ins: C0 and DEL as their Unicode control pictures (U+0000 -> U+2400, U+007F -> U+2421), the
// others (and a lone UTF-16 surrogate) as U+FFFD. So a cell's text reads back exactly unless it held such a character, and then it shows where it was.
internal static class Xml
{
    public static void AppendText(StringBuilder sb, string value) => Append(sb, value, attribute: false);

    public static void AppendAttribute(StringBuilder sb, string value) => Append(sb, value, attribute: true);

    private static void Append(StringBuilder sb, string value, bool attribute)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (Pair(value, i))
            {
                sb.Append(value, i++, 2);
                continue;
            }
            switch (c)
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '"':
                    sb.Append("&quot;");
                    break;
                case '\'':
                    sb.Append("&#39;");
                    break;
                case '\r':
                    sb.Append("&#13;");
                    break;
                case '\n' when attribute:
                    sb.Append("&#10;");
                    break;
                case '\t' when attribute:
                    sb.Append("&#9;");
                    break;
                default:
                    sb.Append(StandIn(c) ?? c);
                    break;
            }
        }
    }

    private static bool Pair(string value, int i) =>
        char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);

    // A lone surrogate has no encoding in UTF-8 or XML: it becomes U+FFFD too.
    private static char? StandIn(char c) =>
        c switch
        {
            '\t' or '\n' or '\r' => null,
            < ' ' => (char)(0x2400 + c),
            '\u007F' => '\u2421',
            >= '\u0080' and <= '\u009F' => '\uFFFD',
            '\uFFFE' or '\uFFFF' => '\uFFFD',
            >= '\uD800' and <= '\uDFFF' => '\uFFFD',
            _ => null,
        };
}
