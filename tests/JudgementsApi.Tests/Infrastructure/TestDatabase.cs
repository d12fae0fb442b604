using JudgementsApi.Import;
using JudgementsApi.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JudgementsApi.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL the tests run against (./test.sh starts a throwaway cluster and sets
/// JUDGEMENTS_TEST_DB; without it, Testcontainers starts one in Docker). Each test class gets its own database cloned from one migrated, seeded
/// template, so classes run in parallel without seeing each other's changes.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    /// <summary>JUDGEMENTS_TEST_DB, else a Testcontainers PostgreSQL (see <see cref="TestPostgres"/>).</summary>
    public static string AdminConnectionString => TestPostgres.AdminConnectionString;

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SeedDirectory => Path.Combine(RepoRoot, "seed-data");

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    /// <summary>A new database holding the migrated, seeded dataset.</summary>
    public static async Task<string> CloneAsync()
    {
        var template = await TemplateAsync();
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        await AdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return name;
    }

    /// <summary>A new, empty database (not even migrated).</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        await AdminAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> TemplateAsync()
    {
        if (_template is not null) return _template;
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            // test.sh builds the template with the service's own `import` command; without it, do the same in-process.
            var name = Environment.GetEnvironmentVariable("JUDGEMENTS_TEST_TEMPLATE");
            if (string.IsNullOrEmpty(name))
            {
                name = "judgements_template_tests";
                await AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                await AdminAsync($"CREATE DATABASE \"{name}\"");
                await using (var db = NpgsqlDataSource.Create(ConnectionString(name)))
                {
                    await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync();
                    await new SeedImporter(db, new DatasetState(), NullLogger<SeedImporter>.Instance).ImportAsync(SeedDirectory);
                }
                NpgsqlConnection.ClearAllPools();
            }
            return _template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public static async Task AdminAsync(string sql)
    {
        // CREATE DATABASE … TEMPLATE fails while another clone is being made from it: retry briefly.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand(sql, conn);
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == "55006" && attempt < 20)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "JudgementsApi.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (the folder holding JudgementsApi.sln).");
    }
}
