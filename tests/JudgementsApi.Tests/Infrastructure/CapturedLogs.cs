using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace JudgementsApi.Tests.Infrastructure;

/// <summary>Every log entry the app writes, kept for assertions.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    /// <param name="State">The structured fields (a message template's names and values).</param>
    /// <param name="TraceId">The trace the entry was written in, if any.</param>
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception,
        IReadOnlyDictionary<string, object?> State, string? TraceId)
    {
        public object? this[string field] => State.GetValueOrDefault(field);
    }

    private readonly Written<Entry> _written = new();

    public IReadOnlyCollection<Entry> Entries => _written.All;

    /// <summary>The first entry that matches, once it is written (the app logs a request after answering it).</summary>
    public Task<Entry> EntryAsync(Func<Entry, bool> match) => _written.FirstAsync(match);

    private void Add(Entry entry) => _written.Add(entry);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var fields = (state as IEnumerable<KeyValuePair<string, object?>>)?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? [];
            owner.Add(new Entry(category, logLevel, formatter(state, exception), exception, fields,
                System.Diagnostics.Activity.Current?.TraceId.ToString()));
        }
    }
}

/// <summary>The service's own binary, run as an operator would.</summary>
public static class ServiceProcess
{
    public static string Dll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
            return Path.Combine(TestDatabase.RepoRoot, "api", "bin", configuration, "net10.0", "JudgementsApi.dll");
        }
    }

    /// <summary>Runs it to completion (killed only if hung); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in new[] { "JUDGEMENTS_DB", "JUDGEMENTS_OWNER_DB", "JUDGEMENTS_SEED_DIR" }) start.Environment.Remove(key);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Judgements__DatabaseWaitSeconds"] = "300"; // a busy machine may be slow to connect; no test waits for an absent database
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(HungStart);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException("the service hung"); }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Serves <paramref name="database"/> (through the read-only role, as in production) until disposed.</summary>
    public static Task<ServedProcess> ServeAsync(string database) => ServeAsync(new Dictionary<string, string>
    {
        ["JUDGEMENTS_DB"] = TestDatabase.ReaderConnectionString(database),
        ["JUDGEMENTS_OWNER_DB"] = TestDatabase.OwnerConnectionString(database),
    });

    /// <summary>
    /// Serves on a free loopback port (real Kestrel) until disposed. Waits for the service to say it
    /// listens and then for /health/ready, however long a busy machine takes; fails at once if the
    /// process exits first. (The guard against a hung start is long: it is no measure of speed.)
    /// </summary>
    public static async Task<ServedProcess> ServeAsync(IDictionary<string, string> environment)
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var key in new[] { "JUDGEMENTS_DB", "JUDGEMENTS_OWNER_DB", "JUDGEMENTS_SEED_DIR" }) start.Environment.Remove(key);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (k, v) in environment) start.Environment[k] = v;
        var process = System.Diagnostics.Process.Start(start)!;
        var output = new ConcurrentQueue<string>();
        var served = new ServedProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { output.Enqueue(line); served.Wrote(line); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { output.Enqueue(line); served.Wrote(line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Not listening yet is refused at once; listening, it answers when ready (no per-request timeout).
        var address = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        using var guard = new CancellationTokenSource(HungStart);
        while (!process.HasExited && !guard.IsCancellationRequested)
        {
            try
            {
                using var ready = await client.GetAsync("/health/ready", guard.Token);
                if (ready.IsSuccessStatusCode) return served;
            }
            catch (HttpRequestException) { }
            catch (OperationCanceledException) when (guard.IsCancellationRequested) { break; }
            await Task.Delay(100);
        }
        throw Failed(process, output, "exited (or hung) before it was ready");
    }

    /// <summary>Only a hung process takes this long; a slow start on a busy machine does not.</summary>
    private static readonly TimeSpan HungStart = TimeSpan.FromMinutes(10);

    private static Exception Failed(System.Diagnostics.Process process, IEnumerable<string> output, string what)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        return new InvalidOperationException($"the service {what}:\n{string.Join('\n', output)}");
    }
}

/// <summary>The service running as its own process; disposing stops it.</summary>
public sealed class ServedProcess(System.Diagnostics.Process process, Uri baseAddress) : IAsyncDisposable
{
    private readonly Written<string> _lines = new();

    public Uri BaseAddress => baseAddress;

    /// <summary>Every line of its output so far (stdout and stderr).</summary>
    public IReadOnlyCollection<string> Lines => _lines.All;

    internal void Wrote(string line) => _lines.Add(line);

    /// <summary>The first line of its output (stdout or stderr) that matches, once it has written it.</summary>
    public Task<string> LineAsync(Func<string, bool> match) => _lines.FirstAsync(match);

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}

/// <summary>What something writes over time (log entries, output lines), and the first that matches once written.</summary>
public sealed class Written<T>
{
    private readonly ConcurrentQueue<T> _all = new();
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Found)> _waiting = [];

    public IReadOnlyCollection<T> All => _all;

    public void Add(T item)
    {
        lock (_waiting)
        {
            _all.Enqueue(item);
            foreach (var w in _waiting.Where(w => w.Match(item)).ToList())
            {
                w.Found.TrySetResult(item);
                _waiting.Remove(w);
            }
        }
    }

    /// <summary>The first item that matches, now or once written (a guard of five minutes against a hang).</summary>
    public Task<T> FirstAsync(Func<T, bool> match)
    {
        lock (_waiting)
        {
            if (_all.FirstOrDefault(match) is { } item) return Task.FromResult(item);
            var found = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((match, found));
            return found.Task.WaitAsync(TimeSpan.FromMinutes(5));
        }
    }
}
