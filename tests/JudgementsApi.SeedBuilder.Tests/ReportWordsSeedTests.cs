using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.Tests;

/// <summary>Issue #11 in the committed seed data: statuses, evidence, appended reviews, cited judgements, priority actions.</summary>
public class ReportWordsSeedTests
{
    static List<Dictionary<string, string>> Read(string file) => CommittedSeed.Read(file);
    static readonly Lazy<List<Dictionary<string, string>>> Judgements = new(() => Read("judgements.csv"));
    static Dictionary<string, string> J(string id, string area) =>
        Judgements.Value.Single(j => j["inspection_id"] == id && j["area_code"] == area);

    /// <summary>The grade a phrase in the report's words states ("Requires improvement", "require improvement to be good" …).</summary>
    static IEnumerable<string?> GradesStatedIn(string evidence) =>
        Regex.Matches(evidence, @"requires? improvement(?: to be good)?|outstanding|inadequate|adequate|good", RegexOptions.IgnoreCase)
            .Select(m => ReportParser.GradeCode(m.Value));

    [Fact]
    public void Every_graded_judgement_has_evidence_stating_its_grade()
    {
        var graded = Judgements.Value.Where(j => j["grade"] != "").ToList();
        Assert.True(graded.Count > 2500);
        Assert.All(graded, j =>
        {
            Assert.Equal("graded", j["status"]);
            Assert.False(string.IsNullOrWhiteSpace(j["evidence"]), $"{j["inspection_id"]} {j["area_code"]}: no evidence");
            Assert.False(string.IsNullOrWhiteSpace(j["evidence_document"]), $"{j["inspection_id"]} {j["area_code"]}: no document");
            Assert.True(int.TryParse(j["evidence_line"], out var line) && line > 0, $"{j["inspection_id"]} {j["area_code"]}: no line");
            Assert.Contains(j["grade"], GradesStatedIn(j["evidence"]));
        });
    }

    [Fact]
    public void Statuses_keep_not_judged_not_covered_and_unknown_apart()
    {
        Assert.All(Judgements.Value, j => Assert.Equal(j["grade"] != "", j["status"] == "graded"));
        // Isles of Scilly 2016, line 14-15: "2. Children looked after and achieving … Not Judged … permanence"
        var scilly = J("isles-of-scilly-2016-06-27", "sif_children_looked_after");
        Assert.Equal(("", "not_judged"), (scilly["grade"], scilly["status"]));
        Assert.Contains("Not Judged", scilly["evidence"]);
        Assert.Equal("not_judged", J("city-of-london-2016-09-20", "sif_adoption_performance")["status"]);
        Assert.Equal(4, Judgements.Value.Count(j => j["status"] == "not_judged"));
        // Surrey 2015-08-03 is the review of the LSCB only: the services were not covered.
        Assert.Equal("not_covered", J("surrey-2015-08-03", "sif_overall_effectiveness")["status"]);
        // A SIF re-inspection without an LSCB review ("Re-inspection of services for children in need…", Surrey 2018).
        Assert.Equal("not_covered", J("surrey-2018-05-16", "sif_lscb_effectiveness")["status"]);
        // Shropshire's 2012 press release states only the overall grade: the other areas were judged, grade unknown.
        Assert.Equal("unknown", J("shropshire-2012-11-01", "pre2013_lac_outcomes")["status"]);
    }

    [Fact]
    public void Hulls_2015_report_holds_its_lscb_review()
    {
        // 80477_kingston-upon-hull_2015-02-10.txt line 1663: "The Local Safeguarding Children Board requires improvement"
        var lscb = J("kingston-upon-hull-2015-02-10", "sif_lscb_effectiveness");
        Assert.Equal(("requires_improvement", "graded"), (lscb["grade"], lscb["status"]));
        Assert.Equal("The Local Safeguarding Children Board requires improvement", lscb["evidence"]);
        Assert.Equal(("80477_kingston-upon-hull_2015-02-10.txt", "1663"), (lscb["evidence_document"], lscb["evidence_line"]));
    }

    [Fact]
    public void Former_councils_judgements_cited_by_their_successors()
    {
        var inspections = Read("inspections.csv");
        var cited = inspections.Where(i => i["source_kind"] == "cited").ToDictionary(i => i["id"]);
        Assert.Equal(["cumbria-2022-11", "northamptonshire-2019"], cited.Keys.Order(StringComparer.Ordinal));
        // 2637539_north-northamptonshire_2022-11-25.txt lines 23-24: "Children's services in the predecessor local
        // authority, Northamptonshire County Council, were judged inadequate in 2019."
        var n = cited["northamptonshire-2019"];
        Assert.Equal(("E10000021", "2019-01-01", "year", "cited", "ilacs-2018"), (n["council_code"], n["published"], n["published_precision"], n["type"], n["framework_version"]));
        Assert.Equal("", n["report_url"]);
        var no = J("northamptonshire-2019", "ilacs_overall_effectiveness");
        Assert.Equal(("inadequate", "2637539_north-northamptonshire_2022-11-25.txt", "23"), (no["grade"], no["evidence_document"], no["evidence_line"]));
        Assert.Equal("unknown", J("northamptonshire-2019", "ilacs_help_and_protection")["status"]);
        // 2733690_cumberland_2024-11-26.txt lines 26-27: "…Cumbria County Council, were judged requires improvement to be
        // good in November 2022."
        var c = cited["cumbria-2022-11"];
        Assert.Equal(("E10000006", "2022-11-01", "month"), (c["council_code"], c["published"], c["published_precision"]));
        Assert.Equal("requires_improvement", J("cumbria-2022-11", "ilacs_overall_effectiveness")["grade"]);
    }

    [Fact]
    public void Councils_opened_before_dfes_list_have_no_date_but_a_note()
    {
        var councils = Read("councils.csv").ToDictionary(c => c["code"]);
        Assert.DoesNotContain(councils.Values, c => c["opened"] == "2009-01-01");
        Assert.Equal("", councils["E06000051"]["opened"]);
        Assert.StartsWith("before 2009-01-01", councils["E06000051"]["opened_note"]);
        Assert.Equal(("2023-04-01", ""), (councils["E06000063"]["opened"], councils["E06000063"]["opened_note"])); // Cumberland
    }

    [Fact]
    public void Focused_visits_say_which_priority_actions_are_new_and_quote_them()
    {
        var visits = Read("focused_visits.csv").ToDictionary(v => v["id"]);
        var areas = Read("focused_visit_priority_actions.csv").ToLookup(a => a["focused_visit_id"]);
        // 80533_nottingham_2021-08-09.txt lines 60-61: "The areas for priority action set at the last focused visit in
        // February 2020 remain. There are no additional priority actions."
        Assert.Equal(("true", "carried_over"), (visits["nottingham-2021-08-09-fv"]["priority_action"], visits["nottingham-2021-08-09-fv"]["priority_action_kind"]));
        Assert.Empty(areas["nottingham-2021-08-09-fv"]);
        // 80526_north-east-lincolnshire_2021-06-18.txt line 49: "In addition to the existing areas for priority action, the
        // following areas for improvement have been identified" (improvement, not priority action: nothing new).
        Assert.Equal("carried_over", visits["north-east-lincolnshire-2021-06-18-fv"]["priority_action_kind"]);
        // 80526_north-east-lincolnshire_2019-12-18.txt line 69: "In addition to addressing the two priority actions not
        // resolved following the last focused visit…", then five areas; line 73: "◼ Visits to children proportionate to
        // the level of risk and need."
        Assert.Equal("new_and_carried_over", visits["north-east-lincolnshire-2019-12-18-fv"]["priority_action_kind"]);
        var nel = areas["north-east-lincolnshire-2019-12-18-fv"].ToList();
        Assert.Equal(5, nel.Count);
        Assert.Equal(("1", "Visits to children proportionate to the level of risk and need.", "73"), (nel[0]["position"], nel[0]["text"], nel[0]["source_line"]));
        // 80552_shropshire_2024-01-12.txt line 84: "◼ Weaknesses in child protection practice, which leave children at risk of significant"
        var shropshire = Assert.Single(areas["shropshire-2024-01-12-fv"]);
        Assert.StartsWith("Weaknesses in child protection practice, which leave children at risk of significant harm, including", shropshire["text"]);
        // Every visit with new areas lists them; none without.
        Assert.All(visits.Values, v => Assert.Equal(v["priority_action_kind"] is "new" or "new_and_carried_over", areas[v["id"]].Any()));
        Assert.All(visits.Values, v => Assert.Equal(v["priority_action"] == "true", v["priority_action_kind"] != "none"));
        // Cambridgeshire's 2025 letter prints no date: the publication date stands in, and says so.
        Assert.Equal(("2025-08-29", "publication"), (visits["cambridgeshire-2025-08-29-fv"]["letter_date"], visits["cambridgeshire-2025-08-29-fv"]["letter_date_source"]));
        Assert.Single(visits.Values, v => v["letter_date_source"] == "publication");
    }
}
