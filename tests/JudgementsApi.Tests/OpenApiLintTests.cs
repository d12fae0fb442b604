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
        var prefix = await NodeTools.InstallAsync("redocly", [$"@redocly/cli@{RedoclyVersion}"],
            "node_modules/@redocly/cli/package.json", $"\"version\": \"{RedoclyVersion}\"");
        var cli = Path.Combine(prefix, "node_modules", "@redocly", "cli", "bin", "cli.js");

        var (code, output, error) = await NodeTools.RunAsync("node",
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
}
