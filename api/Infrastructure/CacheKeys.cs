using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// What of a request selects a cached answer, in a bounded form: the query parameters its endpoint
/// binds (others change nothing a page shows) and the representation negotiated from Accept, never
/// the raw text. With the raw query and Accept in the keys, one client sending unique junk queries
/// and 28 KB Accept headers grew the process by gigabytes (issue 22).
/// </summary>
public static class CacheKeys
{
    private static readonly HashSet<string> NoNames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The query string as sent, less the parameters the endpoint does not bind; null when the API
    /// will refuse them (its 400 for an unknown name), so that nothing is cached or matched for it.
    /// </summary>
    public static string? Query(HttpContext http)
    {
        var raw = http.Request.QueryString.Value;
        if (string.IsNullOrEmpty(raw) || raw == "?") return "";
        var known = http.GetEndpoint() is { } endpoint ? QueryRecords.Known(endpoint) : NoNames;
        var refusesUnknown = ApiVersions.IsVersioned(http.Request.Path);
        var segments = raw[1..].Split('&');
        var kept = new List<string>(segments.Length);
        foreach (var segment in segments)
        {
            var name = segment.Split('=', 2)[0];
            if (name.Length > 0 && known.Contains(Uri.UnescapeDataString(name.Replace('+', ' ')))) kept.Add(segment);
            else if (refusesUnknown && name.Length > 0) return null;
        }
        return kept.Count == segments.Length ? raw : kept.Count == 0 ? "" : "?" + string.Join('&', kept);
    }

    /// <summary>
    /// The representation Accept selects: json or csv, an endpoint's own media type, or 406; pages
    /// and the embed page answer HTML whatever Accept says.
    /// </summary>
    public static string Representation(HttpContext http)
    {
        if (!ApiVersions.IsVersioned(http.Request.Path) || http.GetEndpoint() is not { } endpoint) return "";
        if (endpoint.Metadata.GetMetadata<MediaTypeMetadata>() is { } media)
            return Negotiation.Accepts(http.Request, media) ? media.MediaType : "406";
        var csvCapable = endpoint.Metadata.GetMetadata<CsvCollectionMetadata>() is not null;
        return Negotiation.Choose(http.Request, csvCapable, []) switch
        {
            Infrastructure.Representation.Csv => "csv",
            Infrastructure.Representation.Json => "json",
            _ => "406",
        };
    }
}

/// <summary>
/// The output cache's store: the platform's memory cache, as the default store is, but with each
/// entry's size counted as its body plus its key plus a fixed overhead. The default counts the body
/// alone, so many small bodies under long keys grew far past the size limit.
/// </summary>
public sealed class CountedOutputCacheStore(long sizeLimit) : IOutputCacheStore, IDisposable
{
    /// <summary>Roughly what an entry costs beyond its bytes (the cache's entry, the dictionary's node, the key's object).</summary>
    public const int EntryOverhead = 256;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = sizeLimit });

    /// <summary>The entries held now (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.Get<byte[]>(key));

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        _entries.Set(key, value, new MemoryCacheEntryOptions
        {
            Size = value.Length + 2L * key.Length + EntryOverhead,
            AbsoluteExpirationRelativeToNow = validFor,
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>No policy here tags entries: a new dataset version changes every key instead.</summary>
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void Dispose() => _entries.Dispose();
}
