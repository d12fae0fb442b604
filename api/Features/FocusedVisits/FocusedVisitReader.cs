namespace JudgementsApi.Features.FocusedVisits;

/// <summary>Which focused visits: the letters' filters, and whether areas for priority action are in force.</summary>
public sealed record FocusedVisitFilter : LetterFilter
{
    public bool? PriorityAction { get; init; }

    public override void AddClauses(List<string> clauses, DynamicParameters p)
    {
        base.AddClauses(clauses, p);
        if (PriorityAction is not null) { clauses.Add("v.priority_action = @Priority"); p.Add("Priority", PriorityAction); }
    }
}

/// <summary>Every read of focused visits: the list, one visit, a council's, the summary's, the feeds' and the pages'.</summary>
public static class FocusedVisitReader
{
    private sealed class Row : LetterRow
    {
        public string Focus { get; init; } = "";
        public bool PriorityAction { get; init; }
        public string? OfstedUrn { get; init; }
        public string LetterDateSource { get; init; } = "";
        public string PriorityActionKind { get; init; } = "";
    }

    /// <summary>The areas are Ofsted's words, reused under the Open Government Licence, which asks for this statement.</summary>
    public const string Attribution = "Quoted from Ofsted's letter. Contains public sector information licensed under the Open Government Licence v3.0.";

    public static readonly CsvColumn<FocusedVisit>[] CsvColumns =
    [
        new("id", f => f.Id), new("council_code", f => f.Council.Code), new("council_name", f => f.Council.Name),
        new("letter_date", f => f.LetterDate), new("letter_date_source", f => f.LetterDateSource),
        new("visit_start", f => f.VisitStart), new("visit_end", f => f.VisitEnd),
        new("inspectors", f => f.Inspectors), new("focus", f => f.Focus), new("priority_action", f => f.PriorityAction),
        new("priority_action_kind", f => f.PriorityActions.Kind),
        new("priority_action_areas", f => string.Join(" | ", f.PriorityActions.Areas.Select(a => a.Text))),
        new("report_url", f => f.ReportUrl), new("ofsted_page_url", f => f.OfstedPageUrl), new("link", f => f.Link),
    ];

    /// <summary>The visits matching <paramref name="filter"/>, newest letter first: one page and the count of all.</summary>
    public static async Task<(List<FocusedVisit> Items, long Total)> QueryAsync(NpgsqlConnection conn, FocusedVisitFilter filter, Paging paging)
    {
        var (rows, total) = await Letters.QueryAsync<Row>(conn, "focused_visits",
            "v.focus, v.priority_action, c.ofsted_urn, v.letter_date_source, v.priority_action_kind", filter, paging);
        var areas = (await conn.QueryAsync<(string VisitId, int Position, string Text, int? SourceLine)>("""
            SELECT focused_visit_id, position, text, source_line FROM focused_visit_priority_actions
            WHERE focused_visit_id = ANY (@Ids) ORDER BY focused_visit_id, position
            """, new { Ids = rows.Where(r => r.PriorityAction).Select(r => r.Id).ToArray() }))
            .ToLookup(a => a.VisitId, a => new PriorityArea(a.Position, a.Text, a.SourceLine));
        return (rows.Select(r =>
        {
            var page = OfstedLinks.ProviderPage(r.OfstedUrn);
            var listed = areas[r.Id].ToList();
            var actions = new PriorityActions(r.PriorityActionKind, r.PriorityActionKind is "carried_over" or "new_and_carried_over", listed,
                listed.Count == 0 ? null : Attribution);
            return new FocusedVisit(r.Id, r.Council, r.LetterDate, r.LetterDateSource,
                r.VisitStart, r.VisitEnd, r.Inspectors, r.Focus, r.PriorityAction, actions, r.ReportUrl, page, r.ReportUrl ?? page, r.Source);
        }).ToList(), total);
    }
}
