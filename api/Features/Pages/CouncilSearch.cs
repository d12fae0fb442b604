using JudgementsApi.Features.Councils;
using JudgementsApi.Import;
using JudgementsApi.Infrastructure;

namespace JudgementsApi.Features.Pages;

/// <summary>
/// Finds councils by what a person types. The one place the pages resolve a name: it uses the API's
/// council lookup (code, DfE code, slug) and its <c>q</c> name filter, plus two spellings people use
/// that the filter alone misses ("Saint Helens" for St. Helens; initials such as "BCP").
/// </summary>
public static class CouncilSearch
{
    private static readonly HashSet<string> MinorWords = ["and", "of", "the", "upon", "city", "on"];

    /// <summary>Current councils matching <paramref name="text"/>, best first; an exact identifier or full name gives one.</summary>
    public static List<CouncilItem> Find(DatasetSnapshot snapshot, string text)
    {
        text = text.Trim();
        if (text.Length == 0) return [];
        if (snapshot.FindCouncil(text) is { } exact) return [exact.Item];

        var folded = SearchText.Fold(text);
        if (folded.Length == 0) return [];
        var spellings = new List<string> { folded };
        if (folded.StartsWith("saint ", StringComparison.Ordinal)) spellings.Add("st " + folded[6..]);
        if (folded.StartsWith("st ", StringComparison.Ordinal)) spellings.Add("saint " + folded[3..]);

        var all = CouncilReader.List(snapshot, new CouncilFilter(null, null, null, "current", null, null, null), Paging.All).Items;
        foreach (var spelling in spellings)
        {
            var byName = all.Where(c => SearchText.Fold(c.Name) == spelling).ToList();
            if (byName.Count > 0) return byName;
        }
        // The API's q filter: name contains the text, case- and accent-insensitive, '&' = 'and'.
        var found = new List<CouncilItem>();
        foreach (var spelling in spellings)
        {
            var (items, _) = CouncilReader.List(snapshot, new CouncilFilter(null, null, null, "current", spelling, null, null), Paging.All);
            found.AddRange(items.Where(i => found.All(f => f.Code != i.Code)));
        }
        if (found.Count > 1)
        {
            // "Hull" is in Solihull too: prefer names holding every typed word as a whole word.
            var words = folded.Split(' ');
            var whole = found.Where(c => words.All(SearchText.Fold(c.Name).Split(' ').Contains)).ToList();
            if (whole.Count > 0) return whole;
        }
        if (found.Count > 0) return found;

        // Initials: "BCP" is Bournemouth, Christchurch and Poole.
        var compact = folded.Replace(" ", "");
        if (compact.Length is >= 2 and <= 6)
            return all.Where(c => Initials(c.Name) == compact).ToList();
        return [];
    }

    private static string Initials(string name) =>
        string.Concat(SearchText.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !MinorWords.Contains(w)).Select(w => w[0]));
}
