namespace JudgementsApi.SeedUpdater.Tests;

/// <summary>
/// Ofsted's own PDFs (shared/data/pdfs, 54 reports across every framework) read by the updater's PDF
/// extraction must parse to what the committed pdftotext text of the same report parses to.
/// </summary>
public class RealPdfTests
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
}
