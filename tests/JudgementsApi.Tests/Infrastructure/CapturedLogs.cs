using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace JudgementsApi.Tests.Infrastructure;

/// <summary>Every log entry the app writes, kept for assertions.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
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

    /// <summary>Runs it to completion (killed after 120 s); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in new[] { "JUDGEMENTS_DB", "JUDGEMENTS_OWNER_DB", "JUDGEMENTS_SEED_DIR" }) start.Environment.Remove(key);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Judgements__DatabaseWaitSeconds"] = "5";
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException("the service did not exit within 120 s"); }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Serves <paramref name="database"/> (through the read-only role, as in production) until disposed.</summary>
    public static Task<ServedProcess> ServeAsync(string database) => ServeAsync(new Dictionary<string, string>
    {
        ["JUDGEMENTS_DB"] = TestDatabase.ReaderConnectionString(database),
        ["JUDGEMENTS_OWNER_DB"] = TestDatabase.OwnerConnectionString(database),
    });

    /// <summary>Serves on a free loopback port (real Kestrel) until disposed; waits for /health/live (generously: the machine may be busy).</summary>
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
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        for (var deadline = DateTime.UtcNow.AddSeconds(120); DateTime.UtcNow < deadline && !process.HasExited; await Task.Delay(200))
        {
            try { if ((await client.GetAsync("/health/live")).IsSuccessStatusCode) return new ServedProcess(process, address); }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the service did not start within 120 s");
    }
}

/// <summary>The service running as its own process; disposing stops it.</summary>
public sealed class ServedProcess(System.Diagnostics.Process process, Uri baseAddress) : IAsyncDisposable
{
    public Uri BaseAddress => baseAddress;

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
