using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace JudgementsApi.SeedUpdater.Tests;

/// <summary>Writes a report's text as a PDF (PdfPig), one text line per PDF line in a fixed-pitch
/// font, a page per form feed, as Ofsted's reports are laid out when pdftotext -layout reads them.</summary>
public static class PdfMaker
{
    const double Size = 8, Pitch = 10, Margin = 36;

    public static byte[] FromText(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Courier);
        foreach (var pageText in Sanitise(text).Replace("\r", "").Split('\f'))
        {
            var lines = pageText.Split('\n');
            var width = Math.Max(595, Margin * 2 + lines.Max(l => l.Length) * Size * 0.6);
            var height = Math.Max(842, Margin * 2 + lines.Length * Pitch);
            var page = builder.AddPage(width, height);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0) continue;
                page.AddText(lines[i], Size, new PdfPoint(Margin, height - Margin - i * Pitch), font);
            }
        }
        return builder.Build();
    }

    /// <summary>The standard fonts write WinAnsi characters only; others become their nearest ASCII.</summary>
    public static string Sanitise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c switch
            {
                '\u2019' or '\u2018' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' or '\u2212' or '\u2500' or '\u2015' => '-',
                '\u00A0' => ' ',
                // Ofsted's bullets (◼ ▪ ● ■, a symbol font's) as WinAnsi's bullet, which the reader knows as one; "*" is no bullet of Ofsted's.
                '\u25FC' or '\u25AA' or '\u25CF' or '\u25A0' or '\u2022' or (>= '\uF000' and <= '\uF0FF') => '\u2022',
                '\n' or '\f' or '\r' => c,
                _ when c < 32 => ' ',
                _ when c > 126 => c is >= '\u00C0' and <= '\u00FF' ? c : '*',
                _ => c,
            });
        return sb.ToString();
    }
}
