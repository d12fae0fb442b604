namespace JudgementsApi.Tests;

/// <summary>
/// An import never blocks readers: until it commits, the version poll, a snapshot load and readiness
/// read the previous version without waiting (issue 22: the import's TRUNCATE held every serving
/// instance unready until its commit).
/// </summary>
public class ImportWhileServingTests(ApiFactory api) : ApiTests(api), IDisposable
{
    private readonly string _seed = Path.Combine(Path.GetTempPath(), "seed-" + Guid.NewGuid().ToString("N"));

    /// <summary>A guard against a hung test only: a blocked reader waits for the import's commit, which this test holds back.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ReadinessAndASnapshotLoadAnswerWhileAnImportTransactionIsOpen()
    {
        var before = (await Client.GetJsonAsync("/v1/dataset")).Str("version");
        var seed = EditedSeed();

        // The import's last step records the version in dataset_versions: holding that table makes it
        // wait there, its transaction open with every dataset table already emptied and reloaded.
        await using var holder = Api.OpenDatabase();
        await using var hold = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("LOCK TABLE dataset_versions IN SHARE MODE", transaction: hold);
        await using var owner = NpgsqlDataSource.Create(TestDatabase.OwnerConnectionString(Api.DatabaseName));
        var import = new SeedImporter(owner, new DatasetState(), NullLogger<SeedImporter>.Instance).ImportAsync(seed);
        await WaitUntilTheImportWaitsAsync(holder, hold, import);

        using (var guard = new CancellationTokenSource(Guard))
        {
            var ready = await Client.GetAsync("/health/ready", guard.Token);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var reloaded = await Api.Services.GetRequiredService<SnapshotLoader>().LoadAsync().WaitAsync(guard.Token);
            Assert.Equal(before, reloaded.Version);
            Assert.Equal("Shropshire", (await Client.GetJsonAsync("/v1/councils/E06000051")).Str("name"));
        }

        await hold.RollbackAsync();
        var result = await import.WaitAsync(Guard);
        Assert.True(result.Changed);
        var after = await Api.Services.GetRequiredService<SnapshotLoader>().LoadAsync().WaitAsync(Guard);
        Assert.Equal(result.Version, after.Version);
        Assert.Equal("Shropshire (edited)", after.CouncilByCode["E06000051"].Ref.Name);
    }

    /// <summary>Until the importer's connection waits for the lock this test holds (an import that ends first fails the test).</summary>
    private static async Task WaitUntilTheImportWaitsAsync(NpgsqlConnection holder, NpgsqlTransaction hold, Task import)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (!await holder.ExecuteScalarAsync<bool>(new CommandDefinition("""
                   SELECT EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'dataset_versions'::regclass)
                   """, transaction: hold)))
        {
            if (import.IsCompleted) await import; // an exception here says why
            Assert.False(import.IsCompleted, "the import finished without waiting for dataset_versions");
            await Task.Delay(50, guard.Token);
        }
    }

    private string EditedSeed()
    {
        Directory.CreateDirectory(_seed);
        foreach (var file in Directory.GetFiles(TestDatabase.SeedDirectory, "*.csv"))
            File.Copy(file, Path.Combine(_seed, Path.GetFileName(file)));
        var councils = Path.Combine(_seed, "councils.csv");
        var lines = File.ReadAllLines(councils)
            .Select(l => l.StartsWith("E06000051,", StringComparison.Ordinal) ? l.Replace(",Shropshire,", ",Shropshire (edited),") : l);
        File.WriteAllText(councils, string.Join("\n", lines) + "\n");
        SeedManifest.Write(_seed);
        return _seed;
    }

    public void Dispose()
    {
        if (Directory.Exists(_seed)) Directory.Delete(_seed, recursive: true);
        GC.SuppressFinalize(this);
    }
}
