namespace JudgementsApi.Tests;

/// <summary>
/// A TypeScript client's types, generated from the committed openapi.yaml by openapi-typescript,
/// compile with a sample of client code (TypeScript/sample.ts) under tsc --strict: required
/// parameters and properties, and closed sets, are what the compiler enforces. Both tools are
/// pinned and installed from npm into the git-ignored .tools/ folder on first use.
/// </summary>
public class OpenApiTypeScriptTests
{
    private const string GeneratorVersion = "7.13.0";
    private const string CompilerVersion = "5.9.3";

    [Fact]
    public async Task TheGeneratedTypesCompileWithAClientSample()
    {
        var prefix = await NodeTools.InstallAsync("openapi-typescript",
            [$"openapi-typescript@{GeneratorVersion}", $"typescript@{CompilerVersion}"],
            "node_modules/openapi-typescript/package.json", $"\"version\": \"{GeneratorVersion}\"");
        var work = Directory.CreateTempSubdirectory("judgements-ts").FullName;
        try
        {
            File.Copy(Path.Combine(TestDatabase.RepoRoot, "tests", "JudgementsApi.Tests", "TypeScript", "sample.ts"), Path.Combine(work, "sample.ts"));
            var generate = await NodeTools.RunAsync("node",
                [Path.Combine(prefix, "node_modules", "openapi-typescript", "bin", "cli.js"),
                    Path.Combine(TestDatabase.RepoRoot, "openapi.yaml"), "--output", Path.Combine(work, "judgements-api.ts")],
                work, TimeSpan.FromMinutes(2));
            Assert.True(generate.Code == 0, $"openapi-typescript failed: {generate.Output}\n{generate.Error}");

            var compile = await NodeTools.RunAsync("node",
                [Path.Combine(prefix, "node_modules", "typescript", "bin", "tsc"), "--strict", "--noEmit", "--target", "es2022",
                    "--module", "es2022", "--moduleResolution", "bundler", "sample.ts"],
                work, TimeSpan.FromMinutes(2));
            Assert.True(compile.Code == 0, $"tsc: the generated types and the sample do not compile:\n{compile.Output}\n{compile.Error}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
