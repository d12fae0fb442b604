namespace JudgementsApi.SeedBuilder.Improvements;

/// <summary>A person's reading of a point the theme rules file wrongly: overrides/improvement_themes.csv.</summary>
public sealed record ThemeOverride(string Source, int Position, string Theme, string Reason);

public static class ThemeOverrides
{
    public static List<ThemeOverride> Load(string path)
    {
        if (!File.Exists(path)) return [];
        var list = new List<ThemeOverride>();
        foreach (var r in Csv.ToDicts(Csv.Parse(File.ReadAllText(path), skipCommentLines: true)))
        {
            var where = $"{Path.GetFileName(path)}: {r["source"]} {r["position"]}";
            if (!int.TryParse(r["position"], out var position)) throw new InvalidDataException($"{where}: position is not a number");
            var o = new ThemeOverride(r["source"].Trim(), position, r["theme"].Trim(), r["reason"].Trim());
            if (o.Reason.Length == 0) throw new InvalidDataException($"{where}: no reason");
            if (o.Theme != Themes.Other && Themes.All.All(t => t.Code != o.Theme))
                throw new InvalidDataException($"{where}: unknown theme {o.Theme}");
            list.Add(o);
        }
        return list;
    }
}
