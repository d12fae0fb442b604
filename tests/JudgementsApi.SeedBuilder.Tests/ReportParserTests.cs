namespace JudgementsApi.SeedBuilder.Tests;

public class ReportParserTests
{
    static Dictionary<string, string?> Grades(ParsedReport r) => r.Judgements.Values.ToDictionary(j => j.AreaCode, j => j.Grade);

    /// <summary>Parses a report that must read without problems as the given framework version and type.</summary>
    static ParsedReport ParseCleanly(string text, string version, string type)
    {
        var r = ReportParser.Parse("x.txt", text);
        Assert.Empty(r.Problems);
        Assert.Equal((version, type), (r.Version, r.Type));
        return r;
    }

    [Fact]
    public void Pre2013_reads_the_record_of_main_findings()
    {
        var r = ParseCleanly(ReportFixtures.Pre2013, "pre-2013", "pre_2013");
        Assert.Equal(new DateOnly(2013, 7, 8), r.Start);
        Assert.Equal(new DateOnly(2013, 7, 12), r.End);
        Assert.Equal("Alex Example", r.LeadInspector);
        GradeAssert.Has(Grades(r),
            ("pre2013_overall_effectiveness", "adequate"), ("pre2013_capacity_to_improve", "good"),
            ("pre2013_lac_outcomes", "inadequate"), // "Inadequate Grade 4"
            ("pre2013_lac_quality_of_provision", "adequate"), ("pre2013_lac_leadership", "adequate"));
    }

    [Fact]
    public void Sif_reads_wrapped_grades_sub_judgements_and_lscb()
    {
        var r = ParseCleanly(ReportFixtures.Sif, "sif", "sif");
        Assert.Equal(new DateOnly(2017, 9, 11), r.Start);
        Assert.Equal(new DateOnly(2017, 10, 5), r.End);
        Assert.Equal(new DateOnly(2017, 11, 24), r.PublishedInText);
        Assert.Equal("Sam Sample", r.LeadInspector);
        GradeAssert.Has(Grades(r),
            ("sif_overall_effectiveness", "good"), ("sif_help_and_protection", "good"),
            ("sif_children_looked_after", "requires_improvement"), // "Requires improvement to" / "be good"
            ("sif_adoption_performance", "good"),
            ("sif_care_leavers", "requires_improvement"), // grade above and below the label
            ("sif_leadership", "good"), ("sif_lscb_effectiveness", "good"));
    }

    [Fact]
    public void Sif_reads_grades_split_above_and_below_labels_without_blank_lines()
    {
        var r = ParseCleanly(ReportFixtures.SifSplitGrades, "sif", "sif");
        GradeAssert.Has(Grades(r),
            ("sif_overall_effectiveness", "requires_improvement"), ("sif_help_and_protection", "requires_improvement"),
            ("sif_children_looked_after", "requires_improvement"), ("sif_adoption_performance", "good"),
            ("sif_care_leavers", "requires_improvement"), ("sif_leadership", "inadequate"),
            ("sif_lscb_effectiveness", "requires_improvement"));
        Assert.Equal(new DateOnly(2014, 4, 29), r.Start);
        Assert.Equal("Pat Person", r.LeadInspector);
    }

    [Fact]
    public void Sif_reinspection_has_no_lscb_grade_and_keeps_not_judged_as_null()
    {
        var r = ParseCleanly(ReportFixtures.SifReinspection, "sif", "sif_reinspection");
        GradeAssert.Has(Grades(r),
            ("sif_overall_effectiveness", "inadequate"), ("sif_adoption_performance", "requires_improvement"),
            ("sif_care_leavers", null), ("sif_lscb_effectiveness", null));
        Assert.StartsWith("not judged", r.Judgements["sif_care_leavers"].Note);
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
        var r = ParseCleanly(ReportFixtures.LscbOnly, "sif", "lscb_review");
        var g = Grades(r);
        Assert.Equal("requires_improvement", g["sif_lscb_effectiveness"]); // not "adequate" from "adequately funded"
        Assert.Equal(7, g.Count);
        Assert.All(g.Where(kv => kv.Key != "sif_lscb_effectiveness"), kv => Assert.Null(kv.Value));
    }

    [Fact]
    public void Ilacs_2018_short_with_vertically_centred_and_wrapped_grades()
    {
        var r = ParseCleanly(ReportFixtures.Ilacs2018Short, "ilacs-2018", "short");
        Assert.Equal("Alex Smart", r.LeadInspector);
        var g = Grades(r);
        Assert.Equal(4, g.Count);
        GradeAssert.Has(g,
            ("ilacs_impact_of_leaders", "outstanding"),
            ("ilacs_help_and_protection", "requires_improvement"), // "Requires improvement" / "to be good"
            ("ilacs_children_in_care_and_care_leavers", "outstanding"), ("ilacs_overall_effectiveness", "requires_improvement"));
    }

    [Fact]
    public void Ilacs_2023_standard_with_separate_care_leavers()
    {
        var r = ParseCleanly(ReportFixtures.Ilacs2023Standard, "ilacs-2023", "standard");
        var g = Grades(r);
        Assert.Equal(5, g.Count);
        GradeAssert.Has(g, ("ilacs_children_in_care", "requires_improvement"), ("ilacs_care_leavers", "outstanding"),
            ("ilacs_overall_effectiveness", "good")); // grade printed on the line above the label
    }

    [Fact]
    public void Ilacs_2026_has_no_overall_effectiveness()
    {
        var r = ParseCleanly(ReportFixtures.Ilacs2026, "ilacs-2026", "standard");
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
