using System.Reflection;
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
}
