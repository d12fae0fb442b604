using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using static JudgementsApi.Infrastructure.SvgMarkup;

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

/// <summary>
/// The charts drawn on the server: data in, SVG out (the hex map is a component, <see cref="HexMap"/>). Each has a title and
/// a description, and its page a table beside it.
/// </summary>
public static class Svg
{
    private const string Ink = "#0b0c0c";

    public sealed record Series(string Key, string Label, string Fill);

    /// <summary>The line a downloaded chart carries at its foot: where the figures come from and the date of the newest report in them.</summary>
    public static string SourceLine(DateOnly? dataAsOf) =>
        "Source: Ofsted inspection reports, via JudgementsApi"
        + (dataAsOf is { } d ? $". Data to {Html.Date(d)}" : "") + ". Open Government Licence v3.0.";

    /// <summary>
    /// The frame of a chart: its size, names, and for a download (a <paramref name="source"/> given) a white
    /// ground, the title at the top and the source line at the bottom, as the file travels alone.
    /// </summary>
    private static string Chart(string id, double width, double height, double fontSize, double titleX,
        string title, string description, string? source, IEnumerable<object> content)
    {
        var standalone = source is not null;
        return Write(El("svg", A("class", "app-chart"), A("viewBox", $"0 0 {N(width)} {N(height)}"), A("width", width),
            A("height", height), A("role", "img"), A("font-family", "DejaVu Sans, Arial, sans-serif"), A("font-size", fontSize),
            Named(id, title, description),
            standalone ? Rect(0, 0, width, height, "#ffffff") : null,
            standalone ? Text(titleX, 18, title, A("fill", Ink)) : null,
            content,
            standalone ? Text(titleX, height - 8, source!, A("fill", "#505a5f")) : null), standalone);
    }

    /// <summary>
    /// Columns of shares (each column sums to 100% of those judged at that point), one per point,
    /// stacked best grade at the top.
    /// </summary>
    public static string StackedShares(IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, int> Counts)> points,
        IReadOnlyList<Series> series, string title, string description, string? source = null, string every = "quarter")
    {
        const double left = 44, plotH = 240, bottom = 40, right = 8;
        var top = source is null ? 12.0 : 34.0;
        var colW = Math.Max(6, Math.Min(24, 760.0 / Math.Max(points.Count, 1)));
        var plotW = colW * points.Count;
        var columns = LegendColumns(left + plotW + right, left);
        var height = top + plotH + bottom + LegendHeight(series, columns) + (source is null ? 0 : 20);
        var grid = Enumerable.Range(0, 5).Select(k => top + plotH * (1 - k / 4.0)).SelectMany((y, k) => new[]
        {
            El("line", A("x1", left), A("x2", left + plotW), A("y1", y), A("y2", y), A("stroke", "#b1b4b6"), A("stroke-width", 0.5)),
            Text(left - 4, y + 4, $"{k * 25}%", A("text-anchor", "end"), A("fill", Ink)),
        });
        var bars = points.SelectMany((p, i) => Column(p.Day, p.Counts, series, left + i * colW, colW, top, plotH)
            .Append(YearLabel(points, i, left + i * colW + colW / 2, top + plotH + 14, colW < 30)));
        var caption = Text(left, top + plotH + 30, $"Share of councils judged, at the end of each {every}", A("fill", Ink));
        return Chart(every == "quarter" ? "chart" : "chart-" + every, left + plotW + right, height, 11, left, title, description, source,
            [grid, bars, caption, Legend(series, left, top + plotH + bottom + 4, columns)]);
    }

    private static IEnumerable<XElement> Column(DateOnly day, IReadOnlyDictionary<string, int> counts, IReadOnlyList<Series> series,
        double x, double colW, double top, double plotH)
    {
        var judged = series.Sum(s => counts.GetValueOrDefault(s.Key));
        var y = top + plotH;
        if (judged == 0) yield break;
        foreach (var s in series.Reverse()) // worst at the bottom, best on top
        {
            var n = counts.GetValueOrDefault(s.Key);
            if (n == 0) continue;
            var h = plotH * n / judged;
            y -= h;
            yield return Rect(x + 0.5, y, colW - 1, h, s.Fill, A("stroke", "#ffffff"), A("stroke-width", 0.3),
                El("title", $"{day:yyyy-MM-dd}: {s.Label} {n} of {judged}"));
        }
    }

    /// <summary>The year under its first column ('14 when the columns are narrow).</summary>
    private static XElement? YearLabel(IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, int> Counts)> points, int i,
        double x, double y, bool shortYear)
    {
        var day = points[i].Day;
        if (i > 0 && points[i - 1].Day.Year == day.Year) return null;
        var label = shortYear ? "'" + day.ToString("yy", CultureInfo.InvariantCulture) : day.Year.ToString(CultureInfo.InvariantCulture);
        return Text(x, y, label, A("text-anchor", "middle"), A("fill", Ink));
    }

    /// <summary>
    /// Horizontal bars of shares, one per row (regions, or England). <paramref name="narrow"/>: for a phone, each label above
    /// its bar and the legend in one column, so every grade shows in 390 px.
    /// </summary>
    public static string ShareBars(IReadOnlyList<(string Label, IReadOnlyDictionary<string, int> Counts)> rows,
        IReadOnlyList<Series> series, string title, string description, string? source = null, bool narrow = false)
    {
        var (labelW, barW, rowH) = narrow ? (8.0, 290.0, 40.0) : (190.0, 420.0, 24.0);
        var barY = narrow ? 16.0 : 2.0;
        var width = labelW + barW + 44;
        var columns = LegendColumns(width, 8);
        var top = source is null ? 6.0 : 30.0;
        var height = top + rows.Count * rowH + 10 + LegendHeight(series, columns) + (source is null ? 0 : 20);
        IEnumerable<XElement> Row(string label, IReadOnlyDictionary<string, int> counts, double y)
        {
            var judged = series.Sum(s => counts.GetValueOrDefault(s.Key));
            yield return narrow ? Text(labelW, y + 12, label, A("fill", Ink))
                : Text(labelW - 6, y + 15, label, A("text-anchor", "end"), A("fill", Ink));
            var x = labelW;
            foreach (var s in series.Where(s => counts.GetValueOrDefault(s.Key) > 0))
            {
                var n = counts[s.Key];
                yield return Rect(x, y + barY, barW * n / judged, 18, s.Fill, A("stroke", "#ffffff"), A("stroke-width", 0.5),
                    El("title", $"{label}: {s.Label} {n} of {judged}"));
                x += barW * n / judged;
            }
            yield return Text(labelW + barW + 6, y + barY + 13, judged.ToString(CultureInfo.InvariantCulture), A("fill", Ink));
        }
        return Chart(narrow ? "bars-narrow" : "bars", width, height, 12, 8, title, description, source,
            [rows.SelectMany((r, i) => Row(r.Label, r.Counts, top + i * rowH)), Legend(series, 8, top + rows.Count * rowH + 8, columns)]);
    }

    private const double LegendColumnWidth = 160;

    /// <summary>As many legend columns (at most three) as the chart's width holds, so no grade's key is cut off.</summary>
    private static int LegendColumns(double width, double x0) => Math.Clamp((int)((width - x0) / LegendColumnWidth), 1, 3);

    private static int LegendHeight(IReadOnlyList<Series> series, int columns) => 22 * ((series.Count + columns - 1) / columns);

    private static IEnumerable<XElement> Legend(IReadOnlyList<Series> series, double x0, double y0, int columns) =>
        series.SelectMany((s, i) => new[]
        {
            Rect(x0 + i % columns * LegendColumnWidth, y0 + i / columns * 22, 14, 14, s.Fill, A("stroke", "#505a5f"),
                A("stroke-width", 0.5)),
            Text(x0 + i % columns * LegendColumnWidth + 20, y0 + i / columns * 22 + 11, s.Label, A("fill", Ink)),
        });
}
