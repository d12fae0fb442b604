using Dapper;
using Npgsql;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// The version of the loaded dataset, as this process last saw it. ETags and cache keys derive from
/// it; null means "not known right now" (no data, or the database is unreachable), and then
/// nothing is cached, so every request goes to the database and reports its real state.
/// </summary>
public sealed class DatasetState
{
    private volatile string? _version;

    public string? Version => _version;

    public void Set(string? version) => _version = version;
}

/// <summary>Polls the dataset version, so an import by another process is seen within seconds.</summary>
public sealed class DatasetVersionPoller(NpgsqlDataSource db, DatasetState state, ILogger<DatasetVersionPoller> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var conn = await db.OpenConnectionAsync(stoppingToken);
                var version = await conn.QueryFirstOrDefaultAsync<string>("SELECT version FROM dataset");
                if (version != state.Version) log.LogInformation("Dataset version is now {Version}", version ?? "(none)");
                state.Set(version);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (state.Version is not null) log.LogWarning("Cannot read the dataset version: {Message}", ex.Message);
                state.Set(null);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
