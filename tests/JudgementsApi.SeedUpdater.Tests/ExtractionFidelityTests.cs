namespace JudgementsApi.SeedUpdater.Tests;

/// <summary>Text extracted from a PDF of a report must parse to what the report's text parses to.</summary>
public class ExtractionFidelityTests
{
    /// <summary>A spread of reports across frameworks: every 35th report in file-name order, plus the
    /// newest (post-2023 five-judgement table).</summary>
    public static TheoryData<string> Sample()
    {
        var files = Directory.GetFiles(Path.Combine(Paths.SharedData, "reports", "inspections"), "*.txt")
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var data = new TheoryData<string>();
        foreach (var f in files.Where((_, i) => i % 35 == 0).Append("80584_worcestershire_2023-07-14.txt").Distinct()) data.Add(f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sample))]
    public void A_pdf_of_the_report_parses_to_the_same_judgements(string file)
    {
        var text = File.ReadAllText(Path.Combine(Paths.SharedData, "reports", "inspections", file));
        var fromText = ReportParser.Parse(file, text);
        var fromPdf = ReportParser.Parse(file, PdfText.Extract(PdfMaker.FromText(text)));

        Assert.Equal(ParsedReports.Describe(fromText), ParsedReports.Describe(fromPdf));
    }
}
