using System.Security.Cryptography;

namespace JudgementsApi.Infrastructure;

public sealed record MigrationScript(string Version, string Sql, string Checksum);

public sealed class MigrationException(string message) : Exception(message);

/// <summary>
/// Applies db/migrations (embedded in the assembly) in order, each in its own transaction, under an
/// advisory lock so that instances starting together take turns. Each applied script is recorded
/// with its SHA-256; a script edited after it was applied stops the service.
/// </summary>
// Kept rather than DbUp: DbUp journals script names only; checksums of applied scripts and the advisory lock are more than it gives.
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
        // Nothing to apply: checked without the lock or any DDL, so an instance given only the
        // read-only role can start against a database another instance migrated.
        if (await conn.ExecuteScalarAsync<bool>("SELECT to_regclass('schema_migrations') IS NOT NULL"))
        {
            var recorded = (await conn.QueryAsync<(string Version, string Checksum)>("SELECT version, checksum FROM schema_migrations")).ToHashSet();
            if (recorded.SetEquals(Scripts.Select(s => (s.Version, s.Checksum)))) return;
        }
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

    /// <summary>
    /// SELECT on every table to the serving role, now and (default privileges) on tables later
    /// migrations create, so no migration needs to know the role's name. Where the migrating role owns
    /// the database, nobody else may connect to it or create temporary tables in it (PostgreSQL grants
    /// both to PUBLIC by default) but the serving role, which may connect and no more.
    /// </summary>
    public async Task GrantReadAsync(string role, CancellationToken ct = default)
    {
        var quoted = "\"" + role.Replace("\"", "\"\"") + "\"";
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync($"""
            GRANT USAGE ON SCHEMA public TO {quoted};
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO {quoted};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {quoted};
            """);
        var owns = await conn.ExecuteScalarAsync<bool>(
            "SELECT pg_has_role(current_user, datdba, 'USAGE') FROM pg_database WHERE datname = current_database()");
        if (!owns) return; // a database someone else owns keeps its owner's privileges
        var database = await conn.ExecuteScalarAsync<string>("SELECT quote_ident(current_database())");
        await conn.ExecuteAsync($"""
            REVOKE CONNECT, TEMPORARY ON DATABASE {database} FROM PUBLIC;
            GRANT CONNECT ON DATABASE {database} TO {quoted};
            """);
    }
}
