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
/// </summary>
public static class PdfText
{
    public static string Extract(byte[] pdf)
    {
        PdfDocument doc;
        try { doc = PdfDocument.Open(pdf); }
        catch (Exception e) { throw new UnreadablePdfException($"not a readable PDF ({e.Message})", e); }
        using (doc)
        {
            var sb = new StringBuilder();
            try
            {
                for (var i = 1; i <= doc.NumberOfPages; i++)
                {
                    if (i > 1) sb.Append('\f');
                    sb.Append(PageText(doc.GetPage(i)));
                }
            }
            catch (Exception e) when (e is not UnreadablePdfException)
            {
                throw new UnreadablePdfException($"the PDF's pages cannot be read ({e.Message})", e);
            }
            return sb.ToString();
        }
    }

    static string PageText(Page page)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (letters.Count == 0) return "";
        // Lines: letters whose baselines are within a third of the font size of each other.
        var lines = new List<List<Letter>>();
        foreach (var l in letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            var last = lines.Count > 0 ? lines[^1] : null;
            if (last is not null && Math.Abs(last[0].StartBaseLine.Y - l.StartBaseLine.Y) <= Size(l) / 3) last.Add(l);
            else lines.Add([l]);
        }
        var widths = letters.Select(l => l.Width).Where(w => w > 0).OrderBy(w => w).ToList();
        var cell = widths.Count > 0 ? widths[widths.Count / 2] : 5.0;
        var minX = letters.Min(l => l.StartBaseLine.X);
        var gaps = lines.Zip(lines.Skip(1), (a, b) => a[0].StartBaseLine.Y - b[0].StartBaseLine.Y).Where(g => g > 0).OrderBy(g => g).ToList();
        var pitch = gaps.Count > 0 ? gaps[gaps.Count / 2] : 0;

        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0 && pitch > 0)
            {
                var blank = (int)Math.Round((lines[i - 1][0].StartBaseLine.Y - lines[i][0].StartBaseLine.Y) / pitch) - 1;
                for (var k = 0; k < Math.Clamp(blank, 0, 3); k++) sb.Append('\n');
            }
            sb.Append(LineText(lines[i].OrderBy(l => l.StartBaseLine.X).ToList(), minX, cell)).Append('\n');
        }
        return sb.ToString();
    }

    static double Size(Letter l) => l.PointSize > 0 ? l.PointSize : 10;

    static string LineText(List<Letter> line, double minX, double cell)
    {
        var sb = new StringBuilder();
        Letter? prev = null;
        foreach (var l in line)
        {
            var col = (int)Math.Round((l.StartBaseLine.X - minX) / cell);
            if (prev is null) sb.Append(' ', Math.Max(0, col));
            else
            {
                var gap = l.StartBaseLine.X - prev.EndBaseLine.X;
                if (gap > cell * 1.6) sb.Append(' ', Math.Max(2, col - sb.Length)); // a column gap
                else if (gap > Size(l) * 0.15) sb.Append(' ');                      // a word space
            }
            sb.Append(l.Value);
            prev = l;
        }
        return sb.ToString().TrimEnd();
    }
}
