using System.Globalization;

namespace JudgementsApi.SeedUpdater;

/// <summary>
/// The last successful run in Prometheus' text format (--metrics-file), for node_exporter's textfile
/// collector or a Pushgateway: Prometheus then alerts when the served dataset falls more than 14 days
/// behind what the updater found, or when the updater stops succeeding (docs/operations.md, Monitoring).
/// A failed run leaves the file as it was, so its timestamp stays that of the last success.
/// </summary>
public static class UpdaterMetrics
{
    public static string Render(DateTimeOffset finished, DateOnly? newestPublication, int added)
    {
        static string Gauge(string name, string help, double value) =>
            $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value.ToString("R", CultureInfo.InvariantCulture)}\n";
        var text = Gauge("judgements_updater_last_success_timestamp_seconds",
                       "When the dataset updater last finished without error (Unix time).", finished.ToUnixTimeSeconds())
                   + Gauge("judgements_updater_documents_added", "Documents the last successful run added to the source store.", added);
        if (newestPublication is { } day)
            text += Gauge("judgements_updater_data_as_of_timestamp_seconds",
                "The newest publication in the source store after the last successful run (Unix time, midnight UTC).",
                new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds());
        return text;
    }

    /// <summary>Written whole or not at all (the textfile collector must never read half a file).</summary>
    public static void Write(string path, DateTimeOffset finished, SourceStore store, int added) =>
        SourceStore.AtomicWrite(path, Render(finished, store.Rows.Count == 0 ? null : store.Rows.Max(r => r.Published), added));
}
