using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.FocusedVisits;

/// <summary>Inspector names from the sentence that introduces the visit's inspectors.</summary>
internal static partial class InspectorNames
{
    /// <summary>
    /// Names, in letter order, from the first "inspectors were / was carried out by …" clause of
    /// <paramref name="text"/>. Titles and roles are dropped; people said only to observe or shadow are
    /// not inspectors of the visit. Returns null when no such clause exists.
    /// </summary>
    public static List<string>? Find(string text, List<string> problems)
    {
        var m = Trigger().Match(text);
        if (!m.Success) return null;

        var rest = text[(m.Index + m.Length)..];
        var stop = SentenceEnd().Match(rest);
        var clause = stop.Success ? rest[..stop.Index] : rest;

        clause = Parenthesised().Replace(clause, " ");
        clause = Role().Replace(clause, ",");

        var names = new List<string>();
        foreach (var raw in Separator().Split(clause))
        {
            var part = LeadingFiller().Replace(raw.Trim(), "").Trim(' ', '.', ',');
            if (part.Length == 0) continue;
            if (Observer().IsMatch(part))
            {
                // "X, who observed the visit" or "X observed/shadowed …": X was not an inspector of the visit.
                var inline = NameAtStart().Match(part);
                if (!inline.Success && names.Count > 0) names.RemoveAt(names.Count - 1);
                continue;
            }
            if (PersonName().IsMatch(part)) names.Add(part);
            else problems.Add($"unrecognised text in inspector list: '{part}'");
        }
        return names;
    }

    // "Inspectors (HMI) for this visit were", "The inspectors were", "The lead inspector was",
    // "The visit was carried out by", "conducted by", "undertaken by".
    [GeneratedRegex(@"\b(?:inspectors?(?:\s*\([A-Za-z ]+\))?\s+(?:for\s+(?:this|the)\s+visit\s+)?(?:were|was)|carried\s+out\s+by|conducted\s+by|undertaken\s+by)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Trigger();

    // A full stop before the next sentence, or the next sentence itself when the full stop is missing.
    [GeneratedRegex(@"\.(?=\s+[A-Z(]|\s*$)|\s+(?=Inspectors\s+(?:looked|reviewed|considered|focused|evaluated)\b)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();

    // Titles and roles that sit beside names; each becomes a separator.
    [GeneratedRegex(@"(?:\b(?:Senior|Chief)\s+)?\b(?:Her|His)\s+Majesty'?s\s+(?:Chief\s+)?Inspectors?|\b(?:Senior\s+)?HMIs?\b|\bOfsted\s+Inspectors?\b|\b(?:lead|team|supernumerary|social\s+care)\s+inspectors?\b|\bSocial\s+Care\b|\bSchools\b|\bdesignate\b|\bas\s+an?\b|\ball\s+of\s+whom\s+are\b|\b(?:both|two|three|four|five|six)(?:\s+of)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Role();

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b|\bwith\b)\s*")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:and|with|the|were|was|by)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"\b(?:observ\w*|shadow\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Observer();

    [GeneratedRegex(@"^\p{Lu}[\p{L}'-]+\s+\p{Lu}")]
    private static partial Regex NameAtStart();

    // Two to four words, each capitalised (after a hyphen the case varies: "Jenny-ellen").
    [GeneratedRegex(@"^\p{Lu}[\p{L}'.-]*(?:\s+(?:\p{Lu}[\p{L}'.-]*|de|van|von|du|da|le|la))*\s+\p{Lu}[\p{L}'-]*$")]
    private static partial Regex PersonName();
}
