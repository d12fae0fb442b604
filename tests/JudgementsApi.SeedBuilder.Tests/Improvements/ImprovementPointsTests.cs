using System.Text.RegularExpressions;
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
        Assert.Equal(4930, Points.Value.Count);
        Assert.Equal(3799, Points.Value.Count(p => p["inspection_id"] != ""));
        Assert.Equal(1131, Points.Value.Count(p => p["focused_visit_id"] != ""));
        Assert.Equal(356, Points.Value.Select(p => p["focused_visit_id"]).Where(id => id != "").Distinct().Count());
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
        // Thurrock 2024 (outstanding) has no list (North Lincolnshire 2022's, in prose, is read a paragraph a point).
        Assert.Equal(["thurrock-2024-10-29"], without);
    }

    /// <summary>Over the real source texts: each ILACS report (2018 on) and focused-visit letter whose text has the heading
    /// (looked for here more loosely than the reader does) has points, so a reader that misses a list fails this.</summary>
    [Fact]
    public void Every_ilacs_report_and_letter_whose_text_has_the_heading_yields_points()
    {
        var reports = Path.Combine(CommittedSeed.SharedData(), "reports");
        bool HasHeading(string file, string words) =>
            File.ReadLines(Path.Combine(reports, file)).Any(l => Regex.IsMatch(l.Replace("\f", ""), $@"^\s*{words}", RegexOptions.IgnoreCase));
        var withPoints = Points.Value.Select(p => p["inspection_id"] + p["focused_visit_id"]).ToHashSet();

        var ilacs = Inspections.Value.Where(i => i["framework_version"].StartsWith("ilacs", StringComparison.Ordinal)
            && i["source_kind"] == "report" && HasHeading("inspections/" + i["source"], @"What\s+needs\s+to\s+improve\b")).ToList();
        Assert.True(ilacs.Count > 300, $"{ilacs.Count} ILACS reports with the heading");
        Assert.Empty(ilacs.Where(i => !withPoints.Contains(i["id"])).Select(i => i["id"]));

        var letters = CommittedSeed.Read("focused_visits.csv")
            .Where(v => HasHeading("focused-visits/" + v["source"], @"What\s+needs\s+to\s+improve\s+in\s+this\s+area")).ToList();
        Assert.True(letters.Count > 300, $"{letters.Count} letters with the heading");
        // Two letters set no list of their own: "The areas for improvement set at the last focused visit in February 2020
        // remain" (Nottingham); "… continue to be those that were identified at the ILACS inspection in July 2018" (Sunderland).
        Assert.Equal(["nottingham-2021-08-09-fv", "sunderland-2021-05-11-fv"],
            letters.Where(v => !withPoints.Contains(v["id"])).Select(v => v["id"]).Order(StringComparer.Ordinal));
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
        // "Sufficient" is placement sufficiency only about placements, homes or carers, never as in "not sufficiently clear".
        Assert.Equal("assessment_and_planning", Themes.Of("Plans are not sufficiently effective in reducing needs."));
        Assert.Equal("workforce", Themes.Of("Ensure sufficient workforce and managerial capacity to manage staff effectively."));
        Assert.Equal("placement_sufficiency", Themes.Of("Recruit and retain sufficient numbers of foster carers."));
        Assert.Equal("placement_sufficiency", Themes.Of("Placement and accommodation sufficiency."));
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
    public void A_list_in_paragraphs_is_a_point_a_paragraph_and_a_page_break_after_a_full_stop_ends_one()
    {
        var text = "What needs to improve in this area of social work practice\n\nAssessments are\nbrief.\n\n" +
            "Plans are not\nclear.\n\fSupervision is\nirregular. It\n\fdoes not reflect.\n\nOfsted will take the findings from this visit\n";
        var list = ImprovementLists.ReadFocusedVisit(text);
        Assert.Equal(["Assessments are brief.", "Plans are not clear.", "Supervision is irregular. It does not reflect."],
            list.Points.Select(p => p.Text));
        Assert.Equal([(3, 4), (6, 7), (8, 10)], list.Points.Select(p => (p.LineFrom, p.LineTo)));
        Assert.Contains("line 1: a list in paragraphs, not bullets: each paragraph is read as a point", list.Problems);
    }

    [Fact]
    public void A_letter_that_keeps_the_earlier_list_has_no_points_and_unknown_marks_are_not_paragraphs()
    {
        var kept = ImprovementLists.ReadFocusedVisit("What needs to improve in this area of social work practice?\n\n" +
            "The areas for improvement set at the last focused visit in February 2020 remain.\n\nMain findings\n\nIt was a year.\n");
        Assert.Empty(kept.Points);
        Assert.Equal((1, "line 1: no list of its own: \"The areas for improvement set at the last focused visit in February 2020 remain.\""),
            (kept.HeadingLine, Assert.Single(kept.Problems)));
        var marked = ImprovementLists.ReadInspection("What needs to improve?\n* Supervision.\n* Plans.\n\n" +
            "The experiences and progress of children who need help and\nprotection: good\n", "ilacs-2023");
        Assert.Empty(marked.Points);
        Assert.Equal("line 1: a heading but no bulleted points after it (\"*\" opens a line)", Assert.Single(marked.Problems));
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
