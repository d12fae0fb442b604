using System.Text;
using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.FocusedVisits;

/// <summary>
/// A letter's pdftotext output, cleaned: form feeds and page-number lines removed, typographic
/// quotes folded to ASCII, and lines re-flowed into paragraphs (so wrapped sentences and names read whole).
/// </summary>
internal sealed partial class LetterText
{
    public IReadOnlyList<string> Lines { get; }
    public IReadOnlyList<string> Paragraphs { get; }

    /// <summary>Index into <see cref="Lines"/> of the salutation ("Dear …"), or -1.</summary>
    public int SalutationLine { get; }

    private readonly int[] _sourceLines;

    /// <summary>The 1-based line of the original text that <see cref="Lines"/>[<paramref name="index"/>] came from
    /// (a form feed starts a new entry in Lines but not in the file).</summary>
    public int SourceLine(int index) => index < _sourceLines.Length ? _sourceLines[index] : index + 1;

    private LetterText(IReadOnlyList<string> lines, IReadOnlyList<string> paragraphs, int salutationLine, int[] sourceLines)
    {
        _sourceLines = sourceLines;
        Lines = lines;
        Paragraphs = paragraphs;
        SalutationLine = salutationLine;
    }

    public static LetterText From(string raw)
    {
        var text = NormaliseCharacters(raw);
        var lines = text.Split('\n')
            .Select(l => l.TrimEnd())
            // Page footers are a bare page number; they land mid-sentence at page breaks.
            .Select(l => PageNumberLine().IsMatch(l) ? "" : l)
            .ToList();

        var salutation = lines.FindIndex(l => l.TrimStart().StartsWith("Dear ", StringComparison.Ordinal));
        var body = salutation >= 0 ? lines.Skip(salutation + 1) : lines;
        var sourceLines = raw.Replace("\r", "").Split('\n')
            .SelectMany((l, i) => Enumerable.Repeat(i + 1, l.Count(c => c == '\f') + 1)).ToArray();
        return new LetterText(lines, BuildParagraphs(body), salutation, sourceLines);
    }

    public static string NormaliseCharacters(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            switch (c)
            {
                case '\r': break;
                case '\f': sb.Append('\n'); break;
                case '\u2018' or '\u2019' or '\u02BC' or '\u2032': sb.Append('\''); break;
                case '\u201C' or '\u201D': sb.Append('"'); break;
                case '\u00A0' or '\u2009' or '\u202F' or '\t': sb.Append(' '); break;
                case '\u00AD': break; // soft hyphen
                case '\u2010' or '\u2011': sb.Append('-'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static List<string> BuildParagraphs(IEnumerable<string> lines)
    {
        var raw = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            var t = line.Trim();
            if (t.Length == 0)
            {
                if (current.Length > 0) { raw.Add(current.ToString()); current.Clear(); }
                continue;
            }
            AppendLine(current, t);
        }
        if (current.Length > 0) raw.Add(current.ToString());

        // Re-join paragraphs split by a page break: the first part is body text without a closing
        // full stop, or the continuation starts in lower case.
        var merged = new List<string>();
        foreach (var p in raw)
        {
            if (merged.Count > 0 && ContinuesPrevious(merged[^1], p))
            {
                var sb = new StringBuilder(merged[^1]);
                AppendLine(sb, p);
                merged[^1] = sb.ToString();
            }
            else merged.Add(p);
        }
        return merged.Select(p => MultiSpace().Replace(p, " ")).ToList();
    }

    private static bool ContinuesPrevious(string previous, string next)
    {
        if (next.Length == 0) return false;
        if (char.IsLower(next[0])) return true;
        var last = previous[^1];
        return previous.Length > 70 && !".:;!?".Contains(last) && !next.StartsWith('◼') && !next.StartsWith('•');
    }

    private static void AppendLine(StringBuilder sb, string line)
    {
        if (sb.Length == 0) { sb.Append(line); return; }
        // A line ending "word-" is a wrapped compound ("decision-/making", "Thomson-/Jones"): keep the
        // hyphen and join without a space.
        if (sb[^1] == '-' && sb.Length > 1 && char.IsLetter(sb[^2])) sb.Append(line);
        else sb.Append(' ').Append(line);
    }

    /// <summary>The opening paragraph ("This letter summarises the findings of … visit to X on &lt;dates&gt;.
    /// The inspectors were …"), which states the visit's dates and inspectors; null when there is none.</summary>
    public string? Opening => Paragraphs.FirstOrDefault(p => OpeningStatement().IsMatch(p));

    [GeneratedRegex(@"\bthis\s+letter\s+(?:summarises|sets\s+out)", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningStatement();

    /// <summary>The opening paragraph and the two after it, where the dates and names it starts may run on.</summary>
    public string AroundOpening(string opening) =>
        opening + " " + string.Join(" ", Paragraphs.SkipWhile(p => p != opening).Skip(1).Take(2));

    /// <summary>Sentences of a paragraph: split at ". " before a capital or an opening bracket/quote.</summary>
    public static IEnumerable<string> Sentences(string paragraph) =>
        SentenceBreak().Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"^\s*\d{1,3}\s*$")]
    private static partial Regex PageNumberLine();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultiSpace();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z('""◼])")]
    private static partial Regex SentenceBreak();
}
