using System.Globalization;
using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder;

/// <summary>One area's judgement as read. <paramref name="Status"/>: graded, not_judged (the report says so),
/// not_covered (the report does not cover the area) or unknown (judged, grade not readable).
/// <paramref name="Evidence"/> is the report's words that state it (a table row or a sentence) and
/// <paramref name="Line"/> the 1-based line of the report text where they start.</summary>
public sealed record ParsedJudgement(string AreaCode, string? Grade, string? Note, string Status = "graded", string? Evidence = null, int? Line = null);

/// <summary>A report's text with whitespace collapsed, remembering which line each character came from.</summary>
public sealed class NormText
{
    readonly int[] _starts; readonly int[] _lines;
    public string Text { get; }
    public NormText(string[] lines)
    {
        var sb = new System.Text.StringBuilder(); var starts = new List<int>(); var nums = new List<int>();
        for (int i = 0; i < lines.Length; i++)
        {
            var n = ReportParser.Normalise(lines[i]);
            if (n.Length == 0) continue;
            if (sb.Length > 0) sb.Append(' ');
            starts.Add(sb.Length); nums.Add(i + 1);
            sb.Append(n);
        }
        Text = sb.ToString(); _starts = [.. starts]; _lines = [.. nums];
    }
    /// <summary>The 1-based line holding character <paramref name="offset"/>.</summary>
    public int LineAt(int offset)
    {
        var k = Array.BinarySearch(_starts, offset);
        if (k < 0) k = ~k - 1;
        return _lines[Math.Max(0, k)];
    }
}

/// <summary>What the parser read from one inspection report. Problems are reasons not to trust the
/// parse: a report with problems needs an override before it enters the dataset.</summary>
public sealed class ParsedReport
{
    public required string FileName { get; init; }
    public string Family { get; set; } = "unknown";
    public string? Version { get; set; }
    public string? Type { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    /// <summary>End of the second part of an inspection given as two date ranges.</summary>
    public DateOnly? SecondPartEnd { get; set; }
    public DateOnly? PublishedInText { get; set; }
    public string? LeadInspector { get; set; }
    public string? Title { get; set; }
    public Dictionary<string, ParsedJudgement> Judgements { get; } = new(StringComparer.Ordinal);
    public List<string> Problems { get; } = [];
    public List<string> Notes { get; } = [];
    /// <summary>Facts other than grades that the report does not state (recorded as null).</summary>
    public List<string> Gaps { get; } = [];
    /// <summary>Line (1-based) where a review of the LSCB appended after the report begins (Hull 2015), if any.</summary>
    public int? AppendedLscbReviewLine { get; set; }
    /// <summary>The report's footnote says it includes the LSCB review, but the text holds none (Leicester 2017).</summary>
    public bool LscbReviewClaimedButAbsent { get; set; }
    public bool Ok => Problems.Count == 0;
}

/// <summary>Parses the pdftotext -layout text of an Ofsted inspection report.</summary>
public static partial class ReportParser
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Normalise(string s) =>
        Regex.Replace(s.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u00A0', ' '), @"\s+", " ").Trim();

    /// <summary>Maps a grade phrase as printed to a grade code; null if it is not exactly a grade.</summary>
    public static string? GradeCode(string phrase)
    {
        var p = Normalise(phrase).ToLowerInvariant().TrimEnd('.', ':', ';');
        p = Regex.Replace(p, @"\s*\(?grade [1-4]\)?$", "");
        return p switch
        {
            "outstanding" => "outstanding",
            "good" => "good",
            "requires improvement to be good" or "requires improvement" or "require improvement to be good"
                or "require improvement" => "requires_improvement",
            "adequate" => "adequate",
            "inadequate" => "inadequate",
            _ => null,
        };
    }

    const string GradePhrase = @"(?<g>requires? improvement(?: to be good)?|outstanding|inadequate|adequate|good)";

    static readonly HashSet<string> GradeWords = ["requires", "require", "improvement", "to", "be", "good", "outstanding",
        "inadequate", "adequate", "grade", "1", "2", "3", "4", "not", "judged"];

    static bool IsGradeWords(string segment)
    {
        var words = Normalise(segment).ToLowerInvariant().Trim('(', ')', '.').Split(' ');
        return words.All(w => GradeWords.Contains(w.Trim('(', ')', '.')));
    }

    public static ParsedReport Parse(string fileName, string text)
    {
        var r = new ParsedReport { FileName = fileName };
        text = text.Replace("\r", "");
        var lines = text.Split('\n');
        var nt = new NormText(lines);
        var norm = nt.Text;
        var head = Normalise(string.Join("\n", lines.Take(40)));
        r.Title = Normalise(string.Join(" ", lines.Where(l => l.Trim().Length > 0).Take(4)));

        r.Family = DetectFamily(head);
        ReadDates(r, head);
        ReadLeadInspector(r, head, norm);

        switch (r.Family)
        {
            case "pre2013_lac": ParsePre2013(r, lines, norm); break;
            case "sif": case "sif_reinspection": case "lscb_review": ParseSif(r, lines, head, nt); break;
            case "ilacs": ParseIlacs(r, lines, norm); break;
            default: r.Problems.Add("report family not recognised"); break;
        }

        if ((r.Start is null || r.End is null) && !r.Gaps.Any(g => g.StartsWith("inspection dates"))) r.Problems.Add("inspection dates not found");
        else if (r.End < r.Start) r.Problems.Add("inspection end date before start date");
        if (Regex.IsMatch(head, @"Children and Families Trust|Children's Services Trust", RegexOptions.IgnoreCase)
            && Regex.IsMatch(r.Title ?? "", @"Trust", RegexOptions.IgnoreCase))
            r.Notes.Add("the report is titled for the trust that runs the council's children's services");
        return r;
    }

    static string DetectFamily(string head)
    {
        if (head.Contains("Re-inspection of services for children in need") || head.Contains("Reinspection of services for children in need"))
            return "sif_reinspection";
        if (head.Contains("Inspection of services for children in need"))
            return "sif";
        if (head.Contains("Review of the effectiveness of the Local Safeguarding Children Board", StringComparison.OrdinalIgnoreCase))
            return "lscb_review";
        if (head.Contains("Inspection of looked after children services"))
            return "pre2013_lac";
        if (Regex.IsMatch(head, @"Inspection of ", RegexOptions.IgnoreCase) && Regex.IsMatch(head, @"Inspection dates?:")
            && Regex.IsMatch(head, @"\bJudgement Grade\b"))
            return "ilacs";
        return "unknown";
    }

    static DateOnly? ParseDay(string d, string m, string y)
    {
        var s = $"{int.Parse(d, Inv)} {m} {y}";
        if (DateOnly.TryParseExact(s, ["d MMMM yyyy", "d MMM yyyy"], Inv, DateTimeStyles.None, out var v)) return v;
        return null;
    }

    const string Range = @"(?<d1>\d{1,2})(?:\s+(?<m1>[A-Z][a-z]+))?(?:\s+(?<y1>\d{4}))?\s*(?:to|–|-|—|─|and)\s*(?<d2>\d{1,2})\s+(?<m2>[A-Z][a-z]+)\s+(?<y2>\d{4})";
    const string NumericRange = @"(?<d1>\d{1,2})/(?<m1>\d{1,2})/(?<y1>\d{4})\s*(?:to|–|-|—|─)\s*(?<d2>\d{1,2})/(?<m2>\d{1,2})/(?<y2>\d{4})";

    static (DateOnly? Start, DateOnly? End) ToRange(Match m, bool numeric)
    {
        if (numeric)
        {
            DateOnly? D(string d, string mo, string y) => DateOnly.TryParse($"{y}-{int.Parse(mo, Inv):00}-{int.Parse(d, Inv):00}", Inv, out var v) ? v : null;
            return (D(m.Groups["d1"].Value, m.Groups["m1"].Value, m.Groups["y1"].Value), D(m.Groups["d2"].Value, m.Groups["m2"].Value, m.Groups["y2"].Value));
        }
        var m2 = m.Groups["m2"].Value; var y2 = m.Groups["y2"].Value;
        var end = ParseDay(m.Groups["d2"].Value, m2, y2);
        var start = ParseDay(m.Groups["d1"].Value, m.Groups["m1"].Success ? m.Groups["m1"].Value : m2, m.Groups["y1"].Success ? m.Groups["y1"].Value : y2);
        // "8 December to 12 January 2026": a range crossing a year end without the first year
        if (start is not null && end is not null && start > end && !m.Groups["y1"].Success) start = start.Value.AddYears(-1);
        return (start, end);
    }

    static void ReadDates(ParsedReport r, string head)
    {
        var line = Regex.Match(head, @"Inspection dates?:?\s*(?<v>.{0,120})");
        if (line.Success)
        {
            var v = line.Groups["v"].Value;
            var n = Regex.Match(v, "^" + NumericRange);
            var m = n.Success ? n : Regex.Match(v, "^" + Range);
            if (m.Success)
            {
                (r.Start, r.End) = ToRange(m, n.Success);
                // Devon 2024-25: an inspection paused and completed later is given as two ranges.
                var second = Regex.Match(v[m.Length..], @"^\s*and\s+" + Range);
                if (second.Success)
                {
                    var (_, end2) = ToRange(second, false);
                    r.Notes.Add($"inspection carried out in two parts: {Normalise(v[..(m.Length + second.Length)])}");
                    r.SecondPartEnd = end2;
                }
            }
            else
            {
                var single = Regex.Match(v, @"^(?<d>\d{1,2})\s+(?<m>[A-Z][a-z]+)\s+(?<y>\d{4})");
                if (single.Success)
                    r.Gaps.Add($"inspection dates: the report gives a single date ({single.Value}), not a range; start and end left empty");
            }
        }
        var p = Regex.Match(head, @"(?:Report published|Published):?\s*(?<d>\d{1,2})\s+(?<m>[A-Z][a-z]+)\s+(?<y>\d{4})");
        if (p.Success) r.PublishedInText = ParseDay(p.Groups["d"].Value, p.Groups["m"].Value, p.Groups["y"].Value);
        var pn = Regex.Match(head, @"Report published:?\s*(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})");
        if (pn.Success) r.PublishedInText = new DateOnly(int.Parse(pn.Groups["y"].Value, Inv), int.Parse(pn.Groups["m"].Value, Inv), int.Parse(pn.Groups["d"].Value, Inv));
    }

    static string CleanName(string n) => Regex.Replace(n.Trim().TrimEnd(',', '.', ';').Trim(), @"\s+", " ");

    static void ReadLeadInspector(ParsedReport r, string head, string norm)
    {
        const string Title = @"(?:,?\s*(?:Senior\s+)?(?:(?:Her|His) Majesty's Inspector|\(?\bS?HMI\b\)?|\(?Ofsted Inspector\)?))";
        // Stoke-on-Trent 2022: "Lead inspectors: A, His Majesty's Inspector, and B, His Majesty's Inspector"
        var two = Regex.Match(head, @"Lead inspectors:\s+(?<a>[^,]+?)" + Title + @",?\s+and\s+(?<b>[^,]+?)" + Title);
        if (two.Success)
        {
            r.LeadInspector = CleanName(two.Groups["a"].Value) + ";" + CleanName(two.Groups["b"].Value);
            r.Notes.Add("the report names two lead inspectors");
            return;
        }
        var m = Regex.Match(head, @"(?:Lead inspector|Reporting inspector):?\s+(?<n>.+?)(?:" + Title + @"|\s+Judgement\b|\s+Age group|$)");
        if (!m.Success)
            m = Regex.Match(norm, @"Lead inspector(?: on site)?:\s+(?<n>.+?)(?:" + Title + @"|\s+Deputy lead|\s+Report author|\s+Team inspector|\s+Inspection team|$)", RegexOptions.IgnoreCase);
        if (m.Success)
        {
            var name = CleanName(m.Groups["n"].Value);
            if (name.Length is > 2 and < 50 && !name.Contains(':') && !name.Contains('('))
            {
                r.LeadInspector = name;
                if (m.Value.Contains("on site", StringComparison.OrdinalIgnoreCase))
                    r.Notes.Add("the report names a lead inspector on site and a separate report author; lead_inspector is the lead inspector on site");
                return;
            }
        }
        r.Gaps.Add("lead inspector: not named in the report");
    }

    // ---- the judgement table, read as blank-line-separated blocks ----

    sealed record Block(string Label, string Grade, int FirstLine);

    sealed class RowAcc
    {
        public List<string> Label = []; public List<string> Grade = []; public int First = -1;
    }

    /// <summary>Splits table lines into rows. Each row of an Ofsted judgement table is normally a block of
    /// lines separated from the next by a blank line; within a block the grade may sit on any line
    /// (pdftotext puts a wrapped grade beside, above or below the wrapped label), so the grade is every
    /// right-hand segment made only of grade words, and the label is the rest. When a block holds two row
    /// labels (no blank line between rows), it is split at the second label, and a grade-only line goes to
    /// the row before it unless that row already has its grade. Reading stops at <paramref name="to"/> or,
    /// with <paramref name="stopAtColumnZero"/>, at the first line starting in column 0 (body text).</summary>
    static List<Block> ReadBlocks(string[] lines, int from, int to, Func<string, bool> isRowStart, bool stopAtColumnZero = false)
    {
        var blocks = new List<Block>();
        var group = new List<(int Line, List<string> Left, List<string> Right)>();
        void Flush()
        {
            if (group.Count == 0) return;
            var rows = new List<RowAcc>();
            var pending = new List<(int Line, List<string> Right)>();
            RowAcc? current = null;
            foreach (var (line, left, right) in group)
            {
                if (left.Count == 0)
                {
                    // A grade-only line: "improvement" / "be good" continue the grade above; a line starting a
                    // grade belongs to the current row if it has none yet, otherwise to the next row.
                    var text = Normalise(string.Join(" ", right)).ToLowerInvariant();
                    bool continuation = Regex.IsMatch(text, @"^(improvement|to|be)\b");
                    if (current is not null && (continuation || (current.Grade.Count == 0 && pending.Count == 0)))
                        current.Grade.AddRange(right);
                    else pending.Add((line, right));
                    continue;
                }
                var leftText = Normalise(string.Join(" ", left));
                if (current is null || (isRowStart(leftText) && current.Label.Any(isRowStart)))
                {
                    current = new RowAcc { First = pending.Count > 0 ? pending[0].Line : line };
                    rows.Add(current);
                    foreach (var pg in pending) current.Grade.AddRange(pg.Right);
                    pending.Clear();
                }
                current.Label.AddRange(left);
                current.Grade.AddRange(right);
            }
            if (pending.Count > 0)
            {
                if (current is null) { current = new RowAcc { First = pending[0].Line }; rows.Add(current); }
                foreach (var pg in pending) current.Grade.AddRange(pg.Right);
            }
            foreach (var row in rows)
                blocks.Add(new Block(Normalise(string.Join(" ", row.Label)), Normalise(string.Join(" ", row.Grade)), row.First));
            group.Clear();
        }
        for (int i = from; i < Math.Min(to, lines.Length); i++)
        {
            var line = lines[i].Replace('\u00A0', ' ');
            if (line.Trim().Length == 0) { Flush(); continue; }
            if (Regex.IsMatch(line.Trim(), @"^\d{1,2}$")) continue; // page number
            if (stopAtColumnZero && !char.IsWhiteSpace(line[0])) break;
            var left = new List<string>(); var right = new List<string>();
            foreach (Match seg in Regex.Matches(line, @"\S+(?: \S+)*"))
            {
                if (seg.Index >= 25 && IsGradeWords(seg.Value)) right.Add(seg.Value);
                else left.Add(seg.Value);
            }
            group.Add((i, left, right));
        }
        Flush();
        return blocks;
    }

    static bool IlacsRowStart(string label) => Regex.IsMatch(label, @"^(The |Overall effectiveness)");
    static bool SifRowStart(string label) => Regex.IsMatch(label, @"^([123]\.|2\.[12]\b|Leadership, management)");
    static bool Pre2013RowStart(string label) => Regex.IsMatch(label, @"^(Overall effectiveness|Capacity to improve|Outcomes for|Quality of provision|Leadership and management)");

    static void SetGrade(ParsedReport r, string area, string? gradeText, int line, string evidence)
    {
        var where = $"line {line}";
        var code = gradeText is null ? null : GradeCode(gradeText);
        if (r.Judgements.TryGetValue(area, out var existing))
        {
            r.Problems.Add($"{area}: judgement table has two rows for this area ({where})");
            return;
        }
        if (code is null && gradeText is not null && Normalise(gradeText).Equals("not judged", StringComparison.OrdinalIgnoreCase))
        {
            r.Judgements[area] = new ParsedJudgement(area, null, "not judged: the report's judgement table says 'Not judged'", "not_judged", Normalise(evidence), line);
            return;
        }
        if (code is null)
        {
            r.Problems.Add($"{area}: grade text '{gradeText}' not recognised ({where})");
            return;
        }
        r.Judgements[area] = new ParsedJudgement(area, code, null, "graded", Normalise(evidence), line);
    }

    /// <summary>Checks a grade stated elsewhere in the report (a section heading or sentence) against the table.</summary>
    static void Confirm(ParsedReport r, string area, string norm, string pattern)
    {
        var ms = Regex.Matches(norm, pattern + @"\s*" + GradePhrase, RegexOptions.IgnoreCase);
        foreach (Match m in ms)
        {
            var code = GradeCode(m.Groups["g"].Value);
            if (!r.Judgements.TryGetValue(area, out var j))
            {
                r.Problems.Add($"{area}: not in the judgement table but the text says '{m.Groups["g"].Value}'");
                return;
            }
            if (j.Grade != code)
            {
                r.Problems.Add($"{area}: judgement table says {j.Grade} but the text says '{m.Groups["g"].Value}'");
                return;
            }
        }
    }

    static void RequireAll(ParsedReport r)
    {
        if (r.Version is null) return;
        foreach (var area in Frameworks.AreasOf(r.Version))
            if (!r.Judgements.ContainsKey(area))
            {
                r.Problems.Add($"{area}: no grade found in the report");
                r.Judgements[area] = new ParsedJudgement(area, null, "not stated in the report", "unknown");
            }
    }

    // ---- report families ----

    /// <summary>Each pre-2013 area, by the words of its row in the "Record of main findings" table
    /// and by how its body section's heading ends (lower case; the first match wins).</summary>
    static readonly (string Area, string TableRow, string SectionHeading)[] Pre2013Areas =
    [
        ("pre2013_overall_effectiveness", "overall effectiveness", "overall effectiveness of services for looked after children and young people"),
        ("pre2013_capacity_to_improve", "capacity to improve", "capacity to improve"),
        ("pre2013_lac_outcomes", "outcomes for looked after", "outcomes for looked after children and young people"),
        ("pre2013_lac_quality_of_provision", "quality of provision", "quality of provision"),
        ("pre2013_lac_leadership", "leadership and management", "leadership and management"),
    ];

    static void ParsePre2013(ParsedReport r, string[] lines, string norm)
    {
        r.Version = "pre-2013"; r.Type = "pre_2013";
        // The "Record of main findings" heading without a page number (the contents entry has one).
        int start = Array.FindLastIndex(lines, l => Regex.IsMatch(l, @"^\s*Record of main findings\s*$"));
        if (start < 0) { r.Problems.Add("'Record of main findings' table not found"); RequireAll(r); return; }
        foreach (var b in ReadBlocks(lines, start + 1, start + 30, Pre2013RowStart))
        {
            var l = b.Label.ToLowerInvariant();
            string? area = Pre2013Areas.FirstOrDefault(a => l.Contains(a.TableRow)).Area;
            if (area is not null) SetGrade(r, area, b.Grade, b.FirstLine + 1, $"{b.Label} {b.Grade}");
        }
        // Body sections carry "Grade N (Word)" under their heading.
        for (int i = 0; i < lines.Length; i++)
        {
            var g = Regex.Match(lines[i], @"^\s*Grade ([1-4]) \((\w+)\)\s*$");
            if (!g.Success) continue;
            var prev = Normalise(string.Join(" ", lines.Take(i).Reverse().Where(x => x.Trim().Length > 0).Take(2).Reverse())).ToLowerInvariant();
            string? area = Pre2013Areas.FirstOrDefault(a => prev.EndsWith(a.SectionHeading)).Area;
            if (area is null) continue;
            var code = GradeCode(g.Groups[2].Value);
            var expectedRank = Frameworks.Grades.First(x => x.Code == code).Rank;
            if (expectedRank.ToString(Inv) != g.Groups[1].Value)
                r.Problems.Add($"{area}: heading says Grade {g.Groups[1].Value} ({g.Groups[2].Value})");
            if (r.Judgements.TryGetValue(area, out var j) && j.Grade != code)
                r.Problems.Add($"{area}: table says {j.Grade} but the section heading says {g.Groups[2].Value}");
        }
        RequireAll(r);
    }

    static void ParseSif(ParsedReport r, string[] lines, string head, NormText nt)
    {
        var norm = nt.Text;
        r.Version = "sif";
        r.Type = r.Family switch { "sif_reinspection" => "sif_reinspection", "lscb_review" => "lscb_review", _ => "sif" };
        bool withLscb = Regex.IsMatch(head, @"Review of the effectiveness of the Local Safeguarding Children Board", RegexOptions.IgnoreCase);
        if (!withLscb && r.Family != "lscb_review") withLscb = FindAppendedLscbReview(r, lines);

        if (r.Family != "lscb_review") ReadSifTable(r, lines, nt);
        else
        {
            foreach (var a in Frameworks.AreasOf("sif").Where(a => a != "sif_lscb_effectiveness"))
                r.Judgements[a] = new ParsedJudgement(a, null, "not covered: this report is a review of the Local Safeguarding Children Board only", "not_covered");
        }

        if (withLscb || r.Family == "lscb_review") ReadLscbJudgement(r, nt);
        else NoLscbReview(r, norm);
        RequireAll(r);
    }

    static bool FindAppendedLscbReview(ParsedReport r, string[] lines)
    {
        // Hull 2015: the LSCB review is a second report appended after the first one's back page,
        // with its own title ("Inspection of the effectiveness of the local safeguarding children board").
        for (int i = 40; i < lines.Length; i++)
            if (Regex.IsMatch(lines[i], @"^\s*(?:Inspection|Review) of the effectiveness of the local safeguarding", RegexOptions.IgnoreCase))
            {
                r.AppendedLscbReviewLine = i + 1;
                r.Notes.Add($"the report has a review of the Local Safeguarding Children Board appended (from line {i + 1})");
                return true;
            }
        return false;
    }

    /// <summary>Overall effectiveness from the sentence above the judgement table, the other areas from its rows.</summary>
    static void ReadSifTable(ParsedReport r, string[] lines, NormText nt)
    {
        int row1 = Array.FindIndex(lines, l => Regex.IsMatch(l, @"^\s*1\.\s+Children who need help"));
        if (row1 < 0) r.Problems.Add("SIF judgement table not found");
        else
        {
            // Overall effectiveness is a sentence above the table.
            var above = Normalise(string.Join(" ", lines.Take(row1)));
            var o = Regex.Match(above, @"(?:The overall judgement is(?: that children's services?(?: are| is)?)?|Children's services(?: in .{1,80}?)?(?: are| is)?)\s+" + GradePhrase, RegexOptions.IgnoreCase);
            if (o.Success) SetGrade(r, "sif_overall_effectiveness", o.Groups["g"].Value, nt.LineAt(o.Index), o.Value);
            else r.Problems.Add("SIF overall judgement sentence not found");

            // A wrapped grade may start on the line above row 1 ("Requires" / "1. Children ... improvement").
            int from = row1;
            while (from > 0 && lines[from - 1].Trim().Length > 0 && Regex.IsMatch(lines[from - 1], @"^\s{25,}\S") && IsGradeWords(lines[from - 1])) from--;
            int last = -1;
            for (int i = row1; i < Math.Min(lines.Length, row1 + 40); i++)
                if (Regex.IsMatch(lines[i], @"^\s*(?:\d\.)?\s*Leadership, management and governance")) { last = i; break; }
            if (last < 0) r.Problems.Add("SIF table row 3 (leadership) not found");
            else
            {
                int to = last;
                while (to < lines.Length && lines[to].Trim().Length > 0) to++;
                foreach (var b in ReadBlocks(lines, from, to, SifRowStart))
                {
                    var l = b.Label.ToLowerInvariant();
                    string? area = l.Contains("leadership, management and governance") ? "sif_leadership"
                        : Regex.IsMatch(l, @"^2\.1\b") || l.Contains("adoption performance") ? "sif_adoption_performance"
                        : Regex.IsMatch(l, @"^2\.2\b") || l.Contains("care leavers") ? "sif_care_leavers"
                        : Regex.IsMatch(l, @"^1\.") ? "sif_help_and_protection"
                        : Regex.IsMatch(l, @"^2\.") ? "sif_children_looked_after"
                        : Regex.IsMatch(l, @"^3\.") ? "sif_leadership"
                        : null;
                    if (area is null && b.Grade.Length == 0) continue; // footnote or page furniture inside the table
                    if (area is null) { r.Problems.Add($"SIF table block not recognised: '{b.Label}' / '{b.Grade}'"); continue; }
                    SetGrade(r, area, b.Grade, b.FirstLine + 1, $"{b.Label} {b.Grade}");
                }
            }
            Confirm(r, "sif_adoption_performance", nt.Text, @"graded judgement for adoption performance is that it(?: is)?");
            Confirm(r, "sif_care_leavers", nt.Text, @"experiences and progress of care leavers is that it(?: is)?");
        }
    }

    static void ReadLscbJudgement(ParsedReport r, NormText nt)
    {
        var norm = nt.Text;
        // Somerset 2015 prints "The Local Safeguarding Children is inadequate" (the word Board dropped).
        var ms = Regex.Matches(norm, @"The (?:effectiveness of the )?(?:Local Safeguarding Children(?: Board)?(?: \(LSCB\))?|LSCB) (?:is )?" + GradePhrase + @"\b(?=\s*(?:[.:]|$|(?-i:[A-Z(])))", RegexOptions.IgnoreCase);
        var codes = ms.Select(m => GradeCode(m.Groups["g"].Value)).Distinct().ToList();
        if (codes.Count == 1) r.Judgements["sif_lscb_effectiveness"] = new ParsedJudgement("sif_lscb_effectiveness", codes[0], null, "graded", ms[0].Value, nt.LineAt(ms[0].Index));
        else if (codes.Count == 0) r.Problems.Add("LSCB review judgement not found");
        else r.Problems.Add("LSCB review judgement stated inconsistently: " + string.Join(", ", codes));
    }

    static void NoLscbReview(ParsedReport r, string norm)
    {
        r.Judgements["sif_lscb_effectiveness"] = new ParsedJudgement("sif_lscb_effectiveness", null,
            r.Family == "sif_reinspection" ? "not covered: no LSCB review in this re-inspection report" : "not covered: no LSCB review in this report", "not_covered");
        // Leicester 2017: the combined-report footnote is printed, but no review follows.
        if (Regex.IsMatch(norm, @"report of the review of the Local Safeguarding Children Board", RegexOptions.IgnoreCase))
        {
            r.LscbReviewClaimedButAbsent = true;
            r.Notes.Add("the report's footnote says it includes the review of the Local Safeguarding Children Board, but the text holds no review and no LSCB judgement");
        }
    }

    static void ParseIlacs(ParsedReport r, string[] lines, string norm)
    {
        int header = Array.FindIndex(lines, l => Regex.IsMatch(l, @"^\s*Judgement\s{2,}Grade\s*$"));
        if (header < 0) { r.Problems.Add("ILACS judgement table header not found"); return; }
        bool seen = false;
        foreach (var b in ReadBlocks(lines, header + 1, header + 40, IlacsRowStart))
        {
            // Every table row carries a grade; the first block without one is the report's first paragraph.
            if (seen && b.Grade.Length == 0) break;
            var l = b.Label.ToLowerInvariant();
            var areas = new List<string>();
            if (l.Contains("overall effectiveness")) areas.Add("ilacs_overall_effectiveness");
            if (l.Contains("impact of leaders")) areas.Add("ilacs_impact_of_leaders");
            if (l.Contains("help and protection")) areas.Add("ilacs_help_and_protection");
            if (l.Contains("children in care and care leavers")) areas.Add("ilacs_children_in_care_and_care_leavers");
            else if (l.Contains("care leavers")) areas.Add("ilacs_care_leavers");
            else if (l.Contains("children in care")) areas.Add("ilacs_children_in_care");
            if (areas.Count == 0)
            {
                r.Problems.Add($"ILACS table block not recognised: '{b.Label}' / '{b.Grade}'");
                continue;
            }
            if (areas.Count > 1) { r.Problems.Add($"ILACS table block matches several areas: '{b.Label}'"); continue; }
            seen = true;
            SetGrade(r, areas[0], b.Grade, b.FirstLine + 1, $"{b.Label} {b.Grade}");
            if (areas[0] == "ilacs_overall_effectiveness") break; // always the last row
        }

        bool combined = r.Judgements.ContainsKey("ilacs_children_in_care_and_care_leavers");
        bool separate = r.Judgements.ContainsKey("ilacs_children_in_care") || r.Judgements.ContainsKey("ilacs_care_leavers");
        bool overall = r.Judgements.ContainsKey("ilacs_overall_effectiveness");
        if (combined && separate) r.Problems.Add("table has both the combined and the separate children in care / care leavers rows");
        r.Version = combined ? "ilacs-2018" : separate ? (overall ? "ilacs-2023" : "ilacs-2026") : null;
        if (r.Version is null) r.Problems.Add("ILACS framework version not recognised from the table");
        else if (r.Start is not null)
        {
            var v = Frameworks.Version(r.Version);
            if (r.Start < v.EffectiveFrom || (v.EffectiveTo is not null && r.Start > v.EffectiveTo))
                r.Problems.Add($"table layout says {r.Version} but the inspection started {r.Start:yyyy-MM-dd}");
        }

        // Standard inspections are two weeks on site, short inspections one week.
        if (r.Start is not null && r.End is not null)
        {
            var days = r.End.Value.DayNumber - r.Start.Value.DayNumber;
            r.Type = days <= 7 ? "short" : days >= 9 ? "standard" : null;
            if (r.Type is null) r.Problems.Add($"inspection lasted {days + 1} days: neither a one-week short nor a two-week standard inspection");
        }

        Confirm(r, "ilacs_impact_of_leaders", norm, @"impact of leaders on social work practice with children and families:");
        Confirm(r, "ilacs_help_and_protection", norm, @"children who need help and protection:");
        Confirm(r, "ilacs_children_in_care_and_care_leavers", norm, @"children in care and care leavers:");
        Confirm(r, "ilacs_children_in_care", norm, @"progress of children in care:");
        Confirm(r, "ilacs_care_leavers", norm, @"progress of care leavers:");
        RequireAll(r);
    }
}
