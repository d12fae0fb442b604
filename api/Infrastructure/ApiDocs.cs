using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
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
            options.DocumentFilter<PublicApi>();
            options.SupportNonNullableReferenceTypes();
        });
        return services;
    }

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
            ["Councils"] = "Every English council with children's services, past and present, its regions and its latest judgements.",
            ["Inspections"] = "Every published full inspection, with each graded judgement and its provenance.",
            ["Focused visits"] = "Focused visits: ungraded visits that report findings and any priority action.",
            ["Visits"] = "Monitoring visits and joint targeted area inspections: ungraded letters.",
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

    /// <summary>
    /// How a parameter appears in the document. Query values bind as text (so one 400 can name every
    /// bad parameter); this gives them their real types. Schema and example are made from one typed
    /// value, so an example cannot contradict its schema.
    /// </summary>
    internal sealed record ParameterDoc(OpenApiSchema? Schema, JsonNode Example)
    {
        /// <summary>Free text: the schema stays the bound string.</summary>
        public static ParameterDoc Text(string example) => new(null, JsonValue.Create(example));

        public static ParameterDoc Int(int example, int min, int? max = null, int? @default = null) =>
            new(new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Minimum = min.ToString(CultureInfo.InvariantCulture),
                Maximum = max?.ToString(CultureInfo.InvariantCulture), Default = @default is { } d ? JsonValue.Create(d) : null,
            }, JsonValue.Create(example));

        public static ParameterDoc Bool(bool example) =>
            new(new OpenApiSchema { Type = JsonSchemaType.Boolean }, JsonValue.Create(example));

        public static ParameterDoc Date(string example) =>
            new(new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
                JsonValue.Create(DateOnly.ParseExact(example, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        public static ParameterDoc OneOf(string example, string[] values, string @default) =>
            values.Contains(example) && values.Contains(@default)
                ? new(new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))], Default = JsonValue.Create(@default) },
                    JsonValue.Create(example))
                : throw new ArgumentException($"'{example}' or '{@default}' is not one of {string.Join(", ", values)}.");
    }

    /// <summary>Every parameter the API uses, typed, with an example; and an example for every problem response.</summary>
    private sealed class Examples : IOperationFilter
    {
        private static readonly Dictionary<string, ParameterDoc> Parameters = new()
        {
            ["council"] = ParameterDoc.Text("shropshire"), ["region"] = ParameterDoc.Text("west-midlands"),
            ["framework"] = ParameterDoc.Text(Features.FrameworkSlugs.Ilacs), ["type"] = ParameterDoc.Text("standard"),
            ["publishedFrom"] = ParameterDoc.Date("2025-01-01"), ["publishedTo"] = ParameterDoc.Date("2025-12-31"),
            ["area"] = ParameterDoc.Text("overall_effectiveness"), ["grade"] = ParameterDoc.Text("inadequate"),
            ["sort"] = ParameterDoc.Text("-published"),
            ["limit"] = ParameterDoc.Int(50, min: 1, max: Paging.MaxLimit, @default: Paging.DefaultLimit),
            ["offset"] = ParameterDoc.Int(0, min: 0, @default: 0),
            ["format"] = ParameterDoc.OneOf("csv", ["json", "csv"], @default: "json"),
            ["q"] = ParameterDoc.Text("telford"), ["codes"] = ParameterDoc.Text("shropshire,telford-and-wrekin,E06000019"),
            ["status"] = ParameterDoc.Text("current"), ["priorityAction"] = ParameterDoc.Bool(true),
            ["from"] = ParameterDoc.Date("2024-01-01"), ["to"] = ParameterDoc.Date("2024-12-31"),
            ["includePredecessors"] = ParameterDoc.Bool(true), ["slug"] = ParameterDoc.Text(Features.FrameworkSlugs.Ilacs),
            ["asOf"] = ParameterDoc.Date("2024-03-31"), ["groupBy"] = ParameterDoc.Text("region"),
            ["interval"] = ParameterDoc.Text("year"), ["fromGrade"] = ParameterDoc.Text("requires_improvement"),
            ["toGrade"] = ParameterDoc.Text("outstanding"), ["include"] = ParameterDoc.Text("councils"),
            ["kind"] = ParameterDoc.Text("monitoring_visit"),
            ["size"] = ParameterDoc.Text("medium"), ["since"] = ParameterDoc.Text("c8444574033900617f7cd3e670834f295bfe01ecf66ee8720824ff6a0ddb92f2"), ["direction"] = ParameterDoc.Text("up"),
        };

        // Where a parameter's values differ by path, the example does too. Paths are without the version segment.
        private static readonly Dictionary<(string Path, string Name), ParameterDoc> PathParameters = new()
        {
            [("/statistics/movements", "sort")] = ParameterDoc.Text("-steps"),
            [("/statistics/movements", "from")] = ParameterDoc.Date("2018-01-01"),
            [("/statistics/movements", "to")] = ParameterDoc.Date("2025-12-31"),
            [("/statistics/movements", "fromGrade")] = ParameterDoc.Text("inadequate"),
            [("/inspections", "council")] = ParameterDoc.Text("shropshire,telford-and-wrekin"),
            [("/problems/{slug}", "slug")] = ParameterDoc.Text("invalid-parameter"),
        };

        // An id example per resource family, for /councils/{id} and everything below it.
        private static readonly Dictionary<string, ParameterDoc> IdExamples = new()
        {
            ["/councils"] = ParameterDoc.Text("E06000051"), ["/inspections"] = ParameterDoc.Text("shropshire-2017-11-24"),
            ["/focused-visits"] = ParameterDoc.Text("shropshire-2024-01-12-fv"),
            ["/visits"] = ParameterDoc.Text("worcestershire-2026-10-02-mv"), ["/embed/councils"] = ParameterDoc.Text("shropshire"),
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
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                var name = parameter.Name ?? "";
                var doc = name is "id"
                    ? IdExamples.FirstOrDefault(e => path.StartsWith(e.Key + "/", StringComparison.Ordinal)).Value
                    : PathParameters.GetValueOrDefault((path, name)) ?? Parameters.GetValueOrDefault(name);
                if (doc is null) continue;
                if (doc.Schema is not null) parameter.Schema = doc.Schema;
                parameter.Example = doc.Example.DeepClone();
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
            }
            foreach (var (status, response) in operation.Responses ?? [])
                if (ProblemExamples.TryGetValue(status, out var json)
                    && response.Content?.TryGetValue("application/problem+json", out var media) == true
                    && media is OpenApiMediaType writable)
                    writable.Example = JsonNode.Parse(json);
        }
    }
}
