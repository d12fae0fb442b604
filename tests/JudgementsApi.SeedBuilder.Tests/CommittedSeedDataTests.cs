namespace JudgementsApi.SeedBuilder.Tests;

/// <summary>Checks the committed seed-data CSVs (not a fresh build) against hand-checked facts.</summary>
public class CommittedSeedDataTests
{
    static readonly string SeedDir = CommittedSeed.Dir;

    static List<Dictionary<string, string>> Read(string file) => CommittedSeed.Read(file);

    static readonly Lazy<List<Dictionary<string, string>>> Inspections = new(() => Read("inspections.csv"));
    static readonly Lazy<List<Dictionary<string, string>>> Judgements = new(() => Read("judgements.csv"));

    static Dictionary<string, string> Inspection(string id) => Inspections.Value.Single(i => i["id"] == id);
    static Dictionary<string, string> GradesOf(string id) =>
        Judgements.Value.Where(j => j["inspection_id"] == id).ToDictionary(j => j["area_code"], j => j["grade"]);

    [Fact]
    public void Files_have_the_format_md_headers()
    {
        var expected = new Dictionary<string, string>
        {
            ["regions.csv"] = "code,name,slug",
            ["councils.csv"] = "code,la_code,ofsted_urn,name,slug,type,region_code,opened,closed,former_codes,opened_note",
            ["council_successions.csv"] = "predecessor_code,successor_code,date",
            ["statistical_neighbours.csv"] = "council_code,rank,neighbour_code",
            ["grades.csv"] = "code,label,rank",
            ["frameworks.csv"] = "slug,name,description",
            ["framework_versions.csv"] = "slug,framework,name,effective_from,effective_to,grade_scale,source_url,notes",
            ["judgement_areas.csv"] = "code,name,family,description",
            ["framework_version_areas.csv"] = "framework_version,area_code,display_order,parent_area_code",
            ["inspections.csv"] = "id,council_code,framework_version,type,start_date,end_date,published,published_precision,lead_inspector,report_url,source_kind,source,notes",
            ["judgements.csv"] = "inspection_id,area_code,grade,status,note,evidence,evidence_document,evidence_line",
            ["focused_visits.csv"] = "id,council_code,letter_date,visit_start,visit_end,inspectors,focus,priority_action,report_url,source,letter_date_source,priority_action_kind,focus_text,corrected,printed,correction_reason",
            ["focused_visit_priority_actions.csv"] = "focused_visit_id,position,text,source_line",
        };
        foreach (var (file, header) in expected)
        {
            var text = File.ReadAllText(Path.Combine(SeedDir, file));
            Assert.StartsWith(header + "\n", text);
            Assert.DoesNotContain("\r", text);
        }
    }

    [Fact]
    public void There_are_153_current_councils_with_unique_slugs()
    {
        var councils = Read("councils.csv");
        Assert.Equal(153, councils.Count(c => c["closed"] == ""));
        Assert.Equal(councils.Count, councils.Select(c => c["slug"]).Distinct().Count());
        Assert.Contains(councils, c => c["code"] == "E06000051" && c["la_code"] == "893" && c["ofsted_urn"] == "80552" && c["slug"] == "shropshire");
        Assert.Contains(councils, c => c["code"] == "E06000065" && c["former_codes"].Split(';').Contains("E10000023") && c["type"] == "unitary");
        Assert.Contains(councils, c => c["code"] == "E10000009" && c["slug"] == "dorset-county-council" && c["closed"] == "2019-03-31");
        Assert.Contains(councils, c => c["code"] == "E06000063" && c["type"] == "unitary"); // Cumberland, stale "County" in the lookup
        var successions = Read("council_successions.csv");
        Assert.Contains(successions, s => s["predecessor_code"] == "E10000021" && s["successor_code"] == "E06000061" && s["date"] == "2021-04-01");
    }

    [Fact]
    public void Statistical_neighbours_point_at_councils()
    {
        var codes = Read("councils.csv").Select(c => c["code"]).ToHashSet();
        foreach (var n in Read("statistical_neighbours.csv"))
        {
            Assert.Contains(n["council_code"], codes);
            Assert.Contains(n["neighbour_code"], codes);
            Assert.InRange(int.Parse(n["rank"]), 1, 10);
        }
    }

    [Fact]
    public void Shropshire_2012_adequate_from_the_news()
    {
        var i = Inspections.Value.Single(x => x["council_code"] == "E06000051" && x["published"].StartsWith("2012-11"));
        Assert.Equal(("news", "month", "pre-2013"), (i["source_kind"], i["published_precision"], i["framework_version"]));
        Assert.Equal("adequate", GradesOf(i["id"])["pre2013_overall_effectiveness"]);
    }

    [Fact]
    public void Shropshire_2017_sif_good_with_sub_judgements()
    {
        var i = Inspection("shropshire-2017-11-24");
        Assert.Equal(("E06000051", "sif", "sif", "report"), (i["council_code"], i["framework_version"], i["type"], i["source_kind"]));
        GradeAssert.Has(GradesOf("shropshire-2017-11-24"),
            ("sif_overall_effectiveness", "good"), ("sif_help_and_protection", "good"),
            ("sif_children_looked_after", "requires_improvement"), ("sif_adoption_performance", "good"),
            ("sif_care_leavers", "requires_improvement"), ("sif_leadership", "good"), ("sif_lscb_effectiveness", "good"));
    }

    [Fact]
    public void Shropshire_2022_short_ilacs_and_2025_outstanding()
    {
        var i22 = Inspection("shropshire-2022-03-25");
        Assert.Equal(("ilacs-2018", "short"), (i22["framework_version"], i22["type"]));
        var g22 = GradesOf("shropshire-2022-03-25");
        Assert.Equal("good", g22["ilacs_overall_effectiveness"]);
        Assert.Equal("requires_improvement", g22["ilacs_help_and_protection"]);
        var i25 = Inspections.Value.Single(x => x["council_code"] == "E06000051" && x["published"].StartsWith("2025"));
        var g25 = GradesOf(i25["id"]);
        Assert.Equal("ilacs-2023", i25["framework_version"]);
        Assert.Equal("outstanding", g25["ilacs_overall_effectiveness"]);
        Assert.Equal("good", g25["ilacs_care_leavers"]);
    }

    [Fact]
    public void Telford_and_wrekin_requires_improvement_then_outstanding()
    {
        var t = Inspections.Value.Where(x => x["council_code"] == "E06000020").OrderBy(x => x["published"], StringComparer.Ordinal).ToList();
        var i16 = t.Single(x => x["published"].StartsWith("2016"));
        var i20 = t.Single(x => x["published"].StartsWith("2020"));
        Assert.Equal("requires_improvement", GradesOf(i16["id"])["sif_overall_effectiveness"]);
        Assert.Equal("outstanding", GradesOf(i20["id"])["ilacs_overall_effectiveness"]);
    }

    [Fact]
    public void Every_grade_is_on_its_versions_scale_and_every_graded_area_has_a_row()
    {
        var scales = Read("framework_versions.csv").ToDictionary(v => v["slug"], v => v["grade_scale"].Split(';').ToHashSet());
        var areas = Read("framework_version_areas.csv").GroupBy(a => a["framework_version"])
            .ToDictionary(g => g.Key, g => g.Select(a => a["area_code"]).Order(StringComparer.Ordinal).ToList());
        var byInspection = Judgements.Value.ToLookup(j => j["inspection_id"]);
        Assert.Equal(Judgements.Value.Count, Judgements.Value.Select(j => (j["inspection_id"], j["area_code"])).Distinct().Count());
        foreach (var i in Inspections.Value)
        {
            var js = byInspection[i["id"]].ToList();
            Assert.Equal(areas[i["framework_version"]], js.Select(j => j["area_code"]).Order(StringComparer.Ordinal).ToList());
            foreach (var j in js)
            {
                if (j["grade"] == "") Assert.False(string.IsNullOrWhiteSpace(j["note"]), $"{i["id"]} {j["area_code"]}: no grade and no note");
                else Assert.Contains(j["grade"], scales[i["framework_version"]]);
            }
        }
    }

    [Fact]
    public void Inspections_reference_councils_and_are_sorted()
    {
        var codes = Read("councils.csv").Select(c => c["code"]).ToHashSet();
        var list = Inspections.Value;
        Assert.All(list, i => Assert.Contains(i["council_code"], codes));
        Assert.Equal(list.Count, list.Select(i => i["id"]).Distinct().Count());
        var sorted = list.OrderBy(i => i["published"], StringComparer.Ordinal).ThenBy(i => i["id"], StringComparer.Ordinal).Select(i => i["id"]);
        Assert.Equal(sorted, list.Select(i => i["id"]));
        Assert.All(list, i => Assert.Contains(i["source_kind"], new[] { "report", "override", "news", "cited" }));
    }
}
