using System.Security.Cryptography;
using System.Text;

namespace JudgementsApi.SeedBuilder;

/// <summary>
/// manifest.csv: every CSV file this build wrote, with its data rows and SHA-256 (seed-data/FORMAT.md).
/// The importer refuses a folder that differs from it.
/// </summary>
public static class Manifest
{
    public const string FileName = "manifest.csv";

    public static void Write(string seedDir, IEnumerable<string> written)
    {
        var rows = written.Where(f => f.EndsWith(".csv", StringComparison.Ordinal) && f != FileName)
            .Distinct().Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var bytes = File.ReadAllBytes(Path.Combine(seedDir, f));
                var records = Csv.Parse(Encoding.UTF8.GetString(bytes)).Count - 1;
                return new[] { f, records.ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.ToHexStringLower(SHA256.HashData(bytes)) };
            });
        Csv.Write(Path.Combine(seedDir, FileName), ["file", "rows", "sha256"], rows);
    }
}
