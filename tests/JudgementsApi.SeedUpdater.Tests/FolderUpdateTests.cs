using System.Diagnostics;

namespace JudgementsApi.SeedUpdater.Tests;

/// <summary>seed-data/update.sh --from-folder: PDFs a person downloaded by hand.</summary>
public class FolderUpdateTests
{
    const string NewReport = "inspections/80447_cheshire-east_2024-05-16.txt";

    internal static (int Code, string Out, string Err) UpdateSh(params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Paths.Repo };
        psi.ArgumentList.Add(Path.Combine(Paths.Repo, "seed-data", "update.sh"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        // ./test.sh has built the Release binary already; the script builds it when it is missing.
        psi.Environment["UPDATER_NO_BUILD"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); throw new TimeoutException("update.sh did not finish"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void A_report_pdf_not_in_the_dataset_is_added_with_its_grades_and_a_second_run_changes_nothing()
    {
        using var ws = new Workspace(["80447", "80584"], NewReport);
        var folder = Directory.CreateDirectory(Path.Combine(ws.Root, "downloads")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "80447_cheshire-east_2024-05-16.pdf"), PdfMaker.FromText(Workspace.SharedText(NewReport)));
        File.WriteAllBytes(Path.Combine(folder, "agenda.pdf"), PdfMaker.FromText("Agenda"));

        var metrics = Path.Combine(ws.Root, "updater.prom");
        var (code, stdout, stderr) = UpdateSh("--from-folder", folder, "--store", ws.Store, "--seed-data", ws.Seed,
            "--metrics-file", metrics);

        Assert.True(code == 0, stderr + stdout);
        Assert.True(stdout.Contains("## Inspections added (1)"), stdout + stderr);
        Assert.Contains("- cheshire-east-2024-05-16: ilacs_care_leavers inadequate, ilacs_children_in_care requires_improvement, ilacs_help_and_protection requires_improvement, ilacs_impact_of_leaders requires_improvement, ilacs_overall_effectiveness inadequate", stdout);
        Assert.Contains("agenda.pdf: the PDF has almost no text", stdout);
        // The same judgements as the committed dataset read from the report's text.
        static List<string> Grades(IEnumerable<Dictionary<string, string>> rows) =>
            rows.Where(r => r["inspection_id"] == "cheshire-east-2024-05-16").Select(r => $"{r["area_code"]}={r["grade"]}").ToList();
        var committed = Grades(JudgementsApi.SeedBuilder.Csv.ReadDicts(Path.Combine(Paths.Repo, "seed-data", "judgements.csv")));
        Assert.Equal(5, committed.Count);
        Assert.Equal(committed, Grades(ws.SeedRows("judgements.csv")));
        // For Prometheus: the run succeeded, added one document, and the store's newest publication.
        var newest = new SourceStore(ws.Store).Rows.Max(r => r.Published);
        Assert.True(newest >= new DateOnly(2024, 5, 16));
        var text = File.ReadAllText(metrics);
        Assert.Contains("\njudgements_updater_documents_added 1\n", text);
        var newestSeconds = new DateTimeOffset(newest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Contains($"\njudgements_updater_data_as_of_timestamp_seconds {newestSeconds}\n", text);
        Assert.Matches(@"\njudgements_updater_last_success_timestamp_seconds \d{10}\n", text);

        var before = ws.Snapshot();
        var again = UpdateSh("--from-folder", folder, "--store", ws.Store, "--seed-data", ws.Seed, "--metrics-file", metrics);
        Assert.Equal(0, again.Code);
        Assert.Contains("\njudgements_updater_documents_added 0\n", File.ReadAllText(metrics));
        Assert.Contains("Documents already held: 1.", again.Out);
        Assert.Equal(before, ws.Snapshot());
    }

    /// <summary>Thurrock's 2024 report has no list of what must improve: the change summary says so (#26 item 5).</summary>
    [Fact]
    public async Task A_new_report_whose_improvement_list_is_not_read_is_named_in_the_change_summary()
    {
        const string thurrock = "inspections/80571_thurrock_2024-10-29.txt";
        using var ws = new Workspace(["80571"], thurrock);
        var folder = Directory.CreateDirectory(Path.Combine(ws.Root, "downloads")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "80571_thurrock_2024-10-29.pdf"), PdfMaker.FromText(Workspace.SharedText(thurrock)));

        var result = await Updater.Run(ws.Options(folder: folder));

        Assert.Equal([thurrock], result.Added.Select(a => a.Row.File));
        var summary = ChangeSummary.Render(result);
        Assert.Contains("## Improvement lists not read: the report is in, its points are not (seed-data/QUALITY.md) (1)", summary);
        Assert.Contains("- `80571_thurrock_2024-10-29.txt` (ilacs-2023): no list of what must improve was found", summary);
        Assert.Contains("## Inspections added (1)", summary);
    }

    [Fact]
    public async Task Monitoring_visit_and_JTAI_letters_become_visits_of_their_kind()
    {
        using var ws = new Workspace(["80584"]);
        var folder = Directory.CreateDirectory(Path.Combine(ws.Root, "downloads")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "80584_worcestershire_2026-10-02.pdf"), PdfMaker.FromText(Letter(
            "Monitoring visit to Worcestershire children's services",
            "This letter summarises the findings of the monitoring visit to Worcestershire children's services on 8 and 9 September 2026. " +
            "This visit was the second monitoring visit since the local authority was judged inadequate. His Majesty's Inspectors for this visit were Jane Doe and John Roe.",
            "Inspectors reviewed the progress made in the quality of practice for care leavers.", "2 October 2026")));
        File.WriteAllBytes(Path.Combine(folder, "80584_worcestershire_2026-11-06.pdf"), PdfMaker.FromText(Letter(
            "Joint targeted area inspection of the multi-agency response to children and families who need help in Worcestershire",
            "This letter summarises the findings of the joint targeted area inspection (JTAI) of the multi-agency response to children and families who need help in Worcestershire " +
            "between 22 and 26 September 2026. The inspectors were Ann Smith, His Majesty's Inspector, and Bob Jones, His Majesty's Inspector.",
            "The inspection was carried out by Ofsted, the Care Quality Commission, HMICFRS and HMI Probation.", "6 November 2026")));

        var result = await Updater.Run(ws.Options(folder: folder));

        Assert.Empty(result.Rejected);
        Assert.Equal(["monitoring_visit", "jtai"], result.Added.Select(a => a.Row.Kind));
        Assert.Equal(["monitoring-visits/80584_worcestershire_2026-10-02.txt", "jtai/80584_worcestershire_2026-11-06.txt"], result.Added.Select(a => a.Row.File));
        var visits = ws.SeedRows("visits.csv");
        Assert.True(visits.Count == 2, ChangeSummary.Render(result));
        var mv = visits[0];
        Assert.Equal(("worcestershire-2026-10-02-mv", "E10000034", "monitoring_visit", "2026-10-02", "2026-09-08", "2026-09-09", "Jane Doe;John Roe", "care leavers"),
            (mv["id"], mv["council_code"], mv["kind"], mv["letter_date"], mv["visit_start"], mv["visit_end"], mv["inspectors"], mv["theme"]));
        var jtai = visits[1];
        Assert.Equal(("worcestershire-2026-11-06-jtai", "jtai", "2026-11-06", "2026-09-22", "2026-09-26", "Ann Smith;Bob Jones", "children and families who need help"),
            (jtai["id"], jtai["kind"], jtai["letter_date"], jtai["visit_start"], jtai["visit_end"], jtai["inspectors"], jtai["theme"]));
        var summary = ChangeSummary.Render(result);
        Assert.Contains("## Monitoring visits and JTAIs added (2)", summary);
        Assert.Contains("- worcestershire-2026-10-02-mv", summary);
    }

    static string Letter(string subject, string opening, string body, string date) => $"""
        Ofsted
        Piccadilly Gate    T 0300 123 1231
        Store Street       Textphone 0161 618 8524
        Manchester         enquiries@ofsted.gov.uk
        M1 2WD             www.gov.uk/ofsted



        {date}

        A Director
        Director of Children's Services
        Worcestershire County Council
        County Hall
        Worcester


        Dear A Director

        {subject}

        {opening}

        {body}

        Headline findings

        Leaders know their services well and have made progress since the last visit. Work with children
        is improving, but it is not yet consistently good across the service.

        Yours sincerely

        Ann Inspector
        His Majesty's Inspector
        """;
}
