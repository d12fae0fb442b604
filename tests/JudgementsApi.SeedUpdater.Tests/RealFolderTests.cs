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

    /// <summary>What the dataset holds about these inspections that a report states, one line each: the
    /// inspection, its judgements and its improvement points; not where their words sit (line numbers
    /// differ between texts) nor its URL.</summary>
    static List<string> Facts(string seedDir, IReadOnlySet<string> ids) =>
        [.. Csv.ReadDicts(Path.Combine(seedDir, "inspections.csv")).Where(r => ids.Contains(r["id"]))
            .Select(r => string.Join(",", r["id"], r["council_code"], r["framework_version"], r["type"], r["start_date"], r["end_date"],
                r["published"], r["lead_inspector"], r["source_kind"]))
            .Concat(Csv.ReadDicts(Path.Combine(seedDir, "judgements.csv")).Where(r => ids.Contains(r["inspection_id"]))
                .Select(r => string.Join(",", r["inspection_id"], r["area_code"], r["grade"], r["status"], r["note"], r["evidence"])))
            .Concat(Csv.ReadDicts(Path.Combine(seedDir, "improvement_points.csv")).Where(r => ids.Contains(r["inspection_id"]))
                .Select(r => string.Join(",", r["inspection_id"], r["position"], r["text"], r["list_heading"], r["area_heading"],
                    r["framework_tag"], r["framework_tag_text"])))
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

    static void Copy(string folder, string pdf, string asName)
    {
        var to = Path.Combine(folder, asName);
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(Path.Combine(PdfFolder, pdf), to);
    }

    [Fact]
    public async Task Pdfs_of_any_name_are_identified_from_their_content_and_never_attached_to_a_wrong_council()
    {
        const string sif = "80446_central-bedfordshire_2017-08-25", sifByNumber = "80469_gateshead_2016-03-11";
        const string ilacs = "80447_cheshire-east_2024-05-16", held = "80448_cheshire-west-and-chester_2024-08-28";
        using var ws = new Workspace(["80446", "80447", "80448", "80469"],
            $"inspections/{sif}.txt", $"inspections/{sifByNumber}.txt", $"inspections/{ilacs}.txt");
        var folder = Path.Combine(ws.Root, "downloads");
        Copy(folder, sif + ".pdf", "report.pdf");                                  // SIF: prints its publication date
        Copy(folder, sifByNumber + ".pdf", "50123456.pdf");                        // Ofsted's file number as its name
        Copy(folder, ilacs + ".pdf", "report (2).pdf");                            // ILACS: prints none
        Copy(folder, ilacs + ".pdf", "80448_cheshire-west-and-chester_2024-05-16.pdf");  // another council in its name
        Copy(folder, held + ".pdf", "report (3).pdf");                             // held: same council and inspection dates
        File.WriteAllText(Path.Combine(folder, FolderImport.UrlList),
            "file,report_url\nreport.pdf,https://files.ofsted.gov.uk/v1/file/50000001\n");

        var result = await Updater.Run(ws.Options(folder: folder));

        var summary = ChangeSummary.Render(result);
        string[] added = [$"inspections/{sif}.txt", $"inspections/{sifByNumber}.txt"];
        Assert.True(added.SequenceEqual(result.Added.Select(a => a.Row.File).Order(StringComparer.Ordinal)), summary);
        Assert.Equal(["https://files.ofsted.gov.uk/v1/file/50000001", "https://files.ofsted.gov.uk/v1/file/50123456"],
            result.Added.Select(a => a.Row.ReportUrl).Order(StringComparer.Ordinal));
        Assert.Contains($"`inspections/{sif}.txt` (published 2017-08-25) https://files.ofsted.gov.uk/v1/file/50000001 from `report.pdf`: " +
            "children's services inspection of Central Bedfordshire (URN 80446), read from its title; " +
            "published 2017-08-25, its 'Report published' line; report URL from report-urls.csv", summary);
        Assert.Equal(1, result.AlreadyHeld);
        Assert.Equal([
            ("80448_cheshire-west-and-chester_2024-05-16.pdf", "its name gives Cheshire West and Chester's Ofsted URN 80448, " +
                "but its title names Cheshire East (URN 80447)"),
            ("report (2).pdf", "the publication date could not be read: the report (Cheshire East, inspected 2024-02-26 to 2024-03-08) " +
                "does not print it and the file name gives none; " +
                "name the file 80447_cheshire-east_<yyyy-mm-dd>.pdf with the date Ofsted published it"),
        ], result.Rejected.Select(r => (r.Origin, r.Reason)).OrderBy(r => r.Origin, StringComparer.Ordinal));
        var committed = Path.Combine(Paths.Repo, "seed-data");
        HashSet<string> ids = ["central-bedfordshire-2017-08-25", "gateshead-2016-03-11"];
        Assert.Equal(Facts(committed, ids), Facts(ws.Seed, ids));
        Assert.Equal("https://files.ofsted.gov.uk/v1/file/50123456",
            Assert.Single(ws.SeedRows("inspections.csv"), r => r["id"] == "gateshead-2016-03-11")["report_url"]);
    }

    [Fact]
    public async Task A_folder_of_nothing_but_an_html_page_saved_as_pdf_changes_nothing_and_leaves_no_files()
    {
        using var ws = new Workspace(["80431"]);
        var folder = Path.Combine(ws.Root, "downloads");
        Copy(folder, Html, "report.pdf");
        var before = ws.Snapshot();

        var result = await Updater.Run(ws.Options(folder: folder) with { CacheDir = null });

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("report.pdf", rejected.Origin);
        Assert.StartsWith("not a PDF: an HTML page saved under a .pdf name (what Ofsted's server sends for a report it no longer has); " +
            "it begins \"<!DOCTYPE html>", rejected.Reason);
        Assert.False(result.Written);
        Assert.Equal(before, ws.Snapshot());
        Assert.Equal(["downloads", "seed", "store"], Directory.GetFileSystemEntries(ws.Root).Select(Path.GetFileName).Order());
        Assert.Contains("Nothing was written.", ChangeSummary.Render(result));
    }
}
