using Dapper;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Infrastructure;
using Npgsql;

namespace JudgementsApi.Features.Councils;

/// <summary>The council list shape for any filter: councils with their region, then their headline inspections.</summary>
public static class CouncilReader
{
    private sealed class Row
    {
        public string Code { get; init; } = "";
        public string? LaCode { get; init; }
        public string? OfstedUrn { get; init; }
        public string Name { get; init; } = "";
        public string Slug { get; init; } = "";
        public string Type { get; init; } = "";
        public string RegionCode { get; init; } = "";
        public string RegionName { get; init; } = "";
        public string RegionSlug { get; init; } = "";
        public DateOnly? Opened { get; init; }
        public string? OpenedNote { get; init; }
        public DateOnly? Closed { get; init; }
        public string? LatestId { get; init; }
        public long Total { get; init; }
    }

    private const string Select = """
        SELECT c.code, c.la_code, c.ofsted_urn, c.name, c.slug, c.type, c.region_code, r.name AS region_name,
               r.slug AS region_slug, c.opened, c.opened_note, c.closed, l.inspection_id AS latest_id, count(*) OVER () AS total
        FROM councils c
        JOIN regions r ON r.code = c.region_code
        LEFT JOIN council_latest_inspection l ON l.council_code = c.code
        """;

    public static async Task<(List<CouncilItem> Items, long Total)> QueryAsync(
        NpgsqlConnection conn, string where, DynamicParameters parameters, Paging paging)
    {
        var sql = $"{Select}\n{where}\nORDER BY c.name, c.code\n" + (paging == Paging.All ? "" : "LIMIT @Limit OFFSET @Offset");
        parameters.Add("Limit", paging.Limit);
        parameters.Add("Offset", paging.Offset);
        var rows = (await conn.QueryAsync<Row>(sql, parameters)).ToList();
        var total = await Collection.TotalAsync(conn, rows.FirstOrDefault()?.Total, paging,
            $"SELECT count(*) FROM councils c LEFT JOIN council_latest_inspection l ON l.council_code = c.code\n{where}", parameters);
        var latest = await InspectionReader.ByIdsAsync(conn, rows.Where(r => r.LatestId is not null).Select(r => r.LatestId!).ToList());
        return (rows.Select(r => new CouncilItem(r.Code, r.LaCode, r.OfstedUrn, r.Name, r.Slug, r.Type,
            new RegionRef(r.RegionCode, r.RegionName, r.RegionSlug), r.Opened, r.OpenedNote, r.Closed, r.Closed is null,
            OfstedLinks.ProviderPage(r.OfstedUrn),
            r.LatestId is null ? null : latest.GetValueOrDefault(r.LatestId))).ToList(), total);
    }

    public static async Task<Dictionary<string, CouncilItem>> ByCodesAsync(NpgsqlConnection conn, IReadOnlyCollection<string> codes)
    {
        var p = new DynamicParameters(new { Codes = codes.ToArray() });
        var (items, _) = await QueryAsync(conn, "WHERE c.code = ANY (@Codes)", p, Paging.All);
        return items.ToDictionary(c => c.Code);
    }

    public static IReadOnlyList<CsvColumn<CouncilItem>> CsvColumns(IReadOnlyList<string> families) =>
    [
        new("code", c => c.Code), new("la_code", c => c.LaCode), new("ofsted_urn", c => c.OfstedUrn), new("name", c => c.Name),
        new("slug", c => c.Slug), new("type", c => c.Type), new("region_code", c => c.Region.Code), new("region_name", c => c.Region.Name),
        new("opened", c => c.Opened), new("opened_note", c => c.OpenedNote), new("closed", c => c.Closed), new("current", c => c.Current),
        new("ofsted_page_url", c => c.OfstedPageUrl),
        new("latest_inspection_id", c => c.Latest?.Id), new("latest_type", c => c.Latest?.Type),
        new("latest_framework_version", c => c.Latest?.FrameworkVersion), new("latest_published", c => c.Latest?.Published),
        new("latest_report_url", c => c.Latest?.ReportUrl),
        .. families.Select(f => new CsvColumn<CouncilItem>(f, c =>
            c.Latest is null ? null : InspectionReader.CsvGrade(c.Latest, f))),
    ];
}
