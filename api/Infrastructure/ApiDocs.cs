using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace JudgementsApi.Infrastructure;

/// <summary>Swagger: the document at /swagger/v1/swagger.json (and .yaml, committed as openapi.yaml), the UI at /swagger.</summary>
public static class ApiDocs
{
    public const string Version = "1.0.0";

    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
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
            options.ParameterFilter<QueryParameterSchemas>();
            options.OperationFilter<Examples>();
            options.SupportNonNullableReferenceTypes();
        });
        return services;
    }

    public static WebApplication UseApiDocs(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "JudgementsApi v1");
            options.DocumentTitle = "JudgementsApi";
        });
        return app;
    }

    /// <summary>
    /// Query values bind as text (so one 400 can name every bad parameter); this gives the document
    /// their real types, keyed on the names the API uses throughout.
    /// </summary>
    private sealed class QueryParameterSchemas : IParameterFilter
    {
        private static readonly HashSet<string> DateNames =
            ["asOf", "from", "to", "publishedFrom", "publishedTo"];
        private static readonly HashSet<string> BoolNames = ["priorityAction", "includePredecessors"];

        public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
        {
            if (parameter is not OpenApiParameter p || p.In != ParameterLocation.Query) return;
            if (p.Name is "limit")
                p.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = Paging.MaxLimit.ToString(), Default = Paging.DefaultLimit };
            else if (p.Name is "offset")
                p.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Default = 0 };
            else if (p.Name is not null && DateNames.Contains(p.Name))
                p.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" };
            else if (p.Name is not null && BoolNames.Contains(p.Name))
                p.Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean };
            else if (p.Name is "format")
                p.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["json", "csv"], Default = "json" };
        }
    }

    /// <summary>An example for every parameter the API uses and for every problem response.</summary>
    private sealed class Examples : IOperationFilter
    {
        private static readonly Dictionary<string, string> ParameterExamples = new()
        {
            ["council"] = "shropshire", ["region"] = "west-midlands", ["framework"] = "ilacs", ["type"] = "standard",
            ["publishedFrom"] = "2025-01-01", ["publishedTo"] = "2025-12-31", ["area"] = "overall_effectiveness",
            ["grade"] = "inadequate", ["sort"] = "-published", ["limit"] = "50", ["offset"] = "0", ["format"] = "csv",
            ["q"] = "telford", ["codes"] = "shropshire,telford-and-wrekin,E06000019", ["status"] = "current",
            ["priorityAction"] = "true", ["from"] = "2024-01-01", ["to"] = "2024-12-31", ["includePredecessors"] = "true",
            ["slug"] = "ilacs", ["asOf"] = "2024-03-31", ["groupBy"] = "region", ["interval"] = "year",
            ["fromGrade"] = "requires_improvement", ["toGrade"] = "outstanding", ["include"] = "councils",
            ["kind"] = "monitoring_visit",
            ["size"] = "medium", ["since"] = "c8444574033900617f7cd3e670834f295bfe01ecf66ee8720824ff6a0ddb92f2",
            ["direction"] = "up",
        };

        // Where a parameter's values differ by path, the example does too.
        private static readonly Dictionary<(string Path, string Name), string> PathExamples = new()
        {
            [("/v1/statistics/movements", "sort")] = "-steps",
            [("/v1/statistics/movements", "from")] = "2018-01-01",
            [("/v1/statistics/movements", "to")] = "2025-12-31",
            [("/v1/statistics/movements", "fromGrade")] = "inadequate",
            [("/v1/inspections", "council")] = "shropshire,telford-and-wrekin",
        };

        private static readonly Dictionary<string, string> IdExamples = new()
        {
            ["/v1/councils"] = "E06000051", ["/v1/inspections"] = "shropshire-2017-11-24",
            ["/v1/focused-visits"] = "shropshire-2024-01-12-fv", ["/v1/visits"] = "worcestershire-2026-10-02-mv",
            ["/problems"] = "invalid-parameter", ["/embed/councils"] = "shropshire",
        };

        private static readonly Dictionary<string, string> ProblemExamples = new()
        {
            ["400"] = """{"type":"/problems/invalid-parameter","title":"Invalid request parameters","status":400,"detail":"'excellent' is not a known value for grade.","instance":"/v1/inspections","errors":[{"parameter":"grade","message":"'excellent' is not a known value for grade.","allowed":["outstanding","good","adequate","requires_improvement","inadequate"]}],"traceId":"0HNQ8SOFU66FL:00000001"}""",
            ["404"] = """{"type":"/problems/not-found","title":"Not found","status":404,"detail":"No council has the identifier 'atlantis'.","instance":"/v1/councils/atlantis","traceId":"0HNQ8SOFU66FL:00000002"}""",
            ["406"] = """{"type":"/problems/not-acceptable","title":"Not acceptable","status":406,"detail":"This resource can answer application/json, not 'text/csv'.","instance":"/v1/councils/shropshire","traceId":"0HNQ8SOFU66FL:00000003"}""",
            ["429"] = """{"type":"/problems/too-many-requests","title":"Too many requests","status":429,"detail":"This client has made 600 requests in 60 s that had to be computed; retry after 17 s. Cached answers are not limited.","instance":"/v1/inspections","traceId":"0HNQ8SOFU66FL:00000005"}""",
            ["503"] = """{"type":"/problems/service-unavailable","title":"Service unavailable","status":503,"detail":"The API cannot reach its database just now.","instance":"/v1/councils","traceId":"0HNQ8SOFU66FL:00000004"}""",
        };

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var path = "/" + context.ApiDescription.RelativePath;
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                var example = parameter.Name is "id"
                    ? IdExamples.FirstOrDefault(e => path.StartsWith(e.Key + "/", StringComparison.Ordinal)).Value
                    : PathExamples.GetValueOrDefault((path, parameter.Name ?? "")) ?? ParameterExamples.GetValueOrDefault(parameter.Name ?? "");
                if (example is not null) parameter.Example = JsonValue.Create(example);
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
