namespace JudgementsApi.Features.Dataset;

/// <summary>
/// The dataset as this process last loaded it: the published <see cref="DatasetSnapshot"/> and its
/// version. ETags and cache keys derive from the version, and a version is published only with its
/// snapshot, so a key never goes with a body of another version. A null version means "no data
/// loaded", and then nothing is cached. While the database is unreachable the last snapshot is kept:
/// data changes only on import, so it is still true and is served, marked stale. A load that fails for
/// any other reason (a table missing, a row the snapshot cannot hold) also keeps it, and
/// <see cref="LoadFailure"/> says why until a load succeeds (/health/ready reports it).
/// </summary>
public sealed class DatasetState
{
    private volatile DatasetSnapshot? _snapshot;
    private volatile bool _reachable = true;
    private volatile string? _loadFailure;

    public string? Version => _snapshot?.Version;

    /// <summary>The published snapshot; null before the first load (or when the dataset cannot be read at all).</summary>
    public DatasetSnapshot? Snapshot => _snapshot;

    /// <summary>False from the first failure to reach the database until the next successful read of the version.</summary>
    public bool Reachable => _reachable;

    /// <summary>Why the last load failed while the database answered; null once a load succeeds.</summary>
    public string? LoadFailure => _loadFailure;

    /// <summary>When the newest import the version poller saw in the database was made (null until it has looked).</summary>
    public DateTimeOffset? DatabaseImportedAt { get; private set; }

    /// <summary>What the version poller last read from the database.</summary>
    public void DatabaseSeen(DateTime? importedAt) =>
        DatabaseImportedAt = importedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;

    public void Publish(DatasetSnapshot snapshot)
    {
        _snapshot = snapshot;
        _reachable = true;
        _loadFailure = null;
    }

    public void MarkReachable() => _reachable = true;

    public void MarkUnreachable() => _reachable = false;

    /// <summary>The database answered but its version could not be loaded: keep the last good snapshot, and say why.</summary>
    public void LoadFailed(string reason)
    {
        _loadFailure = reason;
        _reachable = true;
    }
}

/// <summary>
/// Polls the dataset version, so an import by another process is seen within seconds; a new version
/// is loaded into memory before it is reported.
/// </summary>
public sealed class DatasetVersionPoller(NpgsqlDataSource db, DatasetState state, SnapshotLoader snapshots, Outages outages,
    ILogger<DatasetVersionPoller> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                (string? Version, DateTime? LoadedAt) row;
                await using (var conn = await db.OpenConnectionAsync(stoppingToken))
                    row = await conn.QueryFirstOrDefaultAsync<(string?, DateTime?)>("SELECT version, loaded_at FROM dataset");
                var version = row.Version;
                state.DatabaseSeen(row.LoadedAt);
                if (state.Snapshot is null || version != state.Version)
                {
                    if (state.Snapshot is not null && state.LoadFailure is null) log.LogInformation("Dataset version is now {Version}", version ?? "(none)");
                    await snapshots.LoadAsync();
                }
                state.MarkReachable();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && Database.IsUnavailable(ex))
            {
                outages.Failed(ex);
                continue;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Logged once per failure, not every poll; the last good snapshot stays published.
                if (state.LoadFailure != ex.Message)
                    log.LogWarning("Cannot load the dataset version ({Message}); serving the last good snapshot {Version}",
                        ex.Message, state.Version ?? "(none)");
                state.LoadFailed(ex.Message);
                continue;
            }
            outages.Recovered();
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
