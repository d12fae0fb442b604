using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.FocusedVisits;

/// <summary>One area for priority action as the letter words it, and the line (1-based) where it starts.</summary>
public sealed record PriorityArea(string Text, int Line);

/// <summary>
/// What a letter says about areas for priority action. <see cref="Kind"/>: none; new (this letter
/// sets them); carried_over (earlier ones remain, none added: "…remain. There are no additional
/// priority actions"); new_and_carried_over ("In addition to addressing the two priority actions
/// not resolved…"). <see cref="Areas"/> are the ones this letter lists.
/// </summary>
public sealed record PriorityActionReading(string Kind, IReadOnlyList<PriorityArea> Areas, string? CarriedOverStatement);

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

    /// <summary>Reads the areas listed under the heading (bullets, wrapped lines joined) and whether earlier ones carry over.</summary>
    public static PriorityActionReading Read(LetterText letter)
    {
        var detected = Detect(letter);
        var lines = letter.Lines;
        var areas = new List<PriorityArea>();
        var intro = new List<string>();
        for (var i = 0; i < lines.Count && detected; i++)
        {
            if (!Heading().IsMatch(lines[i])) continue;
            System.Text.StringBuilder? item = null; var itemLine = 0;
            void Close()
            {
                if (item is not null && item.Length > 0) areas.Add(new PriorityArea(item.ToString().Trim(), itemLine));
                item = null;
            }
            for (var k = i + 1; k < lines.Count && k < i + 40; k++)
            {
                var t = lines[k].Trim();
                if (t.Length == 0) { Close(); continue; }
                if (SectionEnd().IsMatch(t)) break;
                var bullet = Bullet().Match(t);
                if (bullet.Success)
                {
                    Close();
                    item = new System.Text.StringBuilder(t[bullet.Length..].Trim()); itemLine = letter.SourceLine(k);
                }
                else if (item is not null && char.IsWhiteSpace(lines[k][0]))
                {
                    // A word broken at its hyphen ("pre-" / "proceedings") is one word.
                    if (item.Length > 0 && item[^1] == '-') item.Append(t); else item.Append(' ').Append(t);
                }
                else if (item is null) intro.Add(t);
                else { Close(); break; }
            }
            Close();
            break;
        }
        var body = string.Join(" ", letter.Paragraphs);
        var carried = CarriedOver().Match(body);
        var introText = string.Join(" ", intro);
        var carriedStatement = carried.Success ? carried.Value.Trim() : null;
        var kind = !detected && carriedStatement is null ? "none"
            : carriedStatement is null ? "new"
            : areas.Count == 0 ? "carried_over"
            : "new_and_carried_over";
        return new PriorityActionReading(kind, areas, carriedStatement);
    }

    /// <summary>Statements that areas for priority action set at an earlier visit are still in force.</summary>
    [GeneratedRegex(@"[^.]*(?:In addition to (?:addressing )?the (?:existing areas for priority action|\w+ priority actions not resolved)|areas for priority action set at the last focused visit[^.]*remain)[^.:]*[.:]?", RegexOptions.IgnoreCase)]
    private static partial Regex CarriedOver();

    [GeneratedRegex(@"^(?:[\uF000-\uF0FF\u25FC\u25AA\u2022\u25CF]|-\s)\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:What\s+needs\s+to\s+improve|Areas?\s+for\s+improvement|Findings|Main\s+findings|Headline\s+findings|Overview)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SectionEnd();

    [GeneratedRegex(@"^\s*Areas?\s+for\s+priority\s+action:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\W*There\s+(?:are|were|is)\s+no\s+(?:\w+\s+){0,2}(?:areas?\s+for\s+)?priority\s+actions?", RegexOptions.IgnoreCase)]
    private static partial Regex NoneFound();

    [GeneratedRegex(@"\bremains?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Remain();

    [GeneratedRegex(@"notified\s+the\s+(?:DfE|Department\s+for\s+Education)\s+of\s+the\s+areas?(?:\(s\))?\s+for\s+priority\s+action", RegexOptions.IgnoreCase)]
    private static partial Regex NotifiedDfe();
}
