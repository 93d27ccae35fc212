using System.Globalization;
using SalesPipeline.Html.Markup;
using SalesPipeline.Pipelines;

namespace SalesPipeline.Html.Charts;

// A pipeline definition as a diagram: the open stages left to right in order, each a tile with its win probability,
// forecast category and number of exit criteria, joined by arrows; the last one leads to Won; every open stage drops to a
// dashed rail that leads to Lost (a deal may be lost from any open stage).
//
// Layout: open stage i is the tile x = 16 + i x 160, y 48, 132 x 84; Won is the tile after the last (y 48, 132 x 84), Lost
// below it (y 156, 132 x 48); the rail runs at y 180.
internal static class PipelineChart
{
    public const double TileWidth = 132;
    public const double Pitch = 160;

    public static string Draw(PipelineDefinition pipeline)
    {
        var open = pipeline.OpenStages;
        var width = 16 + ((open.Count + 1) * Pitch) - (Pitch - TileWidth) + 16;
        var policies = pipeline.Policies;
        var svg = new Svg(
            "pipeline",
            width,
            236,
            $"Pipeline: {pipeline.Name}",
            $"The {open.Count} open stages of the pipeline {pipeline.Name} in order, with their win probability, forecast category and exit criteria, leading to {pipeline.WonStage.Name} and {pipeline.LostStage.Name}."
        );
        for (var i = 0; i < open.Count; i++)
        {
            var stage = open[i];
            var x = 16 + (i * Pitch);
            var criteria = stage.ExitCriteria.Count;
            var criteriaText = criteria switch
            {
                0 => "no exit criteria",
                1 => "1 exit criterion",
                _ => criteria.ToString(CultureInfo.InvariantCulture) + " exit criteria",
            };
            var tooltip =
                $"{stage.Name} ({stage.Id}): win probability {Numbers.Percent(stage.Probability)}, category {Category(stage.Category)}, {criteriaText}";
            if (criteria > 0)
            {
                tooltip += ": " + string.Join(", ", System.Linq.Enumerable.Select(stage.ExitCriteria, c => c.Id));
            }
            svg.Tile("stage", x, 48, TileWidth, 84, Palette.PaleBlue, Palette.Blue, tooltip);
            svg.Text(x + 66, 68, Svg.Fit(stage.Name, 18), "middle", weight: "bold");
            svg.Text(x + 66, 88, Numbers.Percent(stage.Probability) + " \u00b7 " + Category(stage.Category), "middle", size: 11);
            svg.Text(x + 66, 106, criteriaText, "middle", Svg.Muted, 11);
            svg.Text(x + 66, 124, Svg.Fit(stage.Id, 20), "middle", Svg.Muted, 10);
            // The arrow to the next tile (the next open stage, or Won after the last).
            svg.Line(x + TileWidth, 90, x + Pitch - 2, 90, Svg.Muted, "arrow", 1.5);
            svg.ArrowHead(x + Pitch, 90, down: false, Svg.Muted);
            // The drop to the rail towards Lost.
            svg.Line(x + 66, 132, x + 66, 180, Palette.Red, dashed: true);
        }
        var endX = 16 + (open.Count * Pitch);
        var won = pipeline.WonStage;
        var lost = pipeline.LostStage;
        svg.Tile("won", endX, 48, TileWidth, 84, Palette.PaleGreen, Palette.Green, $"{won.Name} ({won.Id}): won, closed");
        svg.Text(endX + 66, 84, Svg.Fit(won.Name, 18), "middle", weight: "bold");
        svg.Text(endX + 66, 104, "won", "middle", Svg.Muted, 11);
        svg.Tile(
            "lost",
            endX,
            156,
            TileWidth,
            48,
            Palette.PaleRed,
            Palette.Red,
            $"{lost.Name} ({lost.Id}): lost, closed; reachable from any open stage"
        );
        svg.Text(endX + 66, 178, Svg.Fit(lost.Name, 18), "middle", weight: "bold");
        svg.Text(endX + 66, 196, "lost, from any open stage", "middle", Svg.Muted, 10);
        svg.Line(16 + 66, 180, endX - 2, 180, Palette.Red, "arrow", 1.5, dashed: true);
        svg.ArrowHead(endX, 180, down: false, Palette.Red);
        svg.Text(
            16,
            226,
            $"Skipping stages {(policies.AllowSkipping ? "allowed" : "not allowed")}; reopening {(policies.AllowReopen ? "allowed" : "not allowed")}; exit criteria {(policies.RequireExitCriteriaToWin ? "required" : "not required")} to win.",
            fill: Svg.Muted,
            size: 11
        );
        return svg.ToString();
    }

    private static string Category(ForecastCategory category) =>
        category switch
        {
            ForecastCategory.BestCase => "Best case",
            _ => category.ToString(),
        };
}
