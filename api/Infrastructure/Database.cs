using System.Data;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// Two roles: the service serves through <c>JUDGEMENTS_DB</c>, a read-only role (SELECT only), and
/// migrates and imports through <c>JUDGEMENTS_OWNER_DB</c>, the role that owns the tables. A
/// serving connection that cannot write cannot be made to drop tables or run programs.
/// </summary>
public static class Database
{
    public const string ServingVariable = "JUDGEMENTS_DB";
    public const string OwnerVariable = "JUDGEMENTS_OWNER_DB";

    /// <summary>The serving connection string: <c>JUDGEMENTS_DB</c> wins over <c>ConnectionStrings:Judgements</c>.</summary>
    public static string ServingRaw(IConfiguration config)
    {
        var raw = config[ServingVariable];
        if (string.IsNullOrWhiteSpace(raw)) raw = config.GetConnectionString("Judgements");
        if (string.IsNullOrWhiteSpace(raw))
            throw new StartupException(
                $"No database configured: set {ServingVariable} (or ConnectionStrings:Judgements) to a PostgreSQL connection string.");
        return raw;
    }

    /// <summary>The owner's connection string, or null when <c>JUDGEMENTS_OWNER_DB</c> is unset (then JUDGEMENTS_DB is tried).</summary>
    public static string? OwnerRaw(IConfiguration config) =>
        config[OwnerVariable] is { Length: > 0 } raw ? raw : config.GetConnectionString("JudgementsOwner") is { Length: > 0 } cs ? cs : null;

    /// <summary>The serving connection string with the service's defaults for what it does not set.</summary>
    public static string ConnectionString(IConfiguration config, int? maxPoolSize = null)
    {
        var raw = ServingRaw(config);
        var csb = new NpgsqlConnectionStringBuilder(raw);
        // Fail fast when the server is down or frozen, so requests and readiness answer 503 within
        // seconds rather than after Npgsql's 15 s connect and 30 s command defaults.
        if (!Has(raw, "Timeout")) csb.Timeout = config.GetValue("Judgements:ConnectTimeoutSeconds", 3);
        if (!Has(raw, "Command Timeout") && !Has(raw, "CommandTimeout")) csb.CommandTimeout = config.GetValue("Judgements:CommandTimeoutSeconds", 3);
        // A timed-out query is abandoned with its connection; waiting for the server to confirm the
        // cancellation would add seconds when the server is frozen.
        if (!Has(raw, "Cancellation Timeout")) csb.CancellationTimeout = -1;
        // Every query here is a fixed string, so preparing them all pays off.
        if (!Has(raw, "Max Auto Prepare")) csb.MaxAutoPrepare = 100;
        if (maxPoolSize is { } pool && !Has(raw, "Max Pool Size") && !Has(raw, "Maximum Pool Size")) csb.MaxPoolSize = pool;
        csb.ApplicationName ??= "judgements-api";
        return csb.ConnectionString;
    }

    /// <summary>The connection string for migrations and imports: the owner's, else JUDGEMENTS_DB's.</summary>
    public static string OwnerConnectionString(IConfiguration config)
    {
        var raw = OwnerRaw(config) ?? ServingRaw(config);
        var csb = new NpgsqlConnectionStringBuilder(raw);
        if (!Has(raw, "Timeout")) csb.Timeout = config.GetValue("Judgements:ConnectTimeoutSeconds", 3);
        // An import of a large dataset is one long transaction of COPYs.
        if (!Has(raw, "Command Timeout") && !Has(raw, "CommandTimeout")) csb.CommandTimeout = 600;
        csb.ApplicationName ??= "judgements-api-owner";
        return csb.ConnectionString;
    }

    /// <summary>
    /// The role to grant SELECT to after migrating: JUDGEMENTS_DB's user when it differs from the owner's.
    /// </summary>
    public static string? ReaderRole(IConfiguration config)
    {
        if (OwnerRaw(config) is not { } owner) return null;
        var reader = new NpgsqlConnectionStringBuilder(ServingRaw(config)).Username;
        return string.IsNullOrEmpty(reader) || reader == new NpgsqlConnectionStringBuilder(owner).Username ? null : reader;
    }

    private static bool Has(string raw, string keyword) => raw.Contains(keyword, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddJudgementsDatabase(this IServiceCollection services, IConfiguration config)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        services.AddSingleton<ServingLimits>();
        // Created on first use, after start-up has read the server's connection limit (ServingLimits).
        services.AddSingleton(sp => Named(ConnectionString(config, sp.GetRequiredService<ServingLimits>().MaxPoolSize), "serving"));
        services.AddSingleton(_ => new OwnerDatabase(Named(OwnerConnectionString(config), "owner"), OwnerRaw(config) is not null));
        return services;
    }

    /// <summary>Named, so the pool metrics say "serving" or "owner" rather than the connection string.</summary>
    private static NpgsqlDataSource Named(string connectionString, string name) =>
        new NpgsqlDataSourceBuilder(connectionString) { Name = name }.Build();

    /// <summary>Npgsql reads PostgreSQL <c>date</c> as DateTime by default; the API speaks DateOnly.</summary>
    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => DateOnly.Parse((string)value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>True for failures that mean "the database cannot be reached", which clients see as 503.</summary>
    public static bool IsUnavailable(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException or IOException } => true,
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" or "57014" } => true, // shutdown, crash, starting up, too many connections, cancelled
        TimeoutException => true,
        System.Net.Sockets.SocketException => true,
        _ => ex.InnerException is not null && IsUnavailable(ex.InnerException),
    };

    /// <summary>True when the role lacks a privilege (PostgreSQL's insufficient_privilege and must-be-owner errors).</summary>
    public static bool IsPermissionDenied(Exception ex) =>
        ex is PostgresException { SqlState: "42501" } || (ex.InnerException is { } inner && IsPermissionDenied(inner));
}

/// <summary>The owner role's data source, for migrations and imports only. <see cref="Explicit"/>: JUDGEMENTS_OWNER_DB was set.</summary>
public sealed record OwnerDatabase(NpgsqlDataSource Source, bool Explicit);

/// <summary>
/// The serving pool's size, set at start-up from the server's <c>max_connections</c>: a pool as large
/// as the server's limit lets one busy instance lock every other client out.
/// </summary>
public sealed class ServingLimits
{
    public int? MaxPoolSize { get; set; }

    /// <summary>
    /// Each instance takes 1/(instances + 1) of the connections ordinary roles may open, leaving a
    /// share for imports, operators and monitoring.
    /// </summary>
    public static int PoolSize(int maxConnections, int reserved, int instances) =>
        Math.Max(2, (maxConnections - reserved) / (Math.Max(1, instances) + 1));
}
