using JudgementsApi.Import;
using JudgementsApi.Infrastructure;
using Npgsql;

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

        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                await services.GetRequiredService<Migrator>().MigrateAsync();
                break;
            }
            catch (Exception ex) when (Database.IsUnavailable(ex) || ex is NpgsqlException { SqlState: null })
            {
                if (DateTime.UtcNow > deadline)
                    throw new StartupException($"cannot reach the database ({ex.Message}). Is PostgreSQL running, and is JUDGEMENTS_DB right?", ex);
                log.LogWarning("Database not reachable yet ({Message}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        if (command == "migrate") return;

        var seedDir = command == "import"
            ? args.FirstOrDefault() ?? throw new StartupException("usage: JudgementsApi import <seed-data directory>")
            : config["JUDGEMENTS_SEED_DIR"] ?? config["Judgements:SeedDirectory"];
        if (!string.IsNullOrEmpty(seedDir))
        {
            var result = await services.GetRequiredService<SeedImporter>().ImportAsync(seedDir);
            if (command == "import")
                Console.WriteLine(result.Changed
                    ? $"Imported dataset {result.Version[..12]}: {string.Join(", ", result.Counts.Select(c => $"{c.Value} {c.Key}"))}"
                    : $"Dataset {result.Version[..12]} was already loaded; nothing changed.");
        }
    }
}
