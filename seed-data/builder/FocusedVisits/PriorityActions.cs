using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.FocusedVisits;

/// <summary>Whether a letter names areas for priority action.</summary>
internal static partial class PriorityActions
{
    /// <summary>
    /// True when the letter has an "Area(s) for priority action" heading that is not followed by a
    /// statement that there are none, or says Ofsted notified the DfE of the area(s) for priority
    /// action. A passing mention in prose (a past visit's actions, "priority actions" in a plan) is not enough.
    /// </summary>
    public static bool Detect(LetterText letter)
    {
        var lines = letter.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!Heading().IsMatch(lines[i])) continue;
            var following = string.Join(" ", lines.Skip(i + 1).Take(8).Select(l => l.Trim()).Where(l => l.Length > 0));
            // A heading followed by "There are no priority actions …" names none, unless earlier ones "remain".
            if (NoneFound().IsMatch(following) && !Remain().IsMatch(following)) continue;
            return true;
        }

        var body = string.Join(" ", letter.Paragraphs);
        return NotifiedDfe().IsMatch(body);
    }

    [GeneratedRegex(@"^\s*Areas?\s+for\s+priority\s+action:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\W*There\s+(?:are|were|is)\s+no\s+(?:\w+\s+){0,2}(?:areas?\s+for\s+)?priority\s+actions?", RegexOptions.IgnoreCase)]
    private static partial Regex NoneFound();

    [GeneratedRegex(@"\bremains?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Remain();

    [GeneratedRegex(@"notified\s+the\s+(?:DfE|Department\s+for\s+Education)\s+of\s+the\s+areas?(?:\(s\))?\s+for\s+priority\s+action", RegexOptions.IgnoreCase)]
    private static partial Regex NotifiedDfe();
}
