using System.Security.Cryptography;

namespace JudgementsApi.Import;

/// <summary>
/// seed-data/manifest.csv (<c>file,rows,sha256</c>), written by the builder for every CSV file it
/// writes. The importer refuses a folder that differs from it: a changed byte (a mangled character),
/// a file cut short at a line boundary (which would otherwise be valid, and smaller), a file missing
/// or one the builder did not write.
/// </summary>
public static class SeedManifest
{
    public const string FileName = "manifest.csv";
    public static readonly string[] Header = ["file", "rows", "sha256"];

    public sealed record Entry(string File, int Rows, string Sha256);

    /// <summary>What the manifest of a folder's CSV files would say now (for tools and tests that write seed folders).</summary>
    public static List<Entry> Compute(string directory) =>
        Directory.GetFiles(directory, "*.csv")
            .Select(Path.GetFileName).OfType<string>()
            .Where(f => f != FileName)
            .Order(StringComparer.Ordinal)
            .Select(f => EntryFor(f, File.ReadAllBytes(Path.Combine(directory, f))))
            .ToList();

    /// <summary>A file's line in the manifest: its name, its rows (not counting the header) and the SHA-256 of its bytes.</summary>
    public static Entry EntryFor(string file, byte[] bytes) =>
        new(file, SeedCsv.CountRecords(Encoding.UTF8.GetString(bytes)) - 1, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    /// <summary>
    /// The manifest's bytes as the builder writes them (LF line endings, UTF-8 without BOM). No field
    /// needs quoting: names are file names ending .csv without commas, the rest digits and hex.
    /// </summary>
    public static byte[] Bytes(IEnumerable<Entry> entries) =>
        Encoding.UTF8.GetBytes(string.Join(',', Header) + "\n"
            + string.Concat(entries.Select(e => $"{e.File},{e.Rows.ToString(CultureInfo.InvariantCulture)},{e.Sha256}\n")));

    /// <summary>Writes the manifest of a folder's CSV files, as the builder does.</summary>
    public static void Write(string directory) => File.WriteAllBytes(Path.Combine(directory, FileName), Bytes(Compute(directory)));

    /// <summary>
    /// Checks the folder against its manifest; adds a message per difference. Returns the manifest's
    /// row count per file, for the reader to compare with what it parsed.
    /// </summary>
    public static Dictionary<string, int> Verify(string directory, IEnumerable<string> required, List<string> errors)
    {
        var listed = new Dictionary<string, int>(StringComparer.Ordinal);
        var requiredFiles = required.ToList();
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            errors.Add($"{FileName}: missing; the seed-data builder writes it with every file's rows and SHA-256, and nothing is imported without it");
            return listed;
        }

        foreach (var row in SeedCsv.Read(path, FileName, Header, errors))
        {
            var file = row["file"] ?? "";
            if (!int.TryParse(row["rows"], NumberStyles.None, CultureInfo.InvariantCulture, out var rows) || row["sha256"] is not { Length: 64 } sha
                || file.Contains('/') || file.Contains('\\') || !file.EndsWith(".csv", StringComparison.Ordinal))
            {
                errors.Add($"{row.Where}: not a manifest entry (file,rows,sha256)");
                continue;
            }
            if (!listed.TryAdd(file, rows))
            {
                errors.Add($"{row.Where}: {file} is listed twice");
                continue;
            }
            var target = Path.Combine(directory, file);
            if (!File.Exists(target))
            {
                errors.Add($"{file}: missing (listed in {FileName})");
                continue;
            }
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(target)));
            if (!string.Equals(actual, sha, StringComparison.OrdinalIgnoreCase))
                errors.Add($"{file}: its SHA-256 is {actual[..12]}…, {FileName} says {sha[..Math.Min(12, sha.Length)]}… (line {row.Line}): the file was changed after it was built");
        }

        foreach (var file in requiredFiles.Where(f => !listed.ContainsKey(f)))
            errors.Add($"{file}: not listed in {FileName}");
        foreach (var file in Directory.GetFiles(directory, "*.csv").Select(Path.GetFileName).OfType<string>()
                     .Where(f => f != FileName && !listed.ContainsKey(f) && !requiredFiles.Contains(f)).Order(StringComparer.Ordinal))
            errors.Add($"{file}: not listed in {FileName}, so not written by the builder");
        return listed;
    }
}
