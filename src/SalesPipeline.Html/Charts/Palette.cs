namespace SalesPipeline.Html.Charts;

// Colours that stay apart for readers with the common colour-vision deficiencies (Tableau 10) and print well in grey.
internal static class Palette
{
    public const string Blue = "#4e79a7";
    public const string Orange = "#f28e2b";
    public const string Green = "#59a14f";
    public const string Red = "#e15759";
    public const string Yellow = "#edc948";
    public const string Purple = "#b07aa1";
    public const string PaleBlue = "#e8eef6";
    public const string PaleGreen = "#e3f1e0";
    public const string PaleRed = "#fbe4e4";
}
