using System.Data;
using Dapper;
using Npgsql;

namespace JudgementsApi.Infrastructure;

public static class Database
{
    /// <summary>The connection string: <c>JUDGEMENTS_DB</c> wins over <c>ConnectionStrings:Judgements</c>.</summary>
    public static string ConnectionString(IConfiguration config)
    {
        var raw = config["JUDGEMENTS_DB"];
        if (string.IsNullOrWhiteSpace(raw)) raw = config.GetConnectionString("Judgements");
        if (string.IsNullOrWhiteSpace(raw))
            throw new StartupException(
                "No database configured: set JUDGEMENTS_DB (or ConnectionStrings:Judgements) to a PostgreSQL connection string.");

        var csb = new NpgsqlConnectionStringBuilder(raw);
        // Fail fast when the server is down, so readiness turns 503 within seconds rather than after 15 s.
        if (!raw.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) csb.Timeout = 3;
        // Every query here is a fixed string, so preparing them all pays off.
        if (!raw.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)) csb.MaxAutoPrepare = 100;
        csb.ApplicationName ??= "judgements-api";
        return csb.ConnectionString;
    }

    public static IServiceCollection AddJudgementsDatabase(this IServiceCollection services, IConfiguration config)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        services.AddSingleton(_ => NpgsqlDataSource.Create(ConnectionString(config)));
        return services;
    }

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
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" } => true, // shutdown, crash, starting up, too many connections
        TimeoutException => true,
        System.Net.Sockets.SocketException => true,
        _ => ex.InnerException is not null && IsUnavailable(ex.InnerException),
    };
}
