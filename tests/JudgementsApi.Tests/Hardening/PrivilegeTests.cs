namespace JudgementsApi.Tests.Hardening;

/// <summary>The service serves through a read-only role; only the owner role migrates and imports.</summary>
public class PrivilegeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>The committed seed data's judgements, as its manifest states.</summary>
    private static long JudgementsInSeed => long.Parse(File.ReadAllLines(Path.Combine(TestDatabase.SeedDirectory, "manifest.csv"))
        .Single(l => l.StartsWith("judgements.csv,", StringComparison.Ordinal)).Split(',')[1]);

    private async Task<NpgsqlConnection> ServingConnectionAsync()
    {
        _ = api.CreateClient(); // starts the app
        return await api.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
    }

    [Fact]
    public async Task NoOwnerConnectionStaysOpenWhileServing()
    {
        await using var serving = await ServingConnectionAsync(); // the app has migrated (as the owner) and serves
        await using var admin = api.OpenDatabase();
        Assert.Equal(0, await admin.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'judgements-api-owner'"));
    }

    [Theory]
    [InlineData("CREATE TABLE intruder (id int)")]
    [InlineData("DELETE FROM judgements")]
    [InlineData("UPDATE judgements SET grade = 'outstanding'")]
    [InlineData("INSERT INTO regions (code, name, slug) VALUES ('X', 'X', 'x')")]
    [InlineData("TRUNCATE councils CASCADE")]
    [InlineData("DROP TABLE focused_visits")]
    [InlineData("COPY (SELECT 1) TO PROGRAM 'true'")]
    [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'")]
    [InlineData("CREATE TEMPORARY TABLE scratch (id int)")]
    public async Task TheServingConnectionCannotWrite(string sql)
    {
        await using var conn = await ServingConnectionAsync();
        var ex = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(sql));
        Assert.Equal("42501", ex.SqlState); // insufficient_privilege
        await using var admin = api.OpenDatabase();
        Assert.Equal(JudgementsInSeed, await admin.ExecuteScalarAsync<long>("SELECT count(*) FROM judgements"));
    }

    [Fact]
    public async Task TheServingRoleIsNotSuperuserCannotCreateInTheSchemaAndReadsEveryTable()
    {
        await using var conn = await ServingConnectionAsync();
        var (user, super, create, createDb, createRole) = await conn.QueryFirstAsync<(string, bool, bool, bool, bool)>("""
            SELECT current_user::text, rolsuper, has_schema_privilege('public', 'CREATE'), rolcreatedb, rolcreaterole
            FROM pg_roles WHERE rolname = current_user
            """);
        Assert.Equal(TestDatabase.ReaderRole, user);
        Assert.False(super);
        Assert.False(create);
        Assert.False(createDb);
        Assert.False(createRole);
        var unreadable = (await conn.QueryAsync<string>("""
            SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' AND NOT has_table_privilege(format('%I.%I', schemaname, tablename), 'SELECT')
            """)).ToList();
        Assert.Empty(unreadable);
    }

    [Fact]
    public async Task OnlyTheServingRoleMayConnectAndNobodyMayCreateTemporaryTables()
    {
        await using (await ServingConnectionAsync()) { }
        await using var admin = api.OpenDatabase();
        var (publicConnect, publicTemp, readerConnect, readerTemp) = await admin.QueryFirstAsync<(bool, bool, bool, bool)>("""
            SELECT has_database_privilege('public', current_database(), 'CONNECT'),
                   has_database_privilege('public', current_database(), 'TEMP'),
                   has_database_privilege(@reader, current_database(), 'CONNECT'),
                   has_database_privilege(@reader, current_database(), 'TEMP')
            """, new { reader = TestDatabase.ReaderRole });
        Assert.False(publicConnect);
        Assert.False(publicTemp);
        Assert.True(readerConnect);
        Assert.False(readerTemp);
    }

    [Fact]
    public async Task ATableALaterMigrationCreatesIsReadableByTheServingRole()
    {
        // As a later migration would: created by the owner, without naming the serving role.
        await using (var owner = new NpgsqlConnection(TestDatabase.OwnerConnectionString(api.DatabaseName)))
        {
            await owner.OpenAsync();
            await owner.ExecuteAsync("CREATE TABLE later_migration_table (id int); INSERT INTO later_migration_table VALUES (7)");
        }
        await using var conn = await ServingConnectionAsync();
        Assert.Equal(7, await conn.ExecuteScalarAsync<int>("SELECT id FROM later_migration_table"));
    }

    [Fact]
    public async Task ThePoolIsSmallerThanTheServersConnectionLimit()
    {
        await using var conn = await ServingConnectionAsync();
        var max = await conn.ExecuteScalarAsync<int>("SELECT current_setting('max_connections')::int");
        var pool = new NpgsqlConnectionStringBuilder(api.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString).MaxPoolSize;
        Assert.InRange(pool, 2, max / 2);
    }

    [Fact]
    public async Task TheServiceRefusesToServeAsASuperuserUnlessAllowed()
    {
        var (exit, output) = await ServiceProcess.RunAsync(new Dictionary<string, string>
        {
            ["JUDGEMENTS_DB"] = TestDatabase.ConnectionString(api.DatabaseName),
        });
        Assert.Equal(1, exit);
        Assert.Contains("superuser", output);
        Assert.Contains("Judgements__AllowSuperuser=true", output);
    }

    [Fact]
    public async Task MigratingWithOnlyTheReadOnlyRoleFailsWithAClearMessage()
    {
        var empty = await TestDatabase.CreateEmptyAsync();
        try
        {
            var (exit, output) = await ServiceProcess.RunAsync(new Dictionary<string, string>
            {
                ["JUDGEMENTS_DB"] = TestDatabase.ReaderConnectionString(empty),
            }, "migrate");
            Assert.Equal(1, exit);
            Assert.Contains($"Set {Database.OwnerVariable}", output);
            Assert.DoesNotContain("   at ", output);
        }
        finally
        {
            await TestDatabase.DropAsync(empty);
        }
    }
}
