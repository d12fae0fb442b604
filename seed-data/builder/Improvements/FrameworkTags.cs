using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.Improvements;

/// <summary>An outcome or enabler of the DfE's Children's Social Care National Framework (December 2023).</summary>
public sealed record FrameworkTag(string Code, string Kind, int Number, string Name);

/// <summary>
/// Since January 2025 Ofsted ends each point with the outcome or enabler it serves, spelt many
/// ways: "(Outcome four, National Framework)", "(outcome 3, national framework)", "(Enabler two)",
/// "(enabler: the workforce is equipped and effective, national framework)". A footnote is read
/// to a code only when it names one by number or by its exact name: nothing is guessed.
/// </summary>
public static partial class FrameworkTags
{
    public static readonly IReadOnlyList<FrameworkTag> All =
    [
        new("outcome_1", "outcome", 1, "Children, young people and families stay together and get the help they need"),
        new("outcome_2", "outcome", 2, "Children and young people are supported by their family network"),
        new("outcome_3", "outcome", 3, "Children and young people are safe in and outside of their homes"),
        new("outcome_4", "outcome", 4, "Children in care and care leavers have stable, loving homes"),
        new("enabler_1", "enabler", 1, "Multi-agency working is prioritised and effective"),
        new("enabler_2", "enabler", 2, "Leaders drive conditions for effective practice"),
        new("enabler_3", "enabler", 3, "The workforce is equipped and effective"),
    ];

    public const string SourceUrl = "https://www.gov.uk/government/publications/childrens-social-care-national-framework";

    static readonly string[] Numbers = ["one", "two", "three", "four"];

    /// <summary>The point without its footnote, and the footnote as printed (null when there is none).</summary>
    public static (string Text, string? TagText) Split(string point)
    {
        var m = Footnote().Matches(point).LastOrDefault();
        if (m is null) return (point, null);
        var before = point[..m.Index].TrimEnd();
        var after = point[(m.Index + m.Length)..].Trim();
        // "… homes (outcome 3)." is "… homes." without its footnote.
        var text = after.Length == 0 ? before : ".,;".Contains(after[0]) ? before + after : before + " " + after;
        return (text, m.Value);
    }

    /// <summary>The code a footnote names, or null.</summary>
    public static string? Normalise(string footnote)
    {
        var m = KindAndNumber().Match(footnote);
        if (m.Success)
        {
            var kind = m.Groups["kind"].Value.ToLowerInvariant();
            var n = m.Groups["n"].Value.ToLowerInvariant();
            var number = int.TryParse(n, out var x) ? x : Array.IndexOf(Numbers, n) + 1;
            return All.FirstOrDefault(t => t.Kind == kind && t.Number == number)?.Code;
        }
        var words = Squash(footnote);
        return All.FirstOrDefault(t => words.Contains(Squash(t.Name), StringComparison.Ordinal))?.Code;
    }

    /// <summary>Whether text names the framework or an outcome/enabler by number outside a footnote (for QUALITY.md).</summary>
    public static bool Mentioned(string text) => Mention().IsMatch(text);

    static string Squash(string s) => Regex.Replace(s.ToLowerInvariant(), @"[^a-z]+", " ").Trim();

    /// <summary>A bracketed note ending the point that names an outcome, enabler or principle or the framework;
    /// or "Enabler three: National Framework." ending the point.</summary>
    [GeneratedRegex(@"[(\[][^()\[\]]*(?:\b(?:outcome|enabler|principle)\b|national\s+framework)[^()\[\]]*[)\]](?=[.\s]*$)" +
        @"|(?<=[.]\s)(?:outcome|enabler)\s+\w+\s*:\s*national\s+framework\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Footnote();

    [GeneratedRegex(@"\b(?<kind>outcome|enabler)\s*:?\s*(?<n>[1-9]|one|two|three|four)\b", RegexOptions.IgnoreCase)]
    private static partial Regex KindAndNumber();

    [GeneratedRegex(@"national\s+framework|\b(?:outcome|enabler)\s+(?:[1-4]|one|two|three|four)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();
}
