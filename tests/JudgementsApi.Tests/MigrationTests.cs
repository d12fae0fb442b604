namespace JudgementsApi.Tests;

public class MigrationTests : IAsyncLifetime
{
    private string _database = "";
    private NpgsqlDataSource _db = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateEmptyAsync();
        _db = NpgsqlDataSource.Create(TestDatabase.OwnerConnectionString(_database));
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }

    private Migrator NewMigrator() => new(_db, NullLogger<Migrator>.Instance);

    [Fact]
    public async Task InstancesStartingTogetherApplyEachScriptOnceWithItsChecksum()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => NewMigrator().MigrateAsync()));

        await using var conn = await _db.OpenConnectionAsync();
        var applied = (await conn.QueryAsync<(string Version, string Checksum)>("SELECT version, checksum FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(Migrator.Scripts.Select(s => (s.Version, s.Checksum)), applied);
        Assert.True(await conn.ExecuteScalarAsync<bool>("SELECT to_regclass('inspections') IS NOT NULL"));
    }

    [Fact]
    public async Task AScriptEditedAfterItWasAppliedStopsStartUpWithAClearMessage()
    {
        await NewMigrator().MigrateAsync();
        await using (var conn = await _db.OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE schema_migrations SET checksum = repeat('0', 64) WHERE version = @V", new { V = Migrator.Scripts[0].Version });

        var ex = await Assert.ThrowsAsync<MigrationException>(() => NewMigrator().MigrateAsync());
        Assert.Contains($"{Migrator.Scripts[0].Version}.sql was edited after it was applied", ex.Message);
    }

    [Fact]
    public async Task ADatabaseMigratedByANewerBuildIsRefused()
    {
        await NewMigrator().MigrateAsync();
        await using (var conn = await _db.OpenConnectionAsync())
            await conn.ExecuteAsync("INSERT INTO schema_migrations (version, checksum) VALUES ('9999_from_the_future', 'x')");

        var ex = await Assert.ThrowsAsync<MigrationException>(() => NewMigrator().MigrateAsync());
        Assert.Contains("9999_from_the_future", ex.Message);
    }

    [Fact]
    public async Task AnUpToDateDatabaseStartsWithoutWritingSoReadReplicasCanServe()
    {
        await NewMigrator().MigrateAsync();
        await using (var conn = await _db.OpenConnectionAsync())
            await conn.ExecuteAsync($"ALTER DATABASE \"{_database}\" SET default_transaction_read_only = on");
        NpgsqlConnection.ClearAllPools();

        // As on a hot standby: every write fails, so only a migration that writes nothing succeeds.
        await using var readOnly = NpgsqlDataSource.Create(TestDatabase.ConnectionString(_database));
        await new Migrator(readOnly, NullLogger<Migrator>.Instance).MigrateAsync();

        await using (var conn = await readOnly.OpenConnectionAsync())
            await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync("DELETE FROM schema_migrations"));
    }
}
