using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JudgementsApi.PageTests.Infrastructure;

/// <summary>
/// The real app on a real 127.0.0.1 port (Kestrel), its own clone of the seeded database, and
/// Debian's Chromium driven by Playwright. One per test class.
/// </summary>
public sealed class PagesFixture : IAsyncLifetime
{
    private sealed class Factory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            // Served through the read-only role, as in production (the service refuses a superuser).
            builder.UseSetting("JUDGEMENTS_DB", TestDatabase.ReaderConnectionString(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!));
            builder.UseSetting("JUDGEMENTS_OWNER_DB", TestDatabase.OwnerConnectionString(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!));
            builder.UseSetting("Judgements:RateLimits:Enabled", "false");
            builder.UseSetting("Judgements:DatabaseWaitSeconds", "120");
        }
    }

    public static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"];

    private Factory? _factory;
    private string _database = "";
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Where screenshots go (git-ignored): tests/JudgementsApi.PageTests/screenshots.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(TestDatabase.RepoRoot, "tests", "JudgementsApi.PageTests", "screenshots");

    public static string AxeSource { get; } = LoadAxe();

    private static string LoadAxe()
    {
        var path = Path.Combine(TestDatabase.RepoRoot, "tests", "JudgementsApi.PageTests", "vendor", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: run tests/JudgementsApi.PageTests/vendor-axe.sh (./test.sh does).");
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CloneAsync();
        _factory = new Factory(TestDatabase.ConnectionString(_database));
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            BaseURL = BaseUrl,
        });
        // CI runs on a busy 2-core machine: Playwright's 30 s default failed a page wait there. A bound
        // stays (a hung test still fails) but it is generous; nothing here measures speed.
        context.SetDefaultTimeout(SlowMachineTimeoutMs);
        context.SetDefaultNavigationTimeout(SlowMachineTimeoutMs);
        return await context.NewPageAsync();
    }

    /// <summary>How long a page action, navigation or expectation may wait before it fails (3 minutes).</summary>
    public const float SlowMachineTimeoutMs = 180_000;

    static PagesFixture() => Assertions.SetDefaultExpectTimeout(SlowMachineTimeoutMs);

    public async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Http?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_database.Length > 0) await TestDatabase.DropAsync(_database);
    }
}
