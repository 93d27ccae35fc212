namespace SalesPipeline.Html.Charts;

// The chart of an empty input: its title and a plain sentence in a frame, no data shape (so a check that counts the
// marks sees that it is empty).
internal static class NoData
{
    public static string Draw(string kind, string title, string reason)
    {
        var svg = new Svg(kind, 720, 120, title, "No data: " + reason);
        svg.Box(8, 32, 704, 80, "#f5f7fa", Svg.Grid, 6);
        svg.Text(360, 76, "No data: " + reason, "middle", Svg.Muted, 13);
        return svg.ToString();
    }
}
