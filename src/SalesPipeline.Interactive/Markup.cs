using System.Net;

namespace SalesPipeline.Interactive;

/// <summary>The few pieces of HTML the formatters write themselves; tables and charts come from SalesPipeline.Html.</summary>
internal static class Markup
{
    /// <summary>Text as HTML: encoded, and in a <c>pre</c> when it has more than one line, so a notebook keeps its line
    /// breaks and alignment (a multi-line table printed by ToString() is squashed into one line otherwise).</summary>
    public static string Text(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        return text.Contains('\n', System.StringComparison.Ordinal) ? $"<pre class=\"sp-text\">{encoded}</pre>" : encoded;
    }
}
