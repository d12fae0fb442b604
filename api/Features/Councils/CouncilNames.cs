using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Councils;

/// <summary>
/// The request's council resolver: the <see cref="CouncilIndex"/> of the snapshot the request reads
/// (nothing is cached here). Used by the council paths, the <c>council</c> filters and the pages.
/// </summary>
public sealed class CouncilNames(IHttpContextAccessor http, SnapshotLoader snapshots)
{
    /// <summary>The council <paramref name="text"/> names, by identifier or name; null when it names none.</summary>
    public async Task<CouncilRef?> FindAsync(string text) => (await IndexAsync()).Find(text)?.Ref;

    /// <summary>The council <paramref name="text"/> names, or the closest councils when it names none.</summary>
    public async Task<CouncilMatch> ResolveAsync(string text) => (await IndexAsync()).Resolve(text);

    /// <summary>Councils whose names are closest to <paramref name="text"/>, closest first.</summary>
    public async Task<IReadOnlyList<CouncilRef>> SuggestAsync(string text, int max = CouncilIndex.MaxSuggestions) =>
        (await IndexAsync()).Suggest(text, max);

    /// <summary>The form names are compared in (see <see cref="CouncilIndex.Key"/>).</summary>
    public static string Key(string text) => CouncilIndex.Key(text);

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
            if (index.Find(entry) is { } council) { if (!found.Contains(council.Ref)) found.Add(council.Ref); continue; }
            var suggestions = index.Suggest(entry, 3);
            q.Add(name, $"'{entry}' is not a council's ONS code, DfE code, Ofsted URN, former code, slug or name"
                + (suggestions.Count == 0 ? "." : $"; closest: {string.Join(", ", suggestions.Select(s => $"{s.Name} ({s.Slug})"))}."));
        }
        return found;
    }

    private async Task<CouncilIndex> IndexAsync() =>
        (http.HttpContext is { } context ? await context.SnapshotAsync() : await snapshots.CurrentAsync()).CouncilIndex;
}
