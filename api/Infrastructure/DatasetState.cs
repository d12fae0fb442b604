using Dapper;
using Npgsql;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// The version of the loaded dataset, as this process last saw it. ETags and cache keys derive from
/// it; null means "no data loaded", and then nothing is cached, so every request goes to the
/// database and reports its real state. While the database is unreachable the last version is kept:
/// data changes only on import, so what was cached for it is still true and is served, marked stale.
/// </summary>
public sealed class DatasetState
{
    private volatile string? _version;
    private volatile bool _reachable = true;

    public string? Version => _version;

    /// <summary>False from the first failure to reach the database until the next successful read of the version.</summary>
    public bool Reachable => _reachable;

    public void Set(string? version)
    {
        _version = version;
        _reachable = true;
    }

    public void MarkUnreachable() => _reachable = false;
}

/// <summary>Polls the dataset version, so an import by another process is seen within seconds.</summary>
public sealed class DatasetVersionPoller(NpgsqlDataSource db, DatasetState state, Outages outages, ILogger<DatasetVersionPoller> log) : BackgroundService
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
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && Database.IsUnavailable(ex))
            {
                outages.Failed(ex);
                continue;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (state.Version is not null) log.LogWarning("Cannot read the dataset version: {Message}", ex.Message);
                state.Set(null);
                continue;
            }
            outages.Recovered();
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
