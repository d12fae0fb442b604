using JudgementsApi.SeedBuilder.Improvements;

namespace JudgementsApi.SeedBuilder.Tests.Improvements;

/// <summary>improvement_points.csv as committed, and the reader on the layouts it meets.</summary>
public class ImprovementPointsTests
{
    static readonly Lazy<List<Dictionary<string, string>>> Points = new(() => CommittedSeed.Read("improvement_points.csv"));
    static readonly Lazy<List<Dictionary<string, string>>> Inspections = new(() => CommittedSeed.Read("inspections.csv"));

    static Dictionary<string, string> Point(string inspectionId, int position) =>
        Points.Value.Single(p => p["inspection_id"] == inspectionId && p["position"] == position.ToString());

    [Fact]
    public void Counts_per_kind_of_report()
    {
        Assert.Equal(4924, Points.Value.Count);
        Assert.Equal(3798, Points.Value.Count(p => p["inspection_id"] != ""));
        Assert.Equal(1126, Points.Value.Count(p => p["focused_visit_id"] != ""));
        Assert.Equal(355, Points.Value.Select(p => p["focused_visit_id"]).Where(id => id != "").Distinct().Count());
        Assert.Equal(257, Points.Value.Count(p => p["framework_tag"] != ""));
        Assert.All(Points.Value, p => Assert.True((p["inspection_id"] == "") != (p["focused_visit_id"] == "")));
    }

    [Fact]
    public void Every_ilacs_and_sif_report_with_a_list_has_points()
    {
        var with = Points.Value.Select(p => p["inspection_id"]).ToHashSet();
        var without = Inspections.Value
            .Where(i => i["source_kind"] == "report" && i["framework_version"] != "pre-2013" && !with.Contains(i["id"]))
            .Select(i => i["id"]).Order(StringComparer.Ordinal);
        // North Lincolnshire 2022 answers "What needs to improve?" in prose; Thurrock 2024 (outstanding) has no list.
        Assert.Equal(["north-lincolnshire-2022-11-25", "thurrock-2024-10-29"], without);
    }

    [Fact]
    public void Points_are_in_ofsteds_words_with_their_lines()
    {
        var dorset = Point("dorset-2025-05-09", 1);
        Assert.Equal("The clarity and detail of the care leaver offer, including for care leavers who are parents.", dorset["text"]);
        Assert.Equal(("outcome_4", "(Outcome four, National Framework)"), (dorset["framework_tag"], dorset["framework_tag_text"]));
        Assert.Equal(("inspections/2532283_dorset_2025-05-09.txt", "41", "42"), (dorset["source"], dorset["line_from"], dorset["line_to"]));
        // A line broken after "16-" keeps its space; the report's curly apostrophes are kept.
        Assert.Equal("The consistency of support for 16- and 17-year-old children presenting as homeless.",
            Point("cambridgeshire-2024-05-16", 7)["text"]);
        var calderdale = Point("calderdale-2015-03-20", 12);
        Assert.StartsWith("Improve Independent Reviewing Officers\u2019 consideration", calderdale["text"]);
        Assert.Equal(("Areas for improvement", "Looked after children"), (calderdale["list_heading"], calderdale["area_heading"]));
        // pdftotext printed the next heading after point 3: it is not part of the point.
        Assert.EndsWith("when children are missing from home and care.", Point("calderdale-2015-03-20", 3)["text"]);
        Assert.Equal("Priority and immediate action", Point("calderdale-2015-03-20", 3)["list_heading"]);
        Assert.Equal(17, Points.Value.Count(p => p["inspection_id"] == "calderdale-2015-03-20"));
        // A point that introduces a list keeps its items, a line each.
        Assert.Equal(3, Point("manchester-2022-05-19", 1)["text"].Split("\n• ").Length - 1);
    }

    [Fact]
    public void Tags_come_from_the_closed_list_and_principles_stay_untagged()
    {
        var codes = CommittedSeed.Read("national_framework_tags.csv").Select(t => t["code"]).ToHashSet();
        Assert.Equal(7, codes.Count);
        Assert.All(Points.Value.Where(p => p["framework_tag"] != ""), p => Assert.Contains(p["framework_tag"], codes));
        Assert.All(Points.Value.Where(p => p["framework_tag"] != ""), p => Assert.NotEqual("", p["framework_tag_text"]));
        Assert.Equal(5, Points.Value.Count(p => p["framework_tag"] == "" && p["framework_tag_text"].Contains("rinciple")));
    }

    [Fact]
    public void Themes_come_from_the_rules_or_an_override_and_other_is_allowed()
    {
        var themes = CommittedSeed.Read("improvement_themes.csv").Select(t => t["code"]).ToList();
        Assert.Equal("other", themes[^1]);
        Assert.All(Points.Value, p => Assert.Contains(p["theme"], themes));
        Assert.All(Points.Value.Where(p => p["theme"] != "other"), p => Assert.NotEqual("other", Themes.Of(p["text"])));
        Assert.Equal("workforce", Point("cambridgeshire-2024-05-16", 1)["theme"]);
        Assert.Equal(("care_leavers_accommodation", "placement_sufficiency"),
            (Themes.Of(Point("cambridgeshire-2024-05-16", 2)["text"]), Point("cambridgeshire-2024-05-16", 2)["theme"]));
        Assert.Equal("homeless_16_17", Point("cambridgeshire-2024-05-16", 7)["theme"]);
        Assert.True(Points.Value.Count(p => p["theme"] == "other") < Points.Value.Count / 10);
    }

    [Theory]
    [InlineData("(Outcome four, National Framework)", "outcome_4")]
    [InlineData("(outcome 1: national framework)", "outcome_1")]
    [InlineData("[ Outcome 4, national framework]", "outcome_4")]
    [InlineData("(National Framework enabler two)", "enabler_2")]
    [InlineData("(enabler: the workforce is equipped and effective, national framework)", "enabler_3")]
    [InlineData("(Outcome 3 National Social Care Framework)", "outcome_3")]
    [InlineData("(principle 2, national framework)", null)]
    [InlineData("(Outcome 5)", null)]
    public void Footnotes_normalise_only_when_they_name_an_outcome_or_enabler(string footnote, string? code) =>
        Assert.Equal(code, FrameworkTags.Normalise(footnote));

    [Fact]
    public void A_footnote_is_taken_out_of_the_point()
    {
        Assert.Equal(("The response to homeless 16- and 17-year-olds.", "(outcome 1: national framework)"),
            FrameworkTags.Split("The response to homeless 16- and 17-year-olds. (outcome 1: national framework)"));
        Assert.Equal(("Safety planning.", "(Outcome 3)"), FrameworkTags.Split("Safety planning (Outcome 3)."));
        Assert.Equal(("Work with families (outcome-focused) to agree plans.", null),
            FrameworkTags.Split("Work with families (outcome-focused) to agree plans."));
    }

    [Fact]
    public void A_bulleted_list_ends_at_the_next_heading_and_rejoins_wrapped_words()
    {
        var text = "Intro\n\nWhat needs to improve?\n\u25FC The quality of decision-\n  making for children.\n" +
            "\u25FC Supervision. (Enabler two)\n\n" +
            "The experiences and progress of children who need help and\nprotection: good\n";
        var list = ImprovementLists.ReadInspection(text, "ilacs-2023");
        Assert.Equal(3, list.HeadingLine);
        Assert.Equal(["The quality of decision-making for children.", "Supervision."], list.Points.Select(p => p.Text));
        Assert.Equal((4, 5), (list.Points[0].LineFrom, list.Points[0].LineTo));
        Assert.Equal("enabler_2", list.Points[1].Tag);
    }

    [Fact]
    public void Sif_recommendations_skip_the_statement_that_there_are_none()
    {
        var text = "What does the local authority need to improve?\nPriority and immediate action\n\n" +
            "1. There are no areas for priority or immediate action.\n\nAreas for improvement\n\nHelp and protection\n\n" +
            "2.   Improve the quality of\n     assessments.\n\nThe local authority’s strengths\n\n3.   Early help is good.\n";
        var list = ImprovementLists.ReadInspection(text, "sif");
        var point = Assert.Single(list.Points);
        Assert.Equal(("Improve the quality of assessments.", "Areas for improvement", "Help and protection"),
            (point.Text, point.ListHeading, point.AreaHeading));
        Assert.Equal(1, point.Position);
    }
}
