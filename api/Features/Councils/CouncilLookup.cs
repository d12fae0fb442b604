using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Councils;

/// <summary>
/// A council is addressed by its ONS code, DfE three-digit code, a former ONS code or its slug;
/// all four name the same council. Where a code could name two (a reused DfE code), the current
/// council wins.
/// </summary>
public static class CouncilLookup
{
    // One indexed lookup per identifier form (an OR across columns would scan the table).
    private const string Sql = """
        SELECT code, name, slug FROM (
            SELECT code, name, slug, closed, 0 AS preference FROM councils WHERE code = upper(@Id)
            UNION ALL SELECT code, name, slug, closed, 1 FROM councils WHERE la_code = @Id
            UNION ALL SELECT code, name, slug, closed, 1 FROM councils WHERE slug = lower(@Id)
            UNION ALL SELECT code, name, slug, closed, 1 FROM councils WHERE former_codes @> ARRAY[upper(@Id)]
        ) found
        ORDER BY preference, (closed IS NULL) DESC
        LIMIT 1
        """;

    public static Task<CouncilRef?> FindAsync(NpgsqlConnection conn, string id) =>
        conn.QueryFirstOrDefaultAsync<CouncilRef>(Sql, new { Id = id.Trim() });

}
