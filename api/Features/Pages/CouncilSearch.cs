using JudgementsApi.Features.Councils;

namespace JudgementsApi.Features.Pages;

/// <summary>
/// Finds councils by what a person types. The one place the pages resolve a name: the API's
/// <see cref="CouncilNames"/> first (an identifier, or a name as people write it: "Saint Helens",
/// "Hull", "BCP"), then its <c>q</c> name filter, then initials.
/// </summary>
public static class CouncilSearch
{
    private static readonly HashSet<string> MinorWords = ["and", "of", "the", "upon", "city", "on"];

    /// <summary>Councils matching <paramref name="text"/>, best first: one for an identifier or a full name, else current councils.</summary>
    public static async Task<List<CouncilItem>> FindAsync(DatasetSnapshot snapshot, CouncilNames names, string text)
    {
        text = text.Trim();
        if (text.Length == 0) return [];
        if (await names.FindAsync(text) is { } named && snapshot.CouncilByCode.TryGetValue(named.Code, out var council))
            return [council.Item];

        var key = CouncilNames.Key(text);
        if (key.Length == 0) return [];
        // The API's q filter: name contains the text, case- and accent-insensitive, '&' = 'and'.
        var found = CouncilReader.List(snapshot, new CouncilFilter(null, null, null, "current", key, null, null), Paging.All).Items;
        if (found.Count > 1)
        {
            // "Hull" is in Solihull too: prefer names holding every typed word as a whole word.
            var words = key.Split(' ');
            var whole = found.Where(c => words.All(CouncilNames.Key(c.Name).Split(' ').Contains)).ToList();
            if (whole.Count > 0) return whole;
        }
        if (found.Count > 0) return [.. found];

        // Initials: "BNES" is Bath and North East Somerset.
        var compact = key.Replace(" ", "");
        if (compact.Length is < 2 or > 6) return [];
        var current = CouncilReader.List(snapshot, new CouncilFilter(null, null, null, "current", null, null, null), Paging.All).Items;
        return current.Where(c => Initials(c.Name) == compact).ToList();
    }

    private static string Initials(string name) =>
        string.Concat(CouncilNames.Key(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !MinorWords.Contains(w)).Select(w => w[0]));
}
