namespace SalesPipeline.Html.Report;

// The page's one style sheet, inline: no web font, no url(), nothing to fetch; legible on screen and on paper.
internal static class PageStyle
{
    public const string Css = """
        :root{color-scheme:light}
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2933;background:#fff;line-height:1.45;margin:0 auto;max-width:62rem;padding:1.5rem 1rem 3rem}
        h1{font-size:1.6rem;margin:0 0 .25rem}
        h2{font-size:1.25rem;margin:0 0 .75rem;border-bottom:1px solid #d9e2ec;padding-bottom:.25rem}
        nav{margin:1rem 0 2rem}
        nav ol{margin:.25rem 0;padding-left:1.5rem}
        nav a{color:#2f5f8a}
        section{margin:0 0 2.5rem}
        figure{margin:0 0 1rem}
        svg{max-width:100%;height:auto;display:block}
        .sp-table{border-collapse:collapse;font-size:.85rem;margin:0 0 1.25rem;font-variant-numeric:tabular-nums}
        .sp-table caption{text-align:left;font-weight:600;padding:.25rem 0;color:#52606d}
        .sp-table th,.sp-table td{border-bottom:1px solid #e4e7eb;padding:.2rem .5rem;vertical-align:top}
        .sp-table th{background:#f5f7fa;text-align:left;font-weight:600}
        .sp-table td{white-space:nowrap}
        .sp-table td.sp-text{white-space:pre-wrap;min-width:4rem}
        .sp-table tfoot td{color:#616e7c;font-style:italic;border-bottom:0}
        .sp-scroll{overflow-x:auto}
        @media print{
        body{max-width:none;padding:0;font-size:10pt}
        nav{break-after:page}
        section{break-inside:avoid-page}
        .sp-scroll{overflow:visible}
        .sp-table thead{display:table-header-group}
        .sp-table tr{break-inside:avoid}
        a{color:inherit;text-decoration:none}
        }
        """;
}
