using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.Tests;

/// <summary>
/// Issue #26 items 8 and 9 in the committed seed data: a date corrected from a typing slip says so with the
/// letter's printed words and the reason; each focused visit keeps the letter's own sentence for what it looked at.
/// </summary>
public class FocusedVisitWordsTests
{
    static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Visits =
        new(() => CommittedSeed.Read("focused_visits.csv").ToDictionary(v => v["id"]));

    [Fact]
    public void The_three_corrected_dates_say_so_with_the_letters_printed_words_and_why()
    {
        var corrected = Visits.Value.Values.Where(v => v["corrected"] != "").OrderBy(v => v["id"], StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("darlington-2023-11-28-fv", "visit_start", "24 October 2022 to 25 October 2023"),
             ("dudley-2020-01-21-fv", "letter_date", "21 January 2019"),
             ("north-somerset-2025-11-06-fv", "letter_date", "6 November 20205")],
            corrected.Select(v => (v["id"], v["corrected"], v["printed"])));
        Assert.All(corrected, v => Assert.NotEqual("", v["correction_reason"]));
        Assert.Equal(("2020-01-21", "2025-11-06"), (Visits.Value["dudley-2020-01-21-fv"]["letter_date"],
            Visits.Value["north-somerset-2025-11-06-fv"]["letter_date"]));
        Assert.Equal("2023-10-24", Visits.Value["darlington-2023-11-28-fv"]["visit_start"]);
        // As printed, every other letter: none of the three correction columns is set.
        Assert.All(Visits.Value.Values.Where(v => v["corrected"] == ""), v => Assert.Equal(("", ""), (v["printed"], v["correction_reason"])));
    }

    [Fact]
    public void Every_visit_keeps_the_letters_own_words_for_its_focus_and_they_are_in_the_letter()
    {
        var letters = Path.Combine(CommittedSeed.SharedData(), "reports", "focused-visits");
        Assert.All(Visits.Value.Values, v =>
        {
            Assert.False(string.IsNullOrWhiteSpace(v["focus_text"]), $"{v["id"]}: no focus_text");
            var letter = Comparable(File.ReadAllText(Path.Combine(letters, v["source"])));
            Assert.True(letter.Contains(Comparable(v["focus_text"]), StringComparison.Ordinal), $"{v["id"]}: '{v["focus_text"]}' is not in {v["source"]}");
        });
        // Topics fold pre-proceedings work into "children in need"; the letter's words keep it.
        var folded = Visits.Value.Values.Where(v => v["focus_text"].Contains("pre-proceedings", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(folded.Count >= 7, $"{folded.Count} visits name pre-proceedings");
        Assert.All(folded, v => Assert.Equal("children in need and subject to child protection plans", v["focus"]));
        Assert.StartsWith("Inspectors looked at the local authority's arrangements for contacts and referrals",
            Visits.Value["coventry-2018-02-22-fv"]["focus_text"]);
    }

    /// <summary>The form the letter and its quotation are compared in: typographic quotes straightened (FORMAT.md), lines
    /// and hyphenated words rejoined, whitespace collapsed, page numbers and form feeds dropped.</summary>
    static string Comparable(string text)
    {
        var s = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"').Replace('\f', '\n');
        s = Regex.Replace(s, @"^\s*\d{1,3}\s*$", "", RegexOptions.Multiline);
        s = Regex.Replace(s, @"(?<=\p{L})-\s*\n\s*", "-");
        return Regex.Replace(s, @"\s+", " ").Trim();
    }
}
