using System.Diagnostics;

namespace JudgementsApi.Tests.Infrastructure;

/// <summary>Tools from npm that tests point at the API's document, installed once into the git-ignored .tools/ folder.</summary>
public static class NodeTools
{
    /// <summary>
    /// npm install of pinned <paramref name="packages"/> into .tools/<paramref name="folder"/> unless
    /// <paramref name="marker"/> (a file inside it) already says so; returns the prefix.
    /// </summary>
    public static async Task<string> InstallAsync(string folder, string[] packages, string marker, string markerText)
    {
        var prefix = Path.Combine(TestDatabase.RepoRoot, ".tools", folder);
        var probe = Path.Combine(prefix, marker);
        if (File.Exists(probe) && File.ReadAllText(probe).Contains(markerText)) return prefix;

        Directory.CreateDirectory(prefix);
        var (code, output, error) = await RunAsync("npm",
            ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", prefix, .. packages], prefix, TimeSpan.FromMinutes(5));
        Assert.True(code == 0 && File.Exists(probe), $"npm install {string.Join(' ', packages)} failed ({code}): {output}\n{error}");
        return prefix;
    }

    public static async Task<(int Code, string Output, string Error)> RunAsync(
        string file, string[] args, string directory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish within {limit.TotalSeconds} s");
        }
        return (process.ExitCode, await output, await error);
    }
}
