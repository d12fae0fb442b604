using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace JudgementsApi.Tests.Integrations;

public class DownloadTests(ApiFactory api) : ApiTests(api)
{
    private async Task<(HttpResponseMessage Response, byte[] Bytes, Dictionary<string, byte[]> Files)> Download()
    {
        var response = await Client.GetAsync("/v1/dataset/download");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var files = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
        return (response, bytes, files);
    }

    private static List<List<string>> Csv(byte[] bytes) => Infrastructure.Csv.Records(Encoding.UTF8.GetString(bytes));

    [Fact]
    public async Task TheZipIsNamedAfterTheDatasetVersionAndCarriesItsDocumentation()
    {
        var version = (await Client.GetJsonAsync("/v1/dataset")).Str("version");
        var (response, _, files) = await Download();
        Assert.Equal($"judgements-dataset-{version[..12]}.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(TestDatabase.SeedDirectory, "QUALITY.md")), files["QUALITY.md"]);
        // The README is the dataset's, then its warnings: what the statistics' warnings and the dataset record say.
        var readme = Encoding.UTF8.GetString(files["README.md"]);
        Assert.StartsWith((await File.ReadAllTextAsync(Path.Combine(TestDatabase.SeedDirectory, "README.md"))).TrimEnd(), readme);
        var warnings = readme[readme.IndexOf($"## Warnings (dataset version {version}", StringComparison.Ordinal)..];
        var dataAsOf = await Api.NewestPublicationAsync();
        Assert.Contains($"- Newest publication in this dataset: {dataAsOf}", warnings);
        var statistics = await Client.GetJsonAsync($"/v1/statistics/distribution?asOf={dataAsOf}");
        Assert.NotEmpty(statistics.GetProperty("warnings").EnumerateArray());
        Assert.All(statistics.GetProperty("warnings").EnumerateArray(), w => Assert.Contains("- " + w.GetString(), warnings));
        Assert.All((await Client.GetJsonAsync("/v1/dataset")).GetProperty("knownGaps").EnumerateArray(),
            g => Assert.Contains("- " + g.GetString(), warnings));

        using var descriptor = JsonDocument.Parse(files["datapackage.json"]);
        var package = descriptor.RootElement;
        Assert.Equal(version, package.Str("version"));
        Assert.False(string.IsNullOrWhiteSpace(package.Str("title")));
        Assert.Equal("OGL-UK-3.0", package.GetProperty("licenses")[0].Str("name"));
        Assert.Contains(package.GetProperty("sources").EnumerateArray(), s => s.Str("title").Contains("Ofsted"));
    }

    [Fact]
    public async Task TheDescriptorMatchesTheFilesFieldsTypesAndKeys()
    {
        var (_, _, files) = await Download();
        using var descriptor = JsonDocument.Parse(files["datapackage.json"]);
        var resources = descriptor.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(SeedSet.Headers.Count, resources.Count);

        var tables = resources.ToDictionary(r => r.Str("name"), r =>
        {
            var rows = Csv(files[r.Str("path")]);
            var names = rows[0];
            return rows.Skip(1).Select(row => names.Zip(row).ToDictionary(p => p.First, p => p.Second)).ToList();
        });

        foreach (var resource in resources)
        {
            var name = resource.Str("name");
            var schema = resource.GetProperty("schema");
            var fields = schema.GetProperty("fields").EnumerateArray().ToList();
            var header = Csv(files[resource.Str("path")])[0];
            Assert.Equal(fields.Select(f => f.Str("name")), header);
            var rows = tables[name];
            Assert.All(rows, r => Assert.Equal(header.Count, r.Count));

            foreach (var field in fields)
            {
                var column = field.Str("name");
                Assert.False(string.IsNullOrWhiteSpace(field.Str("description")), $"{name}.{column} has no description");
                var required = field.TryGetProperty("constraints", out var constraints)
                               && constraints.TryGetProperty("required", out var req) && req.GetBoolean();
                var unique = constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("unique", out var u) && u.GetBoolean();
                foreach (var value in rows.Select(r => r[column]))
                {
                    if (value == "") { Assert.False(required, $"{name}.{column} is required but empty"); continue; }
                    var parses = field.Str("type") switch
                    {
                        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                        "boolean" => value is "true" or "false",
                        "string" => true,
                        var other => throw new Xunit.Sdk.XunitException($"{name}.{column}: unexpected type {other}"),
                    };
                    Assert.True(parses, $"{name}.{column}: '{value}' is not a {field.Str("type")}");
                }
                if (unique) Assert.Equal(rows.Count, rows.Select(r => r[column]).Distinct().Count());
            }

            var key = schema.GetProperty("primaryKey").EnumerateArray().Select(k => k.GetString()!).ToList();
            Assert.NotEmpty(key);
            var keys = rows.Select(r => string.Join("\u001f", key.Select(k => r[k]))).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());

            if (!schema.TryGetProperty("foreignKeys", out var foreignKeys)) continue;
            foreach (var fk in foreignKeys.EnumerateArray())
            {
                var from = fk.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToList();
                var target = fk.GetProperty("reference").Str("resource");
                var to = fk.GetProperty("reference").GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToList();
                var existing = tables[target].Select(r => string.Join("\u001f", to.Select(t => r[t]))).ToHashSet();
                foreach (var row in rows.Where(r => from.All(f => r[f] != "")))
                    Assert.Contains(string.Join("\u001f", from.Select(f => row[f])), existing);
            }
        }
        // The keys users join on are declared.
        var inspections = resources.Single(r => r.Str("name") == "inspections").GetProperty("schema");
        Assert.Contains(inspections.GetProperty("foreignKeys").EnumerateArray(),
            fk => fk.GetProperty("reference").Str("resource") == "councils");
    }

    [Fact]
    public async Task TheManifestListsEveryDataFileWithItsRowsAndHash()
    {
        var (_, _, files) = await Download();
        var manifest = Csv(files["data/manifest.csv"]);
        Assert.Equal(SeedManifest.Header, manifest[0]);
        Assert.Equal(SeedSet.Headers.Keys.Order(StringComparer.Ordinal), manifest.Skip(1).Select(r => r[0]));
        foreach (var row in manifest.Skip(1))
        {
            var bytes = files[$"data/{row[0]}"];
            Assert.Equal(Csv(bytes).Count - 1, int.Parse(row[1], CultureInfo.InvariantCulture));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), row[2]);
        }
    }

    /// <summary>
    /// As a user would: the zip as downloaded, and the folder `unzip` makes of it, each imported into an
    /// empty database, give the server's dataset version and the same rows in every table.
    /// </summary>
    [Fact]
    public async Task TheZipAndItsUnzippedFolderImportIntoAnEmptyDatabaseAsTheSameDataset()
    {
        var served = await Client.GetJsonAsync("/v1/dataset");
        var (_, bytes, _) = await Download();
        var folder = Path.Combine(Path.GetTempPath(), "download-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var zip = Path.Combine(folder, "d.zip");
            await File.WriteAllBytesAsync(zip, bytes);
            ZipFile.ExtractToDirectory(zip, Path.Combine(folder, "d"));
            var expected = await RowCounts(Api.OpenDatabase());
            foreach (var source in new[] { zip, Path.Combine(folder, "d") })
            {
                var database = await TestDatabase.CreateEmptyAsync();
                try
                {
                    await using var db = NpgsqlDataSource.Create(TestDatabase.OwnerConnectionString(database));
                    await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync();
                    var result = await new SeedImporter(db, new DatasetState(), NullLogger<SeedImporter>.Instance).ImportAsync(source);
                    Assert.True(result.Changed);
                    Assert.Equal(served.Str("version"), result.Version);
                    Assert.Equal(served.GetProperty("counts").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).Order(),
                        result.Counts.Select(c => (c.Key, c.Value)).Order());
                    Assert.Equal(expected, await RowCounts(await db.OpenConnectionAsync()));
                }
                finally
                {
                    await TestDatabase.DropAsync(database);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Dictionary<string, long>> RowCounts(NpgsqlConnection connection)
    {
        await using var conn = connection;
        var counts = new Dictionary<string, long>();
        foreach (var table in SeedSet.Headers.Keys.Select(f => f[..^4]))
            counts[table] = await conn.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}"); // names from a fixed list
        return counts;
    }

    [Fact]
    public async Task TheDescriptorDeclaresCodesAsTextClosedSetsAsEnumsAndEachFilesHash()
    {
        var (_, _, files) = await Download();
        using var descriptor = JsonDocument.Parse(files["datapackage.json"]);
        var resources = descriptor.RootElement.GetProperty("resources").EnumerateArray().ToList();
        foreach (var resource in resources)
        {
            var bytes = files[resource.Str("path")];
            Assert.Equal(bytes.Length, resource.GetProperty("bytes").GetInt64());
            Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), resource.Str("hash"));
            var rows = Csv(bytes);
            foreach (var field in resource.GetProperty("schema").GetProperty("fields").EnumerateArray())
            {
                if (!field.TryGetProperty("constraints", out var constraints)) continue;
                if (!constraints.TryGetProperty("enum", out var values)) continue;
                var allowed = values.EnumerateArray().Select(v => v.GetString()).ToHashSet();
                var column = rows[0].IndexOf(field.Str("name"));
                Assert.All(rows.Skip(1).Select(r => r[column]).Where(v => v != ""), v => Assert.Contains(v, allowed));
            }
        }
        JsonElement Field(string table, string name) => resources.Single(r => r.Str("name") == table)
            .GetProperty("schema").GetProperty("fields").EnumerateArray().Single(f => f.Str("name") == name);
        Assert.Equal("string", Field("councils", "la_code").Str("type"));
        Assert.Equal("string", Field("councils", "ofsted_urn").Str("type"));
        Assert.Equal(["county", "unitary", "metropolitan_district", "london_borough"],
            Field("councils", "type").GetProperty("constraints").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["graded", "not_judged", "not_covered", "unknown"],
            Field("judgements", "status").GetProperty("constraints").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task TheZipsVersionStartsASyncThroughChanges()
    {
        var (_, _, files) = await Download();
        using var descriptor = JsonDocument.Parse(files["datapackage.json"]);
        var version = descriptor.RootElement.Str("version");
        var changes = await Client.GetJsonAsync($"/v1/changes?since={version}");
        Assert.Equal(version, changes.GetProperty("current").Str("version"));
        Assert.Empty(changes.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task RowCountsEqualTheApisTotals()
    {
        var (_, _, files) = await Download();
        int Rows(string file) => Csv(files[$"data/{file}"]).Count - 1;
        long Total(JsonElement page) => page.GetProperty("meta").GetProperty("total").GetInt64();
        Assert.Equal(Total(await Client.GetJsonAsync("/v1/councils?status=all&limit=1")), Rows("councils.csv"));
        Assert.Equal(Total(await Client.GetJsonAsync("/v1/inspections?limit=1")), Rows("inspections.csv"));
        Assert.Equal(Total(await Client.GetJsonAsync("/v1/focused-visits?limit=1")), Rows("focused_visits.csv"));
        Assert.Equal(Total(await Client.GetJsonAsync("/v1/regions")), Rows("regions.csv"));
        var counts = (await Client.GetJsonAsync("/v1/dataset")).GetProperty("counts");
        Assert.Equal(counts.GetProperty("judgements").GetInt32(), Rows("judgements.csv"));
        Assert.Equal(counts.GetProperty("frameworkVersions").GetInt32(), Rows("framework_versions.csv"));
    }

    [Fact]
    public async Task TheZipRoundTripsToTheSameDataset()
    {
        var (response, bytes, files) = await Download();
        // Every CSV is the committed seed file byte for byte: what the importer loads, as the same dataset version;
        // each line of the zip's manifest is the seed manifest's line for that file.
        var csvs = files.Where(f => f.Key.StartsWith("data/") && f.Key != $"data/{SeedManifest.FileName}").ToList();
        Assert.Equal(SeedSet.Headers.Keys.Order(StringComparer.Ordinal), csvs.Select(f => f.Key[5..]).Order(StringComparer.Ordinal));
        var seedManifest = await File.ReadAllLinesAsync(Path.Combine(TestDatabase.SeedDirectory, SeedManifest.FileName));
        var zipManifest = Encoding.UTF8.GetString(files[$"data/{SeedManifest.FileName}"]).Split('\n').SkipLast(1).ToHashSet();
        Assert.Equal(1 + SeedSet.Headers.Count, zipManifest.Count);
        Assert.Subset(seedManifest.ToHashSet(), zipManifest);
        foreach (var (path, content) in csvs)
            Assert.True((await File.ReadAllBytesAsync(Path.Combine(TestDatabase.SeedDirectory, path[5..]))).AsSpan().SequenceEqual(content),
                $"{path} differs from seed-data/{path[5..]}");

        // Cached: the same bytes again, and 304 for the ETag.
        Assert.Equal(bytes, (await Download()).Bytes);
        var again = new HttpRequestMessage(HttpMethod.Get, "/v1/dataset/download");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(again)).StatusCode);
    }
}
