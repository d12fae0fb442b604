using System.Security.Cryptography;
using JudgementsApi.SeedBuilder;
using JudgementsApi.SeedBuilder.Visits;

namespace JudgementsApi.SeedUpdater;

public sealed record UpdateOptions
{
    /// <summary>The source store (default: the ../shared/data layout).</summary>
    public required string StoreDir { get; init; }
    public required string SeedDir { get; init; }
    /// <summary>Take PDFs from this folder instead of Ofsted's site.</summary>
    public string? FromFolder { get; init; }
    public Uri BaseUrl { get; init; } = new("https://reports.ofsted.gov.uk/");
    /// <summary>Only these councils' pages (default: every current council in seed-data/councils.csv).</summary>
    public IReadOnlyList<string>? Urns { get; init; }
    public FetchSettings Fetch { get; init; } = new();
    /// <summary>Where downloaded PDFs are kept between runs, so an interrupted run resumes without
    /// downloading them again (default: .updater-cache beside seed-data/, gitignored). Never in the store;
    /// made only when a PDF is downloaded, and not written by a dry run.</summary>
    public string? CacheDir { get; init; }
    public bool DryRun { get; init; }
    public TextWriter Log { get; init; } = Console.Error;
}

/// <summary>A document the store did not hold, read and ready to add; <paramref name="Inferred"/> says
/// how it was identified (council, date, URL) when that was read rather than listed by Ofsted.</summary>
public sealed record NewDocument(ManifestRow Row, string Text, string Origin, string Inferred = "");

/// <summary>A document found, read and identified, before it is named in the store.</summary>
public sealed record Found(string Kind, KnownCouncil Council, DateOnly Published, string Title, string Url, string Sha, string Text,
    string Origin, string Inferred = "");

/// <summary>A document found but not taken in, and why (not a report, unreadable PDF, …).</summary>
public sealed record RejectedDocument(string Origin, string Reason);

/// <summary>Any failure that stops the whole update before anything is written.</summary>
public sealed class UpdateFailedException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class UpdateResult
{
    public List<NewDocument> Added { get; } = [];
    public List<RejectedDocument> Rejected { get; } = [];
    public int AlreadyHeld { get; set; }
    public int PagesRead { get; set; }
    public ChangeSummary? Changes { get; set; }
    public bool Written { get; set; }
    public bool DryRun { get; init; }
    public required string Source { get; init; }
}

/// <summary>
/// One update: find documents the store lacks (on Ofsted's site or in a folder), read their PDFs,
/// rebuild seed-data/ from the store plus them in a scratch folder, compare, and only then write
/// the new texts, the manifest and the changed seed files. Any failure before that point leaves the
/// store and seed-data/ exactly as they were.
/// </summary>
public static class Updater
{
    public static async Task<UpdateResult> Run(UpdateOptions o, CancellationToken ct = default)
    {
        var store = new SourceStore(o.StoreDir);
        var result = await CollectNewDocuments(o, store, ct);
        foreach (var r in result.Rejected) o.Log.WriteLine($"rejected: {r.Origin}: {r.Reason}");
        if (result.Added.Count == 0)
        {
            result.Changes = ChangeSummary.Nothing;
            return result;
        }

        var scratch = Directory.CreateTempSubdirectory("judgements-update-");
        try
        {
            RebuildAndWrite(o, store, result, scratch.FullName);
            return result;
        }
        finally { scratch.Delete(recursive: true); }
    }

    /// <summary>
    /// The documents the store does not hold yet, from Ofsted or a folder, each named as the store
    /// names its files; a document of no council in seed-data/councils.csv is rejected.
    /// </summary>
    static async Task<UpdateResult> CollectNewDocuments(UpdateOptions o, SourceStore store, CancellationToken ct)
    {
        var councils = CouncilFinder.FromSeed(o.SeedDir);
        var source = o.FromFolder is null ? $"Ofsted ({o.BaseUrl})" : $"folder {o.FromFolder}";
        var result = new UpdateResult { Source = source, DryRun = o.DryRun };
        var names = new HashSet<string>(store.Rows.Select(r => r.File), StringComparer.Ordinal);

        void Take(Found f)
        {
            var baseName = $"{DocumentKinds.Folder[f.Kind]}/{f.Council.Urn}_{f.Council.Slug}_{f.Published:yyyy-MM-dd}";
            var file = baseName + ".txt"; var k = 2;
            while (!names.Add(file)) file = $"{baseName}-{k++}.txt";
            var row = new ManifestRow(file, f.Kind, f.Council.Urn, f.Council.Name.ToLowerInvariant(), f.Published, f.Title, f.Url, f.Sha);
            result.Added.Add(new NewDocument(row, f.Text, f.Origin, f.Inferred));
            o.Log.WriteLine($"new {f.Kind}: {file} ({f.Origin})");
        }

        if (o.FromFolder is null) await FromOfsted(o, store, councils, result, Take, ct);
        else FolderImport.Collect(o, store, councils, result, Take);
        return result;
    }

    /// <summary>
    /// Runs the builder on the store plus the new documents in <paramref name="scratch"/>; unless it is a
    /// dry run, then commits the documents to the store and copies the seed files that changed.
    /// </summary>
    static void RebuildAndWrite(UpdateOptions o, SourceStore store, UpdateResult result, string scratch)
    {
        var data = Path.Combine(scratch, "data");
        var seed = Path.Combine(scratch, "seed");
        StageStore(store, result.Added, data);
        StageSeed(o.SeedDir, seed);
        BuildResult built;
        VisitBuild visits;
        try
        {
            built = Builder.Build(data, seed);
            visits = VisitLetters.Build(data, built.Councils);
            Builder.Write(built, seed, visits);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            throw new UpdateFailedException($"the builder failed on the new documents: {e.Message}; nothing was written", e);
        }
        result.Changes = ChangeSummary.Compare(o.SeedDir, seed, result.Added, built, visits);
        if (o.DryRun) return;

        store.Commit(result.Added.Select(a => (a.Row, a.Text)).ToList());
        foreach (var f in Directory.GetFiles(seed))
        {
            var target = Path.Combine(o.SeedDir, Path.GetFileName(f));
            var text = File.ReadAllText(f);
            if (!File.Exists(target) || File.ReadAllText(target) != text) SourceStore.AtomicWrite(target, text);
        }
        result.Written = true;
    }

    static async Task FromOfsted(UpdateOptions o, SourceStore store, CouncilFinder councils, UpdateResult result, Action<Found> take,
        CancellationToken ct)
    {
        var cache = o.CacheDir ?? Path.Combine(o.SeedDir, "..", ".updater-cache");
        using var client = new OfstedClient(o.Fetch);
        var urns = (o.Urns ?? councils.ByUrn.Keys.OrderBy(u => u, StringComparer.Ordinal).ToList()).ToList();
        try
        {
            foreach (var urn in urns)
            {
                var page = new Uri(o.BaseUrl, $"provider/44/{Uri.EscapeDataString(urn)}");
                var html = System.Text.Encoding.UTF8.GetString(await client.GetBytes(page.ToString(), ct));
                result.PagesRead++;
                foreach (var doc in ProviderPage.Parse(urn, page, html))
                {
                    if (doc.Kind is null) continue; // a publication the dataset does not hold
                    if (doc.Published is null)
                    {
                        result.Rejected.Add(new RejectedDocument(doc.Url, $"no publication date in its title '{doc.Title}'"));
                        continue;
                    }
                    if (store.Holds(doc.Url, null, doc.Kind, urn, doc.Published)) { result.AlreadyHeld++; continue; }
                    var pdf = await Download(client, doc.Url, cache, o.DryRun, ct);
                    if (!councils.ByUrn.TryGetValue(urn, out var council))
                        result.Rejected.Add(new RejectedDocument(doc.Url, $"no council in seed-data/councils.csv has Ofsted URN {urn}"));
                    else if (Read(pdf, doc.Kind, doc.Url, result) is { } read)
                        take(new Found(doc.Kind, council, doc.Published.Value, doc.Title, doc.Url, read.Sha, read.Text, doc.Url));
                }
            }
        }
        catch (FetchFailedException e) { throw new UpdateFailedException(e.Message, e); }
        catch (LayoutChangedException e) { throw new UpdateFailedException(e.Message + "; nothing was written", e); }
    }

    /// <summary>A PDF from the cache, or downloaded and (unless a dry run) cached, named by its URL.</summary>
    static async Task<byte[]> Download(OfstedClient client, string url, string cache, bool dryRun, CancellationToken ct)
    {
        var cached = Path.Combine(cache, Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(url)))[..24] + ".pdf");
        if (File.Exists(cached)) return await File.ReadAllBytesAsync(cached, ct);
        var pdf = await client.GetBytes(url, ct);
        if (dryRun) return pdf;
        Directory.CreateDirectory(cache);
        await File.WriteAllBytesAsync(cached + ".part", pdf, ct);
        File.Move(cached + ".part", cached, overwrite: true);
        return pdf;
    }

    /// <summary>Extracts a PDF's text and checks it reads as the kind of document expected; a
    /// rejection is recorded and null returned.</summary>
    internal static (string Kind, string Text, string Sha)? Read(byte[] pdf, string? expectedKind, string origin, UpdateResult result)
    {
        string text;
        try { text = PdfText.Extract(pdf); }
        catch (UnreadablePdfException e)
        {
            result.Rejected.Add(new RejectedDocument(origin, $"corrupt or unreadable PDF: {e.Message}"));
            return null;
        }
        if (text.Count(char.IsLetter) < 200)
        {
            result.Rejected.Add(new RejectedDocument(origin, "the PDF has almost no text (a scanned image?); read it by hand"));
            return null;
        }
        var kind = DocumentKinds.FromText(text);
        if (kind is null)
        {
            result.Rejected.Add(new RejectedDocument(origin, "not an Ofsted report or letter: its first page names no inspection or visit"));
            return null;
        }
        if (expectedKind is not null && kind != expectedKind)
        {
            result.Rejected.Add(new RejectedDocument(origin, $"listed as {expectedKind} but its text reads as {kind}"));
            return null;
        }
        return (kind, text, Convert.ToHexStringLower(SHA256.HashData(pdf)));
    }

    static void StageStore(SourceStore store, IReadOnlyList<NewDocument> added, string data)
    {
        var reports = Path.Combine(data, "reports");
        foreach (var folder in DocumentKinds.Folder.Values)
        {
            var from = Path.Combine(store.Root, "reports", folder);
            Directory.CreateDirectory(Path.Combine(reports, folder));
            if (!Directory.Exists(from)) continue;
            foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(reports, folder, Path.GetFileName(f)));
        }
        foreach (var a in added) File.WriteAllText(Path.Combine(reports, a.Row.File), a.Text);
        File.WriteAllText(Path.Combine(reports, "manifest.csv"), store.FormatManifest(store.Rows.Concat(added.Select(a => a.Row))));
        // A copy, not a link: deleting the scratch folder must never reach into the store.
        var sources = Path.Combine(store.Root, "sources");
        if (Directory.Exists(sources)) CopyDir(sources, Path.Combine(data, "sources"));
    }

    static void CopyDir(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) CopyDir(d, Path.Combine(to, Path.GetFileName(d)));
    }

    static void StageSeed(string seedDir, string seed)
    {
        Directory.CreateDirectory(seed);
        foreach (var f in Directory.GetFiles(seedDir)) File.Copy(f, Path.Combine(seed, Path.GetFileName(f)));
        var overrides = Path.Combine(seedDir, "overrides");
        if (Directory.Exists(overrides))
        {
            Directory.CreateDirectory(Path.Combine(seed, "overrides"));
            foreach (var f in Directory.GetFiles(overrides)) File.Copy(f, Path.Combine(seed, "overrides", Path.GetFileName(f)));
        }
    }
}
