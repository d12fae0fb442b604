using static JudgementsApi.SeedBuilder.Tests.FocusedVisits.LetterFixture;

namespace JudgementsApi.SeedBuilder.Tests.FocusedVisits;

public class FocusedVisitInspectorTests
{
    [Fact]
    public void Strips_titles_and_keeps_letter_order_across_wrapped_lines()
    {
        var r = Parse(Letter());

        Assert.Equal(["Alex Example", "Sam Sample"], r.Inspectors);
        Assert.Empty(r.Problems);
    }

    [Theory]
    [InlineData("His Majesty’s Inspectors for this visit were Alex\nExample and Sam Sample.")]
    [InlineData("The inspectors were Alex Example, HMI, and Sam Sample, HMI.")]
    [InlineData("The inspectors were Alex Example HMI and Sam Sample HMI.")]
    [InlineData("The visit was carried out by Her Majesty’s Inspectors, Alex Example and Sam Sample.")]
    [InlineData("The visit was conducted by Alex Example and Sam Sample, two of Her Majesty’s Inspectors.")]
    [InlineData("The inspectors were Her Majesty’s Inspectors (HMIs) Alex Example and Sam Sample.")]
    [InlineData("His Majesty’s Inspectors for this visit were lead inspector Alex Example and team inspector Sam Sample.")]
    [InlineData("The inspectors for this visit were Alex Example, His Majesty’s Inspector, and Sam Sample, Ofsted Inspector.")]
    [InlineData("The inspectors were Alex Example, Her Majesty’s Inspector, HMI Sam Sample, Her Majesty’s Inspector.")]
    [InlineData("The inspectors were Alex Example, Her Majesty's Inspector, and Sam Sample, Senior Her Majesty's Inspector.")]
    public void Reads_names_from_inspector_sentence_variants(string sentence)
    {
        var r = Parse(Letter(opening: OpeningWithInspectors(sentence)));

        Assert.Equal(["Alex Example", "Sam Sample"], r.Inspectors);
        Assert.Empty(r.Problems);
    }

    [Theory]
    // A hyphenated surname split at the line end is joined.
    [InlineData("The inspectors were Jo Sample-\nJones, Her Majesty’s Inspector, and Kim Example, Her Majesty’s Inspector.",
        new[] { "Jo Sample-Jones", "Kim Example" })]
    // A name split by a page break.
    [InlineData("His Majesty’s Inspectors for this visit were Alex Example, Sam\n\n" +
        "                                                                  1\n\f" +
        "Sample and Chris Specimen.",
        new[] { "Alex Example", "Sam Sample", "Chris Specimen" })]
    // Observers and the quality assurance manager are left out.
    [InlineData("Her Majesty’s Inspectors for this visit were Alex Example, lead inspector, Sam Sample, team inspector\n" +
        "and Chris Specimen, who observed the visit. The quality assurance manager was Dana Dummy, Senior HMI.",
        new[] { "Alex Example", "Sam Sample" })]
    public void Reads_the_inspectors_of_the_visit(string sentence, string[] expected)
    {
        var r = Parse(Letter(opening: OpeningWithInspectors(sentence)));

        Assert.Equal(expected, r.Inspectors);
    }

    [Fact]
    public void Stops_at_the_next_sentence_when_the_full_stop_is_missing()
    {
        var r = Parse(Letter(opening: OpeningWithInspectors(
            "Her Majesty’s Inspectors for this visit were Alex Example and Sam Sample\n" +
            "Inspectors looked at the local authority’s arrangements for care leavers.")));

        Assert.Equal(["Alex Example", "Sam Sample"], r.Inspectors);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void Reports_a_letter_without_an_inspector_sentence()
    {
        var r = Parse(Letter(opening: OpeningWithInspectors("It was a short visit.")));

        Assert.Empty(r.Inspectors);
        Assert.Contains(r.Problems, p => p.Contains("inspectors"));
    }
}
