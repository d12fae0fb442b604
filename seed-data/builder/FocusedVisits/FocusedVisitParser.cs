using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.FocusedVisits;

/// <summary>One focused-visit letter, reduced to facts. <see cref="Problems"/> is empty when every field was read cleanly.</summary>
public sealed record FocusedVisitRecord(
    string OfstedUrn, string ManifestCouncilName, string SourceFile,
    DateOnly LetterDate, DateOnly? VisitStart, DateOnly? VisitEnd,
    IReadOnlyList<string> Inspectors, string Focus, bool PriorityAction,
    IReadOnlyList<string> Problems)
{
    /// <summary>Where <see cref="LetterDate"/> comes from: <c>letter</c> (its date line) or <c>publication</c>
    /// (an undated letter: the manifest's publication date).</summary>
    public string LetterDateSource { get; init; } = "letter";
    public PriorityActionReading PriorityActions { get; init; } = new("none", [], null);
    /// <summary>Dates read otherwise than printed (typing slips in the letter), with the printed words and why.</summary>
    public IReadOnlyList<DateCorrection> Corrections { get; init; } = [];
    /// <summary>The letter's own sentence saying what the visit looked at; null when none was recognised.</summary>
    public string? FocusText { get; init; }
}

public static partial class FocusedVisitParser
{
    public const string ManifestKind = "focused_visit";

    public static FocusedVisitRecord Parse(string fileName, string text, string ofstedUrn, string manifestCouncilName, DateOnly publicationDate)
    {
        var problems = new List<string>();
        var corrections = new List<DateCorrection>();
        var letter = LetterText.From(text);

        var letterDate = LetterDates.FindLetterDate(letter, publicationDate, problems, corrections);
        if (letterDate is null)
            problems.Add("no letter date above the salutation; used the manifest publication date");
        var date = letterDate ?? publicationDate;

        // The opening paragraph ("This letter summarises the findings of … visit to X on <dates>.
        // The inspectors were …") carries dates and names; fall back to the whole letter.
        var opening = letter.Opening;
        var searchText = opening is null ? string.Join(" ", letter.Paragraphs) : letter.AroundOpening(opening);
        if (opening is null) problems.Add("no 'This letter summarises' opening paragraph");

        var visit = LetterDates.FindVisitDates(opening ?? searchText, date, problems, corrections)
                    ?? (opening is null ? null : LetterDates.FindVisitDates(searchText, date, problems, corrections));
        LetterDates.CheckVisitDates(visit, date, problems);

        var inspectors = InspectorNames.Find(searchText, problems);
        if (inspectors is null) problems.Add("no sentence naming the inspectors");
        else if (inspectors.Count == 0) problems.Add("inspector sentence found but no names read");

        var (focus, focusText) = FindFocus(letter, problems);

        var priority = PriorityActions.Read(letter);
        if (priority.Kind is "new" or "new_and_carried_over" && priority.Areas.Count == 0)
            problems.Add("areas for priority action named but none could be read");
        return new FocusedVisitRecord(
            ofstedUrn, manifestCouncilName, fileName,
            date, visit?.Start, visit?.End,
            inspectors ?? [], focus, priority.Kind != "none", problems)
        {
            LetterDateSource = letterDate is null ? "publication" : "letter",
            PriorityActions = priority,
            Corrections = corrections,
            FocusText = focusText,
        };
    }

    /// <summary>
    /// The short topic (our words) and the letter's own statement of what the visit looked at: the sentence
    /// that says so ("Inspectors looked at …"), with a "Specifically, …" sentence after it where the letter narrows it.
    /// </summary>
    private static (string Topic, string? Statement) FindFocus(LetterText letter, List<string> problems)
    {
        // The subject is stated before the findings begin.
        var preamble = letter.Paragraphs.TakeWhile(p => !FindingsHeading().IsMatch(p)).ToList();
        foreach (var paragraph in preamble)
        {
            var sentences = LetterText.Sentences(paragraph).ToList();
            if (PandemicStatement().IsMatch(paragraph))
                return (FocusTopics.Pandemic, sentences.FirstOrDefault(s => PandemicStatement().IsMatch(s)) ?? paragraph);
            var first = sentences.FindIndex(s => FocusStatement().IsMatch(s) && !MethodStatement().IsMatch(s));
            if (first < 0) continue;

            var statement = string.Join(" ", sentences.Skip(first));
            // "… help and protection … Specifically, inspectors looked at the front door": the narrower statement decides.
            var specific = Specifically().Match(statement);
            var topic = (specific.Success ? FocusTopics.Recognise(statement[specific.Index..]) : null)
                        ?? FocusTopics.Recognise(statement);
            if (topic is null) continue;
            var words = sentences[first];
            if (first + 1 < sentences.Count && sentences[first + 1].StartsWith("Specifically,", StringComparison.Ordinal))
                words += " " + sentences[first + 1];
            return (topic, words);
        }

        // The 2020-21 programme of visits on the pandemic's impact has no "looked at arrangements for" statement.
        var body = string.Join(" ", letter.Paragraphs);
        if (PandemicProgramme().IsMatch(body))
        {
            // The programme's sentence ("Her Majesty's Chief Inspector … is leading Ofsted's work into …"), without a heading run into it.
            var sentence = letter.Paragraphs.SelectMany(LetterText.Sentences).First(s => PandemicProgramme().IsMatch(s));
            var start = sentence.IndexOf("Her Majesty's Chief Inspector", StringComparison.Ordinal);
            return (FocusTopics.Pandemic, start > 0 ? sentence[start..] : sentence);
        }

        problems.Add("focus not recognised");
        return (FocusTopics.Unrecognised, null);
    }

    /// <summary>
    /// Parses every letter in reports/focused-visits/, taking URN, council and publication date from
    /// reports/manifest.csv (a letter the manifest lacks is still parsed, with a problem), ordered by
    /// letter date then file name.
    /// </summary>
    public static IReadOnlyList<FocusedVisitRecord> ParseAll(string sharedDataDir)
    {
        var reports = Path.Combine(sharedDataDir, "reports");
        var manifest = ReadManifest(Path.Combine(reports, "manifest.csv"))
            .Where(r => r.Kind == ManifestKind)
            .ToDictionary(r => Path.GetFileName(r.File), StringComparer.Ordinal);

        var records = new List<FocusedVisitRecord>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(reports, "focused-visits"), "*.txt"))
        {
            var name = Path.GetFileName(path);
            var text = File.ReadAllText(path, Encoding.UTF8);
            if (manifest.TryGetValue(name, out var row))
            {
                records.Add(Parse(row.File, text, row.OfstedUrn, row.Council, row.PublicationDate));
                continue;
            }
            // Not in the manifest: take URN and date from the file name, and say so.
            var m = FileNamePattern().Match(name);
            var urn = m.Success ? m.Groups["urn"].Value : "";
            var published = m.Success ? DateOnly.ParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.MinValue;
            var r = Parse("focused-visits/" + name, text, urn, "", published);
            records.Add(r with { Problems = [.. r.Problems, "file not listed in manifest.csv"] });
        }
        return records.OrderBy(r => r.LetterDate).ThenBy(r => r.SourceFile, StringComparer.Ordinal).ToList();
    }

    private sealed record ManifestRow(string File, string Kind, string OfstedUrn, string Council, DateOnly PublicationDate);

    private static IEnumerable<ManifestRow> ReadManifest(string path)
    {
        var records = Csv.Parse(File.ReadAllText(path, Encoding.UTF8));
        var header = records.Count > 0 ? records[0] : [];
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"manifest.csv has no '{name}' column");
        int file = Col("file"), kind = Col("kind"), urn = Col("ofsted_urn"), la = Col("local_authority"), date = Col("publication_date");
        foreach (var f in records.Skip(1))
            yield return new ManifestRow(f[file], f[kind], f[urn], f[la],
                DateOnly.ParseExact(f[date], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\b(?:inspectors|they|this\s+visit|the\s+visit)\s+(?:looked\s+at|reviewed|considered|focused\s+on|evaluated)|\bfocus\s+of\s+(?:this|the)\s+visit\s+was|\bvisit\s+focused\s+on", RegexOptions.IgnoreCase)]
    private static partial Regex FocusStatement();

    // Sentences about the evidence used, not the subject.
    [GeneratedRegex(@"(?:looked\s+at|reviewed|considered)\s+(?:a\s+(?:wide\s+)?range\s+of|a\s+sample|children's\s+(?:case\s+)?records|evidence)", RegexOptions.IgnoreCase)]
    private static partial Regex MethodStatement();

    [GeneratedRegex(@"(?:^|[.:]\s+)Specifically,")]
    private static partial Regex Specifically();

    [GeneratedRegex(@"leading\s+Ofsted's\s+work\s+into\s+how\s+England's\s+social\s+care\s+system", RegexOptions.IgnoreCase)]
    private static partial Regex PandemicProgramme();

    [GeneratedRegex(@"^(?:Headline\s+findings|Overview|Findings|Main\s+findings|What\s+needs\s+to\s+improve\b.*|Areas?\s+for\s+priority\s+action:?)$", RegexOptions.IgnoreCase)]
    private static partial Regex FindingsHeading();

    // The 2020-21 visits "looked at the quality and impact of key decision-making across help and protection, …".
    [GeneratedRegex(@"together\s+with\s+the\s+impact\s+of\s+leadership|impact\s+of\s+leadership\s+on\s+service\s+development", RegexOptions.IgnoreCase)]
    private static partial Regex PandemicStatement();

    [GeneratedRegex(@"^(?<urn>\d+)_.+_(?<date>\d{4}-\d{2}-\d{2})\.txt$")]
    private static partial Regex FileNamePattern();
}
