using System.Text;
using JudgementsApi.SeedBuilder;

namespace JudgementsApi.SeedUpdater;

/// <summary>One row of reports/manifest.csv. <see cref="Sha256"/> is of the PDF the text came from;
/// empty for the texts prepared before the updater existed.</summary>
public sealed record ManifestRow(string File, string Kind, string OfstedUrn, string LocalAuthority, DateOnly Published,
    string Title, string ReportUrl, string Sha256);

/// <summary>
/// The source store: reports/manifest.csv plus one text file per document under reports/&lt;kind
/// folder&gt;/, the layout of ../shared/data. The updater only adds to it, and only in
/// <see cref="Commit"/>, once everything it found has been downloaded, read and built.
/// </summary>
public sealed class SourceStore
{
    public static readonly string[] Columns = ["file", "kind", "ofsted_urn", "local_authority", "publication_date", "original_title", "report_url", "sha256"];
    public string Root { get; }
    public string ManifestPath => Path.Combine(Root, "reports", "manifest.csv");
    public List<ManifestRow> Rows { get; }
    readonly bool crlf;

    public SourceStore(string root)
    {
        Root = Path.GetFullPath(root);
        if (!File.Exists(ManifestPath)) throw new InvalidDataException($"no source store at {Root}: {ManifestPath} is missing");
        var text = File.ReadAllText(ManifestPath, Encoding.UTF8);
        crlf = text.Contains("\r\n");
        Rows = Csv.ToDicts(Csv.Parse(text)).Select(r => new ManifestRow(r["file"], r["kind"], r["ofsted_urn"].Trim(), r["local_authority"],
            DateOnly.ParseExact(r["publication_date"].Trim(), "yyyy-MM-dd"), r["original_title"], r.GetValueOrDefault("report_url")?.Trim() ?? "",
            r.GetValueOrDefault("sha256")?.Trim() ?? "")).ToList();
    }

    /// <summary>Whether the store already holds this document: the same URL, the same PDF, or the
    /// same kind of document for the council published the same day (texts recorded before the
    /// updater have no URL for letters, and Ofsted has moved its file server before).</summary>
    public bool Holds(string? url, string? sha256, string kind, string urn, DateOnly? published) =>
        Rows.Any(r => (url is { Length: > 0 } && r.ReportUrl == url)
                      || (sha256 is { Length: > 0 } && r.Sha256 == sha256)
                      || (r.Kind == kind && r.OfstedUrn == urn && published == r.Published));

    public string FormatManifest(IEnumerable<ManifestRow> rows)
    {
        var text = Csv.Format(Columns, rows.Select(r => new[] { r.File, r.Kind, r.OfstedUrn, r.LocalAuthority,
            r.Published.ToString("yyyy-MM-dd"), r.Title, r.ReportUrl, r.Sha256 }));
        return crlf ? text.Replace("\n", "\r\n") : text;
    }

    /// <summary>Writes the new documents' texts, then the manifest naming them (each through a
    /// temporary file renamed into place, so a reader never sees half a file).</summary>
    public void Commit(IReadOnlyList<(ManifestRow Row, string Text)> added)
    {
        foreach (var (row, text) in added)
        {
            var path = Path.Combine(Root, "reports", row.File);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicWrite(path, text);
        }
        AtomicWrite(ManifestPath, FormatManifest(Rows.Concat(added.Select(a => a.Row))));
    }

    public static void AtomicWrite(string path, string text)
    {
        var tmp = path + ".updating";
        File.WriteAllText(tmp, text, new UTF8Encoding(false));
        File.Move(tmp, path, overwrite: true);
    }
}
