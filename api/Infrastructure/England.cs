namespace JudgementsApi.Infrastructure;

/// <summary>The calendar the data lives in: reports are dated in UK time.</summary>
public static class England
{
    private static readonly TimeZoneInfo? London = FindLondon();

    /// <summary>Today in England, by the app's TimeProvider (so tests can move the clock).</summary>
    public static DateOnly Today(HttpContext http) => Today(http.RequestServices.GetRequiredService<TimeProvider>());

    public static DateOnly Today(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return DateOnly.FromDateTime(London is null ? now : TimeZoneInfo.ConvertTimeFromUtc(now, London));
    }

    private static TimeZoneInfo? FindLondon()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException) { return null; }
    }
}
