using System.Text;
using CsvHelper;

namespace JudgementsApi.SeedBuilder;

/// <summary>RFC 4180 CSV through CsvHelper: writer (LF line endings, UTF-8 without BOM) and reader.</summary>
public static class Csv
{
    // LF, not the RFC's CRLF: the seed files are diffed line by line in git and their bytes are hashed into the manifest.
    private static readonly CsvWriterOptions Writing = CsvWriterOptions.Default with { NewLine = "\n" };

    private static readonly CsvReaderOptions Reading = CsvReaderOptions.Default with
    {
        Separator = ',', HasHeader = false, AllowLineBreaksInQuotes = true, SkipEmptyLines = true,
        // Stray quotes are read as text, as before; a quote never closed would swallow the rest of the file.
        OnMalformedRecord = r =>
        {
            if (r.Reason == CsvMalformedReason.UnterminatedQuote) throw new FormatException("unterminated quoted field");
        },
    };

    public static string Format(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, Writing, leaveOpen: true))
        {
            csv.WriteHeader([.. header]);
            foreach (var row in rows)
            {
                if (row.Count != header.Count)
                    throw new InvalidOperationException($"row has {row.Count} fields, header {header.Count}: {string.Join("|", row)}");
                foreach (var field in row) csv.WriteField(field);
                csv.EndRecord();
            }
        }
        return Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
    }

    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
        => File.WriteAllText(path, Format(header, rows), new UTF8Encoding(false));

    /// <summary>Parses CSV text. A leading BOM is ignored; CRLF and LF both end records; blank lines are skipped.
    /// With <paramref name="skipCommentLines"/>, lines starting with '#' outside quotes are skipped.</summary>
    public static List<string[]> Parse(string text, bool skipCommentLines = false)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        using var csv = CsvReader.FromText(text, skipCommentLines ? Reading with { CommentPrefix = '#' } : Reading);
        var records = new List<string[]>();
        while (csv.Read()) records.Add(csv.Current.ToArray());
        return records;
    }

    /// <summary>Reads a CSV file with a header row into dictionaries keyed by column name.</summary>
    public static List<Dictionary<string, string>> ReadDicts(string path, bool skipCommentLines = false)
        => ToDicts(Parse(File.ReadAllText(path, Encoding.UTF8), skipCommentLines));

    public static List<Dictionary<string, string>> ToDicts(List<string[]> records)
    {
        if (records.Count == 0) return [];
        var header = records[0];
        var list = new List<Dictionary<string, string>>();
        foreach (var r in records.Skip(1))
        {
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int k = 0; k < header.Length; k++) d[header[k]] = k < r.Length ? r[k] : "";
            list.Add(d);
        }
        return list;
    }
}
