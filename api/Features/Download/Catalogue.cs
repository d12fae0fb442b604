using System.Text.Json.Nodes;

namespace JudgementsApi.Features.Download;

/// <summary>
/// The exported tables as the database defines them: each column's type and nullability, and the
/// primary, unique and foreign keys, read from PostgreSQL's catalogue so the data package's table
/// schemas can never disagree with the data (a column another change adds is described too). A
/// column's closed set of values (CHECK (kind IN ('monitoring_visit', 'jtai'))) becomes its enum.
/// </summary>
public sealed partial class Catalogue
{
    private sealed record Column(string Table, string Name, string Type, bool Nullable);
    private sealed record Constraint(string Table, char Kind, string[] Columns, string? RefTable, string[]? RefColumns);

    private readonly Dictionary<(string, string), Column> _columns;
    private readonly List<Constraint> _constraints;
    private readonly Dictionary<(string, string), string[]> _closedSets;

    private Catalogue(IEnumerable<Column> columns, IEnumerable<Constraint> constraints, Dictionary<(string, string), string[]> closedSets)
    {
        _columns = columns.ToDictionary(c => (c.Table, c.Name));
        _constraints = constraints.ToList();
        _closedSets = closedSets;
    }

    /// <summary>
    /// PostgreSQL's rendering of <c>CHECK (col IN ('a', 'b'))</c>: <c>CHECK ((col = ANY (ARRAY['a'::text, 'b'::text])))</c>.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^CHECK \(\((\w+) = ANY \(ARRAY\[((?:'[^']*'::text(?:, )?)+)\]\)\)\)$")]
    private static partial System.Text.RegularExpressions.Regex InCheck();

    [System.Text.RegularExpressions.GeneratedRegex(@"'([^']*)'::text")]
    private static partial System.Text.RegularExpressions.Regex Literal();

    private static async Task<Dictionary<(string, string), string[]>> ReadClosedSetsAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<string> tables)
    {
        var checks = await conn.QueryAsync<(string Table, string Definition)>("""
            SELECT t.relname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
            WHERE c.contype = 'c' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY (@Tables)
            """, new { Tables = tables.ToArray() }, tx);
        var sets = new Dictionary<(string, string), string[]>();
        foreach (var (table, definition) in checks)
            if (InCheck().Match(definition) is { Success: true } m)
                sets[(table, m.Groups[1].Value)] = Literal().Matches(m.Groups[2].Value).Select(l => l.Groups[1].Value).ToArray();
        return sets;
    }

    public static async Task<Catalogue> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<string> tables)
    {
        var columns = await conn.QueryAsync<(string, string, string, bool)>("""
            SELECT table_name, column_name, udt_name, is_nullable = 'YES'
            FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY (@Tables)
            """, new { Tables = tables.ToArray() }, tx);
        var constraints = await conn.QueryAsync<(string, string, string[], string?, string[]?)>("""
            SELECT t.relname, c.contype::text,
                   ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k (n, o)
                         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o),
                   r.relname,
                   ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k (n, o)
                         JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            LEFT JOIN pg_class r ON r.oid = c.confrelid
            WHERE c.contype IN ('p', 'u', 'f') AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY (@Tables)
            ORDER BY t.relname, c.conname
            """, new { Tables = tables.ToArray() }, tx);
        return new Catalogue(columns.Select(c => new Column(c.Item1, c.Item2, c.Item3, c.Item4)),
            constraints.Select(c => new Constraint(c.Item1, c.Item2[0], c.Item3, c.Item4, c.Item5)),
            await ReadClosedSetsAsync(conn, tx, tables));
    }

    public string[] PrimaryKey(string table) => _constraints.FirstOrDefault(c => c.Table == table && c.Kind == 'p')?.Columns ?? [];

    /// <summary>Frictionless type of a PostgreSQL column type; lists (text[]) are written ';'-separated, as in seed-data.</summary>
    private static (string Type, string? Format) FieldType(string udt) => udt switch
    {
        "date" => ("date", null),
        "int2" or "int4" or "int8" => ("integer", null),
        "numeric" or "float4" or "float8" => ("number", null),
        "bool" => ("boolean", null),
        "timestamptz" or "timestamp" => ("datetime", null),
        _ => ("string", null),
    };

    /// <summary>One data resource: its file and table schema. Keys are kept only where every column they name is exported.</summary>
    public JsonObject Resource(string table, string path, IReadOnlyList<string> fields, IReadOnlyCollection<string> exported)
    {
        var fieldsJson = new JsonArray();
        foreach (var name in fields)
        {
            var column = _columns[(table, name)];
            var (type, _) = FieldType(column.Type);
            var field = new JsonObject
            {
                ["name"] = name,
                ["type"] = type,
                ["description"] = FieldDescriptions.For(table, name, column.Type.StartsWith('_')),
            };
            if (type == "date") field["format"] = "%Y-%m-%d";
            var constraints = new JsonObject();
            // An empty list is written as an empty field, so a list column is never "required".
            if (!column.Nullable && !column.Type.StartsWith('_')) constraints["required"] = true;
            if (_constraints.Any(c => c.Table == table && c.Kind == 'u' && c.Columns.Length == 1 && c.Columns[0] == name))
                constraints["unique"] = true;
            if (_closedSets.TryGetValue((table, name), out var values))
                constraints["enum"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            if (constraints.Count > 0) field["constraints"] = constraints;
            fieldsJson.Add(field);
        }

        var schema = new JsonObject { ["fields"] = fieldsJson, ["missingValues"] = new JsonArray("") };
        var primary = PrimaryKey(table);
        if (primary.Length > 0 && primary.All(fields.Contains)) schema["primaryKey"] = new JsonArray(primary.Select(p => (JsonNode)p!).ToArray());
        var foreign = new JsonArray();
        foreach (var fk in _constraints.Where(c => c.Table == table && c.Kind == 'f'
                     && c.Columns.All(fields.Contains) && c.RefTable is not null && exported.Contains(c.RefTable)))
            foreign.Add(new JsonObject
            {
                ["fields"] = new JsonArray(fk.Columns.Select(c => (JsonNode)c!).ToArray()),
                ["reference"] = new JsonObject
                {
                    ["resource"] = fk.RefTable,
                    ["fields"] = new JsonArray(fk.RefColumns!.Select(c => (JsonNode)c!).ToArray()),
                },
            });
        if (foreign.Count > 0) schema["foreignKeys"] = foreign;

        return new JsonObject
        {
            ["name"] = table,
            ["path"] = path,
            ["profile"] = "tabular-data-resource",
            ["format"] = "csv",
            ["mediatype"] = "text/csv",
            ["encoding"] = "utf-8",
            ["dialect"] = new JsonObject { ["delimiter"] = ",", ["lineTerminator"] = "\n", ["header"] = true },
            ["description"] = FieldDescriptions.ForTable(table),
            ["schema"] = schema,
        };
    }

    /// <summary>
    /// The row order of each seed file, where it is not the primary key's, so an export reproduces
    /// the committed files byte for byte. Text sorts by code point (COLLATE "C"), as the builder sorts.
    /// </summary>
    private static readonly Dictionary<string, string> SeedOrder = new()
    {
        ["grades"] = "rank, code COLLATE \"C\"",
        ["framework_versions"] = "effective_from",
        ["framework_version_areas"] = "framework_version COLLATE \"C\", display_order",
        ["inspections"] = "published, id COLLATE \"C\"",
        ["focused_visits"] = "letter_date, id COLLATE \"C\"",
        // As the builder writes them (VisitLetters): by letter date, council, then source file.
        ["visits"] = "letter_date, council_code COLLATE \"C\", source COLLATE \"C\"",
        // In the order of the visits they belong to.
        ["focused_visit_priority_actions"] =
            "(SELECT v.letter_date FROM focused_visits v WHERE v.id = focused_visit_id), focused_visit_id COLLATE \"C\", position",
        // Inspections' points in the inspections' order, then focused visits' in the visits' order.
        ["improvement_points"] = "inspection_id IS NULL, (SELECT i.published FROM inspections i WHERE i.id = inspection_id), "
            + "inspection_id COLLATE \"C\", (SELECT v.letter_date FROM focused_visits v WHERE v.id = focused_visit_id), "
            + "focused_visit_id COLLATE \"C\", position",
        ["national_framework_tags"] = "kind DESC, number",
        ["improvement_themes"] = "rule_order",
    };

    private string RowOrder(string table) => SeedOrder.TryGetValue(table, out var order) ? order
        : string.Join(", ", PrimaryKey(table).Select(c => _columns[(table, c)].Type is "text" or "varchar" ? $"{Quote(c)} COLLATE \"C\"" : Quote(c)));

    /// <summary>Writes a table as CSV in the seed files' format (FORMAT.md: RFC 4180 quoting, LF line endings, their value formats and row order).</summary>
    public async Task WriteCsvAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string table, IReadOnlyList<string> columns, Stream output)
    {
        // Table and column names come from SeedSet.Headers, a fixed list, never from a request.
        var orderBy = RowOrder(table);
        var sql = $"SELECT {string.Join(", ", columns.Select(Quote))} FROM {Quote(table)}" + (orderBy.Length > 0 ? $" ORDER BY {orderBy}" : "");
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync(string.Join(",", columns.Select(Escape)));
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0) writer.Write(',');
                writer.Write(Escape(Format(reader.GetFieldType(i) == typeof(DateTime) && reader.GetDataTypeName(i) == "date"
                    ? reader.IsDBNull(i) ? null : DateOnly.FromDateTime(reader.GetDateTime(i))
                    : reader.GetValue(i))));
            }
            await writer.WriteLineAsync();
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static string Format(object? value) => value switch
    {
        null or DBNull => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string[] list => string.Join(';', list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
