namespace JudgementsApi.SeedUpdater.Tests;

/// <summary>
/// Ofsted's own PDFs (shared/data/pdfs, 54 reports across every framework) read by the updater's PDF
/// extraction must parse to what the committed pdftotext text of the same report parses to.
/// </summary>
public partial class RealPdfTests
{
    static string PdfFolder => Path.Combine(Paths.SharedData, "pdfs");

    public static TheoryData<string> Pdfs()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(PdfFolder, "*.pdf").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
            data.Add(f);
        return data;
    }

    [Fact]
    public void The_sample_holds_the_54_real_pdfs() => Assert.Equal(54, Pdfs().Count);

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void A_real_pdf_parses_to_the_judgements_of_its_committed_text(string pdf)
    {
        var txt = Path.ChangeExtension(pdf, ".txt");
        var fromText = ReportParser.Parse(txt, File.ReadAllText(Path.Combine(Paths.SharedData, "reports", "inspections", txt)));
        var fromPdf = ReportParser.Parse(txt, PdfText.Extract(File.ReadAllBytes(Path.Combine(PdfFolder, pdf))));

        Assert.True(fromText.Ok, $"{txt}: the committed text itself does not parse: {string.Join("; ", fromText.Problems)}");
        var expected = ParsedReports.Describe(fromText, evidence: true);
        var actual = ParsedReports.Describe(fromPdf, evidence: true);
        Assert.True(expected == actual, $"{pdf}: the PDF reads differently from its text\n{ParsedReports.Diff(expected, actual)}");
    }

    /// <summary>The report's list of what must improve, as the builder reads it: each point's position,
    /// headings, framework tag and words (whitespace runs made one space), and what could not be read
    /// (without its line number: the two texts differ in blank lines).</summary>
    static string Points(string text, string? version)
    {
        var list = JudgementsApi.SeedBuilder.Improvements.ImprovementLists.ReadInspection(text, version ?? "unknown");
        return string.Join("\n", list.Points.Select(p =>
                $"{p.Position} [{p.ListHeading} / {p.AreaHeading}] tag={p.Tag} ({Normalised(p.TagText)}): {Normalised(p.Text)}")
            .Append($"heading found: {list.HeadingLine is not null}")
            .Append("problems: " + string.Join(" | ", list.Problems.Select(p => LineNumber().Replace(p, "")))));
    }

    static string Normalised(string? s) => Whitespace().Replace(s ?? "", " ").Trim();

    [System.Text.RegularExpressions.GeneratedRegex(@"^line \d+: ")]
    private static partial System.Text.RegularExpressions.Regex LineNumber();
    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void A_real_pdf_gives_the_improvement_points_of_its_committed_text(string pdf)
    {
        var txt = Path.ChangeExtension(pdf, ".txt");
        var text = File.ReadAllText(Path.Combine(Paths.SharedData, "reports", "inspections", txt));
        var version = ReportParser.Parse(txt, text).Version;
        var expected = Points(text, version);
        var actual = Points(PdfText.Extract(File.ReadAllBytes(Path.Combine(PdfFolder, pdf))), version);

        Assert.True(expected == actual, $"{pdf}: the PDF's list of what must improve reads differently from its text\n" +
            ParsedReports.Diff(expected, actual));
    }
}
