using JudgementsApi.Import;

namespace JudgementsApi;

public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

public static class Startup
{
    /// <summary>
    /// Migrates (always), then imports: the folder given to `import`, or for `serve` the one in
    /// JUDGEMENTS_SEED_DIR / Judgements:SeedDirectory if set. Waits a little for a database that is
    /// still starting (as under docker compose), then gives up with a clear message.
    /// </summary>
    public static async Task PrepareDatabaseAsync(WebApplication app, string command, string[] args)
    {
        var services = app.Services;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        var config = app.Configuration;
        var wait = TimeSpan.FromSeconds(config.GetValue("Judgements:DatabaseWaitSeconds", 30));

        var clock = services.GetRequiredService<TimeProvider>();
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            try
            {
                await services.GetRequiredService<Migrator>().MigrateAsync();
                break;
            }
            catch (Exception ex) when (Database.IsPermissionDenied(ex))
            {
                throw OwnerNeeded(services, config, "migrate", ex);
            }
            catch (Exception ex) when (Database.IsUnavailable(ex) || ex is NpgsqlException { SqlState: null })
            {
                if (clock.GetUtcNow() > deadline)
                    throw new StartupException($"cannot reach the database ({ex.Message}). Is PostgreSQL running, and is JUDGEMENTS_DB right?", ex);
                log.LogWarning("Database not reachable yet ({Message}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        await GrantReadAsync(services, config, log);
        if (command == "migrate") return;

        var seedDir = command == "import"
            ? args.FirstOrDefault() ?? throw new StartupException("usage: JudgementsApi import <seed-data directory>")
            : config["JUDGEMENTS_SEED_DIR"] ?? config["Judgements:SeedDirectory"];
        if (!string.IsNullOrEmpty(seedDir))
        {
            ImportResult result;
            try
            {
                result = await services.GetRequiredService<SeedImporter>().ImportAsync(seedDir);
            }
            catch (Exception ex) when (Database.IsPermissionDenied(ex))
            {
                throw OwnerNeeded(services, config, "import", ex);
            }
            if (command == "import")
                Console.WriteLine(result.Changed
                    ? $"Imported dataset {result.Version[..12]}: {string.Join(", ", result.Counts.Select(c => $"{c.Value} {c.Key}"))}"
                    : $"Dataset {result.Version[..12]} was already loaded; nothing changed.");
        }
    }

    /// <summary>Serving only: refuses a superuser connection unless allowed, and sizes the pool from the server's limit.</summary>
    public static async Task CheckServingConnectionAsync(WebApplication app)
    {
        var config = app.Configuration;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        var csb = new NpgsqlConnectionStringBuilder(Database.ConnectionString(config)) { Pooling = false };
        await using var conn = new NpgsqlConnection(csb.ConnectionString);
        try { await conn.OpenAsync(); }
        catch (NpgsqlException ex) { throw new StartupException($"cannot connect through {Database.ServingVariable} ({ex.Message}).", ex); }
        var (superuser, user, maxConnections, reserved) = await conn.QueryFirstAsync<(bool, string, int, int)>("""
            SELECT r.rolsuper, current_user::text, current_setting('max_connections')::int,
                   current_setting('superuser_reserved_connections')::int
            FROM pg_roles r WHERE r.rolname = current_user
            """);
        if (superuser)
        {
            if (!config.GetValue("Judgements:AllowSuperuser", false))
                throw new StartupException(
                    $"{Database.ServingVariable} connects as '{user}', a PostgreSQL superuser, which could drop tables or run programs on the database server. " +
                    $"Serve through a read-only role (and migrate and import through {Database.OwnerVariable}; see README), " +
                    "or set Judgements__AllowSuperuser=true to accept the risk.");
            log.LogWarning("Serving as the superuser '{User}' because Judgements:AllowSuperuser is set", user);
        }
        var instances = config.GetValue("Judgements:Instances", 1);
        var pool = config.GetValue<int?>("Judgements:MaxPoolSize") ?? ServingLimits.PoolSize(maxConnections, reserved, instances);
        app.Services.GetRequiredService<ServingLimits>().MaxPoolSize = pool;
        log.LogInformation("Serving as '{User}' with at most {Pool} connections (server max_connections {Max}, {Instances} instance(s))",
            user, pool, maxConnections, instances);
    }

    /// <summary>
    /// Serving only, after the pool is sized: the dataset into memory before the first request. Should
    /// the database be unreachable just then, the version poller (or the first request) loads it later.
    /// </summary>
    public static async Task LoadSnapshotAsync(WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<SnapshotLoader>().LoadAsync();
        }
        catch (Exception ex) when (Database.IsUnavailable(ex))
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup")
                .LogWarning("Could not load the dataset into memory yet ({Message}); the version poller retries", ex.Message);
        }
    }

    /// <summary>After migrating as the owner, the serving role may read every table, including those of later migrations.</summary>
    private static async Task GrantReadAsync(IServiceProvider services, IConfiguration config, ILogger log)
    {
        if (Database.ReaderRole(config) is not { } reader) return;
        await services.GetRequiredService<Migrator>().GrantReadAsync(reader);
        log.LogInformation("Granted SELECT on every table to {Role}", reader);
    }

    private static StartupException OwnerNeeded(IServiceProvider services, IConfiguration config, string job, Exception ex) =>
        services.GetRequiredService<OwnerDatabase>().Explicit
            ? new StartupException($"the role in {Database.OwnerVariable} may not {job} ({ex.Message}). It must own the database's tables.", ex)
            : new StartupException(
                $"{Database.OwnerVariable} is not set, so {Database.ServingVariable} was used to {job}, and its role may not ({ex.Message}). " +
                $"Set {Database.OwnerVariable} to the owner role's connection string; {Database.ServingVariable} stays the read-only role the service serves through.", ex);
}
