namespace JudgementsApi.SeedUpdater.Tests;

/// <summary>
/// seed-data/update.sh --from-folder on Ofsted's real PDFs (shared/data/pdfs), into copies of the
/// store and seed-data: never writing shared/data.
/// </summary>
public class RealFolderTests
{
    static string PdfFolder => Path.Combine(Paths.SharedData, "pdfs");
    const string Html = "rejected/80431_blackpool_2012-07-13.pdf";

    static string[] RealPdfs() =>
        [.. Directory.GetFiles(PdfFolder, "*.pdf").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>What the dataset holds about these inspections that a report states, one line each:
    /// not where its evidence sits (line numbers differ between texts) nor its URL.</summary>
    static List<string> Facts(string seedDir, IReadOnlySet<string> ids) =>
        [.. Csv.ReadDicts(Path.Combine(seedDir, "inspections.csv")).Where(r => ids.Contains(r["id"]))
            .Select(r => string.Join(",", r["id"], r["council_code"], r["framework_version"], r["type"], r["start_date"], r["end_date"],
                r["published"], r["lead_inspector"], r["source_kind"]))
            .Concat(Csv.ReadDicts(Path.Combine(seedDir, "judgements.csv")).Where(r => ids.Contains(r["inspection_id"]))
                .Select(r => string.Join(",", r["inspection_id"], r["area_code"], r["grade"], r["status"], r["note"], r["evidence"])))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void The_54_real_pdfs_put_back_the_54_inspections_removed_from_the_store_and_the_html_page_is_refused()
    {
        var pdfs = RealPdfs();
        var texts = pdfs.Select(p => "inspections/" + Path.ChangeExtension(p, ".txt")).ToArray();
        using var ws = new Workspace([.. pdfs.Select(p => p.Split('_')[0]).Distinct()], texts);
        var ids = pdfs.Select(p => p.Split('_', 2)[1].Replace('_', '-')[..^4]).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(Facts(ws.Seed, ids));

        var (code, stdout, stderr) = FolderUpdateTests.UpdateSh("--from-folder", PdfFolder, "--store", ws.Store, "--seed-data", ws.Seed);

        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("## Inspections added (54)", stdout);
        Assert.Contains($"- {Html}: not a PDF: an HTML page saved under a .pdf name", stdout);
        Assert.Contains("## Documents rejected (nothing of them written) (1)", stdout);
        var expected = Facts(Path.Combine(Paths.Repo, "seed-data"), ids);
        Assert.Equal(54, expected.Count(l => l.EndsWith(",report", StringComparison.Ordinal)));
        Assert.Equal(expected, Facts(ws.Seed, ids));
        Assert.DoesNotContain(Csv.ReadDicts(Path.Combine(ws.Store, "reports", "manifest.csv")), r => r["file"].Contains("blackpool_2012"));
    }
}
