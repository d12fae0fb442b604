using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using JudgementsApi.SeedBuilder.FocusedVisits;

namespace JudgementsApi.SeedBuilder.Visits;

/// <summary>A monitoring visit or a joint targeted area inspection (JTAI): ungraded, like a focused visit.</summary>
public sealed record Visit(
    string Id, string CouncilCode, string Kind, DateOnly LetterDate, DateOnly? VisitStart, DateOnly? VisitEnd,
    IReadOnlyList<string> Inspectors, string? Theme, string? ReportUrl, string Source);

public sealed record VisitBuild(List<Visit> Visits, List<(string File, string Problem)> Problems, List<Excluded> Excluded, int Files);

/// <summary>
/// Monitoring-visit letters (reports/monitoring-visits/) and JTAI letters (reports/jtai/). Ofsted
/// monitors a council judged inadequate with visits until it is reinspected; a JTAI is a joint
/// inspection (Ofsted, CQC, HMICFRS, HMI Probation) of the local partnership on one theme. Neither
/// is graded. A letter whose dates cannot be read is not published: it is listed with its problems.
/// </summary>
public static partial class VisitLetters
{
    public static readonly IReadOnlyList<(string Kind, string Folder, string IdSuffix)> Kinds =
        [("monitoring_visit", "monitoring-visits", "mv"), ("jtai", "jtai", "jtai")];

    public static readonly string[] CsvColumns = ["id", "council_code", "kind", "letter_date", "visit_start", "visit_end", "inspectors", "theme", "report_url", "source"];

    public static VisitBuild Build(string dataDir, CouncilDirectory councils, IReadOnlyList<ManifestEntry> manifest)
    {
        var result = new VisitBuild([], [], [], 0);
        var pending = new List<(Visit V, string Suffix)>();
        var files = 0;
        foreach (var (kind, folder, suffix) in Kinds)
        {
            var dir = Path.Combine(dataDir, "reports", folder);
            if (!Directory.Exists(dir)) continue;
            var byFile = manifest.Where(m => m.Kind == kind).ToDictionary(m => Path.GetFileName(m.File), StringComparer.Ordinal);
            foreach (var path in Directory.GetFiles(dir, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
            {
                files++;
                var name = Path.GetFileName(path);
                var source = folder + "/" + name;
                if (!byFile.TryGetValue(name, out var man))
                {
                    result.Excluded.Add(new Excluded(source, "not listed in reports/manifest.csv, so no council or publication date"));
                    continue;
                }
                var problems = new List<string>();
                var v = Parse(kind, File.ReadAllText(path, Encoding.UTF8), man.Published, problems);
                foreach (var p in problems) result.Problems.Add((source, p));
                if (problems.Any(p => !p.StartsWith("corrected:", StringComparison.Ordinal)))
                {
                    result.Excluded.Add(new Excluded(source, "letter not read with confidence: " + string.Join("; ", problems)));
                    continue;
                }
                var council = councils.Resolve(man.OfstedUrn, man.Published);
                if (council is null)
                {
                    result.Excluded.Add(new Excluded(source, $"no council holds Ofsted URN {man.OfstedUrn} on {man.Published:yyyy-MM-dd}"));
                    continue;
                }
                pending.Add((v with { CouncilCode = council.Code, ReportUrl = man.ReportUrl, Source = source }, suffix));
            }
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (v, suffix) in pending.OrderBy(p => p.V.LetterDate).ThenBy(p => p.V.CouncilCode, StringComparer.Ordinal).ThenBy(p => p.V.Source, StringComparer.Ordinal))
        {
            var baseId = $"{councils.ByCode(v.CouncilCode)!.Slug}-{v.LetterDate:yyyy-MM-dd}-{suffix}";
            var id = baseId; var k = 2;
            while (!used.Add(id)) id = $"{baseId}-{k++}";
            result.Visits.Add(v with { Id = id });
        }
        result.Visits.Sort((a, b) => a.LetterDate != b.LetterDate ? a.LetterDate.CompareTo(b.LetterDate) : string.CompareOrdinal(a.Id, b.Id));
        return result with { Files = files };
    }

    /// <summary>Reads one letter: the letter date above the salutation, the visit dates and inspectors
    /// from the "This letter summarises …" paragraph, and the theme.</summary>
    public static Visit Parse(string kind, string text, DateOnly published, List<string> problems)
    {
        var letter = LetterText.From(text);
        var letterDate = LetterDates.FindLetterDate(letter, published, problems);
        if (letterDate is null) problems.Add("no letter date above the salutation");
        var date = letterDate ?? published;
        var opening = letter.Opening;
        if (opening is null) problems.Add("no 'This letter summarises' opening paragraph");
        var search = opening is null ? string.Join(" ", letter.Paragraphs.Take(6)) : letter.AroundOpening(opening);
        var dates = LetterDates.FindVisitDates(search, date, problems);
        LetterDates.CheckVisitDates(dates, date, problems);
        var inspectors = InspectorNames.Find(search, problems) ?? [];
        if (inspectors.Count == 0) problems.Add("inspectors not named");
        return new Visit("", "", kind, date, dates?.Start, dates?.End, inspectors, Theme(kind, letter), null, "");
    }

    static string? Theme(string kind, LetterText letter)
    {
        var all = string.Join(" ", letter.Lines.Take(40).Concat(letter.Paragraphs));
        if (kind == "jtai")
        {
            // Each JTAI programme has one theme, named in the letter's title; the phrase is ours.
            var head = Regex.Replace(all, @"\s+", " ").ToLowerInvariant();
            foreach (var (cue, theme) in JtaiThemes)
                if (head.Contains(cue, StringComparison.Ordinal)) return theme;
            return null;
        }
        // A monitoring visit reviews the progress of one area of the improvement plan.
        var statement = letter.Paragraphs.FirstOrDefault(p => ReviewedArea().IsMatch(p));
        return statement is null ? null : FocusTopics.Recognise(statement);
    }

    static readonly (string Cue, string Theme)[] JtaiThemes =
    [
        ("domestic abuse", "children living with domestic abuse"),
        ("sexual abuse", "child sexual abuse in the family environment"),
        ("serious youth violence", "serious youth violence"),
        ("exploitation", "child exploitation"),
        ("neglect", "neglect"),
        ("initial need and risk", "identification of initial need and risk"),
        ("who need help", "children and families who need help"),
    ];

    /// <summary>The visits of every letter in the store (the builder writes them with the other seed files).</summary>
    public static VisitBuild Build(string dataDir, CouncilDirectory councils) => Build(dataDir, councils, Builder.ReadManifest(dataDir));

    /// <summary>QUALITY.md's section on letters left out (empty when none was).</summary>
    public static string QualitySection(VisitBuild b)
    {
        if (b.Excluded.Count == 0) return "";
        var sb = new StringBuilder("\n## Monitoring-visit and JTAI letters not published\n\n");
        foreach (var e in b.Excluded) sb.Append($"- `{e.File}`: {e.Reason}\n");
        return sb.ToString();
    }

    public static void Write(IEnumerable<Visit> visits, string seedDir)
    {
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        Csv.Write(Path.Combine(seedDir, "visits.csv"), CsvColumns, visits.Select(v => new[] { v.Id, v.CouncilCode, v.Kind, D(v.LetterDate),
            D(v.VisitStart), D(v.VisitEnd), string.Join(";", v.Inspectors), v.Theme, v.ReportUrl, v.Source }));
    }

    [GeneratedRegex(@"\b(?:inspectors|they|the visit)\s+(?:reviewed|looked at|considered|evaluated)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewedArea();
}
