using System.Security.Cryptography;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using JudgementsApi.Features.Dataset;
using JudgementsApi.Import;

namespace JudgementsApi.Features.Download;

/// <summary>
/// GET /v1/dataset/download: the whole dataset as one zip of CSV files (the seed files' layout,
/// read back from the database) described by a Frictionless Data Package, with the dataset's
/// README, QUALITY report and FORMAT. Built once per dataset version (the output cache keeps it).
/// </summary>
public static class DownloadEndpoints
{
    public const string MediaType = "application/zip";

    public static RouteGroupBuilder MapDownload(this RouteGroupBuilder v1)
    {
        v1.MapGet("/dataset/download", Get).WithTags("Dataset")
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

    private static async Task<Results<BodyResult, ProblemHttpResult>> Get(HttpContext http, NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead); // one consistent snapshot
        var dataset = await conn.QueryFirstOrDefaultAsync<(string Version, DateTime LoadedAt)>("SELECT version, loaded_at FROM dataset", transaction: tx);
        if (dataset.Version is null) return Problems.Problem(Problems.NotFound, "No dataset has been imported into this database yet.");
        var loadedAt = DateTime.SpecifyKind(dataset.LoadedAt, DateTimeKind.Utc);

        var tables = SeedSet.Headers.Keys.Select(f => f[..^4]).ToList();
        var schema = await Catalogue.ReadAsync(conn, tx, tables);

        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            var resources = new JsonArray();
            var manifest = new List<SeedManifest.Entry>();
            foreach (var (file, columns) in SeedSet.Headers)
            {
                var table = file[..^4];
                var path = $"data/{file}";
                var csv = new MemoryStream();
                await schema.WriteCsvAsync(conn, tx, table, columns, csv);
                manifest.Add(SeedManifest.EntryFor(file, csv.ToArray()));
                await using (var entry = Entry(archive, path, loadedAt))
                    await entry.WriteAsync(csv.GetBuffer().AsMemory(0, (int)csv.Length));
                var resource = schema.Resource(table, path, columns, tables);
                // So that a reader can check each file it unpacked (Frictionless: bytes, and hash with its algorithm).
                resource["bytes"] = csv.Length;
                resource["hash"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(csv.GetBuffer().AsSpan(0, (int)csv.Length)));
                resources.Add(resource);
            }
            // What the importer checks, so the zip (or the folder it unzips to) can be imported as it is.
            await using (var entry = Entry(archive, $"data/{SeedManifest.FileName}", loadedAt))
                await entry.WriteAsync(SeedManifest.Bytes(manifest.OrderBy(e => e.File, StringComparer.Ordinal)));
            foreach (var doc in new[] { "README.md", "QUALITY.md", "FORMAT.md" })
            {
                await using var entry = Entry(archive, doc, loadedAt);
                await using var source = typeof(DownloadEndpoints).Assembly.GetManifestResourceStream($"seed-data/{doc}")!;
                await source.CopyToAsync(entry);
            }
            await using (var entry = Entry(archive, "datapackage.json", loadedAt))
            {
                var descriptor = Descriptor(dataset.Version, loadedAt, resources);
                await entry.WriteAsync(Encoding.UTF8.GetBytes(descriptor.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
            }
        }
        await tx.CommitAsync();
        return new BodyResult(MediaType, zip.ToArray(), FileName(dataset.Version));
    }

    public static string FileName(string version) => $"judgements-dataset-{version[..Math.Min(12, version.Length)]}.zip";

    private static Stream Entry(ZipArchive archive, string path, DateTime at)
    {
        var entry = archive.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = at; // the same bytes for the same dataset version
        return entry.Open();
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
