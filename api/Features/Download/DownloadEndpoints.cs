using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using JudgementsApi.Features.Dataset;
using JudgementsApi.Import;

namespace JudgementsApi.Features.Download;

/// <summary>
/// GET /v1/dataset/download: the whole dataset as one zip of CSV files (the seed files' layout,
/// read with the snapshot: <see cref="DatasetArchive"/>) described by a Frictionless Data Package, with the
/// dataset's README (and its warnings), QUALITY report and FORMAT. Built once per dataset version, from its snapshot.
/// </summary>
public static class DownloadEndpoints
{
    public const string MediaType = "application/zip";

    public static RouteGroupBuilder MapDownload(this RouteGroupBuilder v1)
    {
        v1.MapGet("/dataset/download", (Delegate)Get).WithTags("Dataset")
            .WithMediaType(MediaType, "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DownloadDataset")
            .WithSummary("The whole dataset as a zip (CSV + Frictionless datapackage.json)")
            .WithDescription("""
                One zip named after the dataset version: a CSV per table under data/ (every row; the same totals as the API)
                with data/manifest.csv (each file's rows and SHA-256, so `JudgementsApi import` takes the zip or the folder it
                unzips to), datapackage.json (a Frictionless Data Package: title, licence, sources, version, and per file a
                table schema with field names, types, descriptions, primary and foreign keys), README.md, QUALITY.md and FORMAT.md.
                """);
        return v1;
    }

    // Mapped as a Delegate: with HttpContext its only parameter, the method group would bind as a RequestDelegate and drop its result.
    private static async Task<Results<BodyResult, ProblemHttpResult>> Get(HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        if (snapshot.Version is not { } version || snapshot.Archive is not { } archive || snapshot.Info is not { } info)
            return Problems.Problem(Problems.NotFound, "No dataset has been imported into this database yet.");
        return new BodyResult(MediaType, archive.Zip(() => Build(snapshot, version, info, archive)), FileName(version));
    }

    /// <summary>The zip of one version, from its snapshot: the tables read with it, the docs, the data package.</summary>
    private static byte[] Build(DatasetSnapshot snapshot, string version, DatasetInfo info, DatasetArchive archive)
    {
        var loadedAt = info.LoadedAt.UtcDateTime;
        var zip = new MemoryStream();
        using (var zipArchive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var table in archive.Tables)
                Write(zipArchive, $"data/{table.File}", loadedAt, table.Csv);
            // What the importer checks, so the zip (or the folder it unzips to) can be imported as it is.
            var manifest = archive.Tables.Select(t => SeedManifest.EntryFor(t.File, t.Csv)).OrderBy(e => e.File, StringComparer.Ordinal);
            Write(zipArchive, $"data/{SeedManifest.FileName}", loadedAt, SeedManifest.Bytes(manifest));
            foreach (var doc in new[] { "README.md", "QUALITY.md", "FORMAT.md" })
            {
                using var source = typeof(DownloadEndpoints).Assembly.GetManifestResourceStream($"seed-data/{doc}")!;
                using var text = new StreamReader(source);
                var content = text.ReadToEnd();
                Write(zipArchive, doc, loadedAt, Encoding.UTF8.GetBytes(doc == "README.md" ? WithWarnings(content, snapshot, info) : content));
            }
            var resources = new JsonArray(archive.Tables.Select(t => (JsonNode)t.Resource.DeepClone()).ToArray());
            var descriptor = Descriptor(version, loadedAt, resources).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            Write(zipArchive, "datapackage.json", loadedAt, Encoding.UTF8.GetBytes(descriptor));
        }
        return zip.ToArray();
    }

    /// <summary>
    /// The seed README and, after it, the dataset's warnings as the statistics give them at its newest publication
    /// (councils an area does not grade, councils whose reports are not in the sources) and its known gaps.
    /// </summary>
    private static string WithWarnings(string readme, DatasetSnapshot snapshot, DatasetInfo info)
    {
        var day = snapshot.DataAsOf ?? DateOnly.FromDateTime(info.LoadedAt.UtcDateTime);
        var warnings = snapshot.Vocabulary.Families.SelectMany(family =>
            Statistics.Freshness.For(day, snapshot.DataAsOf, family,
                snapshot.Statistics.For(family, null).Count(day, snapshot.Statistics.Grouping("none")).England));
        List<string> lines = [$"Newest publication in this dataset: {day:yyyy-MM-dd}; reports published since are not in it.",
            .. warnings.Distinct(), .. info.KnownGaps];
        return readme.TrimEnd() + $"\n\n## Warnings (dataset version {info.Version}, statistics as at {day:yyyy-MM-dd})\n\n"
            + string.Join("\n", lines.Select(l => "- " + l)) + "\n";
    }

    public static string FileName(string version) => $"judgements-dataset-{version[..Math.Min(12, version.Length)]}.zip";

    private static void Write(ZipArchive archive, string path, DateTime at, ReadOnlySpan<byte> bytes)
    {
        var entry = archive.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = at; // the same bytes for the same dataset version
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    private static JsonNode Source(DatasetSource s)
    {
        var source = new JsonObject { ["title"] = s.Name };
        if (s.Url is not null) source["path"] = s.Url;
        source["publisher"] = s.Publisher;
        source["licence"] = s.Licence;
        return source;
    }

    private static JsonObject Descriptor(string version, DateTime loadedAt, JsonArray resources) => new()
    {
        ["profile"] = "tabular-data-package",
        ["name"] = "ofsted-childrens-services-judgements",
        ["title"] = "Ofsted judgements on English councils' children's services",
        ["description"] = "Every English council with children's services responsibilities (current and former), every published inspection since 2013 with each judgement and its source, and every focused visit, read from the text of Ofsted's reports. See README.md, QUALITY.md and FORMAT.md.",
        ["version"] = version,
        ["created"] = loadedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["licenses"] = new JsonArray(new JsonObject
        {
            ["name"] = "OGL-UK-3.0",
            ["path"] = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            ["title"] = "Open Government Licence v3.0",
        }),
        ["attribution"] = DatasetEndpoints.Attribution,
        ["sources"] = new JsonArray(DatasetEndpoints.SourceList.Select(Source).ToArray()),
        ["resources"] = resources,
    };
}
