using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace JudgementsApi.Infrastructure;

public sealed record MigrationScript(string Version, string Sql, string Checksum);

public sealed class MigrationException(string message) : Exception(message);

/// <summary>
/// Applies db/migrations (embedded in the assembly) in order, each in its own transaction, under an
/// advisory lock so that instances starting together take turns. Each applied script is recorded
/// with its SHA-256; a script edited after it was applied stops the service.
/// </summary>
public sealed class Migrator(NpgsqlDataSource db, ILogger<Migrator> log)
{
    // Arbitrary but fixed: every instance must use the same key.
    private const long LockKey = 7_401_209_386_001;

    public static IReadOnlyList<MigrationScript> Scripts { get; } = LoadScripts();

    public static string LatestVersion => Scripts[^1].Version;

    private static List<MigrationScript> LoadScripts()
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var sql = reader.ReadToEnd().Replace("\r\n", "\n");
                var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
                return new MigrationScript(Path.GetFileNameWithoutExtension(name["migrations/".Length..]), sql, checksum);
            })
            .ToList();
    }

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // Already up to date: read only, no lock, so that instances serving from a read replica (or as
        // a read-only role) start once the primary has been migrated.
        if (await IsUpToDateAsync(conn)) return;
        await conn.ExecuteAsync("SELECT pg_advisory_lock(@LockKey)", new { LockKey });
        try
        {
            await conn.ExecuteAsync("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    text PRIMARY KEY,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """);
            var applied = (await conn.QueryAsync<(string Version, string Checksum)>(
                "SELECT version, checksum FROM schema_migrations")).ToDictionary(r => r.Version, r => r.Checksum);

            var known = Scripts.Select(s => s.Version).ToHashSet();
            var unknown = applied.Keys.Where(v => !known.Contains(v)).Order().ToList();
            if (unknown.Count > 0)
                throw new MigrationException(
                    $"The database has migrations this build does not know ({string.Join(", ", unknown)}): it was migrated by a newer version of the service.");

            foreach (var script in Scripts)
            {
                if (applied.TryGetValue(script.Version, out var checksum))
                {
                    if (checksum != script.Checksum)
                        throw new MigrationException(
                            $"Migration {script.Version}.sql was edited after it was applied (recorded checksum {checksum[..12]}…, file now {script.Checksum[..12]}…). " +
                            "Restore the original script and put the change in a new migration.");
                    continue;
                }

                await using var tx = await conn.BeginTransactionAsync(ct);
                await conn.ExecuteAsync(script.Sql, transaction: tx);
                await conn.ExecuteAsync("INSERT INTO schema_migrations (version, checksum) VALUES (@Version, @Checksum)",
                    new { script.Version, script.Checksum }, tx);
                await tx.CommitAsync(ct);
                log.LogInformation("Applied migration {Version}", script.Version);
            }
        }
        finally
        {
            await conn.ExecuteAsync("SELECT pg_advisory_unlock(@LockKey)", new { LockKey });
        }
    }

    /// <summary>Every script applied with its checksum, and nothing else: anything other than that takes the full path, which explains.</summary>
    private static async Task<bool> IsUpToDateAsync(NpgsqlConnection conn)
    {
        if (!await conn.ExecuteScalarAsync<bool>("SELECT to_regclass('schema_migrations') IS NOT NULL")) return false;
        var applied = (await conn.QueryAsync<(string Version, string Checksum)>("SELECT version, checksum FROM schema_migrations")).ToList();
        return applied.Count == Scripts.Count
            && Scripts.All(s => applied.Contains((s.Version, s.Checksum)));
    }
}
