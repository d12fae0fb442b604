using System.Xml.Linq;
using static JudgementsApi.Infrastructure.SvgMarkup;

namespace JudgementsApi.Features.Badges;

/// <summary>
/// Draws a council's badge as a self-contained SVG: system fonts only, no scripts, no links, so it
/// works as an &lt;img&gt; anywhere. Every colour comes from <see cref="GradePalette"/> and every
/// grade is also written in words, so the badge reads in greyscale.
/// </summary>
public static class Badge
{
    public static readonly IReadOnlyDictionary<string, double> Sizes = new Dictionary<string, double>
    {
        ["small"] = 0.75, ["medium"] = 1.0, ["large"] = 1.5,
    };

    private const double Pad = 10, Gap = 2;
    private const string Font = "Arial, Helvetica, sans-serif";
    private const string Ink = "#0b0c0c", Muted = "#505a5f", Border = "#b1b4b6";

    public static string Render(CouncilHeadline h, string size)
    {
        var scale = Sizes[size];
        var body = new List<XElement>();
        var widths = new List<double> { 220 };
        double y = Pad;

        // The council's name heads every badge.
        var name = h.Council.Name;
        widths.Add(TextWidth(name, 15, bold: true));
        body.Add(Text(Pad, y + 14, name, 15, Ink, bold: true));
        y += 24;

        if (!h.Council.Current)
        {
            var replaced = h.Successors.Count > 0
                ? $"Former council: replaced by {Wording.List(h.Successors.Select(s => s.Name))}"
                  + (h.Successors[0].Date is var d ? $" on {Wording.Date(d)}" : "")
                : $"Former council{(h.Council.Closed is { } c ? $", closed {Wording.Date(c)}" : "")}";
            widths.Add(TextWidth(replaced, 12));
            body.Add(Text(Pad, y + 12, replaced, 12, Ink));
            y += 20;
        }

        var latest = h.Latest;
        var cells = new List<AreaGrade>();
        (string Text, GradePalette.Swatch Swatch)? lead = null;
        if (latest is null)
        {
            lead = (h.Council.Current ? "Not inspected yet" : "No inspection in this dataset", GradePalette.None);
        }
        else
        {
            if (h.Overall is { } overall) lead = ($"Overall effectiveness: {overall.Label}", overall.Swatch);
            cells.AddRange(h.OtherGrades);
        }

        // Cells size to their words; the lead and the strip then share the widest width.
        var cellWidths = cells.Select(c => Math.Max(TextWidth(AreaNames.Badge(c.Family), 10), TextWidth(c.Label, 12, bold: true)) + 12).ToList();
        if (cells.Count > 0) widths.Add(cellWidths.Sum() + Gap * (cells.Count - 1));
        if (lead is { } l) widths.Add(TextWidth(l.Text, 14, bold: true) + 16);

        var footer = latest is null
            ? "Source: Ofsted"
            : $"Ofsted {InspectionTypes.Phrase(latest.Type)}, published {Wording.Published(latest)}";
        widths.Add(TextWidth(footer, 11));
        var inner = Math.Ceiling(widths.Max());

        if (lead is { } ld)
        {
            body.Add(Box(Pad, y, inner, 30, ld.Swatch));
            body.Add(Text(Pad + 8, y + 20, ld.Text, 14, ld.Swatch.Text, bold: true));
            y += 30 + Gap;
        }
        if (cells.Count > 0)
        {
            var stretch = (inner - Gap * (cells.Count - 1)) / cellWidths.Sum();
            var x = Pad;
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                var w = cellWidths[i] * stretch;
                body.Add(Box(x, y, w, 38, cell.Swatch));
                body.Add(Text(x + 6, y + 14, AreaNames.Badge(cell.Family), 10, cell.Swatch.Text));
                body.Add(Text(x + 6, y + 30, cell.Label, 12, cell.Swatch.Text, bold: true));
                x += w + Gap;
            }
            y += 38;
        }
        y += 6;
        body.Add(Text(Pad, y + 11, footer, 11, Muted));
        y += 14 + Pad;

        var width = inner + 2 * Pad;
        var height = y;
        return Write(El("svg", A("role", "img"), A("width", width * scale), A("height", height * scale),
            A("viewBox", $"0 0 {N(width)} {N(height)}"), A("font-family", Font),
            Named("badge", Title(h), $"{h.Describe()} Source: Ofsted; contains public sector information licensed under the Open Government Licence v3.0."),
            Rect(0.5, 0.5, width - 1, height - 1, "#ffffff", A("rx", 4), A("stroke", Border)), body));
    }

    /// <summary>The one-line reading of the badge: name and headline grade(s), in words.</summary>
    public static string Title(CouncilHeadline h)
    {
        var name = h.Council.Name;
        if (h.Latest is null) return h.Council.Current ? $"{name}: not inspected by Ofsted yet" : $"{name} (former council): no Ofsted inspection in this dataset";
        var former = h.Council.Current ? "" : " (former council)";
        return h.Overall is { } overall
            ? $"{name}{former}: Ofsted overall effectiveness {overall.Words}"
            : $"{name}{former}: Ofsted judgements " + string.Join(", ", h.OtherGrades.Select(g => $"{AreaNames.Badge(g.Family).ToLowerInvariant()} {g.Words}"));
    }

    private static XElement Box(double x, double y, double w, double h, GradePalette.Swatch s) =>
        Rect(x, y, w, h, s.Fill, A("rx", 2), s.Fill == "#ffffff" ? A("stroke", Border) : null);

    private static XElement Text(double x, double y, string text, double size, string fill, bool bold = false) =>
        SvgMarkup.Text(x, y, text, A("font-size", size), A("fill", fill), bold ? A("font-weight", "bold") : null);

    /// <summary>
    /// An estimate of Arial's advance widths (em fractions), generous so text never overflows
    /// whichever sans-serif the viewer substitutes.
    /// </summary>
    internal static double TextWidth(string text, double size, bool bold = false)
    {
        double em = 0;
        foreach (var ch in text)
            em += ch switch
            {
                'i' or 'l' or 'j' or '\'' or '.' or ',' or ':' or ';' or '|' or '!' => 0.25,
                'f' or 't' or 'r' or ' ' or '(' or ')' or '-' => 0.36,
                'm' or 'w' => 0.86,
                'M' or 'W' => 0.92,
                >= 'A' and <= 'Z' => 0.72,
                _ => 0.58,
            };
        return em * size * (bold ? 1.1 : 1.0);
    }
}
