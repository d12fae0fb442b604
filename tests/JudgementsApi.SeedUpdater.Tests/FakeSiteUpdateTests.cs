using System.Globalization;

namespace JudgementsApi.SeedUpdater.Tests;

/// <summary>The update from Ofsted's site, against a fake site on loopback.</summary>
public class FakeSiteUpdateTests
{
    const string Urn = "80584";
    const string NewReport = "inspections/80584_worcestershire_2023-07-14.txt";
    static readonly string[] Urns = [Urn];

    /// <summary>The Worcestershire page: everything the store holds (inspections under their report
    /// URLs; focused visits, which the store holds without URLs, under new ones), a SEND inspection
    /// the dataset does not hold, and the extra documents given.</summary>
    static void Page(FakeOfsted site, params (string Title, string Url)[] extra)
    {
        var held = Csv.ReadDicts(Path.Combine(Paths.SharedData, "reports", "manifest.csv"))
            .Where(r => r["ofsted_urn"] == Urn && r["file"] != NewReport)
            .Select(r => (OfstedTitle(r["original_title"]), r["report_url"].Length > 0 ? r["report_url"] : site.AddFile([1, 2, 3])));
        site.SetPage(Urn, "Worcestershire County Council", held
            .Append(("Area SEND full inspection - 03 March 2023", site.AddFile([1, 2, 3])))
            .Concat(extra));
    }

    /// <summary>"children's services inspection - 14 july 2023" as Ofsted's page words it.</summary>
    static string OfstedTitle(string stored)
    {
        var t = CultureInfo.InvariantCulture.TextInfo;
        var dash = stored.LastIndexOf(" - ", StringComparison.Ordinal);
        var date = string.Join(' ', stored[(dash + 3)..].Split(' ').Select((w, i) => i == 1 ? t.ToTitleCase(w) : w));
        return char.ToUpperInvariant(stored[0]) + stored[1..dash] + " - " + date;
    }

    /// <summary>Runs an update in which every document is rejected: nothing is added and the workspace is unchanged.</summary>
    static async Task<UpdateResult> RunRejectingAll(Workspace ws, FakeOfsted site)
    {
        var before = ws.Snapshot();
        var result = await Updater.Run(ws.Options(site, null, Urn));
        Assert.Empty(result.Added);
        Assert.Equal(before, ws.Snapshot());
        return result;
    }

    /// <summary>Runs an update that must stop with an error that says nothing was written, and leave the workspace unchanged.</summary>
    static async Task<UpdateFailedException> RunFailing(Workspace ws, UpdateOptions o)
    {
        var before = ws.Snapshot();
        var e = await Assert.ThrowsAsync<UpdateFailedException>(() => Updater.Run(o));
        Assert.EndsWith("; nothing was written", e.Message);
        Assert.Equal(before, ws.Snapshot());
        return e;
    }

    static (string, string) NewInspection(FakeOfsted site) =>
        ("Children's services inspection - 14 July 2023", site.AddFile(PdfMaker.FromText(Workspace.SharedText(NewReport))));

    /// <summary>The page, with the new report's inspection published on it; returns that report's URL.</summary>
    static string PageWithNewInspection(FakeOfsted site)
    {
        var (title, url) = NewInspection(site);
        Page(site, (title, url));
        return url;
    }

    [Fact]
    public async Task Finds_exactly_the_new_report_reads_it_and_grades_it_as_the_text_route_does()
    {
        using var ws = new Workspace(Urns, NewReport);
        await using var site = new FakeOfsted();
        var url = PageWithNewInspection(site);

        var result = await Updater.Run(ws.Options(site, null, Urn));

        var added = Assert.Single(result.Added);
        Assert.Equal((NewReport, "inspection", Urn, new DateOnly(2023, 7, 14), url), (added.Row.File, added.Row.Kind, added.Row.OfstedUrn, added.Row.Published, added.Row.ReportUrl));
        Assert.Equal(64, added.Row.Sha256.Length);
        Assert.Empty(result.Rejected);
        Assert.Equal(4, result.AlreadyHeld); // 2 inspections, 2 focused visits
        // Only the new report was downloaded: one page, one PDF.
        Assert.Equal(1, site.RequestsTo("/v1/file/"));
        Assert.All(site.Requests, r => Assert.Contains("JudgementsApi", r.UserAgent));

        Assert.True(result.Written);
        var committed = Csv.ReadDicts(Path.Combine(Paths.Repo, "seed-data", "judgements.csv"))
            .Where(r => r["inspection_id"] == "worcestershire-2023-07-14").Select(r => $"{r["area_code"]}={r["grade"]}").ToList();
        var updated = ws.SeedRows("judgements.csv").Where(r => r["inspection_id"] == "worcestershire-2023-07-14").Select(r => $"{r["area_code"]}={r["grade"]}").ToList();
        Assert.Equal(5, committed.Count);
        Assert.Equal(committed, updated);
        var insp = Assert.Single(ws.SeedRows("inspections.csv"), r => r["id"] == "worcestershire-2023-07-14");
        Assert.Equal(("2023-05-15", "2023-05-26", "Rebecca Quested", url, "report"), (insp["start_date"], insp["end_date"], insp["lead_inspector"], insp["report_url"], insp["source_kind"]));
        Assert.True(File.Exists(Path.Combine(ws.Store, "reports", NewReport)));
        Assert.True(File.Exists(Path.Combine(ws.Store, "sources", "dfe-las", "las.csv"))); // the scratch build left the store whole
        Assert.Contains(Csv.ReadDicts(Path.Combine(ws.Store, "reports", "manifest.csv")), r => r["file"] == NewReport && r["report_url"] == url && r["sha256"] == added.Row.Sha256);

        var summary = ChangeSummary.Render(result);
        Assert.Contains("## Documents added (1)", summary);
        Assert.Contains("## Inspections added (1)", summary);
        Assert.Contains("worcestershire-2023-07-14: ilacs_care_leavers good, ilacs_children_in_care requires_improvement, ilacs_help_and_protection good, ilacs_impact_of_leaders good, ilacs_overall_effectiveness good", summary);
        Assert.Contains("## Grade changes (0)", summary);
        // Its list of what must improve is read as from the text: the same points, and none of it "not read".
        Assert.Contains("## Improvement lists not read: the report is in, its points are not (seed-data/QUALITY.md) (0)", summary);
        Assert.Equal(PointsOf(Csv.ReadDicts(Path.Combine(Paths.Repo, "seed-data", "improvement_points.csv"))),
            PointsOf(ws.SeedRows("improvement_points.csv")));

        // Running again finds nothing new and changes nothing.
        var before = ws.Snapshot();
        var again = await Updater.Run(ws.Options(site, null, Urn));
        Assert.Empty(again.Added);
        Assert.Equal(5, again.AlreadyHeld);
        Assert.False(again.Written);
        Assert.Equal(before, ws.Snapshot());
        Assert.Contains("No new documents: nothing changed.", ChangeSummary.Render(again));
    }

    /// <summary>The new inspection's points as "position theme: words", whitespace runs made one space and quotes straightened
    /// (the test's PDF is written in a WinAnsi font; see PdfMaker.Sanitise).</summary>
    static List<string> PointsOf(IEnumerable<Dictionary<string, string>> rows) =>
        rows.Where(r => r["inspection_id"] == "worcestershire-2023-07-14")
            .Select(r => $"{r["position"]} {r["theme"]}: " + string.Join(' ', PdfMaker.Sanitise(r["text"]).Split((char[]?)null,
                StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

    [Fact]
    public async Task A_pdf_that_is_not_a_report_is_rejected_with_a_clear_message_and_nothing_is_written()
    {
        using var ws = new Workspace(Urns);
        await using var site = new FakeOfsted();
        var minutes = string.Join("\n", Enumerable.Repeat("Minutes of the parish council meeting held in the village hall. Apologies were received from two members.", 20));
        Page(site, ("Children's services inspection - 02 October 2026", site.AddFile(PdfMaker.FromText(minutes))));

        var result = await RunRejectingAll(ws, site);

        var rejected = Assert.Single(result.Rejected);
        Assert.Contains("not an Ofsted report or letter", rejected.Reason);
        var summary = ChangeSummary.Render(result);
        Assert.Contains("## Documents rejected (nothing of them written) (1)", summary);
        Assert.Contains("Nothing was written.", summary);
    }

    [Fact]
    public async Task A_corrupt_pdf_is_rejected_with_a_clear_message_and_nothing_is_written()
    {
        using var ws = new Workspace(Urns);
        await using var site = new FakeOfsted();
        var pdf = PdfMaker.FromText(Workspace.SharedText(NewReport));
        Page(site, ("Children's services inspection - 02 October 2026", site.AddFile(pdf[..(pdf.Length / 3)])));

        var result = await RunRejectingAll(ws, site);

        var rejected = Assert.Single(result.Rejected);
        Assert.StartsWith("corrupt or unreadable PDF", rejected.Reason);
    }

    [Theory]
    // HTTP 500 on every try: the first try and two retries, then the update stops.
    [InlineData(false, 20000, 2, "HTTP 500", 3)]
    // No answer within the timeout, on the first try and one retry. The timeout is long enough for
    // a busy machine to deliver the retry to the fake site before the client gives up on it.
    [InlineData(true, 3000, 1, "no answer within 3 s", 2)]
    public async Task A_report_the_site_does_not_serve_stops_the_update_and_nothing_is_written(
        bool hangs, int timeoutMilliseconds, int retries, string message, int requests)
    {
        using var ws = new Workspace(Urns, NewReport);
        await using var site = new FakeOfsted();
        var path = new Uri(PageWithNewInspection(site)).AbsolutePath;
        (hangs ? site.Hanging : site.Failing)[path] = true;
        var o = ws.Options(site, null, Urn);

        var e = await RunFailing(ws, o with { Fetch = o.Fetch with { Timeout = TimeSpan.FromMilliseconds(timeoutMilliseconds), Retries = retries } });

        Assert.Contains(message, e.Message);
        Assert.Equal(requests, site.RequestsTo(path));
    }

    [Fact]
    public async Task A_page_whose_layout_changed_stops_the_update_and_nothing_is_written()
    {
        using var ws = new Workspace(Urns, NewReport);
        await using var site = new FakeOfsted();
        site.Pages[$"/provider/44/{Urn}"] = """
            <html><body><h1>Worcestershire County Council</h1>
            <div class="reports"><a class="download" href="/v1/file/1">Children's services inspection</a></div></body></html>
            """;

        var e = await RunFailing(ws, ws.Options(site, null, Urn));

        Assert.Contains("layout has changed", e.Message);
        Assert.Contains($"/provider/44/{Urn}", e.Message);
    }

    [Fact]
    public async Task An_interrupted_update_resumes_without_downloading_again()
    {
        using var ws = new Workspace(Urns, NewReport);
        await using var site = new FakeOfsted();
        var (title, url) = NewInspection(site);
        var letter = site.AddFile([0]);
        Page(site, (title, url), ("Children's services focused visit - 05 October 2026", letter));
        site.Failing[new Uri(letter).AbsolutePath] = true;
        await Assert.ThrowsAsync<UpdateFailedException>(() => Updater.Run(ws.Options(site, null, Urn)));
        Assert.Equal(1, site.RequestsTo(new Uri(url).AbsolutePath));

        site.Failing.Clear();
        site.Files[new Uri(letter).AbsolutePath] = PdfMaker.FromText(Workspace.SharedText("focused-visits/80584_worcestershire_2025-01-13.txt"));
        var result = await Updater.Run(ws.Options(site, null, Urn));

        Assert.Equal(1, site.RequestsTo(new Uri(url).AbsolutePath)); // taken from the cache
        Assert.Equal(2, result.Added.Count);
        Assert.Contains(ws.SeedRows("inspections.csv"), r => r["id"] == "worcestershire-2023-07-14");
    }

    [Fact]
    public async Task A_dry_run_prints_what_would_change_and_writes_nothing_not_even_the_download_cache()
    {
        using var ws = new Workspace(Urns, NewReport);
        await using var site = new FakeOfsted();
        var url = PageWithNewInspection(site);
        var before = ws.Snapshot();

        var (code, stdout, stderr) = FolderUpdateTests.UpdateSh("--base-url", site.BaseUrl, "--urn", Urn, "--delay-ms", "5",
            "--store", ws.Store, "--seed-data", ws.Seed, "--dry-run");

        Assert.True(code == 0, stderr + stdout);
        Assert.Contains($"- inspection `{NewReport}` (published 2023-07-14) {url}", stdout);
        Assert.Contains("- worcestershire-2023-07-14: ilacs_care_leavers good, ilacs_children_in_care requires_improvement", stdout);
        Assert.EndsWith("Dry run: this is what would change; nothing was written.\n", stdout);
        Assert.Equal(before, ws.Snapshot());
        Assert.Equal(["seed", "store"], Directory.GetFileSystemEntries(ws.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Downloads_are_cached_in_updater_cache_beside_seed_data_never_in_the_store()
    {
        using var ws = new Workspace(Urns, NewReport);
        await using var site = new FakeOfsted();
        PageWithNewInspection(site);

        var result = await Updater.Run(ws.Options(site, null, Urn) with { CacheDir = null });

        Assert.True(result.Written);
        Assert.Single(Directory.GetFiles(Path.Combine(ws.Root, ".updater-cache")), f => f.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(ws.Store, ".updater-cache")));
    }
}
