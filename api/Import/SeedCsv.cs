using System.Text;

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

/// <summary>Reads the RFC 4180 files described in seed-data/FORMAT.md.</summary>
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

        if (Decode(File.ReadAllBytes(path), file, errors) is not { } text) return rows;
        var records = Parse(text, file, errors);
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
            if (fields.Count != expectedHeader.Count)
            {
                errors.Add($"{file}:{line}: {fields.Count} fields, expected {expectedHeader.Count}");
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
    private static string? Decode(byte[] bytes, string file, List<string> errors)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var before = errors.Count;
        var line = 1;
        for (var i = start; i <= bytes.Length; line++)
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
        return errors.Count > before ? null : Strict.GetString(bytes, start, bytes.Length - start);
    }

    /// <summary>Records in CSV text, the header included (a quoted field may span lines).</summary>
    public static int CountRecords(string text) => Parse(text, "", []).Count;

    private static List<(int Line, List<string> Fields)> Parse(string text, string file, List<string> errors)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        bool quoted = false, any = false;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (!(fields.Count == 1 && fields[0].Length == 0)) records.Add((recordLine, fields));
            fields = [];
            any = false;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                if (c == '"') { quoted = false; i++; continue; }
                if (c == '\n') line++;
                field.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default: field.Append(c); any = true; break;
            }
            i++;
        }
        if (quoted) errors.Add($"{file}:{recordLine}: unterminated quoted field");
        if (any || field.Length > 0 || fields.Count > 0) EndRecord();
        return records;
    }
}
