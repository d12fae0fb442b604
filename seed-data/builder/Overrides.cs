namespace JudgementsApi.SeedBuilder;

/// <summary>One statement in overrides/inspections.csv: what a report says, read by a person, where the
/// parser cannot read it. field is start_date, end_date, lead_inspector, type, framework_version,
/// grade:&lt;area_code&gt; (value a grade code, or empty with the reason as the note), or exclude
/// (value empty; reason says why the report is left out of the dataset).</summary>
public sealed record Override(string File, string Field, string Value, string Reason);

public static class Overrides
{
    public static readonly string[] Header = ["file", "field", "value", "reason"];

    public static List<Override> Load(string path)
    {
        if (!File.Exists(path)) return [];
        var rows = Csv.ToDicts(Csv.Parse(File.ReadAllText(path), skipCommentLines: true));
        var list = new List<Override>();
        foreach (var r in rows)
        {
            var o = new Override(r["file"].Trim(), r["field"].Trim(), r["value"].Trim(), r["reason"].Trim());
            if (o.File.Length == 0 || o.Field.Length == 0) throw new InvalidDataException($"override row without file or field: {string.Join(",", r.Values)}");
            if (o.Reason.Length == 0) throw new InvalidDataException($"override for {o.File} {o.Field} has no reason");
            bool known = o.Field is "start_date" or "end_date" or "lead_inspector" or "type" or "framework_version" or "exclude"
                || o.Field.StartsWith("grade:", StringComparison.Ordinal);
            if (!known) throw new InvalidDataException($"override for {o.File} has unknown field {o.Field}");
            if (o.Field.StartsWith("grade:") && o.Value.Length > 0 && !Frameworks.Grades.Any(g => g.Code == o.Value))
                throw new InvalidDataException($"override for {o.File} {o.Field} has unknown grade {o.Value}");
            list.Add(o);
        }
        return list;
    }
}
