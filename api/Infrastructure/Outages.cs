namespace JudgementsApi.Infrastructure;

/// <summary>
/// An unreachable database is one event, not one error per request: a line when it starts, a line
/// when it ends with how many requests and checks failed meanwhile. (Logged per request with a
/// stack trace, one outage wrote tens of megabytes.)
/// </summary>
public sealed class Outages(DatasetState state, TimeProvider clock, ILogger<Outages> log)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _since;
    private long _failures;

    public bool Ongoing { get { lock (_gate) return _since is not null; } }

    public void Failed(Exception ex)
    {
        state.MarkUnreachable();
        lock (_gate)
        {
            _failures++;
            if (_since is not null) return;
            _since = clock.GetUtcNow();
            _failures = 1;
        }
        log.LogWarning("The database is unreachable ({Message}); serving cached representations marked stale, 503 otherwise, until it returns",
            ex.Message);
    }

    public void Recovered()
    {
        DateTimeOffset since;
        long failures;
        lock (_gate)
        {
            if (_since is not { } s) return;
            since = s;
            failures = _failures;
            _since = null;
        }
        log.LogWarning("The database is reachable again after {Seconds:0.0} s; {Failures} requests and checks failed meanwhile",
            (clock.GetUtcNow() - since).TotalSeconds, failures);
    }
}

public static class OutageHandling
{
    /// <summary>A request the database failed answers 503, logged only as part of its outage.</summary>
    public static IApplicationBuilder UseDatabaseOutages(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (Database.IsUnavailable(ex) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                context.RequestServices.GetRequiredService<Outages>().Failed(ex);
                context.Response.Clear();
                await Problems.Problem(Problems.ServiceUnavailable, "The database cannot be reached just now; retry shortly.").ExecuteAsync(context);
            }
        });
}
