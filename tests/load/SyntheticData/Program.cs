// Writes a synthetic seed-data folder N times the size of a real one, for the load benchmark
// (tests/load/bench.sh --scale N). The output follows seed-data/FORMAT.md, so the service's own
// importer loads (and validates) it:
//   - the reference files (regions, grades, frameworks, framework versions, judgement areas and
//     the areas each version grades) are copied byte for byte;
//   - councils, successions, statistical neighbours, inspections, judgements, focused visits,
//     improvement points and the other visits (monitoring visits, JTAIs) are repeated N times. Copy 0
//     is the real data unchanged (so every real code and id still resolves); copy k >= 1 suffixes
//     codes with Xkkk, slugs with -xkkk and the report file a point was read from with -xkkk, and
//     rewrites the ids built from slugs, each reference remapped to the council of the same copy.
//
// usage: SyntheticData <seed-data folder> <output folder> <scale>
using System.Globalization;
using System.Text;

if (args.Length != 3 || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var scale) || scale < 1)
{
    Console.Error.WriteLine("usage: SyntheticData <seed-data folder> <output folder> <scale (>= 1)>");
    return 2;
}
var (source, target) = (args[0], args[1]);
try
{
    var counts = Generator.Run(source, target, scale);
    Console.WriteLine($"Wrote {target} (x{scale}): " + string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}")));
    return 0;
}
catch (GeneratorException ex)
{
    Console.Error.WriteLine($"SyntheticData: {ex.Message}");
    return 1;
}

sealed class GeneratorException(string message) : Exception(message);

static class Generator
{
    static readonly string[] ReferenceFiles =
    [
        "regions.csv", "grades.csv", "frameworks.csv", "framework_versions.csv", "judgement_areas.csv", "framework_version_areas.csv",
        "national_framework_tags.csv", "improvement_themes.csv",
    ];

    public static Dictionary<string, int> Run(string source, string target, int scale)
    {
        if (!Directory.Exists(source)) throw new GeneratorException($"{source}: no such directory");
        Directory.CreateDirectory(target);
        foreach (var file in ReferenceFiles)
        {
            var from = Path.Combine(source, file);
            if (!File.Exists(from)) throw new GeneratorException($"{from}: missing");
            File.Copy(from, Path.Combine(target, file), overwrite: true);
        }

        var councils = Csv.Load(source, "councils.csv");
        var successions = Csv.Load(source, "council_successions.csv");
        var neighbours = Csv.Load(source, "statistical_neighbours.csv");
        var inspections = Csv.Load(source, "inspections.csv");
        var judgements = Csv.Load(source, "judgements.csv");
        var visits = Csv.Load(source, "focused_visits.csv");
        var areas = Csv.Load(source, "focused_visit_priority_actions.csv");
        var otherVisits = Csv.Load(source, "visits.csv");
        var points = Csv.Load(source, "improvement_points.csv");

        // The slug of each council, to rewrite ids of the form <council slug>-<date>[...].
        var slugOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in councils.Rows) slugOf[c[councils["code"]]] = c[councils["slug"]];

        var outCouncils = councils.Empty();
        var outSuccessions = successions.Empty();
        var outNeighbours = neighbours.Empty();
        var outInspections = inspections.Empty();
        var outJudgements = judgements.Empty();
        var outVisits = visits.Empty();
        var outAreas = areas.Empty();
        var outOtherVisits = otherVisits.Empty();
        var outPoints = points.Empty();

        for (var k = 0; k < scale; k++)
        {
            string Code(string code) => k == 0 || code.Length == 0 ? code : $"{code}X{k:D3}";
            string SlugSuffix(string slug) => k == 0 ? slug : $"{slug}-x{k:D3}";
            string Id(string id, string councilCode)
            {
                if (k == 0) return id;
                // <council slug>-<rest> keeps its shape with the copy's slug; anything else is suffixed.
                return slugOf.TryGetValue(councilCode, out var slug) && id.StartsWith(slug + "-", StringComparison.Ordinal)
                    ? SlugSuffix(slug) + id[slug.Length..]
                    : $"{id}-x{k:D3}";
            }

            CopyRows(councils, outCouncils, (r, o) =>
            {
                o[councils["code"]] = Code(r[councils["code"]]);
                o[councils["la_code"]] = Code(r[councils["la_code"]]);
                o[councils["ofsted_urn"]] = Code(r[councils["ofsted_urn"]]);
                if (k > 0) o[councils["name"]] = $"{r[councils["name"]]} (synthetic {k})";
                o[councils["slug"]] = SlugSuffix(r[councils["slug"]]);
                o[councils["former_codes"]] = string.Join(';',
                    r[councils["former_codes"]].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Code));
            });
            CopyRows(successions, outSuccessions, (r, o) =>
            {
                o[successions["predecessor_code"]] = Code(r[successions["predecessor_code"]]);
                o[successions["successor_code"]] = Code(r[successions["successor_code"]]);
            });
            CopyRows(neighbours, outNeighbours, (r, o) =>
            {
                o[neighbours["council_code"]] = Code(r[neighbours["council_code"]]);
                o[neighbours["neighbour_code"]] = Code(r[neighbours["neighbour_code"]]);
            });
            var inspectionIds = new Dictionary<string, string>(StringComparer.Ordinal);
            CopyRows(inspections, outInspections, (r, o) =>
            {
                var council = r[inspections["council_code"]];
                var id = r[inspections["id"]];
                o[inspections["id"]] = inspectionIds[id] = Id(id, council);
                o[inspections["council_code"]] = Code(council);
            });
            CopyRows(judgements, outJudgements, (r, o) =>
            {
                var id = r[judgements["inspection_id"]];
                // An id no inspection has is left as it is: the importer reports it, as it would for the real data.
                o[judgements["inspection_id"]] = inspectionIds.TryGetValue(id, out var mapped) ? mapped : id;
            });
            var visitIds = new Dictionary<string, string>(StringComparer.Ordinal);
            CopyRows(visits, outVisits, (r, o) =>
            {
                var council = r[visits["council_code"]];
                o[visits["id"]] = visitIds[r[visits["id"]]] = Id(r[visits["id"]], council);
                o[visits["council_code"]] = Code(council);
            });
            CopyRows(areas, outAreas, (r, o) =>
            {
                var id = r[areas["focused_visit_id"]];
                o[areas["focused_visit_id"]] = visitIds.TryGetValue(id, out var mapped) ? mapped : id;
            });
            CopyRows(otherVisits, outOtherVisits, (r, o) =>
            {
                var council = r[otherVisits["council_code"]];
                o[otherVisits["id"]] = Id(r[otherVisits["id"]], council);
                o[otherVisits["council_code"]] = Code(council);
            });
            CopyRows(points, outPoints, (r, o) =>
            {
                var (inspection, visit) = (r[points["inspection_id"]], r[points["focused_visit_id"]]);
                o[points["inspection_id"]] = inspectionIds.TryGetValue(inspection, out var i) ? i : inspection;
                o[points["focused_visit_id"]] = visitIds.TryGetValue(visit, out var v) ? v : visit;
                o[points["council_code"]] = Code(r[points["council_code"]]);
                // (source, position) is unique: a copy's points name a copy of the report's text file.
                var file = r[points["source"]];
                if (k > 0) o[points["source"]] = Path.ChangeExtension(file, null) + $"-x{k:D3}" + Path.GetExtension(file);
            });
        }

        Unique(outCouncils, "code"); Unique(outCouncils, "slug");
        Unique(outInspections, "id"); Unique(outVisits, "id"); Unique(outOtherVisits, "id");

        // Row order as FORMAT.md states it.
        outCouncils.Sort("code");
        outSuccessions.Sort("predecessor_code", "successor_code");
        outNeighbours.Sort("council_code", "#rank");
        outInspections.Sort("published", "id");
        outJudgements.Sort("inspection_id", "area_code");
        outVisits.Sort("letter_date", "id");
        outAreas.Sort("focused_visit_id", "#position");
        outOtherVisits.Sort("letter_date", "id");
        outPoints.Sort("inspection_id", "focused_visit_id", "#position");

        foreach (var t in new[] { outCouncils, outSuccessions, outNeighbours, outInspections, outJudgements, outVisits, outAreas, outOtherVisits,
                     outPoints })
            t.Write(Path.Combine(target, t.File));
        WriteManifest(target);

        return new()
        {
            ["councils"] = outCouncils.Rows.Count, ["successions"] = outSuccessions.Rows.Count,
            ["neighbours"] = outNeighbours.Rows.Count, ["inspections"] = outInspections.Rows.Count,
            ["judgements"] = outJudgements.Rows.Count, ["focused visits"] = outVisits.Rows.Count,
            ["other visits"] = outOtherVisits.Rows.Count, ["improvement points"] = outPoints.Rows.Count,
        };
    }

    /// <summary>Adds a copy of each row of <paramref name="from"/> to <paramref name="to"/>, after <paramref name="rewrite"/>
    /// (given the row and its copy) has changed the copy's fields.</summary>
    static void CopyRows(Csv from, Csv to, Action<string[], string[]> rewrite)
    {
        foreach (var r in from.Rows)
        {
            var o = (string[])r.Clone();
            rewrite(r, o);
            to.Rows.Add(o);
        }
    }

    /// <summary>manifest.csv over every CSV in the folder, as the builder writes it (the importer requires it).</summary>
    static void WriteManifest(string target)
    {
        var manifest = new Csv("manifest.csv", ["file", "rows", "sha256"]);
        foreach (var path in Directory.GetFiles(target, "*.csv").Where(p => Path.GetFileName(p) != "manifest.csv").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            var rows = Csv.Parse(Encoding.UTF8.GetString(bytes), Path.GetFileName(path)).Count - 1;
            manifest.Rows.Add([Path.GetFileName(path), rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))]);
        }
        manifest.Write(Path.Combine(target, manifest.File));
    }

    static void Unique(Csv table, string column)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in table.Rows)
            if (!seen.Add(r[table[column]]))
                throw new GeneratorException($"{table.File}: the generated {column} '{r[table[column]]}' is not unique");
    }
}

/// <summary>One seed file: its header and rows of raw fields (RFC 4180, as seed-data/FORMAT.md states).</summary>
sealed class Csv(string file, string[] header)
{
    public string File { get; } = file;
    public string[] Header { get; } = header;
    public List<string[]> Rows { get; } = [];

    public int this[string column] => Array.IndexOf(Header, column) is var i and >= 0
        ? i : throw new GeneratorException($"{File}: no column '{column}' in the header");

    public Csv Empty() => new(File, Header);

    public static Csv Load(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!System.IO.File.Exists(path)) throw new GeneratorException($"{path}: missing");
        var records = Parse(System.IO.File.ReadAllText(path, Encoding.UTF8), file);
        if (records.Count == 0) throw new GeneratorException($"{path}: empty (no header)");
        var table = new Csv(file, records[0]);
        foreach (var (r, i) in records.Skip(1).Select((r, i) => (r, i)))
        {
            if (r.Length != table.Header.Length)
                throw new GeneratorException($"{file}: record {i + 2} has {r.Length} fields, expected {table.Header.Length}");
            table.Rows.Add(r);
        }
        return table;
    }

    /// <summary>Sorts by the columns in order, ordinally; a column named "#name" compares as a whole number.</summary>
    public void Sort(params string[] columns)
    {
        var keys = columns.Select(c => (Index: this[c.TrimStart('#')], Numeric: c.StartsWith('#'))).ToArray();
        Rows.Sort((a, b) =>
        {
            foreach (var (i, numeric) in keys)
            {
                var c = numeric && long.TryParse(a[i], out var x) && long.TryParse(b[i], out var y)
                    ? x.CompareTo(y) : string.CompareOrdinal(a[i], b[i]);
                if (c != 0) return c;
            }
            return 0;
        });
    }

    public void Write(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        WriteRecord(w, Header);
        foreach (var r in Rows) WriteRecord(w, r);
    }

    static void WriteRecord(StreamWriter w, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) w.Write(',');
            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\n\r") >= 0) { w.Write('"'); w.Write(f.Replace("\"", "\"\"")); w.Write('"'); }
            else w.Write(f);
        }
        w.Write('\n');
    }

    /// <summary>The records of a seed file, read by the seed builder's own CSV reader.</summary>
    public static List<string[]> Parse(string text, string file)
    {
        try { return JudgementsApi.SeedBuilder.Csv.Parse(text); }
        catch (FormatException ex) { throw new GeneratorException($"{file}: {ex.Message}"); }
    }
}
