using System.Diagnostics;

namespace JudgementsApi.Tests;

/// <summary>
/// The committed openapi.yaml passes Redocly CLI's recommended rules with no error and no warning,
/// so that the tools others point at the API (linters, client generators) accept it. The CLI is
/// installed from npm into the git-ignored .tools/ folder on first use.
/// </summary>
public class OpenApiLintTests
{
    private const string RedoclyVersion = "2.77.0";

    [Fact]
    public async Task CommittedDocumentPassesRedoclyRecommendedRules()
    {
        var root = TestDatabase.RepoRoot;
        var cli = await InstallRedoclyAsync(root);

        var (code, output, error) = await RunAsync("node",
            [cli, "lint", "openapi.yaml", "--extends", "recommended", "--format", "json"], root, TimeSpan.FromMinutes(2));
        using var report = JsonDocument.Parse(output[output.IndexOf('{')..]);
        var problems = report.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}"
                + $" at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}")
            .ToList();
        Assert.True(problems.Count == 0, $"Redocly lint reports:\n{string.Join("\n", problems)}");
        Assert.True(code == 0, $"redocly lint exited {code}: {error}");
        var totals = report.RootElement.GetProperty("totals");
        Assert.Equal(0, totals.GetProperty("errors").GetInt32());
        Assert.Equal(0, totals.GetProperty("warnings").GetInt32());
    }

    /// <summary>npm install of one pinned version into .tools/redocly; a later run reuses it.</summary>
    private static async Task<string> InstallRedoclyAsync(string root)
    {
        var prefix = Path.Combine(root, ".tools", "redocly");
        var cli = Path.Combine(prefix, "node_modules", "@redocly", "cli", "bin", "cli.js");
        var package = Path.Combine(prefix, "node_modules", "@redocly", "cli", "package.json");
        if (File.Exists(cli) && File.ReadAllText(package).Contains($"\"version\": \"{RedoclyVersion}\"")) return cli;

        Directory.CreateDirectory(prefix);
        var (code, output, error) = await RunAsync("npm",
            ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", prefix, $"@redocly/cli@{RedoclyVersion}"],
            prefix, TimeSpan.FromMinutes(5));
        Assert.True(code == 0 && File.Exists(cli), $"npm install @redocly/cli@{RedoclyVersion} failed ({code}): {output}\n{error}");
        return cli;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(
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
