using System.Reflection;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Rewrite;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace JudgementsApi.Infrastructure;

/// <summary>Swagger: a document per API version at /swagger/v1/swagger.json (and .yaml, committed as openapi.yaml), the UI at /swagger.</summary>
public static class ApiDocs
{
    public const string Version = "1.0.0";

    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            foreach (var version in ApiVersions.Segments) options.SwaggerDoc(version, new OpenApiInfo
            {
                Title = "JudgementsApi",
                Version = Version,
                Description = """
                    The open REST API and reference dataset of Ofsted's judgements on English councils' children's services:
                    every council, every published inspection since 2013 with each graded judgement, every focused visit,
                    and national statistics as at any date. Read-only, public, cacheable (ETag), CORS-open; collections
                    answer JSON or CSV (`Accept: text/csv` or `format=csv`). Errors are RFC 9457 problem documents.

                    Contains public sector information licensed under the Open Government Licence v3.0.
                    """,
                Contact = new OpenApiContact { Name = "JudgementsApi maintainers (issues in the project's repository)" },
                License = new OpenApiLicense { Name = "Data: Open Government Licence v3.0", Url = new Uri("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/") },
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml)) options.IncludeXmlComments(xml);
            options.DescribeAllParametersInCamelCase();
            options.OperationFilter<Examples>();
            options.SchemaFilter<RequiredProperties>();
            options.SchemaFilter<ClosedSetSchemas>();
            options.DocumentFilter<PublicApi>();
            options.SupportNonNullableReferenceTypes();
        });
        // Generating a document costs ~0.1 CPU-s, and it changes only with the build: made once, then
        // served from the output cache (whatever the query or Host: it names its server as "/").
        services.Configure<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>(options => options.AddBasePolicy(policy => policy
            .With(context => IsDocument(context.HttpContext.Request.Path))
            .SetVaryByQuery([]).SetVaryByHost(false).Expire(TimeSpan.FromDays(1))));
        return services;
    }

    /// <summary>/swagger/{version}/swagger.json or .yaml.</summary>
    private static bool IsDocument(PathString path) =>
        path.StartsWithSegments("/swagger") && (path.Value!.EndsWith("/swagger.json", StringComparison.Ordinal)
                                                || path.Value.EndsWith("/swagger.yaml", StringComparison.Ordinal));

    /// <summary>/openapi.json and /openapi.yaml: the newest version's document, at the addresses tools look for first.</summary>
    public static RewriteOptions AddOpenApiAliases(this RewriteOptions options) =>
        options.AddRewrite(@"^openapi\.(json|yaml)$", $"swagger/{ApiVersions.Segments[^1]}/swagger.$1", skipRemainingRules: true);

    public static WebApplication UseApiDocs(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            foreach (var version in ApiVersions.Segments)
                options.SwaggerEndpoint($"/swagger/{version}/swagger.json", $"JudgementsApi {version}");
            options.DocumentTitle = "JudgementsApi";
        });
        return app;
    }

    /// <summary>
    /// What linters and client generators expect a public API to declare: the server (the document's
    /// own host), that no authentication is needed (an empty security requirement), and what each tag holds.
    /// </summary>
    private sealed class PublicApi : IDocumentFilter
    {
        private static readonly Dictionary<string, string> TagDescriptions = new()
        {
            ["Index"] = "The API's front door: a link to every resource and to this document.",
            ["Councils"] = "Every English council with children's services, past and present, its regions and its latest judgements.",
            ["Inspections"] = "Every published full inspection, with each graded judgement and its provenance.",
            ["Focused visits"] = "Focused visits: ungraded visits that report findings and any priority action.",
            ["Visits"] = "Monitoring visits and joint targeted area inspections: ungraded letters.",
            ["Improvements"] = "What the reports said each council must improve, point by point in Ofsted's words, with National Framework tags.",
            ["Integrations"] = "For other sites: Atom feeds of new reports and SVG badges of a council's latest grades.",
            ["Frameworks"] = "The inspection frameworks, their judgement areas and grade scales.",
            ["Statistics"] = "National and regional statistics as at any date: distributions, timelines, transitions and movements.",
            ["Dataset"] = "The loaded dataset: its version, coverage, counts, sources, licence and known gaps.",
            ["Problems"] = "Explanations of the problem types (RFC 9457) the API sends.",
        };

        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            document.Servers = [new OpenApiServer { Url = "/", Description = "This server" }];
            document.Security = [new OpenApiSecurityRequirement()];
            document.Tags = new HashSet<OpenApiTag>(
                (document.Tags ?? new HashSet<OpenApiTag>()).Select(t => new OpenApiTag
                {
                    Name = t.Name,
                    Description = TagDescriptions.GetValueOrDefault(t.Name ?? "")
                        ?? throw new InvalidOperationException($"Tag '{t.Name}' has no description in ApiDocs."),
                }));
        }
    }

    private static readonly Regex VersionSegment = new(@"^/v\d+(?=/)", RegexOptions.Compiled);

    /// <summary>Every parameter the API uses, typed, with an example; and an example for every problem response.</summary>
    private sealed class Examples(DatasetState dataset) : IOperationFilter
    {
        // Path parameters, which are no query record's: an example per resource family for {id}, and the slugs.
        private static readonly Dictionary<string, string> IdExamples = new()
        {
            ["/councils"] = "E06000051", ["/inspections"] = "shropshire-2017-11-24", ["/focused-visits"] = "shropshire-2024-01-12-fv",
            ["/visits"] = "worcestershire-2026-10-02-mv", ["/embed/councils"] = "shropshire",
        };

        private static readonly Dictionary<string, string> SlugExamples = new()
        {
            ["/problems/{slug}"] = "invalid-parameter", ["/frameworks/{slug}"] = "ilacs",
        };

        private static readonly Dictionary<string, string> ProblemExamples = new()
        {
            ["400"] = """{"type":"/problems/invalid-parameter","title":"Invalid request parameters","status":400,"detail":"'excellent' is not a known value for grade.","instance":"/v1/inspections","errors":[{"parameter":"grade","message":"'excellent' is not a known value for grade.","allowed":["outstanding","good","adequate","requires_improvement","inadequate"]}],"traceId":"0HNQ8SOFU66FL:00000001"}""",
            ["404"] = """{"type":"/problems/not-found","title":"Not found","status":404,"detail":"No council has the identifier 'atlantis'.","instance":"/v1/councils/atlantis","traceId":"0HNQ8SOFU66FL:00000002"}""",
            ["405"] = """{"type":"/problems/method-not-allowed","title":"Method not allowed","status":405,"detail":"The API is read-only: use GET or HEAD.","instance":"/embed/embed.css","traceId":"0HNQ8SOFU66FL:00000005"}""",
            ["406"] = """{"type":"/problems/not-acceptable","title":"Not acceptable","status":406,"detail":"This resource can answer application/json, not 'text/csv'.","instance":"/v1/councils/shropshire","traceId":"0HNQ8SOFU66FL:00000003"}""",
            ["429"] = """{"type":"/problems/too-many-requests","title":"Too many requests","status":429,"detail":"This client has made 600 requests in 60 s that had to be computed; retry after 17 s. Cached answers are not limited.","instance":"/v1/inspections","traceId":"0HNQ8SOFU66FL:00000005"}""",
            ["503"] = """{"type":"/problems/service-unavailable","title":"Service unavailable","status":503,"detail":"The API cannot reach its database just now.","instance":"/v1/councils","traceId":"0HNQ8SOFU66FL:00000004"}""",
        };

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var path = VersionSegment.Replace("/" + context.ApiDescription.RelativePath, "");
            var declared = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault() is { } method
                ? QueryRecords.Parameters(method).Where(p => p.Property is not null)
                    .ToDictionary(p => p.Name, p => p.Property!.GetCustomAttribute<ParameterExampleAttribute>(), StringComparer.OrdinalIgnoreCase)
                : [];
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                var name = parameter.Name ?? "";
                if (declared.GetValueOrDefault(name) is { } doc)
                {
                    if (doc.SchemaFor(dataset.Snapshot) is { } schema) parameter.Schema = schema;
                    parameter.Example = doc.ExampleFor(dataset.Snapshot);
                    if (doc.Required) parameter.Required = true;
                }
                else if (name is "id" && IdExamples.FirstOrDefault(e => path.StartsWith(e.Key + "/", StringComparison.Ordinal)).Value is { } id)
                    parameter.Example = JsonValue.Create(id);
                else if (name is "slug" && SlugExamples.GetValueOrDefault(path) is { } slug)
                    parameter.Example = JsonValue.Create(slug);
            }
            // Collections answer CSV too: the same 200, a second media type.
            if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<CsvCollectionMetadata>().Any()
                && operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse okResponse)
            {
                okResponse.Content ??= new Dictionary<string, IOpenApiMediaType>();
                okResponse.Content["text/csv"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180 CSV with a header row: every matching row, one column per field (and per area family)." },
                };
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = Negotiation.BomParameter, In = ParameterLocation.Query,
                    Description = "With CSV: true starts the file with a UTF-8 byte order mark, so that Excel reads accents right "
                        + "(default false).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(false) },
                    Example = JsonValue.Create(true),
                });
            }
            foreach (var (status, response) in operation.Responses ?? [])
                if (ProblemExamples.TryGetValue(status, out var json)
                    && response.Content?.TryGetValue("application/problem+json", out var media) == true
                    && media is OpenApiMediaType writable)
                    writable.Example = JsonNode.Parse(json);
        }
    }
}
