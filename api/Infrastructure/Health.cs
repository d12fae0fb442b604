using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// /health/live: the process answers. /health/ready: the database answers and is migrated, and the
/// snapshot in memory is its version (degraded, still 200, while a failed load keeps the last good one),
/// with the snapshot's version, age and import date.
/// </summary>
public static class Health
{
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(2);

    public static IServiceCollection AddApiHealthChecks(this IServiceCollection services)
    {
        // A singleton (AddCheck would make one per run): concurrent probes share one database check.
        services.AddSingleton<DatabaseReadyCheck>();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"], timeout: ReadyTimeout)
            .AddCheck<SnapshotCheck>("dataset", tags: ["ready"]);
        return services;
    }

    public static void MapApiHealthChecks(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write })
            .WithName("Live").WithTags("Health").WithSummary("The process is up");
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = Write })
            .WithName("Ready").WithTags("Health").WithSummary("The database is reachable and migrated");
    }

    private static Task Write(HttpContext http, HealthReport report)
    {
        http.Response.Headers.CacheControl = "no-store";
        var checks = report.Entries.ToDictionary(e => e.Key, e => new
        {
            status = e.Value.Status.ToString().ToLowerInvariant(),
            description = e.Value.Description,
            data = e.Value.Data,
        });
        if (report.Status != HealthStatus.Unhealthy)
        {
            http.Response.ContentType = "application/json";
            var status = report.Status.ToString().ToLowerInvariant();
            return http.Response.WriteAsync(JsonSerializer.Serialize(new { status, checks }, JsonSerializerOptions.Web));
        }

        var detail = string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Description}"));
        return Problems.Problem(Problems.ServiceUnavailable, detail, new Dictionary<string, object?> { ["checks"] = checks })
            .ExecuteAsync(http);
    }

    /// <summary>Degraded while the database's version could not be loaded and the last good snapshot is served.</summary>
    /// <remarks>
    /// Its data: the snapshot's version, when that version was imported (the last update) and its age
    /// in seconds by the service's clock, and the newest publication it holds (dataAsOf).
    /// </remarks>
    private sealed class SnapshotCheck(DatasetState state, TimeProvider clock) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var data = new Dictionary<string, object> { ["snapshot"] = state.Version ?? "none" };
            if (state.Snapshot?.LoadedAt is { } imported)
            {
                data["imported"] = imported.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                data["ageSeconds"] = (long)(clock.GetUtcNow() - imported).TotalSeconds;
            }
            if (state.Snapshot?.DataAsOf is { } asOf) data["dataAsOf"] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return Task.FromResult(state.LoadFailure is { } failure
                ? HealthCheckResult.Degraded($"serving the last good snapshot ({state.Version ?? "none"}): loading failed: {failure}", data: data)
                : HealthCheckResult.Healthy(state.Version is null ? "no snapshot loaded yet" : "in memory", data));
        }
    }

    /// <summary>
    /// One check of the database at a time, shared by every probe that arrives meanwhile, and each
    /// probe answered within <see cref="ReadyTimeout"/> whatever the driver does: against a frozen
    /// database every probe used to open its own connection, and readiness took up to 13 s.
    /// </summary>
    private sealed class DatabaseReadyCheck(NpgsqlDataSource db, Outages outages) : IHealthCheck
    {
        private readonly Lock _gate = new();
        private Task<HealthCheckResult>? _running;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            Task<HealthCheckResult> check;
            lock (_gate) check = _running is { IsCompleted: false } running ? running : _running = Task.Run(CheckDatabaseAsync);
            try
            {
                return await check.WaitAsync(ReadyTimeout, ct);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException) // ours, or the check's own timeout
            {
                outages.Failed(ex);
                return HealthCheckResult.Unhealthy("the database cannot be reached");
            }
        }

        /// <summary>Not cancelled by the probe that started it: the others share it.</summary>
        private async Task<HealthCheckResult> CheckDatabaseAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(ReadyTimeout);
                var ct = timeout.Token;
                await using var conn = await db.OpenConnectionAsync(ct);
                // Two statements: the second would not even parse in a database that was never migrated.
                var migrated = await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT to_regclass('schema_migrations') IS NOT NULL", cancellationToken: ct))
                    && await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = @Latest)",
                        new { Latest = Migrator.LatestVersion }, cancellationToken: ct));
                var dataset = migrated ? await conn.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT version FROM dataset", cancellationToken: ct)) : null;
                var data = new Dictionary<string, object> { ["migration"] = Migrator.LatestVersion, ["dataset"] = dataset ?? "none" };
                return migrated
                    ? HealthCheckResult.Healthy("reachable and migrated", data)
                    : HealthCheckResult.Unhealthy($"not migrated to {Migrator.LatestVersion}", data: data);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                outages.Failed(ex);
                return HealthCheckResult.Unhealthy("the database cannot be reached");
            }
        }
    }
}
