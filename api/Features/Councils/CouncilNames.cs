using JudgementsApi.Features.Inspections;
using JudgementsApi.Import;

namespace JudgementsApi.Features.Councils;

/// <summary>What a piece of text names: one council, or none and the closest councils.</summary>
public sealed record CouncilMatch(CouncilRef? Council, IReadOnlyList<CouncilRef> Suggestions);

/// <summary>
/// Finds a council from what a person types: any identifier (ONS code, DfE code, former ONS code,
/// slug) or its name as people write it — "Telford and Wrekin", "telford-&amp;-wrekin",
/// "Kingston upon Hull", "hull", "bcp", "Saint Helens" or "St Helens" — and otherwise suggests the
/// closest councils. Used by the council path, the <c>council</c> filters and (for a search box) the
/// pages. The index is built once per dataset snapshot.
/// </summary>
public sealed class CouncilNames(SnapshotLoader snapshots, IHttpContextAccessor http)
{
    public const int MaxSuggestions = 5;

    // Short forms in everyday use that no rule derives from the official name.
    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal)
    {
        ["bcp"] = "E06000058",     // Bournemouth, Christchurch and Poole
        ["hull"] = "E06000010",    // Kingston upon Hull, City of
        ["durham"] = "E06000047",  // County Durham
    };

    private sealed record Entry(CouncilRef Council, bool Current, string[] Keys);

    private sealed record Index(List<Entry> Entries, Dictionary<string, Entry> ByIdentifier, Dictionary<string, Entry> ByCode,
        Dictionary<string, Entry> ByKey);

    private (DatasetSnapshot Snapshot, Index Value)? _cached;

    /// <summary>
    /// The council <paramref name="text"/> names, by identifier first (as <see cref="DatasetSnapshot.FindCouncil"/>:
    /// ONS code, then DfE code, former code or slug, a current council before a former one), then by
    /// name; null when it names none.
    /// </summary>
    public async Task<CouncilRef?> FindAsync(string text) => Find(await IndexAsync(), text)?.Council;

    /// <summary>The council <paramref name="text"/> names, or the closest councils when it names none.</summary>
    public async Task<CouncilMatch> ResolveAsync(string text)
    {
        var index = await IndexAsync();
        return Find(index, text) is { } e ? new CouncilMatch(e.Council, []) : new CouncilMatch(null, Suggest(index, text, MaxSuggestions));
    }

    /// <summary>Councils whose names are closest to <paramref name="text"/>, closest first (current councils before former ones on a tie).</summary>
    public async Task<IReadOnlyList<CouncilRef>> SuggestAsync(string text, int max = MaxSuggestions) =>
        Suggest(await IndexAsync(), text, max);

    /// <summary>
    /// Reads a comma-separated list of councils (at most <paramref name="max"/>); every entry that
    /// names no council is an error naming it, with suggestions. Null when the parameter is absent.
    /// </summary>
    public async Task<List<CouncilRef>?> ReadListAsync(QueryReader q, string name, string? raw, int max)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var entries = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0) { q.Add(name, $"'{raw}' names no council."); return null; }
        if (entries.Length > max) { q.Add(name, $"At most {max} councils at once; {entries.Length} were given."); return null; }
        var index = await IndexAsync();
        var found = new List<CouncilRef>();
        foreach (var entry in entries)
        {
            if (Find(index, entry) is { } e) { if (!found.Contains(e.Council)) found.Add(e.Council); continue; }
            var suggestions = Suggest(index, entry, 3);
            q.Add(name, $"'{entry}' is not a council's ONS code, DfE code, former code, slug or name"
                + (suggestions.Count == 0 ? "." : $"; closest: {string.Join(", ", suggestions.Select(s => $"{s.Name} ({s.Slug})"))}."));
        }
        return found;
    }

    /// <summary>The form names are compared in: case, accents and punctuation folded, '&amp;' as "and", "saint" as "st".</summary>
    public static string Key(string text) =>
        string.Join(' ', SearchText.Fold(text).Split(' ').Select(w => w == "saint" ? "st" : w));

    private static Entry? Find(Index index, string text)
    {
        var t = text.Trim();
        if (t.Length == 0) return null;
        if (index.ByCode.TryGetValue(t.ToUpperInvariant(), out var byCode)) return byCode;
        if (index.ByIdentifier.TryGetValue(t.ToLowerInvariant(), out var byId)) return byId;
        var key = Key(t);
        if (index.ByKey.TryGetValue(key, out var byName)) return byName;
        return ShortForms.TryGetValue(key, out var code) && index.ByCode.TryGetValue(code, out var shortForm) ? shortForm : null;
    }

    private static List<CouncilRef> Suggest(Index index, string text, int max)
    {
        var key = Key(text);
        if (key.Length == 0) return [];
        return index.Entries
            .Select(e => (e.Council, Score: e.Keys.Min(k => Distance(key, k)) + (e.Current ? 0 : 0.25)))
            .OrderBy(x => x.Score).ThenBy(x => x.Council.Name, StringComparer.Ordinal)
            .Take(max).Select(x => x.Council).ToList();
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

    private async Task<Index> IndexAsync()
    {
        var snapshot = http.HttpContext is { } context ? await context.SnapshotAsync() : await snapshots.CurrentAsync();
        if (_cached is { } c && ReferenceEquals(c.Snapshot, snapshot)) return c.Value;
        var index = Build(snapshot);
        _cached = (snapshot, index);
        return index;
    }

    private static Index Build(DatasetSnapshot snapshot)
    {
        // Current councils come first, so where two councils share an identifier or a name the current one wins.
        var rows = snapshot.Councils.OrderBy(c => c.Item.Current ? 0 : 1).ToList(); // stable: by name, code within each
        var entries = rows.Select(r => new Entry(r.Ref, r.Item.Current, NameKeys(r.Item.Name, r.Item.Slug))).ToList();
        var byCode = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var byIdentifier = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, Entry>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            byCode.TryAdd(rows[i].Code, entries[i]);
            if (rows[i].Item.LaCode is { } la) byIdentifier.TryAdd(la.ToLowerInvariant(), entries[i]);
            byIdentifier.TryAdd(rows[i].Item.Slug, entries[i]);
            foreach (var former in rows[i].FormerCodes) byIdentifier.TryAdd(former.ToLowerInvariant(), entries[i]);
            foreach (var k in entries[i].Keys) byKey.TryAdd(k, entries[i]);
        }
        return new Index(entries, byIdentifier, byCode, byKey);
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
