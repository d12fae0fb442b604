using JudgementsApi.Features.Inspections;
using JudgementsApi.Import;

namespace JudgementsApi.Features.Dataset;

/// <summary>
/// What a piece of text names: one council (by an identifier, or by a name, which callers redirect to
/// the council's canonical URL), or none and the closest councils.
/// </summary>
public sealed record CouncilMatch(SnapshotCouncil? Council, bool ByIdentifier, IReadOnlyList<CouncilRef> Suggestions);

/// <summary>
/// The one council resolver, built with each dataset snapshot and never changed: every route and
/// filter that takes a council reads it. Identifiers: ONS code (current or former), DfE code,
/// Ofsted URN and slug. Names as people write them: "Telford and Wrekin", "telford-&amp;-wrekin",
/// "Kingston upon Hull", "Saint Helens", a short form ("hull", "bcp") or the first words of one
/// current council's name ("Brighton"). Anything else gets the closest councils as suggestions.
/// </summary>
public sealed class CouncilIndex
{
    public const int MaxSuggestions = 5;

    // Short forms in everyday use that no rule derives from the official name.
    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal)
    {
        ["bcp"] = "E06000058",     // Bournemouth, Christchurch and Poole
        ["hull"] = "E06000010",    // Kingston upon Hull, City of
        ["durham"] = "E06000047",  // County Durham
    };

    // Abbreviations of county names in everyday use ("Staffs"), expanded word by word.
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["staffs"] = "staffordshire", ["notts"] = "nottinghamshire", ["lancs"] = "lancashire", ["glos"] = "gloucestershire",
        ["herts"] = "hertfordshire", ["bucks"] = "buckinghamshire", ["cambs"] = "cambridgeshire", ["wilts"] = "wiltshire",
        ["oxon"] = "oxfordshire", ["leics"] = "leicestershire", ["lincs"] = "lincolnshire", ["worcs"] = "worcestershire",
        ["hants"] = "hampshire", ["derbys"] = "derbyshire", ["shrops"] = "shropshire", ["northants"] = "northamptonshire",
        ["beds"] = "bedfordshire", ["yorks"] = "yorkshire", ["gtr"] = "greater", ["n"] = "north", ["s"] = "south",
        ["e"] = "east", ["w"] = "west",
    };

    // What a council's own name for itself adds to the name in the data: "Birmingham City Council", "London Borough of Camden".
    private static readonly string[] Suffixes =
        [" metropolitan borough council", " city council", " county council", " borough council", " district council", " council"];
    private static readonly string[] Prefixes = ["london borough of ", "royal borough of ", "borough of "];

    private sealed record Entry(SnapshotCouncil Council, string[] Keys);

    private readonly List<Entry> _entries;
    private readonly Dictionary<string, SnapshotCouncil> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SnapshotCouncil> _byIdentifier = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SnapshotCouncil> _byKey = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="councils"/>; where two share an identifier or a name, the current one wins.</summary>
    public CouncilIndex(IEnumerable<SnapshotCouncil> councils)
    {
        _entries = councils.OrderBy(c => c.Item.Current ? 0 : 1) // stable: the given order within each
            .Select(c => new Entry(c, NameKeys(c.Item.Name, c.Item.Slug))).ToList();
        foreach (var (council, keys) in _entries)
        {
            _byCode.TryAdd(council.Code, council);
            var item = council.Item;
            foreach (var id in new[] { item.LaCode, item.OfstedUrn, item.Slug }.OfType<string>().Concat(council.FormerCodes))
                _byIdentifier.TryAdd(id.ToLowerInvariant(), council);
            foreach (var key in keys) _byKey.TryAdd(key, council);
        }
    }

    /// <summary>The council an identifier names: ONS code first, then DfE code, Ofsted URN, slug or former ONS code.</summary>
    public SnapshotCouncil? ByIdentifier(string id)
    {
        var t = id.Trim();
        // "URN 80573", "URN: 80573": the Ofsted URN as pages print it.
        if (t.StartsWith("urn", StringComparison.OrdinalIgnoreCase) && t[3..].TrimStart(':', ' ') is { Length: > 0 } urn
            && urn.All(char.IsAsciiDigit))
            t = urn;
        if (_byCode.TryGetValue(t.ToUpperInvariant(), out var byCode)) return byCode;
        return _byIdentifier.GetValueOrDefault(t.ToLowerInvariant());
    }

    /// <summary>The council <paramref name="text"/> names by identifier or by name, or the closest councils when it names none.</summary>
    public CouncilMatch Resolve(string text)
    {
        if (ByIdentifier(text) is { } council) return new CouncilMatch(council, true, []);
        return ByName(text) is { } named
            ? new CouncilMatch(named, false, [])
            : new CouncilMatch(null, false, Suggest(text, MaxSuggestions));
    }

    /// <summary>The council <paramref name="text"/> names, by identifier or by name; null when it names none.</summary>
    public SnapshotCouncil? Find(string text) => ByIdentifier(text) ?? ByName(text);

    /// <summary>Councils whose names are closest to <paramref name="text"/>, closest first (current before former on a tie).</summary>
    public IReadOnlyList<CouncilRef> Suggest(string text, int max = MaxSuggestions)
    {
        var key = Key(text);
        if (key.Length == 0) return [];
        var plain = Plain(key);
        return _entries
            .Select(e => (e.Council.Ref,
                Score: e.Keys.Min(k => Math.Min(Distance(key, k), Distance(plain, k))) + (e.Council.Item.Current ? 0 : 0.25)))
            .OrderBy(x => x.Score).ThenBy(x => x.Ref.Name, StringComparer.Ordinal)
            .Take(max).Select(x => x.Ref).ToList();
    }

    /// <summary>The form names are compared in: case, accents and punctuation folded, '&amp;' as "and", "saint" as "st".</summary>
    public static string Key(string text) =>
        string.Join(' ', SearchText.Fold(text).Split(' ').Select(w => w == "saint" ? "st" : w));

    private SnapshotCouncil? ByName(string text)
    {
        var key = Key(text);
        if (key.Length == 0) return null;
        return ByKey(key) is { } named ? named : Plain(key) is var plain && plain != key ? ByKey(plain) : null;
    }

    /// <summary>A name's key with abbreviations expanded ("staffs") and a council's own prefix or suffix dropped.</summary>
    private static string Plain(string key)
    {
        var plain = string.Join(' ', key.Split(' ').Select(w => Abbreviations.GetValueOrDefault(w, w)));
        foreach (var suffix in Suffixes)
            if (plain.EndsWith(suffix, StringComparison.Ordinal) && plain.Length > suffix.Length)
            {
                plain = plain[..^suffix.Length];
                break;
            }
        foreach (var prefix in Prefixes)
            if (plain.StartsWith(prefix, StringComparison.Ordinal) && plain.Length > prefix.Length)
            {
                plain = plain[prefix.Length..];
                break;
            }
        return plain;
    }

    private SnapshotCouncil? ByKey(string key)
    {
        if (_byKey.TryGetValue(key, out var byName)) return byName;
        if (ShortForms.TryGetValue(key, out var code) && _byCode.TryGetValue(code, out var shortForm)) return shortForm;
        // The first words of exactly one current council's name: "Brighton", "Telford", "Bath".
        var prefix = key + " ";
        var starting = _entries.Where(e => e.Council.Item.Current && e.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            .Take(2).ToList();
        return starting.Count == 1 ? starting[0].Council : null;
    }

    /// <summary>
    /// How far a typed text is from a name: the edit distance to the whole name, or (plus a little)
    /// to the start of the name or of one of its words, so partial and misspelt names both come close.
    /// </summary>
    private static double Distance(string typed, string name)
    {
        double best = Levenshtein(typed, name);
        for (var start = 0; start < name.Length; start = name.IndexOf(' ', start) is var sp and >= 0 ? sp + 1 : name.Length)
        {
            var part = name.Substring(start, Math.Min(typed.Length, name.Length - start));
            best = Math.Min(best, Levenshtein(typed, part) + 0.5 + (start == 0 ? 0 : 0.25));
        }
        return best;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// The names a council goes by: its name, its slug, and for DfE's inverted names
    /// ("Kingston upon Hull, City of") both "Kingston upon Hull" and "City of Kingston upon Hull".
    /// </summary>
    private static string[] NameKeys(string name, string slug)
    {
        var keys = new List<string> { Key(name), Key(slug) };
        var comma = name.LastIndexOf(", ", StringComparison.Ordinal);
        var tail = comma < 0 ? "" : name[(comma + 2)..];
        if (tail.Equals("City of", StringComparison.OrdinalIgnoreCase) || tail.Equals("County of", StringComparison.OrdinalIgnoreCase))
        {
            keys.Add(Key(name[..comma]));
            keys.Add(Key($"{tail} {name[..comma]}"));
        }
        return [.. keys.Distinct()];
    }
}
