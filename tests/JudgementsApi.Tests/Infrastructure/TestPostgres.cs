using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;

namespace JudgementsApi.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use, found once per test run, in order:
/// <list type="number">
/// <item><c>JUDGEMENTS_TEST_DB</c>, an admin connection string (./test.sh sets it to a throwaway cluster);</item>
/// <item>else a throwaway container started with Testcontainers when a Docker engine answers, so a
/// plain <c>dotnet test</c> works on any machine with Docker. The image is <c>JUDGEMENTS_TEST_PG_IMAGE</c>,
/// default <c>postgres:15</c> (deploy/offline-images.sh builds a stand-in where no registry can be reached;
/// there also set <c>TESTCONTAINERS_RYUK_DISABLED=true</c>, as the reaper's image cannot be had either);</item>
/// <item>else a failure that says to run ./test.sh.</item>
/// </list>
/// Self-contained (Npgsql-free, no project types), so other test projects can link this file.
/// </summary>
public static class TestPostgres
{
    public const string DefaultImage = "postgres:15";

    // Pulling and initialising can take a while on a cold machine; beyond this something is wrong.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private static readonly Lazy<string> Admin = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A superuser connection string; the first use may start a container (and fails clearly if none can be had).</summary>
    public static string AdminConnectionString => Admin.Value;

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("JUDGEMENTS_TEST_DB") is { Length: > 0 } configured) return configured;

        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
            throw new InvalidOperationException(
                "No PostgreSQL for the tests: JUDGEMENTS_TEST_DB is not set and no Docker engine answers. " +
                "Run the tests with ./test.sh (it starts a throwaway PostgreSQL), or start Docker so that " +
                "they start one with Testcontainers.");

        var image = Environment.GetEnvironmentVariable("JUDGEMENTS_TEST_PG_IMAGE") is { Length: > 0 } i ? i : DefaultImage;
        var builder = new PostgreSqlBuilder().WithImage(image);
        // Lets the script that ran the tests remove the container even if this process is killed.
        if (Environment.GetEnvironmentVariable("JUDGEMENTS_TEST_RUN") is { Length: > 0 } run)
            builder = builder.WithLabel("judgements.test-run", run);
        var container = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            // Off the test framework's synchronisation context, so blocking here cannot deadlock.
            Task.Run(() => container.StartAsync(timeout.Token)).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            Remove(container);
            throw new InvalidOperationException(
                $"Could not start a PostgreSQL container from image '{image}' ({ex.GetType().Name}: {ex.Message}). " +
                "Set JUDGEMENTS_TEST_PG_IMAGE to an image this Docker engine has (deploy/offline-images.sh builds one), " +
                "or run the tests with ./test.sh.", ex);
        }
        // Without the reaper nothing else removes the container, so remove it when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(container);
        return container.GetConnectionString();
    }

    private static void Remove(PostgreSqlContainer container)
    {
        try { Task.Run(() => container.DisposeAsync().AsTask()).Wait(TimeSpan.FromSeconds(30)); }
        catch (Exception) { /* best effort at exit; the CI script also removes leftovers by label */ }
    }
}
