namespace JudgementsApi.SeedUpdater.Tests;

/// <summary>What a parse of a report says, one fact a line, so two parses compare line by line.</summary>
static class ParsedReports
{
    /// <param name="evidence">Also each judgement's evidence, the report's words that state it, with runs of
    /// whitespace made one space and ligatures ("ﬁ") their letters: the two normalisations a PDF's text
    /// may differ by from pdftotext's; nothing else is forgiven.</param>
    public static string Describe(ParsedReport r, bool evidence = false) =>
        string.Join("\n", new[]
        {
            $"family={r.Family} version={r.Version} type={r.Type}",
            $"inspected={r.Start:yyyy-MM-dd}..{r.End:yyyy-MM-dd} second part ends={r.SecondPartEnd:yyyy-MM-dd}",
            $"published={r.PublishedInText:yyyy-MM-dd}",
            $"lead inspector={r.LeadInspector}",
        }.Concat(r.Judgements.Values.OrderBy(j => j.AreaCode, StringComparer.Ordinal)
            .Select(j => $"{j.AreaCode}={j.Grade ?? "null"} {j.Status} ({j.Note})"
                + (evidence ? $" evidence: {Normalised(j.Evidence)}" : "")))
         .Append("gaps: " + string.Join(" | ", r.Gaps))
         .Append("problems: " + string.Join(" | ", r.Problems)));

    static string Normalised(string? s) =>
        System.Text.RegularExpressions.Regex.Replace((s ?? "").Normalize(System.Text.NormalizationForm.FormKC), @"\s+", " ").Trim();

    /// <summary>The lines of <paramref name="expected"/> and <paramref name="actual"/> that differ, as - and +.</summary>
    public static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        return string.Join("\n", e.Except(a).Select(l => "- " + l).Concat(a.Except(e).Select(l => "+ " + l)));
    }
}
