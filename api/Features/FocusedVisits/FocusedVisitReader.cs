namespace JudgementsApi.Features.FocusedVisits;

/// <summary>Which focused visits: the letters' filters, and whether areas for priority action are in force.</summary>
public sealed record FocusedVisitFilter : LetterFilter
{
    public bool? PriorityAction { get; init; }

    /// <summary>The test a letter must pass; null when every letter does.</summary>
    public Func<SnapshotLetter<FocusedVisit>, bool>? Matches =>
        Test<FocusedVisit>(PriorityAction is { } p ? v => v.PriorityAction == p : null);
}

/// <summary>Every read of focused visits: the list, one visit, a council's, the summary's, the feeds' and the pages'.</summary>
public static class FocusedVisitReader
{
    public sealed class Row : LetterRow
    {
        public string Focus { get; init; } = "";
        public bool PriorityAction { get; init; }
        public string LetterDateSource { get; init; } = "";
        public string PriorityActionKind { get; init; } = "";
        public string? FocusText { get; init; }
        public string? Corrected { get; init; }
        public string? Printed { get; init; }
        public string? CorrectionReason { get; init; }
    }

    /// <summary>The SQL that reads focused visits and their areas for priority action into the snapshot (run by SnapshotLoader).</summary>
    public const string Sql = $"""
        SELECT {Letters.Columns}, focus, priority_action, letter_date_source, priority_action_kind,
               focus_text, corrected, printed, correction_reason FROM focused_visits;
        SELECT focused_visit_id, position, text, source_line FROM focused_visit_priority_actions;
        """;

    /// <summary>Reads the two result sets of <see cref="Sql"/> and makes each visit's response shape, newest letter first.</summary>
    public static async Task<List<SnapshotLetter<FocusedVisit>>> ReadAsync(SqlMapper.GridReader multi, IReadOnlyDictionary<string, CouncilFacts> councils)
    {
        var rows = (await multi.ReadAsync<Row>()).ToList();
        var areas = (await multi.ReadAsync<(string VisitId, int Position, string Text, int? SourceLine)>())
            .OrderBy(a => a.Position).ToLookup(a => a.VisitId, a => new PriorityArea(a.Position, a.Text, a.SourceLine), StringComparer.Ordinal);
        return Letters.NewestFirst(rows, councils, (r, council) =>
        {
            var page = OfstedLinks.ProviderPage(council.OfstedUrn);
            // Areas are listed only for a visit after which areas for priority action are in force.
            var listed = r.PriorityAction ? areas[r.Id].ToList() : [];
            var actions = new PriorityActions(r.PriorityActionKind, r.PriorityActionKind is "carried_over" or "new_and_carried_over", listed,
                listed.Count == 0 ? null : Attribution);
            IReadOnlyList<DateCorrection> corrected =
                r.Corrected is null ? [] : [new DateCorrection(r.Corrected, r.Printed!, r.CorrectionReason!)];
            return new FocusedVisit(r.Id, council.Ref, r.LetterDate, r.LetterDateSource, r.VisitStart, r.VisitEnd, r.Inspectors, r.Focus,
                r.FocusText, r.PriorityAction, actions, r.ReportUrl, page, r.ReportUrl ?? page, r.Source, corrected);
        });
    }

    /// <summary>The areas are Ofsted's words, reused under the Open Government Licence, which asks for this statement.</summary>
    public const string Attribution = "Quoted from Ofsted's letter. Contains public sector information licensed under the Open Government Licence v3.0.";

    public static readonly CsvColumn<FocusedVisit>[] CsvColumns =
    [
        new("id", f => f.Id), new("council_code", f => f.Council.Code), new("council_name", f => f.Council.Name),
        new("letter_date", f => f.LetterDate), new("letter_date_source", f => f.LetterDateSource),
        new("visit_start", f => f.VisitStart), new("visit_end", f => f.VisitEnd),
        new("inspectors", f => f.Inspectors), new("focus", f => f.Focus), new("focus_text", f => f.FocusText),
        new("priority_action", f => f.PriorityAction),
        new("priority_action_kind", f => f.PriorityActions.Kind),
        new("priority_action_areas", f => string.Join(" | ", f.PriorityActions.Areas.Select(a => a.Text))),
        new("report_url", f => f.ReportUrl), new("ofsted_page_url", f => f.OfstedPageUrl), new("link", f => f.Link),
        // The seed has one correction a letter at most; more would be listed with " | " between them.
        new("corrected", f => string.Join(" | ", f.Corrections.Select(c => c.Field))),
        new("printed", f => string.Join(" | ", f.Corrections.Select(c => c.Printed))),
        new("correction_reason", f => string.Join(" | ", f.Corrections.Select(c => c.Reason))),
    ];

    /// <summary>The visits matching <paramref name="filter"/>, newest letter first: one page and the count of all.</summary>
    public static (List<FocusedVisit> Items, long Total) Query(DatasetSnapshot snapshot, FocusedVisitFilter filter, Paging paging) =>
        Letters.Slice(snapshot.FocusedVisits, filter.Matches, paging);
}
