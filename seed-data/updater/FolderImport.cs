using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using JudgementsApi.SeedBuilder;

namespace JudgementsApi.SeedUpdater;

/// <summary>What a file's name and place suggest. Hints only: the council is always read from the
/// document and must agree with a URN the name gives.</summary>
public sealed record NameHints(string? Urn, DateOnly? Published, string Title, string? TitleKind, string ReportUrl, List<string> Said);

/// <summary>
/// --from-folder: PDFs a person saved, under any name. The kind is read from the document's heading,
/// the council from its title or subject (<see cref="CouncilFinder"/>), the inspection dates from the
/// report. The publication date, which is the dataset's key and the date of Ofsted's title for the
/// document, comes from the file name when it gives one (the store's own names, Ofsted's titles as the
/// scrapers save them), else from the document (a report's "Report published" line, a letter's date).
/// An ILACS report prints no publication date: one named only "report.pdf" is recognised as held when
/// seed-data/inspections.csv has its council and inspection dates, and refused, saying so, when not.
/// </summary>
public static partial class FolderImport
{
    /// <summary>Optional, in the folder: file,report_url rows giving each PDF's address on Ofsted's site.</summary>
    public const string UrlList = "report-urls.csv";

    public static void Collect(UpdateOptions o, SourceStore store, CouncilFinder councils, UpdateResult result, Action<Found> take)
    {
        if (!Directory.Exists(o.FromFolder)) throw new UpdateFailedException($"folder not found: {o.FromFolder}");
        var urls = ReadUrlList(o.FromFolder!);
        var held = Csv.ReadDicts(Path.Combine(o.SeedDir, "inspections.csv"));
        foreach (var path in Directory.GetFiles(o.FromFolder!, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var origin = Path.GetRelativePath(o.FromFolder!, path);
            var pdf = File.ReadAllBytes(path);
            if (NotAPdf(pdf) is { } why) { result.Rejected.Add(new RejectedDocument(origin, why)); continue; }
            var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
            if (store.Holds(null, sha, "", "", null)) { result.AlreadyHeld++; continue; }
            var hints = Hints(o.FromFolder!, path, urls, councils);
            if (Updater.Read(pdf, hints.TitleKind, origin, result) is not { } read) continue;
            var id = Identify(read.Kind, read.Text, hints, councils, held);
            if (id.Problem is not null) { result.Rejected.Add(new RejectedDocument(origin, id.Problem)); continue; }
            if (id.Held || store.Holds(null, null, read.Kind, id.Council!.Urn, id.Published)) { result.AlreadyHeld++; continue; }
            var day = id.Published!.Value.ToString("dd MMMM yyyy", CultureInfo.InvariantCulture).ToLowerInvariant();
            var title = hints.Title.Length > 0 ? hints.Title : $"{KindTitle(read.Kind)} - {day}";
            take(new Found(read.Kind, id.Council!, id.Published!.Value, title, hints.ReportUrl, sha, read.Text, origin,
                string.Join("; ", id.Said.Concat(hints.Said))));
        }
    }

    sealed record Identity(KnownCouncil? Council, DateOnly? Published, bool Held, string? Problem, List<string> Said);

    static Identity Identify(string kind, string text, NameHints hints, CouncilFinder councils, List<Dictionary<string, string>> held)
    {
        var (council, where, problem) = councils.Find(text, kind);
        if (council is null) return Refused($"the council could not be read: {problem}; nothing is taken on the file name alone");
        if (hints.Urn is not null && hints.Urn != council.Urn)
        {
            var named = councils.ByUrn.TryGetValue(hints.Urn, out var n) ? $"{n.Name}'s" : "an unknown";
            return Refused($"its name gives {named} Ofsted URN {hints.Urn}, but {where} names {council.Name} (URN {council.Urn})");
        }
        var said = new List<string> { $"{KindTitle(kind)} of {council.Name} (URN {council.Urn}), read from {where}" };
        if (hints.Published is { } fromName)
            return new Identity(council, fromName, false, null, [.. said, $"published {fromName:yyyy-MM-dd} as its file name says"]);
        if (kind != DocumentKinds.Inspection)
        {
            if (LetterDate(text) is not { } dated)
                return Refused("the publication date could not be read: the letter is not dated above its salutation");
            return new Identity(council, dated, false, null, [.. said, $"published {dated:yyyy-MM-dd}, the letter's date"]);
        }
        var report = ReportParser.Parse("report.txt", text);
        if (report.PublishedInText is { } printed)
            return new Identity(council, printed, false, null, [.. said, $"published {printed:yyyy-MM-dd}, its 'Report published' line"]);
        var same = held.FirstOrDefault(i => i["council_code"] == council.Code && report.Start is not null
            && i["start_date"] == $"{report.Start:yyyy-MM-dd}" && i["end_date"] == $"{report.End:yyyy-MM-dd}");
        if (same is not null) return new Identity(council, null, true, null, said);
        return Refused($"the publication date could not be read: the report ({council.Name}, inspected {report.Start:yyyy-MM-dd} to " +
            $"{report.End:yyyy-MM-dd}) does not print it and the file name gives none; name the file " +
            $"{council.Urn}_{council.Slug}_<yyyy-mm-dd>.pdf with the date Ofsted published it");

        Identity Refused(string why) => new(null, null, false, why, []);
    }

    /// <summary>Why the bytes are not a PDF at all (Ofsted's server answers a report it no longer has
    /// with an HTML page, which a browser saves under the .pdf name it asked for); null for a PDF.</summary>
    static string? NotAPdf(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        if (head.Contains("%PDF-", StringComparison.Ordinal)) return null;
        if (bytes.Length == 0) return "not a PDF: the file is empty";
        var start = Regex.Replace(head.TrimStart('\uFEFF', ' ', '\r', '\n', '\t'), @"\s+", " ");
        var what = Regex.IsMatch(start, @"^<(!DOCTYPE html|html)", RegexOptions.IgnoreCase)
            ? "an HTML page saved under a .pdf name (what Ofsted's server sends for a report it no longer has)"
            : "it does not start as a PDF does (%PDF-)";
        return $"not a PDF: {what}; it begins \"{start[..Math.Min(40, start.Length)]}\"";
    }

    static NameHints Hints(string folder, string path, Dictionary<string, string> urls, CouncilFinder councils)
    {
        var name = Path.GetFileName(path);
        var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
        var said = new List<string>();
        string? urn = null, titleKind = null; DateOnly? published = null; var title = "";
        var store = StoreName().Match(name);
        var scrape = ScrapeFolder().Match(Path.GetFileName(Path.GetDirectoryName(path)) ?? "");
        if (store.Success)
        {
            urn = store.Groups["urn"].Value;
            published = DateOnly.ParseExact(store.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else if (scrape.Success && DocumentKinds.DateInTitle(Path.GetFileNameWithoutExtension(path)) is { } t)
        {
            // The layout the public ILACS scrapers save: <urn>_<council>/<Ofsted's title>.pdf
            urn = scrape.Groups["urn"].Value;
            published = t;
            title = DocumentKinds.CleanTitle(Path.GetFileNameWithoutExtension(path));
            titleKind = DocumentKinds.FromTitle(title);
        }
        var url = urls.GetValueOrDefault(relative) ?? "";
        if (url.Length > 0) said.Add($"report URL from {UrlList}");
        else if (OfstedFileId().Match(name) is { Success: true } id && !councils.ByUrn.ContainsKey(id.Groups[1].Value))
        {
            // Ofsted's file server names a download after the file's number (files.ofsted.gov.uk/v1/file/50276411).
            url = $"https://files.ofsted.gov.uk/v1/file/{id.Groups[1].Value}";
            said.Add("report URL from its file name, Ofsted's file number");
        }
        return new NameHints(urn, published, title, titleKind, url, said);
    }

    static Dictionary<string, string> ReadUrlList(string folder)
    {
        var path = Path.Combine(folder, UrlList);
        if (!File.Exists(path)) return [];
        var rows = Csv.ReadDicts(path);
        if (rows.Count > 0 && (!rows[0].ContainsKey("file") || !rows[0].ContainsKey("report_url")))
            throw new UpdateFailedException($"{path}: needs the columns file,report_url");
        return rows.Where(r => r["report_url"].Trim().Length > 0)
            .ToDictionary(r => r["file"].Trim().Replace('\\', '/'), r => r["report_url"].Trim(), StringComparer.Ordinal);
    }

    /// <summary>A letter's date: a line that is only a date, above its salutation.</summary>
    static DateOnly? LetterDate(string text)
    {
        foreach (var line in text.Replace("\f", "\n").Split('\n').Select(l => Regex.Replace(l, @"\s+", " ").Trim()))
        {
            if (line.StartsWith("Dear ", StringComparison.Ordinal)) break;
            if (DateOnly.TryParseExact(line, "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        }
        return null;
    }

    public static string KindTitle(string kind) => kind switch
    {
        DocumentKinds.Inspection => "children's services inspection",
        DocumentKinds.FocusedVisit => "children's services focused visit",
        DocumentKinds.MonitoringVisit => "children's services monitoring visit",
        _ => "joint targeted area inspection",
    };

    [GeneratedRegex(@"^(?<urn>\d{2,8})_[^/]*?_?(?<date>\d{4}-\d{2}-\d{2})\.pdf$", RegexOptions.IgnoreCase)]
    private static partial Regex StoreName();
    [GeneratedRegex(@"^(?<urn>\d{2,8})_.+$")]
    private static partial Regex ScrapeFolder();
    [GeneratedRegex(@"^(\d{6,10})\.pdf$", RegexOptions.IgnoreCase)]
    private static partial Regex OfstedFileId();
}
