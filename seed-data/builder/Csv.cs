using System.Text;

namespace JudgementsApi.SeedBuilder;

/// <summary>RFC 4180 CSV: writer (LF line endings, UTF-8 without BOM) and reader.</summary>
public static class Csv
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        bool quote = value.IndexOfAny([',', '"', '\n', '\r']) >= 0;
        return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public static string Format(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", header.Select(Escape))).Append('\n');
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
                throw new InvalidOperationException($"row has {row.Count} fields, header {header.Count}: {string.Join("|", row)}");
            sb.Append(string.Join(",", row.Select(Escape))).Append('\n');
        }
        return sb.ToString();
    }

    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
        => File.WriteAllText(path, Format(header, rows), new UTF8Encoding(false));

    /// <summary>Parses CSV text. A leading BOM is ignored; CRLF and LF both end records.
    /// With <paramref name="skipCommentLines"/>, lines starting with '#' outside quotes are skipped.</summary>
    public static List<string[]> Parse(string text, bool skipCommentLines = false)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false, atRecordStart = true, fieldQuoted = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (atRecordStart && skipCommentLines && c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
                i++;
                continue;
            }
            atRecordStart = false;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    inQuotes = false; i++; continue;
                }
                field.Append(c); i++; continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !fieldQuoted:
                    inQuotes = true; fieldQuoted = true; i++; break;
                case ',':
                    fields.Add(field.ToString()); field.Clear(); fieldQuoted = false; i++; break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    i++; break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear(); fieldQuoted = false;
                    if (!(fields.Count == 1 && fields[0].Length == 0)) records.Add([.. fields]);
                    fields.Clear(); atRecordStart = true; i++; break;
                default:
                    field.Append(c); i++; break;
            }
        }
        if (inQuotes) throw new FormatException("unterminated quoted field");
        if (field.Length > 0 || fields.Count > 0 || fieldQuoted)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
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
