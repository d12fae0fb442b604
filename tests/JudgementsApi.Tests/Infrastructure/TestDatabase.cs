namespace JudgementsApi.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL the tests run against (./test.sh starts a throwaway cluster and sets
/// JUDGEMENTS_TEST_DB; without it, Testcontainers starts one in Docker). Each test class gets its own
/// database cloned from one migrated, seeded template, so classes run in parallel without seeing each
/// other's changes. As in production, the databases belong to the owner role (judgements_owner) and
/// the app serves through the read-only role (judgements_reader); the admin connection is the
/// superuser, for the tests' own set-up.
/// </summary>
public static class TestDatabase
{
    public const string OwnerRole = "judgements_owner";
    public const string ReaderRole = "judgements_reader";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;
    private static (string Owner, string Reader)? _passwords;

    /// <summary>JUDGEMENTS_TEST_DB, else a Testcontainers PostgreSQL (see <see cref="TestPostgres"/>).</summary>
    public static string AdminConnectionString => TestPostgres.AdminConnectionString;

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SeedDirectory => Path.Combine(RepoRoot, "seed-data");

    /// <summary>The superuser on <paramref name="database"/>: for tests that set up or inspect data behind the app's back.</summary>
    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public static string OwnerConnectionString(string database) => RoleConnectionString(database, OwnerRole, Passwords.Owner);

    public static string ReaderConnectionString(string database) => RoleConnectionString(database, ReaderRole, Passwords.Reader);

    private static string RoleConnectionString(string database, string role, string password) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Username = role, Password = password }.ConnectionString;

    private static (string Owner, string Reader) Passwords =>
        _passwords ?? throw new InvalidOperationException("The roles are made with the first database (CloneAsync or CreateEmptyAsync).");

    /// <summary>
    /// test.sh made the roles and says their passwords; against another server, make them here.
    /// </summary>
    private static async Task EnsureRolesAsync()
    {
        if (_passwords is not null) return;
        var owner = Environment.GetEnvironmentVariable("JUDGEMENTS_TEST_OWNER_PASSWORD");
        var reader = Environment.GetEnvironmentVariable("JUDGEMENTS_TEST_READER_PASSWORD");
        if (string.IsNullOrEmpty(owner) || string.IsNullOrEmpty(reader))
        {
            owner = Guid.NewGuid().ToString("N");
            reader = Guid.NewGuid().ToString("N");
            foreach (var (role, password) in new[] { (OwnerRole, owner), (ReaderRole, reader) })
                await AdminAsync($"""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role}; END IF;
                      ALTER ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{password}';
                    END $$
                    """);
        }
        _passwords = (owner, reader);
    }

    /// <summary>A new database holding the migrated, seeded dataset.</summary>
    public static async Task<string> CloneAsync()
    {
        var template = await TemplateAsync();
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        await AdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" OWNER {OwnerRole}");
        return name;
    }

    /// <summary>A new, empty database (not even migrated).</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        await EnsureRolesAsync();
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        await AdminAsync($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}");
        return name;
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> TemplateAsync()
    {
        if (_template is not null) return _template;
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            await EnsureRolesAsync();
            // test.sh builds the template with the service's own `import` command; without it, do the same in-process.
            var name = Environment.GetEnvironmentVariable("JUDGEMENTS_TEST_TEMPLATE");
            if (string.IsNullOrEmpty(name))
            {
                name = "judgements_template_tests";
                await AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                await AdminAsync($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}");
                await using (var db = NpgsqlDataSource.Create(OwnerConnectionString(name)))
                {
                    var migrator = new Migrator(db, NullLogger<Migrator>.Instance);
                    await migrator.MigrateAsync();
                    await migrator.GrantReadAsync(ReaderRole);
                    await new SeedImporter(db, new DatasetState(), NullLogger<SeedImporter>.Instance).ImportAsync(SeedDirectory);
                }
                NpgsqlConnection.ClearAllPools();
            }
            return _template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public static async Task AdminAsync(string sql)
    {
        // CREATE DATABASE … TEMPLATE fails while another clone is being made from it: retry briefly.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand(sql, conn);
                await cmd.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == "55006" && attempt < 20)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "JudgementsApi.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (the folder holding JudgementsApi.sln).");
    }
}
