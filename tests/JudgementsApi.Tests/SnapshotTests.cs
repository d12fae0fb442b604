using System.Collections.Concurrent;

namespace JudgementsApi.Tests;

/// <summary>
/// Reads come from an in-memory snapshot of one dataset version. A new version is served once it is
/// loaded, and an ETag (or a cache entry) of one version never goes with a body of another.
/// </summary>
public class SnapshotTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Url = "/v1/inspections/sandwell-2013-08-02";
    private const string OldInspector = "Christopher Sands";

    /// <summary>The committed seed data with one lead inspector renamed: a new version differing in one served fact.</summary>
    private static string SeedWithInspector(string name)
    {
        var seed = Directory.CreateTempSubdirectory("seed-snapshot-").FullName;
        foreach (var file in Directory.GetFiles(TestDatabase.SeedDirectory, "*.csv"))
            File.Copy(file, Path.Combine(seed, Path.GetFileName(file)));
        var inspections = Path.Combine(seed, "inspections.csv");
        var text = File.ReadAllText(inspections);
        Assert.Contains($",{OldInspector},", text);
        File.WriteAllText(inspections, text.Replace($",{OldInspector},", $",{name},"));
        SeedManifest.Write(seed); // as the builder would
        return seed;
    }

    private static string VersionOf(HttpResponseMessage response) => response.Headers.ETag!.Tag.Trim('"').Split('-')[0];

    [Fact]
    public async Task AnImportIsServedOnlyOnceLoadedAndNoETagEverGoesWithAnotherVersionsBody()
    {
        var client = api.CreateClient();
        var before = await client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains(OldInspector, await before.Content.ReadAsStringAsync());
        var oldVersion = VersionOf(before);

        // Requests in flight all through the import (the app's own importer, as at start-up): each
        // answer's ETag names the version its body was read from.
        var seen = new ConcurrentBag<(string Version, string Body)>();
        using var stop = new CancellationTokenSource();
        string[] sorts = ["-published", "published", "council", "-published"];
        var readers = Enumerable.Range(0, 4).Select(k => Task.Run(async () =>
        {
            var reader = api.CreateClient();
            for (var n = 0; n < 400 && !stop.IsCancellationRequested; n++)
            {
                // A distinct URL per request: they miss the output cache and read the snapshot.
                using var response = await reader.GetAsync($"/v1/inspections?council=sandwell&sort={sorts[k]}&limit={10 + n}&offset={k / 3}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                seen.Add((VersionOf(response), body));
            }
        })).ToList();

        var seed = SeedWithInspector("Snapshot Test Inspector");
        try
        {
            var result = await api.Services.GetRequiredService<SeedImporter>().ImportAsync(seed);
            Assert.True(result.Changed);
            // Reported only once in memory: the very next request is the new version, whole.
            var state = api.Services.GetRequiredService<DatasetState>();
            Assert.Equal(result.Version, state.Version);
            Assert.Equal(result.Version, state.Snapshot!.Version);
            var after = await client.GetAsync(Url);
            Assert.Equal(result.Version[..16], VersionOf(after));
            var body = await after.Content.ReadAsStringAsync();
            Assert.Contains("Snapshot Test Inspector", body);
            Assert.DoesNotContain(OldInspector, body);

            // The old ETag no longer matches: the client gets the new body, not a 304.
            var revalidate = new HttpRequestMessage(HttpMethod.Get, Url);
            revalidate.Headers.IfNoneMatch.Add(before.Headers.ETag!);
            var changed = await client.SendAsync(revalidate);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Contains("Snapshot Test Inspector", await changed.Content.ReadAsStringAsync());
        }
        finally
        {
            await stop.CancelAsync();
            Directory.Delete(seed, recursive: true);
        }
        await Task.WhenAll(readers);

        Assert.NotEmpty(seen);
        foreach (var (version, body) in seen)
        {
            if (version == oldVersion) Assert.Contains(OldInspector, body);
            else Assert.Contains("Snapshot Test Inspector", body);
        }
    }

    [Fact]
    public async Task AnImportByAnotherProcessIsPickedUpByTheVersionPoller()
    {
        // Its own database: the other test imports into this class's one.
        var other = new ApiFactory();
        await other.InitializeAsync();
        try
        {
            var client = other.CreateClient();
            var before = await client.GetAsync("/v1/councils/sandwell/inspections");
            Assert.Contains(OldInspector, await before.Content.ReadAsStringAsync());

            var seed = SeedWithInspector("Poller Test Inspector");
            try
            {
                await using var db = NpgsqlDataSource.Create(TestDatabase.OwnerConnectionString(other.DatabaseName));
                await new SeedImporter(db, new DatasetState(), NullLogger<SeedImporter>.Instance).ImportAsync(seed);
            }
            finally { Directory.Delete(seed, recursive: true); }

            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (true)
            {
                using var response = await client.GetAsync("/v1/councils/sandwell/inspections");
                var body = await response.Content.ReadAsStringAsync();
                if (VersionOf(response) == VersionOf(before)) Assert.Contains(OldInspector, body);
                else
                {
                    Assert.Contains("Poller Test Inspector", body);
                    Assert.DoesNotContain(OldInspector, body);
                    break;
                }
                Assert.True(DateTime.UtcNow < deadline, "the new version was not served within 15 s");
                await Task.Delay(200);
            }
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)other).DisposeAsync();
        }
    }
}
