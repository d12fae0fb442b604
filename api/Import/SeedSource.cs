using System.IO.Compression;

namespace JudgementsApi.Import;

/// <summary>
/// Where an import reads its CSV files and manifest: a seed-data folder, the folder the whole-dataset
/// download unzips to (its files are under data/), or the downloaded zip itself, unpacked into a
/// temporary folder that is removed afterwards.
/// </summary>
public sealed class SeedSource : IDisposable
{
    private readonly string? _unpacked;

    private SeedSource(string folder, string? unpacked)
    {
        Folder = folder;
        _unpacked = unpacked;
    }

    /// <summary>The folder holding manifest.csv and the CSV files.</summary>
    public string Folder { get; }

    public static SeedSource Open(string path)
    {
        if (!File.Exists(path)) return new SeedSource(DataFolder(path), null);
        var unpacked = Path.Combine(Path.GetTempPath(), "judgements-import-" + Guid.NewGuid().ToString("N"));
        try
        {
            ZipFile.ExtractToDirectory(path, unpacked);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(unpacked)) Directory.Delete(unpacked, recursive: true);
            throw new SeedValidationException([$"{path}: not a dataset zip that can be unpacked ({ex.Message})"]);
        }
        return new SeedSource(DataFolder(unpacked), unpacked);
    }

    /// <summary>The folder itself, or its data/ when that is where the manifest is (the download's layout).</summary>
    private static string DataFolder(string folder)
    {
        var data = Path.Combine(folder, "data");
        return !File.Exists(Path.Combine(folder, SeedManifest.FileName)) && File.Exists(Path.Combine(data, SeedManifest.FileName)) ? data : folder;
    }

    public void Dispose()
    {
        if (_unpacked is not null && Directory.Exists(_unpacked)) Directory.Delete(_unpacked, recursive: true);
    }
}
