using Microsoft.AspNetCore.TestHost;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace JudgementsApi.Tests.Hardening;

/// <summary>Counts how often the app generates an OpenAPI document (a document filter runs once per generation).</summary>
public sealed class CountingDocsFactory : ApiFactory
{
    public sealed class Counter
    {
        public int Generated;
    }

    private sealed class CountingFilter(Counter counter) : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context) => Interlocked.Increment(ref counter.Generated);
    }

    public Counter Documents { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<SwaggerGenOptions>(o => o.DocumentFilter<CountingFilter>(Documents)));
    }
}

/// <summary>
/// The OpenAPI document costs ~0.1 CPU-s to generate and changes only with the build: generated
/// once per format, then served from the output cache (issue 22: it was generated per request).
/// </summary>
public class ApiDocsCacheTests(CountingDocsFactory api) : ApiTests<CountingDocsFactory>(api)
{
    [Fact]
    public async Task TheOpenApiDocumentIsGeneratedOncePerFormatWhateverTheQuery()
    {
        foreach (var format in new[] { "json", "yaml" })
        {
            var first = await Client.GetStringAsync($"/swagger/v1/swagger.{format}");
            for (var i = 0; i < 5; i++)
                Assert.Equal(first, await Client.GetStringAsync($"/swagger/v1/swagger.{format}?z{i}=1"));
        }
        Assert.Equal(2, Api.Documents.Generated);
    }
}
