using CsvHelper;

namespace JudgementsApi.Import;

/// <summary>One data row of a seed file, with the line it starts on for error messages.</summary>
public sealed class SeedRow(string file, int line, IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> fields)
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Where => $"{File}:{Line}";

    /// <summary>The field's text; empty means null.</summary>
    public string? this[string column] => fields[columns[column]] is { Length: > 0 } v ? v : null;
}

/// <summary>Reads the RFC 4180 files described in seed-data/FORMAT.md (parsed by CsvHelper).</summary>
public static class SeedCsv
{
    public static List<SeedRow> Read(string path, string file, IReadOnlyList<string> expectedHeader, List<string> errors)
    {
        var rows = new List<SeedRow>();
        if (!File.Exists(path))
        {
            errors.Add($"{file}: missing");
            return rows;
        }

        var bytes = File.ReadAllBytes(path);
        if (!IsStrictUtf8(bytes, file, errors)) return rows;
        var records = Parse(bytes, file, errors);
        if (records.Count == 0)
        {
            errors.Add($"{file}:1: empty file, expected the header {string.Join(",", expectedHeader)}");
            return rows;
        }

        var header = records[0].Fields;
        if (!header.SequenceEqual(expectedHeader))
        {
            errors.Add($"{file}:1: header is '{string.Join(",", header)}', expected '{string.Join(",", expectedHeader)}'");
            return rows;
        }

        var columns = expectedHeader.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length != expectedHeader.Count)
            {
                errors.Add($"{file}:{line}: {fields.Length} fields, expected {expectedHeader.Count}");
                continue;
            }
            rows.Add(new SeedRow(file, line, columns, fields));
        }
        return rows;
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Strict UTF-8: an invalid byte sequence (a mis-encoded name would otherwise go live with
    /// replacement characters) or a control character other than tab, CR and LF (PostgreSQL refuses
    /// NUL) is reported with its line, and the file is not read further.
    /// </summary>
    private static bool IsStrictUtf8(byte[] bytes, string file, List<string> errors)
    {
        var before = errors.Count;
        var line = 1;
        for (var i = BomLength(bytes); i <= bytes.Length; line++)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', i);
            if (end < 0) end = bytes.Length;
            var span = bytes.AsSpan(i, end - i);
            string? text = null;
            try { text = Strict.GetString(span); }
            catch (DecoderFallbackException) { errors.Add($"{file}:{line}: not valid UTF-8"); }
            if (text is not null)
                foreach (var c in text)
                    if (char.IsControl(c) && c is not ('\t' or '\r'))
                    {
                        errors.Add($"{file}:{line}: control character U+{(int)c:X4} ({(c == '\0' ? "NUL" : "not allowed in seed data")})");
                        break;
                    }
            i = end + 1;
        }
        return errors.Count == before;
    }

    private static int BomLength(byte[] bytes) => bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;

    /// <summary>Records in CSV text, the header included (a quoted field may span lines).</summary>
    public static int CountRecords(string text) => Parse(Encoding.UTF8.GetBytes(text), "", []).Count;

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        // Explicit, not detected: the header is checked against the expected one, and a
        // separator guessed from a damaged first line would misreport every row.
        Separator = ',', HasHeader = false, AllowLineBreaksInQuotes = true, SkipEmptyLines = true,
        // Messages name the line a record starts on, counting the lines inside quoted fields.
        TrackLineNumbers = true,
    };

    /// <summary>Every record with the line it starts on. A stray quote is read as text; a quote never closed is reported (its field runs to the end of the file).</summary>
    private static List<(int Line, string[] Fields)> Parse(byte[] bytes, string file, List<string> errors)
    {
        var options = Options with
        {
            OnMalformedRecord = r =>
            {
                if (r.Reason == CsvMalformedReason.UnterminatedQuote) errors.Add($"{file}:{r.LineNumber}: unterminated quoted field");
            },
        };
        var records = new List<(int, string[])>();
        using var csv = CsvReader.Create(bytes.AsMemory(BomLength(bytes)), options);
        while (csv.Read())
        {
            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = csv.GetString(i) ?? "";
            records.Add(((int)csv.LineNumber, fields));
        }
        return records;
    }
}
