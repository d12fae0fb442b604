using JudgementsApi;
using JudgementsApi.Features.Badges;
using JudgementsApi.Features.Changes;
using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Dataset;
using JudgementsApi.Features.Download;
using JudgementsApi.Features.Embed;
using JudgementsApi.Features.Feeds;
using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Improvements;
using JudgementsApi.Features.Visits;
using JudgementsApi.Features.Frameworks;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Features.Pages;
using JudgementsApi.Features.Statistics;
using JudgementsApi.Features.Index;
using JudgementsApi.Import;
using Microsoft.AspNetCore.Rewrite;

// `JudgementsApi migrate` and `JudgementsApi import <dir>` run one job and exit; anything else serves.
var command = args.FirstOrDefault() is "migrate" or "import" ? args[0] : "serve";
var commandArgs = command == "serve" ? [] : args.Skip(1).Where(a => !a.StartsWith('-')).ToArray();
var builder = WebApplication.CreateBuilder(command == "serve" ? args : args.Skip(1).Where(a => a.StartsWith('-')).ToArray());

// Data: one pooled data source, migrations, the seed importer
builder.Services.AddJudgementsDatabase(builder.Configuration);
builder.Services.AddSingleton(sp => new Migrator(sp.GetRequiredService<OwnerDatabase>().Source, sp.GetRequiredService<ILogger<Migrator>>()));
builder.Services.AddSingleton<SnapshotLoader>();
builder.Services.AddHttpContextAccessor();
// Serving: an import (JUDGEMENTS_SEED_DIR) is loaded into memory before its version is reported.
builder.Services.AddSingleton(sp => new SeedImporter(sp.GetRequiredService<OwnerDatabase>().Source,
    sp.GetRequiredService<DatasetState>(), sp.GetRequiredService<ILogger<SeedImporter>>(),
    command == "serve" ? sp.GetRequiredService<SnapshotLoader>() : null));
builder.Services.AddSingleton<JudgementsApi.Features.VocabularySource>();
builder.Services.AddSingleton<CouncilNames>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<PublicUrls>();

// HTTP conventions: problem details, caching keyed on the dataset version, health, CORS, JSON, docs
builder.Services.AddApiProblems();
builder.Services.AddDatasetCaching(builder.Configuration.GetValue("Judgements:OutputCache", true),
    builder.Configuration.GetValue("Judgements:OutputCacheMegabytes", Caching.DefaultCacheMegabytes));
builder.Services.AddApiHealthChecks();
builder.Services.AddSingleton<Outages>();
builder.Services.AddApiRateLimits(builder.Configuration);
builder.WebHost.ConfigureKestrel(options => options.ConfigureServerLimits(builder.Configuration));
builder.Services.AddPublicCors();
builder.Services.ConfigureHttpJsonOptions(options =>
    ApiJson.Configure(options.SerializerOptions));
builder.Services.AddApiVersions();
builder.Services.AddApiDocs();
// Pages: Razor components rendered on the server from minimal-API endpoints (static SSR, no client runtime)
builder.Services.AddRazorComponents();
builder.Services.AddPageAssets(); // the static CSS and JS sent compressed
// Metrics, traces and JSON logs (Judgements:MetricsPort, OTEL_EXPORTER_OTLP_ENDPOINT)
builder.AddTelemetry();

var app = builder.Build().StartTelemetry();

try
{
    await Startup.PrepareDatabaseAsync(app, command, commandArgs);
    if (command == "serve")
    {
        // The owner's connections are for migrating and importing: none stays idle while serving.
        app.Services.GetRequiredService<OwnerDatabase>().Source.Clear();
        await Startup.CheckServingConnectionAsync(app);
        await Startup.LoadSnapshotAsync(app);
    }
}
catch (Exception ex) when (ex is MigrationException or SeedValidationException or StartupException)
{
    Console.Error.WriteLine($"judgements-api: {ex.Message}");
    return 1;
}
if (command != "serve") return 0;

app.UseClientAddress();    // first: the forwarded client, scheme and host, from trusted proxies only
app.UseMetricsEndpoint(app.Configuration); // its own port only, before anything public
app.UseRequestLog(); // the final status and the whole duration
app.UseResponseHeaders();  // on every response, whatever answers it
app.UseApiProblems();
app.UseDatabaseOutages();
app.UseRequestLimits();
app.UsePageAssets();
app.UseRewriter(new RewriteOptions().AddOpenApiAliases().AddVersionRedirects());
app.UseRouting(); // after the request guard, which answers HEAD as GET
app.UseCors();
app.UseDatasetETags();
app.UseOutputCache();
app.UseCompression(); // inside the output cache: an entry is compressed once per coding
app.UseApiRateLimits(); // after the output cache: only requests that miss it count
app.UseApiDocs();

app.MapApiHealthChecks();
app.MapProblemTypes();

var api = app.MapVersionedApi()
    .AddEndpointFilter<ApiConventionsFilter>()
    .CacheOutput(Caching.PolicyName)
    .ProducesProblem(StatusCodes.Status400BadRequest)
    .ProducesProblem(StatusCodes.Status406NotAcceptable)
    .ProducesProblem(StatusCodes.Status429TooManyRequests)
    .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

api.MapApiIndex();
api.MapCouncils();
api.MapInspections();
api.MapFocusedVisits();
api.MapVisits();
api.MapImprovements();
api.MapFrameworks();
api.MapStatistics();
api.MapDataset();
api.MapChanges();
api.MapDownload();
api.MapBadges();
api.MapFeeds();

// For integrators outside /v1: a page made to be framed by other sites
app.MapEmbed();

app.MapPages();

await app.RunAsync();
return 0;

public partial class Program;
