using System.Text.RegularExpressions;
using JudgementsApi.SeedBuilder;

namespace JudgementsApi.SeedUpdater;

/// <summary>A council of seed-data/councils.csv that has an Ofsted URN.</summary>
public sealed record KnownCouncil(string Urn, string Name, string Slug, string Code);

/// <summary>
/// Which council a document is about, read from the document itself: a report's title (its first
/// lines) or a letter's subject (the lines after "Dear …"; a letter's first lines are Ofsted's own
/// address, in Manchester). The longest council name found wins ("Cheshire West and Chester" over
/// "Chester"); a second council found elsewhere in those lines makes the document ambiguous, and it
/// is refused rather than attached to either.
/// </summary>
public sealed partial class CouncilFinder
{
    /// <summary>Names Ofsted's titles use that are not the council's name in DfE's list.</summary>
    static readonly Dictionary<string, string[]> ShortNames = new(StringComparer.Ordinal)
    {
        ["Kingston upon Hull, City of"] = ["Hull"],
        ["County Durham"] = ["Durham"],
        ["East Riding of Yorkshire"] = ["East Riding"],
        ["Newcastle upon Tyne"] = ["Newcastle"],
    };

    readonly List<(string Key, KnownCouncil Council)> keys = [];
    public IReadOnlyDictionary<string, KnownCouncil> ByUrn { get; }

    public CouncilFinder(IEnumerable<Dictionary<string, string>> councilRows)
    {
        // A URN shared by a closed council and its successor is the open one's.
        ByUrn = councilRows.Where(c => c["ofsted_urn"].Length > 0).OrderBy(c => c["closed"].Length > 0 ? 1 : 0)
            .GroupBy(c => c["ofsted_urn"])
            .ToDictionary(g => g.Key, g => new KnownCouncil(g.Key, g.First()["name"], g.First()["slug"], g.First()["code"]));
        foreach (var c in ByUrn.Values)
        {
            var name = CityOf().Replace(c.Name, "$1");
            IEnumerable<string> names = [name, .. ShortNames.GetValueOrDefault(c.Name) ?? []];
            if (name.StartsWith("St. ", StringComparison.Ordinal)) names = names.Append("St " + name[4..]);
            foreach (var n in names) keys.Add((Key(n), c));
        }
    }

    public static CouncilFinder FromSeed(string seedDir) => new(Csv.ReadDicts(Path.Combine(seedDir, "councils.csv")));

    /// <summary>The council the document names, or null and why not.</summary>
    public (KnownCouncil? Council, string Where, string? Problem) Find(string text, string kind)
    {
        var lines = text.Replace("\f", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(80).ToList();
        string where;
        if (kind == DocumentKinds.Inspection)
        {
            where = "its title";
            lines = lines.Take(12).ToList();
        }
        else
        {
            where = "its subject line";
            var dear = lines.FindIndex(l => l.StartsWith("Dear ", StringComparison.Ordinal));
            if (dear < 0) return (null, where, "the letter has no salutation (\"Dear …\"), so no subject line to read the council from");
            lines = lines.Skip(dear + 1).Take(3).ToList();
        }
        var found = Key(string.Join(" ", lines));
        var hits = keys.Where(k => found.Contains(k.Key, StringComparison.Ordinal)).ToList();
        if (hits.Count == 0) return (null, where, $"{where} names none of the councils in seed-data/councils.csv");
        var best = hits.MaxBy(h => h.Key.Length);
        var others = hits.Where(h => h.Council != best.Council && !best.Key.Contains(h.Key, StringComparison.Ordinal))
            .Select(h => h.Council.Name).Distinct().ToList();
        if (others.Count > 0)
            return (null, where, $"{where} names more than one council ({string.Join(", ", others.Append(best.Council.Name).Order())})");
        return (best.Council, where, null);
    }

    /// <summary>Lower case words separated by single spaces, with a space at each end, so a name is
    /// found only as whole words; "&amp;" is "and", a possessive "'s" is dropped.</summary>
    static string Key(string s)
    {
        s = s.ToLowerInvariant().Replace('\u2019', '\'').Replace("&", " and ");
        s = Possessive().Replace(s, "");
        return " " + NotAlphanumeric().Replace(s, " ").Trim() + " ";
    }

    [GeneratedRegex(@"^(.*), (?:City|County) of$")]
    private static partial Regex CityOf();
    [GeneratedRegex(@"'s\b")]
    private static partial Regex Possessive();
    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NotAlphanumeric();
}
