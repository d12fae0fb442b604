using JudgementsApi.SeedBuilder.Tests.Fixtures;

namespace JudgementsApi.SeedBuilder.Tests;

public class ReportParserTests
{
    static Dictionary<string, string?> Grades(ParsedReport r) => r.Judgements.Values.ToDictionary(j => j.AreaCode, j => j.Grade);

    [Fact]
    public void Pre2013_reads_the_record_of_main_findings()
    {
        var r = ReportParser.Parse("x.txt", ReportFixtures.Pre2013);
        Assert.Empty(r.Problems);
        Assert.Equal(("pre-2013", "pre_2013"), (r.Version, r.Type));
        Assert.Equal(new DateOnly(2013, 7, 8), r.Start);
        Assert.Equal(new DateOnly(2013, 7, 12), r.End);
        Assert.Equal("Alex Example", r.LeadInspector);
        var g = Grades(r);
        Assert.Equal("adequate", g["pre2013_overall_effectiveness"]);
        Assert.Equal("good", g["pre2013_capacity_to_improve"]);
        Assert.Equal("inadequate", g["pre2013_lac_outcomes"]); // "Inadequate Grade 4"
        Assert.Equal("adequate", g["pre2013_lac_quality_of_provision"]);
        Assert.Equal("adequate", g["pre2013_lac_leadership"]);
    }

    [Fact]
    public void Sif_reads_wrapped_grades_sub_judgements_and_lscb()
    {
        var r = ReportParser.Parse("x.txt", ReportFixtures.Sif);
        Assert.Empty(r.Problems);
        Assert.Equal(("sif", "sif"), (r.Version, r.Type));
        Assert.Equal(new DateOnly(2017, 9, 11), r.Start);
        Assert.Equal(new DateOnly(2017, 10, 5), r.End);
        Assert.Equal(new DateOnly(2017, 11, 24), r.PublishedInText);
        Assert.Equal("Sam Sample", r.LeadInspector);
        var g = Grades(r);
        Assert.Equal("good", g["sif_overall_effectiveness"]);
        Assert.Equal("good", g["sif_help_and_protection"]);
        Assert.Equal("requires_improvement", g["sif_children_looked_after"]); // "Requires improvement to" / "be good"
        Assert.Equal("good", g["sif_adoption_performance"]);
        Assert.Equal("requires_improvement", g["sif_care_leavers"]); // grade above and below the label
        Assert.Equal("good", g["sif_leadership"]);
        Assert.Equal("good", g["sif_lscb_effectiveness"]);
    }

    [Fact]
    public void Sif_reads_grades_split_above_and_below_labels_without_blank_lines()
    {
        var r = ReportParser.Parse("x.txt", ReportFixtures.SifSplitGrades);
        Assert.Empty(r.Problems);
        var g = Grades(r);
        Assert.Equal("requires_improvement", g["sif_overall_effectiveness"]);
        Assert.Equal("requires_improvement", g["sif_help_and_protection"]);
        Assert.Equal("requires_improvement", g["sif_children_looked_after"]);
        Assert.Equal("good", g["sif_adoption_performance"]);
        Assert.Equal("requires_improvement", g["sif_care_leavers"]);
        Assert.Equal("inadequate", g["sif_leadership"]);
        Assert.Equal("requires_improvement", g["sif_lscb_effectiveness"]);
        Assert.Equal(new DateOnly(2014, 4, 29), r.Start);
        Assert.Equal("Pat Person", r.LeadInspector);
    }

    [Fact]
    public void Sif_reinspection_has_no_lscb_grade_and_keeps_not_judged_as_null()
    {
        var r = ReportParser.Parse("x.txt", ReportFixtures.SifReinspection);
        Assert.Empty(r.Problems);
        Assert.Equal(("sif", "sif_reinspection"), (r.Version, r.Type));
        var g = Grades(r);
        Assert.Equal("inadequate", g["sif_overall_effectiveness"]);
        Assert.Equal("requires_improvement", g["sif_adoption_performance"]);
        Assert.Null(g["sif_care_leavers"]);
        Assert.StartsWith("not judged", r.Judgements["sif_care_leavers"].Note);
        Assert.Null(g["sif_lscb_effectiveness"]);
        Assert.Contains("no LSCB review", r.Judgements["sif_lscb_effectiveness"].Note);
    }

    [Fact]
    public void An_lscb_review_appended_after_the_report_is_read_with_its_line()
    {
        // Hull 2015: the first report's title names no LSCB review; a second report follows its back page.
        var first = ReportFixtures.Sif
            .Replace("and\nReview of the effectiveness of the Local Safeguarding Children\nBoard1\n", "")
            .Replace("The Local Safeguarding Children Board (LSCB)\nThe Local Safeguarding Children Board is good\n", "");
        var without = ReportParser.Parse("x.txt", first);
        Assert.Empty(without.Problems);
        Assert.Equal("not_covered", without.Judgements["sif_lscb_effectiveness"].Status);

        var appended = first + string.Concat(Enumerable.Repeat("Back page text.\n", 45)) + """
            Examplefield Safeguarding
            Children Board
            Inspection of the effectiveness of the local safeguarding
            children board
            Inspection date: 11 September 2017 to 5 October 2017

            The Local Safeguarding Children Board requires improvement
            """;
        var r = ReportParser.Parse("x.txt", appended);
        Assert.Empty(r.Problems);
        var lscb = r.Judgements["sif_lscb_effectiveness"];
        Assert.Equal(("requires_improvement", "graded", "The Local Safeguarding Children Board requires improvement"), (lscb.Grade, lscb.Status, lscb.Evidence));
        var lines = appended.Split('\n');
        Assert.Equal("The Local Safeguarding Children Board requires improvement", lines[lscb.Line!.Value - 1].Trim());
        Assert.NotNull(r.AppendedLscbReviewLine);
        // Table rows carry their own words as evidence.
        Assert.Equal("2.1 Adoption performance Good", r.Judgements["sif_adoption_performance"].Evidence);
    }

    [Fact]
    public void Lscb_only_review_grades_only_the_board()
    {
        var r = ReportParser.Parse("x.txt", ReportFixtures.LscbOnly);
        Assert.Empty(r.Problems);
        Assert.Equal(("sif", "lscb_review"), (r.Version, r.Type));
        var g = Grades(r);
        Assert.Equal("requires_improvement", g["sif_lscb_effectiveness"]); // not "adequate" from "adequately funded"
        Assert.Equal(7, g.Count);
        Assert.All(g.Where(kv => kv.Key != "sif_lscb_effectiveness"), kv => Assert.Null(kv.Value));
    }

    [Fact]
    public void Ilacs_2018_short_with_vertically_centred_and_wrapped_grades()
    {
        var r = ReportParser.Parse("x.txt", ReportFixtures.Ilacs2018Short);
        Assert.Empty(r.Problems);
        Assert.Equal(("ilacs-2018", "short"), (r.Version, r.Type));
        Assert.Equal("Alex Smart", r.LeadInspector);
        var g = Grades(r);
        Assert.Equal(4, g.Count);
        Assert.Equal("outstanding", g["ilacs_impact_of_leaders"]);
        Assert.Equal("requires_improvement", g["ilacs_help_and_protection"]); // "Requires improvement" / "to be good"
        Assert.Equal("outstanding", g["ilacs_children_in_care_and_care_leavers"]);
        Assert.Equal("requires_improvement", g["ilacs_overall_effectiveness"]);
    }

    [Fact]
    public void Ilacs_2023_standard_with_separate_care_leavers()
    {
        var r = ReportParser.Parse("x.txt", ReportFixtures.Ilacs2023Standard);
        Assert.Empty(r.Problems);
        Assert.Equal(("ilacs-2023", "standard"), (r.Version, r.Type));
        var g = Grades(r);
        Assert.Equal(5, g.Count);
        Assert.Equal("requires_improvement", g["ilacs_children_in_care"]);
        Assert.Equal("outstanding", g["ilacs_care_leavers"]);
        Assert.Equal("good", g["ilacs_overall_effectiveness"]); // grade printed on the line above the label
    }

    [Fact]
    public void Ilacs_2026_has_no_overall_effectiveness()
    {
        var r = ReportParser.Parse("x.txt", ReportFixtures.Ilacs2026);
        Assert.Empty(r.Problems);
        Assert.Equal(("ilacs-2026", "standard"), (r.Version, r.Type));
        var g = Grades(r);
        Assert.False(g.ContainsKey("ilacs_overall_effectiveness"));
        Assert.Equal(["ilacs_care_leavers", "ilacs_children_in_care", "ilacs_help_and_protection", "ilacs_impact_of_leaders"], g.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("inadequate", g["ilacs_care_leavers"]);
    }

    [Fact]
    public void A_table_contradicted_by_the_body_is_a_problem_not_a_guess()
    {
        var r = ReportParser.Parse("x.txt", ReportFixtures.IlacsContradiction);
        Assert.Contains(r.Problems, p => p.Contains("ilacs_help_and_protection") && p.Contains("inadequate"));
    }

    [Fact]
    public void Unrecognised_text_is_a_problem()
    {
        var r = ReportParser.Parse("x.txt", "Some other document\nwith no judgements\n");
        Assert.NotEmpty(r.Problems);
        Assert.DoesNotContain(r.Judgements.Values, j => j.Grade is not null);
    }

    [Theory]
    [InlineData("Requires improvement to be good", "requires_improvement")]
    [InlineData("Requires improvement", "requires_improvement")]
    [InlineData("require improvement", "requires_improvement")]
    [InlineData("Inadequate Grade 4", "inadequate")]
    [InlineData("GOOD", "good")]
    [InlineData("Adequate", "adequate")]
    [InlineData("good at", null)]
    [InlineData("Not judged", null)]
    public void Grade_phrases_map_exactly(string phrase, string? code) => Assert.Equal(code, ReportParser.GradeCode(phrase));
}
