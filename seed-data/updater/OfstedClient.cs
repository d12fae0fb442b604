using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace JudgementsApi.SeedUpdater;

/// <summary>A download that failed for good (after retries), so the update stops and writes nothing.</summary>
public sealed class FetchFailedException(string message, Exception? inner = null) : Exception(message, inner);

public sealed record FetchSettings
{
    public const string UserAgent = "JudgementsApi-dataset-updater/1.0 (open dataset of Ofsted judgements on English councils' children's services)";
    /// <summary>Pause between two requests: one request at a time, never a burst at Ofsted's site.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Longest wait for one answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    public int Retries { get; init; } = 3;
    /// <summary>First backoff; doubles on each retry.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>GETs from Ofsted's sites politely: a User-Agent naming the project, one request at a
/// time with a delay, a timeout per attempt, and retries with exponential backoff on timeouts,
/// network errors and 5xx/429 answers (Polly).</summary>
public sealed class OfstedClient : IDisposable
{
    readonly HttpClient http;
    readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    readonly FetchSettings settings;
    readonly SemaphoreSlim one = new(1, 1);
    DateTime lastRequest = DateTime.MinValue;
    public int Requests { get; private set; }

    public OfstedClient(FetchSettings settings)
    {
        this.settings = settings;
        http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(FetchSettings.UserAgent);
        pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(settings.Retries, 0) is 0 ? 1 : settings.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = settings.RetryBackoff,
                ShouldHandle = args => ValueTask.FromResult(settings.Retries > 0 && args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result: { } r } => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests,
                    _ => false,
                }),
                OnRetry = args => { args.Outcome.Result?.Dispose(); return ValueTask.CompletedTask; },
            })
            .AddTimeout(settings.Timeout)
            .Build();
    }

    public async Task<byte[]> GetBytes(string url, CancellationToken ct = default)
    {
        await one.WaitAsync(ct);
        try
        {
            HttpResponseMessage response;
            try
            {
                response = await pipeline.ExecuteAsync(async token =>
                {
                    var wait = lastRequest + settings.Delay - DateTime.UtcNow;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, token);
                    lastRequest = DateTime.UtcNow;
                    Requests++;
                    var r = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, token);
                    lastRequest = DateTime.UtcNow;
                    return r;
                }, ct);
            }
            catch (TimeoutRejectedException e)
            {
                throw new FetchFailedException($"{url}: no answer within {settings.Timeout.TotalSeconds:0.###} s, {Attempts} times; nothing was written", e);
            }
            catch (HttpRequestException e)
            {
                throw new FetchFailedException($"{url}: {e.Message} ({Attempts} attempts); nothing was written", e);
            }
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                    throw new FetchFailedException($"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}{((int)response.StatusCode >= 500 ? $" ({Attempts} attempts)" : "")}; nothing was written");
                return await response.Content.ReadAsByteArrayAsync(ct);
            }
        }
        finally { one.Release(); }
    }

    string Attempts => $"{settings.Retries + 1}";

    public void Dispose() { http.Dispose(); one.Dispose(); }
}
