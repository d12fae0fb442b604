using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.Improvements;

/// <summary>
/// One point of a report's list of what must improve, in Ofsted's words (lines rejoined, the
/// framework footnote taken out into <see cref="TagText"/>), with the headings it sits under and its lines (1-based).
/// </summary>
public sealed record ListedPoint(int Position, string Text, string? ListHeading, string? AreaHeading,
    string? Tag, string? TagText, int LineFrom, int LineTo);

/// <summary>A report's list: its points, the heading's line (null when the report has no list), and what could not be read.</summary>
public sealed record ImprovementList(IReadOnlyList<ListedPoint> Points, int? HeadingLine, IReadOnlyList<string> Problems);

/// <summary>
/// Reads the list of what a council must improve. ILACS reports: "What needs to improve?", one
/// bullet a point. SIF reports: "What does the local authority need to improve?" or
/// "Recommendations", numbered, under "Priority and immediate action" / "Areas for improvement"
/// and judgement-area subheadings. Focused-visit letters: "What needs to improve in this area of
/// social work practice", bullets. pdftotext -layout indents a point's wrapped lines, so an
/// unindented line that is neither a bullet nor a heading ends the list. A list with no bullets at
/// all is read as paragraphs (see <see cref="ReadParagraphs"/>).
/// </summary>
public static partial class ImprovementLists
{
    /// <summary>A file line; <paramref name="PageStart"/> when a form feed (a new page) begins it.</summary>
    private sealed record Line(string Text, int Indent, int Number, bool PageStart);

    public static ImprovementList ReadInspection(string raw, string frameworkVersion) =>
        frameworkVersion switch
        {
            "sif" => ReadNumbered(Lines(raw)),
            "pre-2013" => new ImprovementList([], null, []),
            _ => ReadBulleted(Lines(raw), IlacsHeading()),
        };

    public static ImprovementList ReadFocusedVisit(string raw) => ReadBulleted(Lines(raw), LetterHeading());

    /// <summary>File lines, form feeds dropped and page-number footers blanked; numbers are the file's own.</summary>
    private static List<Line> Lines(string raw) =>
        raw.Replace("\r", "").Split('\n').Select((l, i) =>
        {
            var t = l.Replace("\f", "").TrimEnd();
            if (PageNumber().IsMatch(t)) t = "";
            return new Line(t, t.Length - t.TrimStart().Length, i + 1, l.Contains('\f'));
        }).ToList();

    private static ImprovementList ReadBulleted(List<Line> lines, Regex heading)
    {
        var h = lines.FindIndex(l => heading.IsMatch(l.Text));
        if (h < 0) return new ImprovementList([], null, []);
        var items = new List<Item>();
        Item? current = null;
        var introduction = 0;
        for (var k = h + 1; k < lines.Count; k++)
        {
            var line = lines[k];
            var t = line.Text.Trim();
            if (t.Length == 0) continue;
            var bullet = Bullet().Match(t);
            // A bullet indented under a point ("… to demonstrate:" / "- an understanding …") belongs to it.
            var words = bullet.Success ? t[bullet.Length..].Trim() : t;
            if (bullet.Success && current is not null && line.Indent > current.Indent && current.IntroducesList)
                current.AppendListItem(words, line.Number);
            else if (bullet.Success) items.Add(current = new Item(words, line.Number, null, null) { Indent = line.Indent });
            else if (NextSection().IsMatch(t)) break;
            else if (current is not null && line.Indent > 0) current.Append(t, line.Number);
            // "The local authority needs to take action to address … the following areas of practice:" before the bullets.
            else if (current is null && ++introduction <= 8) continue;
            else break;
        }
        return items.Count == 0 ? ReadParagraphs(lines, h) : Finish(items, lines[h].Number, [], sentences: false);
    }

    /// <summary>
    /// A list with no bullets, answered in paragraphs (2018 letters such as Wolverhampton's; North Lincolnshire 2022): each
    /// paragraph up to the next section or the letter's close is a point. A first paragraph that only says an earlier list
    /// still stands ("The areas for improvement set at the last focused visit … remain") is not a point. pdftotext loses the
    /// gap between paragraphs at the top of a page, so a page break ends a paragraph when the text before it ends a sentence.
    /// </summary>
    private static ImprovementList ReadParagraphs(List<Line> lines, int h)
    {
        var at = $"line {lines[h].Number}";
        var end = lines.FindIndex(h + 1, l => NextSection().IsMatch(l.Text.Trim()) || LetterClose().IsMatch(l.Text.Trim()));
        var section = end < 0 ? [] : lines[(h + 1)..end].Select(l => l.Text.Trim()).Where(t => t.Length > 0).ToList();
        if (end < 0 || section.Count > MaxParagraphLines)
            return new ImprovementList([], lines[h].Number, [$"{at}: a heading but no bulleted points after it"]);
        // A line opening with a mark is a bullet the reader does not know: not paragraphs, and not to be read as one.
        if (section.FirstOrDefault(t => !Words().IsMatch(t)) is { } marked)
            return new ImprovementList([], lines[h].Number,
                [$"{at}: a heading but no bulleted points after it (\"{marked[0]}\" opens a line)"]);
        var items = new List<Item>();
        Item? current = null;
        var (gap, page) = (false, false);
        for (var k = h + 1; k < end; k++)
        {
            var t = lines[k].Text.Trim();
            page |= lines[k].PageStart;
            if (t.Length == 0) { gap = true; continue; }
            if (current is not null && (page ? EndsASentence().IsMatch(current.Text) : gap)) current = null;
            if (current is null) items.Add(current = new Item(t, lines[k].Number, null, null));
            else current.Append(t, lines[k].Number);
            (gap, page) = (false, false);
        }
        var problems = new List<string>();
        if (items.Count > 0 && CarriedOver().IsMatch(items[0].Text))
        {
            problems.Add($"{at}: no list of its own: \"{items[0].Text}\"");
            items.RemoveAt(0);
        }
        if (items.Count > 0) problems.Add($"{at}: a list in paragraphs, not bullets: each paragraph is read as a point");
        else if (problems.Count == 0) problems.Add($"{at}: a heading but nothing after it");
        return Finish(items, lines[h].Number, problems, sentences: true);
    }

    /// <summary>More lines than this between a heading and the next section are not a list in paragraphs.</summary>
    private const int MaxParagraphLines = 60;

    /// <summary>SIF: numbered recommendations under their list and area subheadings;
    /// "there are no areas for priority action" is not a point.</summary>
    private static ImprovementList ReadNumbered(List<Line> lines)
    {
        for (var h = lines.FindIndex(l => SifHeading().IsMatch(l.Text)); h >= 0;
             h = lines.FindIndex(h + 1, l => SifHeading().IsMatch(l.Text)))
        {
            var items = ReadNumberedFrom(lines, h, out var listHeading);
            if (items.Count > 0 || listHeading) return Finish(items, lines[h].Number, [], sentences: true);
        }
        return new ImprovementList([], null, []);
    }

    private static List<Item> ReadNumberedFrom(List<Line> lines, int h, out bool sawListHeading)
    {
        var items = new List<Item>();
        string? list = ListHeading().IsMatch(lines[h].Text) ? lines[h].Text.Trim() : null, area = null;
        sawListHeading = list is not null;
        Item? current = null;
        for (var k = h + 1; k < lines.Count; k++)
        {
            var line = lines[k];
            var t = line.Text.Trim();
            if (t.Length == 0) continue;
            var numbered = Numbered().Match(t);
            var bullet = Bullet().Match(t);
            if (numbered.Success)
            {
                current = new Item(t[numbered.Length..].Trim(), line.Number, list, area) { Numbered = true };
                if (!NoneToAct().IsMatch(current.Text)) items.Add(current);
            }
            else if (bullet.Success && current is { Numbered: true } && current.Text.EndsWith(':'))
                current.AppendListItem(t[bullet.Length..].Trim(), line.Number);
            else if (bullet.Success)
            {
                // "1. Quality and effectiveness of practice" over bullets is a numbered heading, not a point.
                if (current is { Numbered: true, OneLine: true } && items.LastOrDefault() == current && !current.Text.Contains('.'))
                    (area, items) = (current.Text, items[..^1]);
                items.Add(current = new Item(t[bullet.Length..].Trim(), line.Number, list, area));
            }
            else if (current is not null && line.Indent > 0) current.Append(t, line.Number);
            else if (NoneToAct().IsMatch(t)) current = null;
            else if (ListHeading().IsMatch(t)) { (list, area, current) = (t, null, null); sawListHeading = true; }
            else if (t.Length < 70 && !t.EndsWith('.') && !SifNextSection().IsMatch(t) && NextIsNumbered(lines, k))
                (area, current) = (t, null);
            else break;
        }
        return items;
    }

    private static bool NextIsNumbered(List<Line> lines, int k)
    {
        var next = lines.Skip(k + 1).FirstOrDefault(l => l.Text.Trim().Length > 0);
        return next is not null && Numbered().IsMatch(next.Text.Trim());
    }

    private static ImprovementList Finish(List<Item> items, int headingLine, List<string> problems, bool sentences)
    {
        var points = new List<ListedPoint>();
        foreach (var item in items)
        {
            var (text, tagText) = FrameworkTags.Split(StrayHeading(item.Text, item.LineFrom, problems));
            var tag = tagText is null ? null : FrameworkTags.Normalise(tagText);
            var at = $"line {item.LineFrom}";
            if (tagText is not null && tag is null)
                problems.Add($"{at}: footnote \"{tagText}\" names no outcome or enabler of the closed list");
            if (tagText is null && FrameworkTags.Mentioned(text)) problems.Add($"{at}: mentions the National Framework outside a footnote");
            // SIF recommendations and paragraphs are sentences; bullets often are not.
            if (sentences && !EndsASentence().IsMatch(text))
                problems.Add($"{at}: point does not end a sentence (\"…{text[Math.Max(0, text.Length - 30)..]}\")");
            points.Add(new ListedPoint(points.Count + 1, text, item.List, item.Area, tag, tagText, item.LineFrom, item.LineTo));
        }
        return new ImprovementList(points, headingLine, problems);
    }

    /// <summary>pdftotext sometimes appends the next heading to a point's last line ("… and care. Areas for improvement").</summary>
    private static string StrayHeading(string text, int line, List<string> problems)
    {
        var m = TrailingHeading().Match(text);
        if (!m.Success) return text;
        problems.Add($"line {line}: the heading \"{m.Groups[1].Value}\" printed at the end of the point is not part of it");
        return text[..m.Index].TrimEnd();
    }

    private sealed class Item(string text, int line, string? list, string? area)
    {
        public string Text { get; private set; } = text;
        public int LineFrom { get; } = line;
        public int LineTo { get; private set; } = line;
        public string? List { get; } = list;
        public string? Area { get; } = area;

        public bool Numbered { get; init; }
        public int Indent { get; init; }
        public bool OneLine => LineTo == LineFrom;
        public bool IntroducesList => Text.EndsWith(':') || Text.Contains("\n• ", StringComparison.Ordinal);

        /// <summary>A bullet under a point that introduces a list ("…:"): one point, a line ("• …") per bullet.</summary>
        public void AppendListItem(string t, int lineNumber)
        {
            Text = Text + "\n• " + t;
            LineTo = lineNumber;
        }

        /// <summary>A wrapped line; a word broken at its hyphen ("decision-" / "making") is one word.</summary>
        public void Append(string t, int lineNumber)
        {
            Text = Text.Length > 1 && Text[^1] == '-' && char.IsLetter(Text[^2]) ? Text + t : Text + " " + t;
            LineTo = lineNumber;
        }
    }

    [GeneratedRegex(@"^\s*What\s+needs\s+to\s+improve\s*[?:]?\s*\d?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex IlacsHeading();

    [GeneratedRegex(@"^\s*(?:What\s+needs\s+to\s+improve\s+in\s+this\s+area\s+of\s+(?:social\s+work\s+)?practice" +
        @"|Areas\s+for\s+improvement)" +
        @"\s*[?:]?\s*\d?\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex LetterHeading();

    [GeneratedRegex(@"^\s*(?:What\s+does\s+the\s+local\s+authority\s+need\s+to\s+improve\s*\??|Recommendations:?" +
        @"|Priority\s+and\s+immediate\s+action)\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex SifHeading();

    [GeneratedRegex(@"^(?:Priority\s+and\s+immediate\s+action|Areas\s+for\s+improvement):?$", RegexOptions.IgnoreCase)]
    private static partial Regex ListHeading();

    [GeneratedRegex(@"(?<=[.)])\s+(Areas\s+for\s+improvement|Priority\s+and\s+immediate\s+action)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingHeading();

    [GeneratedRegex(@"^\d{1,3}\.\s+")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(?:[\uF000-\uF0FF\u25FC\u25AA\u2022\u25CF\u25A0]|-\s)\s*")]
    internal static partial Regex Bullet();

    [GeneratedRegex(@"^(?:Findings|Main\s+findings|Headline\s+findings|The\s+experiences\s+and\s+progress|The\s+impact\s+of\s+leaders)",
        RegexOptions.IgnoreCase)]
    private static partial Regex NextSection();

    /// <summary>A line of a paragraph opens with a word, a number, a quotation mark or a bracket; anything else is a mark.</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}\u2018\u201C'""(\[]")]
    private static partial Regex Words();

    /// <summary>A letter's close after its last section.</summary>
    [GeneratedRegex(@"^(?:Ofsted\s+will\s+take\s+the\s+findings|Yours\s+sincerely)", RegexOptions.IgnoreCase)]
    private static partial Regex LetterClose();

    /// <summary>"The areas for improvement set at the last focused visit in February 2020 remain." / "… continue to be those that
    /// were identified at the ILACS inspection in July 2018."</summary>
    [GeneratedRegex(@"^The\s+areas\s+for\s+improvement\s+(?:(?:set|identified)\s+at\s+the\s+last\s+[^.]*\bremain\b" +
        @"|continue\s+to\s+be\s+those\b)", RegexOptions.IgnoreCase)]
    private static partial Regex CarriedOver();

    [GeneratedRegex(@"strengths|^Progress\s+since|^Summary|^Information\s+about|^Inspection\s+(?:judgements?|findings)" +
        @"|^What\s+the\s+inspection" +
        @"|Safeguarding\s+Children\s+Board|LSCB",
        RegexOptions.IgnoreCase)]
    private static partial Regex SifNextSection();

    [GeneratedRegex(@"\b(?:no|not\s+find\s+any)\s+(?:areas?\s+for\s+)?priority", RegexOptions.IgnoreCase)]
    private static partial Regex NoneToAct();

    [GeneratedRegex(@"[.!?)""'’”]$")]
    private static partial Regex EndsASentence();

    [GeneratedRegex(@"^\s*\d{1,3}$")]
    private static partial Regex PageNumber();
}
