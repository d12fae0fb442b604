using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using JudgementsApi.Features;
using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Inspections;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// An <c>[AsParameters]</c> record of query values bound as text. <see cref="ApiConventionsFilter"/>
/// calls <see cref="ReadAsync"/> on every such argument before the handler runs and answers one 400
/// naming every bad parameter; a handler only ever sees a record whose typed values are set.
/// </summary>
public interface IQueryRecord
{
    /// <summary>Parses and checks each value, recording an error in <paramref name="q"/> for each bad one.</summary>
    ValueTask ReadAsync(QueryReader q);
}

/// <summary>limit, offset and format: shared by every paged collection that also answers CSV.</summary>
public sealed record ListQuery(
    [property: Description("Page size, 1 to 500 (default 50)."), IntExample(50, 1, Paging.MaxLimit, Paging.DefaultLimit)] string? Limit,
    [property: Description("Rows to skip."), IntExample(0, 0, Default = 0)] string? Offset,
    [property: Description("json (default) or csv (every matching row); `Accept: text/csv` does the same."), FormatExample] string? Format) : IQueryRecord
{
    public Paging Paging { get; private set; } = new(Paging.DefaultLimit, 0);

    public ValueTask ReadAsync(QueryReader q)
    {
        Paging = Paging.Read(q, Limit, Offset);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Reads query values as text and checks them itself, so one response can name every bad
/// parameter (model binding would stop at the first).
/// </summary>
public sealed class QueryReader(HttpContext http, List<ParameterError> errors)
{
    public HttpContext Http => http;
    public bool Failed => errors.Count > 0;

    /// <summary>The codes of the loaded dataset (kept in memory until its version changes).</summary>
    public Task<Vocabulary> VocabularyAsync() => http.RequestServices.GetRequiredService<VocabularySource>().GetAsync();

    /// <summary>For the few checks that need the dataset itself (the days the statistics can describe, a framework's scale).</summary>
    public ValueTask<NpgsqlConnection> OpenConnectionAsync() => http.RequestServices.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();

    public void Add(string parameter, string message, IReadOnlyList<string>? allowed = null) =>
        errors.Add(new ParameterError(parameter, message, allowed));

    public int Int(string name, string? raw, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(raw)) return fallback;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Add(name, $"'{raw}' is not a whole number from {min} to {max}.");
        return fallback;
    }

    public DateOnly? Date(string name, string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Add(name, $"'{raw}' is not a date in the form YYYY-MM-DD.");
        return null;
    }

    public bool? Bool(string name, string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        if (raw.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        if (raw.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        Add(name, $"'{raw}' is not a boolean.", ["true", "false"]);
        return null;
    }

    /// <summary>A code from a fixed set (case-insensitive); returns it in its canonical spelling.</summary>
    public string? OneOf(string name, string? raw, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        var match = allowed.FirstOrDefault(a => a.Equals(raw, StringComparison.OrdinalIgnoreCase));
        if (match is null) Add(name, $"'{raw}' is not a known value for {name}.", allowed.ToList());
        return match;
    }

    /// <summary>Two dates that must be in order.</summary>
    public void Ordered(string fromName, DateOnly? from, string toName, DateOnly? to)
    {
        if (from is { } f && to is { } t && t < f) Add(toName, $"{toName} ({t:yyyy-MM-dd}) is before {fromName} ({f:yyyy-MM-dd}).");
    }

    /// <summary>A region by ONS code or slug.</summary>
    public async Task<RegionRef?> RegionAsync(string name, string? raw) => (await VocabularyAsync()).ReadRegion(this, name, raw);

    /// <summary>A comma-separated list of councils (codes, slugs or names; at most <see cref="CouncilsEndpoints.MaxCouncils"/>); null when absent.</summary>
    public Task<List<CouncilRef>?> CouncilsAsync(string name, string? raw) =>
        http.RequestServices.GetRequiredService<CouncilNames>().ReadListAsync(this, name, raw, CouncilsEndpoints.MaxCouncils);
}

/// <summary>The query parameters an endpoint binds, found by reflection over its handler (cached per endpoint by callers).</summary>
public static class QueryRecords
{
    /// <summary>Each query name with the record property that declares it (null for a plain handler parameter such as a route id).</summary>
    public static IEnumerable<(string Name, PropertyInfo? Property)> Parameters(MethodInfo method)
    {
        foreach (var p in method.GetParameters())
        {
            if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var ctorParam in p.ParameterType.GetConstructors().SelectMany(c => c.GetParameters()))
                {
                    var property = p.ParameterType.GetProperty(ctorParam.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                    var name = ctorParam.GetCustomAttribute<FromQueryAttribute>()?.Name
                               ?? property?.GetCustomAttribute<FromQueryAttribute>()?.Name
                               ?? JsonNamingPolicy.CamelCase.ConvertName(ctorParam.Name!);
                    yield return (name, property);
                }
            }
            else if (p.ParameterType == typeof(string) || p.ParameterType.IsValueType)
            {
                yield return (p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!, null);
            }
        }
    }
}
