using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder;

/// <summary>A later report's statement of a former council's judgement, and where it is.</summary>
public sealed record Citation(string CouncilCode, string Grade, DateOnly Published, string Precision, string File, int Line, string Sentence);

/// <summary>
/// Former councils have no reports in the sources, but their successors' reports sometimes state
/// the predecessor's last judgement (North Northamptonshire 2022: "Children's services in the
/// predecessor local authority, Northamptonshire County Council, were judged inadequate in 2019").
/// Each such statement becomes an inspection with source_kind <c>cited</c>: the grade it gives, the
/// date to the precision it gives, and nothing else.
/// </summary>
public static partial class Citations
{
    /// <summary>Former councils as the reports name them.</summary>
    static readonly Dictionary<string, string> FormerByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Northamptonshire County Council"] = "E10000021",
        ["Cumbria County Council"] = "E10000006",
        ["Dorset County Council"] = "E10000009",
        ["Bournemouth Borough Council"] = "E06000028",
        ["Borough of Poole"] = "E06000029",
        ["Poole Borough Council"] = "E06000029",
    };

    [GeneratedRegex(@"Children's services in the predecessor local authority, (?<name>[A-Z][A-Za-z ]+?), were judged (?<g>requires? improvement(?: to be good)?|outstanding|inadequate|adequate|good) in (?:(?<month>January|February|March|April|May|June|July|August|September|October|November|December) )?(?<year>\d{4})[^.]*\.")]
    private static partial Regex Statement();

    [GeneratedRegex(@"[^.]*\b(?:Northamptonshire County Council|Cumbria County Council|Dorset County Council|Bournemouth Borough Council|Borough of Poole|Poole Borough Council)\b[^.]*\b(?:judged|rated|graded|judgement)\b[^.]*\.?")]
    private static partial Regex Candidate();

    static IEnumerable<(string Name, string Path)> Texts(string dataDir) =>
        new[] { "inspections", "focused-visits" }
            .Select(d => Path.Combine(dataDir, "reports", d)).Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.txt")).Select(p => (Path.GetFileName(p), p))
            .OrderBy(x => x.Item1, StringComparer.Ordinal);

    public static void Add(string dataDir, CouncilDirectory councils, BuildResult result, List<(Inspection Insp, List<Judgement> Js)> pending)
    {
        foreach (var (name, path) in Texts(dataDir))
        {
            var nt = new NormText(File.ReadAllText(path, Encoding.UTF8).Replace("\r", "").Split('\n'));
            var found = new List<(int Index, int Length)>();
            foreach (Match m in Statement().Matches(nt.Text))
            {
                if (!FormerByName.TryGetValue(m.Groups["name"].Value, out var code))
                {
                    result.Warnings.Add($"{name} line {nt.LineAt(m.Index)}: cites a predecessor '{m.Groups["name"].Value}' that is not a known former council");
                    continue;
                }
                var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                var monthly = m.Groups["month"].Success;
                var published = monthly
                    ? DateOnly.ParseExact($"1 {m.Groups["month"].Value} {year}", "d MMMM yyyy", CultureInfo.InvariantCulture)
                    : new DateOnly(year, 1, 1);
                result.Citations.Add(new Citation(code, ReportParser.GradeCode(m.Groups["g"].Value)!, published, monthly ? "month" : "year",
                    name, nt.LineAt(m.Index), m.Value));
                found.Add((m.Index, m.Length));
            }
            foreach (Match c in Candidate().Matches(nt.Text))
                if (!found.Any(f => f.Index < c.Index + c.Length && c.Index < f.Index + f.Length))
                    result.CitationCandidates.Add($"`{name}` line {nt.LineAt(c.Index)}: \"{c.Value.Trim()}\"");
        }

        foreach (var g in result.Citations.GroupBy(c => (c.CouncilCode, c.Published, c.Precision)).OrderBy(g => g.Key.CouncilCode, StringComparer.Ordinal).ThenBy(g => g.Key.Published))
        {
            var cites = g.OrderBy(c => c.File, StringComparer.Ordinal).ToList();
            if (cites.Select(c => c.Grade).Distinct().Count() > 1)
                throw new InvalidDataException($"reports cite different grades for {g.Key.CouncilCode} in {g.Key.Published:yyyy-MM}: " +
                    string.Join("; ", cites.Select(c => $"{c.File} line {c.Line}: {c.Grade}")));
            var council = councils.ByCode(g.Key.CouncilCode)!;
            var last = g.Key.Precision == "year" ? g.Key.Published.AddYears(1).AddDays(-1) : g.Key.Published.AddMonths(1).AddDays(-1);
            // The framework is not named: only one whose dates cover the whole stated period will do.
            var versions = Frameworks.Versions.Where(v => v.EffectiveFrom <= g.Key.Published && (v.EffectiveTo is null || last <= v.EffectiveTo)).ToList();
            if (versions.Count != 1)
            {
                result.Warnings.Add($"cited judgement of {council.Name} ({g.Key.Published:yyyy-MM}) left out: {versions.Count} framework versions cover the period");
                continue;
            }
            var version = versions[0].Slug;
            // "Children's services … were judged X" is the overall effectiveness judgement.
            var overall = Frameworks.AreasOf(version).FirstOrDefault(a => Frameworks.Areas.First(x => x.Code == a).Family == "overall_effectiveness");
            if (overall is null) { result.Warnings.Add($"cited judgement of {council.Name}: {version} has no overall effectiveness"); continue; }
            var first = cites[0];
            var where = string.Join("; ", cites.Select(c => $"{c.File} line {c.Line}"));
            var insp = new Inspection("", council.Code, version, "cited", null, null, g.Key.Published, g.Key.Precision, null, null, "cited", first.File,
                $"Known only from later reports that cite it ({where}). They give the overall grade and the {g.Key.Precision} only: not the " +
                $"inspection type, its dates, the publication day, the report or any other judgement; framework version {version} is the only one in force throughout that {g.Key.Precision}.");
            var js = Frameworks.AreasOf(version).Select(a => a == overall
                ? new Judgement("", a, first.Grade, null, "graded", first.Sentence, first.File, first.Line)
                : new Judgement("", a, null, "not stated in the citing report", "unknown")).ToList();
            pending.Add((insp, js));
        }
    }
}
