namespace JudgementsApi.Tests;

/// <summary>openapi.yaml at the repository root is the document the server serves; a difference fails.</summary>
public class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public const string RegenerateCommand = "UPDATE_OPENAPI=1 ./test.sh --filter FullyQualifiedName~OpenApiDocumentTests";

    [Fact]
    public async Task CommittedOpenApiYamlMatchesTheServedDocument()
    {
        var served = (await api.CreateClient().GetStringAsync("/swagger/v1/swagger.yaml")).ReplaceLineEndings("\n");
        var path = Path.Combine(TestDatabase.RepoRoot, "openapi.yaml");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
            return;
        }
        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(committed == served,
            $"openapi.yaml differs from the document the server serves at /swagger/v1/swagger.yaml. Regenerate it with:\n  {RegenerateCommand}");
    }

    [Fact]
    public async Task EveryOperationHasAUniqueOperationIdAndSummary()
    {
        var doc = await api.CreateClient().GetJsonAsync("/swagger/v1/swagger.json");
        var operations = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => (Path: p.Name, Op: op.Value))).ToList();
        Assert.NotEmpty(operations);
        foreach (var (path, op) in operations)
        {
            Assert.True(op.TryGetProperty("operationId", out _), $"{path} has no operationId");
            Assert.True(op.TryGetProperty("summary", out _), $"{path} has no summary");
        }
        var ids = operations.Select(o => o.Op.Str("operationId")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task EveryParameterAndProblemResponseHasAnExample()
    {
        var doc = await api.CreateClient().GetJsonAsync("/swagger/v1/swagger.json");
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        foreach (var op in path.Value.EnumerateObject())
        {
            if (op.Value.TryGetProperty("parameters", out var parameters))
                foreach (var p in parameters.EnumerateArray())
                    Assert.True(p.TryGetProperty("example", out _), $"{op.Name} {path.Name}: parameter {p.Str("name")} has no example");
            // The embed's 404 is an HTML card shown inside the partner's frame, not a problem document.
            foreach (var response in op.Value.GetProperty("responses").EnumerateObject()
                         .Where(r => r.Name[0] is '4' or '5' && !(path.Name.StartsWith("/embed/") && r.Name == "404")))
                Assert.True(response.Value.GetProperty("content").GetProperty("application/problem+json").TryGetProperty("example", out _),
                    $"{op.Name} {path.Name}: response {response.Name} has no example");
        }
    }

    [Theory]
    [InlineData("/v1/councils")]
    [InlineData("/v1/inspections")]
    [InlineData("/v1/statistics/distribution")]
    public async Task CollectionsDocumentBothJsonAndCsv(string path)
    {
        var doc = await api.CreateClient().GetJsonAsync("/swagger/v1/swagger.json");
        var content = doc.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(content.GetProperty("application/json").GetProperty("schema").TryGetProperty("$ref", out _), $"{path}: no JSON schema");
        Assert.Equal("string", content.GetProperty("text/csv").GetProperty("schema").Str("type"));
    }
}
