using System.Reflection;
using System.Text.Json;

namespace JudgementsApi.Features.Pages;

/// <summary>One hex of the layout: a council's place on the map (a drawing aid, not data about grades).</summary>
public sealed record Hex(string Code, string Name, int Q, int R);

/// <summary>
/// The hex layout of England (api/Features/Pages/Home/england-hexes.hexjson, from odileeds/hexmaps,
/// MIT): every council in operation since 2013. A council that replaced another may share its hex
/// (Bournemouth and BCP); they are never in operation on the same day, so a map of one day has one
/// council per hex.
/// </summary>
public static class HexLayout
{
    public static IReadOnlyDictionary<string, Hex> Hexes { get; } = Load();

    private static Dictionary<string, Hex> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("pages/england-hexes.hexjson")
            ?? throw new InvalidOperationException("The hex layout is not embedded in the assembly.");
        using var doc = JsonDocument.Parse(stream);
        if (doc.RootElement.GetProperty("layout").GetString() != "odd-r") throw new InvalidOperationException("The hex layout must be odd-r.");
        return doc.RootElement.GetProperty("hexes").EnumerateObject().ToDictionary(p => p.Name,
            p => new Hex(p.Name, p.Value.GetProperty("n").GetString()!, p.Value.GetProperty("q").GetInt32(), p.Value.GetProperty("r").GetInt32()));
    }
}

/// <summary>Pictures drawn on the server: data in, SVG text out. Each has a title and a description, and its page a table beside it.</summary>
public static class Svg
{
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public sealed record MapCell(Hex Hex, string Slug, string Label, AreaState State, string? Grade);

    /// <summary>
    /// Pointy-topped hexes in "odd-r" offset coordinates: odd rows sit half a hex to the right; r grows
    /// northwards, so it is flipped for the screen. Each hex links to its council.
    /// </summary>
    public static string HexMap(IReadOnlyList<MapCell> cells, string title, string description)
    {
        const double size = 13; // centre to corner
        var w = Math.Sqrt(3) * size;
        var maxQ = cells.Count == 0 ? 0 : cells.Max(c => c.Hex.Q);
        var maxR = cells.Count == 0 ? 0 : cells.Max(c => c.Hex.R);
        var width = (maxQ + 1.5) * w + 4;
        var height = (maxR + 1) * 1.5 * size + size / 2 + 4;
        var corners = Enumerable.Range(0, 6).Select(i =>
        {
            var a = Math.PI / 180 * (60 * i - 30);
            return (X: size * 0.96 * Math.Cos(a), Y: size * 0.96 * Math.Sin(a));
        }).ToArray();

        var sb = new StringBuilder();
        sb.Append($"<svg class=\"app-hexmap\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(width)} {F(height)}\" aria-labelledby=\"map-title map-desc\">");
        sb.Append($"<title id=\"map-title\">{Html.H(title)}</title><desc id=\"map-desc\">{Html.H(description)}</desc>");
        foreach (var c in cells.OrderBy(c => c.Hex.Name, StringComparer.Ordinal))
        {
            var cx = 2 + w / 2 + c.Hex.Q * w + ((c.Hex.R & 1) == 1 ? w / 2 : 0);
            var cy = 2 + size + (maxR - c.Hex.R) * 1.5 * size;
            var swatch = Labels.Swatch(c.State, c.Grade);
            var d = "M" + string.Join("L", corners.Select(p => $"{F(cx + p.X)},{F(cy + p.Y)}")) + "Z";
            sb.Append($"<a href=\"/councils/{Html.H(c.Slug)}\" aria-label=\"{Html.H(c.Hex.Name)}: {Html.H(c.Label)}\" data-code=\"{c.Hex.Code}\">");
            sb.Append($"<path d=\"{d}\" fill=\"{swatch.Fill}\" stroke=\"#505a5f\" stroke-width=\"{(c.State == AreaState.NotGraded ? "1.4\" stroke-dasharray=\"2.5 1.5" : "0.8")}\"><title>{Html.H(c.Hex.Name)}: {Html.H(c.Label)}</title></path></a>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    public sealed record Series(string Key, string Label, string Fill);

    /// <summary>
    /// Columns of shares (each column sums to 100% of those judged at that point), one per point,
    /// stacked best grade at the top. Standalone SVG when <paramref name="standalone"/> (for download).
    /// </summary>
    public static string StackedShares(IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, int> Counts)> points,
        IReadOnlyList<Series> series, string title, string description, string? source = null)
    {
        var standalone = source is not null;
        const double left = 44, plotH = 240, bottom = 40, right = 8;
        var top = standalone ? 34.0 : 12.0; // a downloaded chart carries its title
        var colW = Math.Max(6, Math.Min(24, 760.0 / Math.Max(points.Count, 1)));
        var plotW = colW * points.Count;
        var width = left + plotW + right;
        var legendH = 22 * ((series.Count + 2) / 3);
        var height = top + plotH + bottom + legendH + (standalone ? 20 : 0);
        var sb = new StringBuilder();
        if (standalone) sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.Append($"<svg class=\"app-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(width)} {F(height)}\" width=\"{F(width)}\" height=\"{F(height)}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"arial, sans-serif\" font-size=\"11\">");
        sb.Append($"<title id=\"chart-title\">{Html.H(title)}</title><desc id=\"chart-desc\">{Html.H(description)}</desc>");
        if (standalone) sb.Append($"<rect width=\"{F(width)}\" height=\"{F(height)}\" fill=\"#ffffff\"/><text x=\"{F(left)}\" y=\"18\" fill=\"#0b0c0c\">{Html.H(title)}</text>");
        for (var p = 0; p <= 100; p += 25)
        {
            var y = top + plotH * (1 - p / 100.0);
            sb.Append($"<line x1=\"{F(left)}\" x2=\"{F(left + plotW)}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#b1b4b6\" stroke-width=\"0.5\"/>");
            sb.Append($"<text x=\"{F(left - 4)}\" y=\"{F(y + 4)}\" text-anchor=\"end\" fill=\"#0b0c0c\">{p}%</text>");
        }
        for (var i = 0; i < points.Count; i++)
        {
            var (day, counts) = points[i];
            var judged = series.Sum(s => counts.GetValueOrDefault(s.Key));
            var x = left + i * colW;
            var y = top + plotH;
            if (judged > 0)
                foreach (var s in series.Reverse()) // worst at the bottom, best on top
                {
                    var n = counts.GetValueOrDefault(s.Key);
                    if (n == 0) continue;
                    var h = plotH * n / judged;
                    y -= h;
                    sb.Append($"<rect x=\"{F(x + 0.5)}\" y=\"{F(y)}\" width=\"{F(colW - 1)}\" height=\"{F(h)}\" fill=\"{s.Fill}\" stroke=\"#ffffff\" stroke-width=\"0.3\"><title>{day:yyyy-MM-dd}: {Html.H(s.Label)} {n} of {judged}</title></rect>");
                }
            if (day.Month <= 3 || i == 0)
                if (i == 0 || points[i - 1].Day.Year != day.Year)
                    sb.Append($"<text x=\"{F(x + colW / 2)}\" y=\"{F(top + plotH + 14)}\" text-anchor=\"middle\" fill=\"#0b0c0c\">{(points.Count > 30 ? "'" + day.ToString("yy", CultureInfo.InvariantCulture) : day.Year.ToString(CultureInfo.InvariantCulture))}</text>");
        }
        sb.Append($"<text x=\"{F(left)}\" y=\"{F(top + plotH + 30)}\" fill=\"#0b0c0c\">Share of councils judged, at the end of each quarter</text>");
        Legend(sb, series, left, top + plotH + bottom + 4);
        if (standalone) sb.Append($"<text x=\"{F(left)}\" y=\"{F(height - 8)}\" fill=\"#505a5f\">{Html.H(source)}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Horizontal bars of shares, one per row (regions, or England).</summary>
    public static string ShareBars(IReadOnlyList<(string Label, IReadOnlyDictionary<string, int> Counts)> rows,
        IReadOnlyList<Series> series, string title, string description, string? source = null)
    {
        var standalone = source is not null;
        const double labelW = 190, barW = 420, rowH = 24;
        var top = standalone ? 30.0 : 6.0;
        var width = labelW + barW + 60;
        var legendH = 22 * ((series.Count + 2) / 3);
        var height = top + rows.Count * rowH + 10 + legendH + (standalone ? 20 : 0);
        var sb = new StringBuilder();
        if (standalone) sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.Append($"<svg class=\"app-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(width)} {F(height)}\" width=\"{F(width)}\" height=\"{F(height)}\" role=\"img\" aria-labelledby=\"bars-title bars-desc\" font-family=\"arial, sans-serif\" font-size=\"12\">");
        sb.Append($"<title id=\"bars-title\">{Html.H(title)}</title><desc id=\"bars-desc\">{Html.H(description)}</desc>");
        if (standalone) sb.Append($"<rect width=\"{F(width)}\" height=\"{F(height)}\" fill=\"#ffffff\"/><text x=\"8\" y=\"18\" fill=\"#0b0c0c\">{Html.H(title)}</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, counts) = rows[i];
            var y = top + i * rowH;
            var judged = series.Sum(s => counts.GetValueOrDefault(s.Key));
            sb.Append($"<text x=\"{F(labelW - 6)}\" y=\"{F(y + 15)}\" text-anchor=\"end\" fill=\"#0b0c0c\">{Html.H(label)}</text>");
            var x = labelW;
            foreach (var s in series)
            {
                var n = counts.GetValueOrDefault(s.Key);
                if (n == 0 || judged == 0) continue;
                var wdt = barW * n / judged;
                sb.Append($"<rect x=\"{F(x)}\" y=\"{F(y + 2)}\" width=\"{F(wdt)}\" height=\"{F(rowH - 6)}\" fill=\"{s.Fill}\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>{Html.H(label)}: {Html.H(s.Label)} {n} of {judged}</title></rect>");
                x += wdt;
            }
            sb.Append($"<text x=\"{F(labelW + barW + 6)}\" y=\"{F(y + 15)}\" fill=\"#0b0c0c\">{judged}</text>");
        }
        Legend(sb, series, 8, top + rows.Count * rowH + 8);
        if (standalone) sb.Append($"<text x=\"8\" y=\"{F(height - 8)}\" fill=\"#505a5f\">{Html.H(source)}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void Legend(StringBuilder sb, IReadOnlyList<Series> series, double x0, double y0)
    {
        for (var i = 0; i < series.Count; i++)
        {
            var x = x0 + i % 3 * 170;
            var y = y0 + i / 3 * 22;
            sb.Append($"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"14\" height=\"14\" fill=\"{series[i].Fill}\" stroke=\"#505a5f\" stroke-width=\"0.5\"/>");
            sb.Append($"<text x=\"{F(x + 20)}\" y=\"{F(y + 11)}\" fill=\"#0b0c0c\">{Html.H(series[i].Label)}</text>");
        }
    }
}
