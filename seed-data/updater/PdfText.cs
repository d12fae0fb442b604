using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace JudgementsApi.SeedUpdater;

/// <summary>A PDF that cannot be read at all (truncated, not a PDF, encrypted).</summary>
public sealed class UnreadablePdfException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Text of a PDF laid out the way `pdftotext -layout` lays it out, because the report parser reads
/// columns: a judgement table's grade is a segment separated from its label by two or more spaces,
/// and table rows are blocks separated by blank lines. Letters are grouped into lines by baseline,
/// placed at the character column their x position gives, and a vertical gap of more than one line
/// becomes blank lines. Pages are separated by form feeds, as pdftotext does.
/// Checked against Ofsted's own PDFs (tests/…/RealPdfTests): a footnote mark ("Board¹") is raised
/// above its line and set smaller, so it joins the line it marks; the line pitch is measured per
/// font size over the whole document, because a judgement table's rows sit about two lines apart
/// and are told from wrapped labels only by that; ligatures ("ﬁ") become their letters.
/// </summary>
public static class PdfText
{
    /// <summary>A line's visible letters, left to right, and where its spaces start (the PDF's own
    /// word breaks: a space in a numbered paragraph "10. Since" is narrower than any gap between letters).</summary>
    sealed record Line(double Baseline, double Size, List<Letter> Letters, List<double> Spaces);

    public static string Extract(byte[] pdf)
    {
        PdfDocument doc;
        try { doc = PdfDocument.Open(pdf); }
        catch (Exception e) { throw new UnreadablePdfException($"not a readable PDF ({e.Message})", e); }
        using (doc)
        {
            List<List<Line>> pages;
            try { pages = doc.GetPages().Select(Lines).ToList(); }
            catch (Exception e) when (e is not UnreadablePdfException)
            {
                throw new UnreadablePdfException($"the PDF's pages cannot be read ({e.Message})", e);
            }
            var pitches = Pitches(pages.SelectMany(p => p));
            return string.Join('\f', pages.Select(p => PageText(p, pitches)));
        }
    }

    /// <summary>The page's lines, top to bottom: letters whose baselines are within a third of the
    /// (smaller) font size of each other, then a raised, smaller line (a footnote mark) joined to the
    /// line below it.</summary>
    static List<Line> Lines(Page page)
    {
        var lines = new List<Line>();
        foreach (var l in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
                     .OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            if (lines.Count > 0 && Math.Abs(lines[^1].Baseline - l.StartBaseLine.Y) <= Math.Min(Size(l), Size(lines[^1].Letters[0])) / 3)
                lines[^1].Letters.Add(l);
            else lines.Add(new Line(l.StartBaseLine.Y, 0, [l], []));
        }
        lines = lines.Select(l => l with { Size = CommonSize(l.Letters) }).ToList();
        for (var i = lines.Count - 2; i >= 0; i--)
        {
            var (mark, below) = (lines[i], lines[i + 1]);
            if (mark.Size < below.Size * 0.8 && mark.Baseline - below.Baseline < below.Size * 0.7)
            {
                below.Letters.AddRange(mark.Letters);
                lines.RemoveAt(i);
            }
        }
        foreach (var space in page.Letters.Where(l => string.IsNullOrWhiteSpace(l.Value)))
            if (lines.MinBy(l => Math.Abs(l.Baseline - space.StartBaseLine.Y)) is { } near
                && Math.Abs(near.Baseline - space.StartBaseLine.Y) <= Math.Min(near.Size, Size(space)) / 3)
                near.Spaces.Add(space.StartBaseLine.X);
        return [.. lines.Select(l => l with { Letters = [.. l.Letters.OrderBy(x => x.StartBaseLine.X)], Spaces = [.. l.Spaces.Order()] })];
    }

    static double Size(Letter l) => l.PointSize > 0 ? l.PointSize : 10;

    static double CommonSize(List<Letter> letters) =>
        letters.GroupBy(l => Math.Round(Size(l))).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;

    /// <summary>The usual distance between two consecutive lines of each font size in the document
    /// (the commonest gap, to half a point); 1.2 times the size where a size has no run of lines.</summary>
    static Dictionary<double, double> Pitches(IEnumerable<Line> lines)
    {
        var gaps = new List<(double Size, double Gap)>();
        Line? prev = null;
        foreach (var l in lines)
        {
            if (prev is not null && prev.Size == l.Size && prev.Baseline - l.Baseline is var g && g >= l.Size && g <= l.Size * 2.2)
                gaps.Add((l.Size, Math.Round(g * 2) / 2));
            prev = l;
        }
        return gaps.GroupBy(g => g.Size).ToDictionary(s => s.Key,
            s => s.GroupBy(g => g.Gap).OrderByDescending(b => b.Count()).ThenBy(b => b.Key).First().Key);
    }

    static string PageText(List<Line> lines, Dictionary<double, double> pitches)
    {
        if (lines.Count == 0) return "";
        var letters = lines.SelectMany(l => l.Letters).ToList();
        var widths = letters.Select(l => l.Width).Where(w => w > 0).Order().ToList();
        var cell = widths.Count > 0 ? widths[widths.Count / 2] : 5.0;
        var minX = letters.Min(l => l.StartBaseLine.X);
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                // Between sizes (a heading and its text), the mean of the two sizes' pitches.
                double Pitch(double size) => pitches.TryGetValue(size, out var p) ? p : size * 1.2;
                var pitch = (Pitch(lines[i - 1].Size) + Pitch(lines[i].Size)) / 2;
                var blank = (int)Math.Round((lines[i - 1].Baseline - lines[i].Baseline) / pitch) - 1;
                sb.Append('\n', Math.Clamp(blank, 0, 3));
            }
            sb.Append(LineText(lines[i], minX, cell)).Append('\n');
        }
        return sb.ToString();
    }

    static string LineText(Line line, double minX, double cell)
    {
        var sb = new StringBuilder();
        Letter? prev = null;
        var space = 0;
        foreach (var l in line.Letters)
        {
            var col = (int)Math.Round((l.StartBaseLine.X - minX) / cell);
            if (prev is null) sb.Append(' ', Math.Max(0, col));
            else
            {
                var gap = l.StartBaseLine.X - prev.EndBaseLine.X;
                var spaced = false;
                for (; space < line.Spaces.Count && line.Spaces[space] < l.StartBaseLine.X - 0.5; space++)
                    spaced |= line.Spaces[space] >= prev.EndBaseLine.X - 1;
                if (gap > cell * 1.6) sb.Append(' ', Math.Max(2, col - sb.Length)); // a column gap
                else if (spaced || gap > Size(l) * 0.15) sb.Append(' ');            // a word space
            }
            sb.Append(Ligature(l.Value));
            prev = l;
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>The letters of a typographic ligature (U+FB00–FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), as pdftotext writes them.</summary>
    static string Ligature(string value) =>
        value.Length == 1 && value[0] is >= '\uFB00' and <= '\uFB06' ? value.Normalize(NormalizationForm.FormKC) : value;
}
