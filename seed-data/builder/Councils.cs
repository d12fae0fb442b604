using System.Globalization;
using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder;

public sealed record Region(string Code, string Name, string Slug);

public sealed record Council(
    string Code, string? LaCode, string? OfstedUrn, string Name, string Slug, string Type,
    string RegionCode, DateOnly? Opened, DateOnly? Closed, IReadOnlyList<string> FormerCodes);

public sealed record Succession(string PredecessorCode, string SuccessorCode, DateOnly Date);

public sealed record StatisticalNeighbour(string CouncilCode, int Rank, string NeighbourCode);

/// <summary>Regions, councils, successions and statistical neighbours, built from DfE's las.csv,
/// region_la_hierarchy.csv and the peer scrape's Provider_data_lookup.csv.</summary>
public sealed class CouncilDirectory
{
    /// <summary>The first day of DfE's list of local authority codes: an `opened` on this day means "already in operation then".</summary>
    public static readonly DateOnly ListStart = new(2009, 1, 1);
    public List<Region> Regions { get; } = [];
    public List<Council> Councils { get; } = [];
    public List<Succession> Successions { get; } = [];
    public List<StatisticalNeighbour> Neighbours { get; } = [];
    public List<string> Warnings { get; } = [];

    /// <summary>Same council, new ONS code (boundary change, becoming unitary in 2009 or 2023,
    /// or ONS recoding). old code → current code.</summary>
    public static readonly IReadOnlyDictionary<string, string> SameCouncilCodeChanges = new Dictionary<string, string>
    {
        ["E08000016"] = "E08000038", // Barnsley, recoded May 2025
        ["E08000019"] = "E08000039", // Sheffield, recoded May 2025
        ["E08000020"] = "E08000037", // Gateshead, boundary change April 2013
        ["E06000048"] = "E06000057", // Northumberland, boundary change April 2013
        ["E10000022"] = "E06000057", // Northumberland county council became unitary April 2009
        ["E10000010"] = "E06000047", // Durham county council became unitary (County Durham) April 2009
        ["E10000026"] = "E06000051", // Shropshire county council became unitary April 2009
        ["E10000033"] = "E06000054", // Wiltshire county council became unitary April 2009
        ["E10000002"] = "E06000060", // Buckinghamshire became unitary April 2020
        ["E10000023"] = "E06000065", // North Yorkshire became unitary April 2023
        ["E10000027"] = "E06000066", // Somerset became unitary April 2023
    };

    /// <summary>Abolished councils and the councils that took over their children's services.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AbolishedSuccessors = new Dictionary<string, string[]>
    {
        ["E10000001"] = ["E06000055", "E06000056"], // Bedfordshire → Bedford, Central Bedfordshire (2009)
        ["E10000004"] = ["E06000049", "E06000050"], // Cheshire → Cheshire East, Cheshire West and Chester (2009)
        ["E06000028"] = ["E06000058"],              // Bournemouth → BCP (2019)
        ["E06000029"] = ["E06000058"],              // Poole → BCP (2019)
        ["E10000009"] = ["E06000058", "E06000059"], // Dorset County Council → BCP (Christchurch), Dorset (2019)
        ["E10000021"] = ["E06000061", "E06000062"], // Northamptonshire → North, West Northamptonshire (2021)
        ["E10000006"] = ["E06000063", "E06000064"], // Cumbria → Cumberland, Westmorland and Furness (2023)
    };

    static readonly IReadOnlyDictionary<string, string> SlugOverrides = new Dictionary<string, string>
    {
        ["E10000009"] = "dorset-county-council", // so that "dorset" is the current unitary council
    };

    static readonly IReadOnlyDictionary<string, string> NameOverrides = new Dictionary<string, string>
    {
        ["E10000009"] = "Dorset County Council",
    };

    Dictionary<string, Council> byCode = new(StringComparer.Ordinal);
    Dictionary<string, List<Council>> byUrn = new(StringComparer.Ordinal);

    public Council? ByCode(string code) => byCode.GetValueOrDefault(code);

    /// <summary>Maps an Ofsted URN and a date (a report's publication date) to the council that
    /// held the URN on that date. Returns null when no council matches.</summary>
    public Council? Resolve(string urn, DateOnly date)
    {
        if (!byUrn.TryGetValue(urn.Trim(), out var list)) return null;
        var hits = list.Where(c => (c.Opened is null || c.Opened <= date) && (c.Closed is null || date <= c.Closed)).ToList();
        return hits.Count == 1 ? hits[0] : null;
    }

    public static string Slugify(string name)
    {
        var s = name.ToLowerInvariant().Replace("&", " and ");
        s = Regex.Replace(s, @",\s*(city|county) of$", "");
        s = s.Replace("'", "").Replace("’", "").Replace(".", "");
        s = Regex.Replace(s, "[^a-z0-9]+", "-").Trim('-');
        return s;
    }

    static DateOnly? ParseDmy(string s) =>
        string.IsNullOrWhiteSpace(s) ? null : DateOnly.ParseExact(s.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture);

    static string TypeFromEntity(string entityCode) => entityCode switch
    {
        "E06" => "unitary",
        "E08" => "metropolitan_district",
        "E09" => "london_borough",
        "E10" => "county",
        _ => throw new InvalidDataException($"unknown entity code {entityCode}"),
    };

    public static CouncilDirectory Load(string dataDir)
    {
        var dir = new CouncilDirectory();
        var las = Csv.ReadDicts(Path.Combine(dataDir, "sources", "dfe-las", "las.csv"));
        var hierarchy = Csv.ReadDicts(Path.Combine(dataDir, "sources", "dfe-las", "region_la_hierarchy.csv"));
        var lookup = Csv.ReadDicts(Path.Combine(dataDir, "sources", "ilacs-scrape", "Provider_data_lookup.csv"));

        dir.AddRegions(hierarchy);
        var rows = las.Where(IsCouncilRow).ToDictionary(r => r["new_la_code"], StringComparer.Ordinal);
        var urnByOns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in lookup)
        {
            var ons = l["la_code_new"].Trim();
            if (ons.Length > 0) urnByOns[ons] = l["urn"].Trim();
        }
        dir.AddLiveCouncils(rows, urnByOns);
        dir.AddAbolishedCouncils(rows, urnByOns);
        dir.WarnOfUnaccountedRows(rows);
        dir.Index();
        dir.AddNeighbours(lookup);
        foreach (var c in dir.Councils.Where(c => c.Closed is null && c.OfstedUrn is null))
            dir.Warnings.Add($"current council {c.Name} has no Ofsted URN in Provider_data_lookup.csv");
        return dir;
    }

    /// <summary>A real council row: one ONS code (combined rows hold "A / B"), English code (BFPO is "z").</summary>
    static bool IsCouncilRow(Dictionary<string, string> r) =>
        r["new_la_code"].StartsWith("E0") || r["new_la_code"].StartsWith("E1")
            ? !r["new_la_code"].Contains('/') : false;

    void AddRegions(List<Dictionary<string, string>> hierarchy)
    {
        foreach (var g in hierarchy.Where(r => r["region_code"].StartsWith("E12")).GroupBy(r => r["region_code"]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = g.First()["region_name"].Trim();
            Regions.Add(new Region(g.Key, name, Slugify(name)));
        }
    }

    /// <summary>A council from its las.csv row; it opened when the earliest of its codes did.</summary>
    static Council MakeCouncil(Dictionary<string, string> r, IReadOnlyList<string> former,
        Dictionary<string, Dictionary<string, string>> rows, Dictionary<string, string> urnByOns)
    {
        var code = r["new_la_code"];
        var opened = ParseDmy(r["date_of_operation"]);
        foreach (var f in former)
        {
            var fo = ParseDmy(rows[f]["date_of_operation"]);
            if (fo is not null && (opened is null || fo < opened)) opened = fo;
        }
        var name = NameOverrides.GetValueOrDefault(code) ?? r["la_name"].Trim();
        var la = r["old_la_code"].Trim();
        return new Council(
            code,
            Regex.IsMatch(la, @"^\d{3}$") ? la : null,
            urnByOns.GetValueOrDefault(code),
            name,
            SlugOverrides.GetValueOrDefault(code) ?? Slugify(name),
            TypeFromEntity(r["entity_code"]),
            r["parent_geography_code"],
            opened,
            ParseDmy(r["date_of_termination"]),
            former);
    }

    void AddLiveCouncils(Dictionary<string, Dictionary<string, string>> rows, Dictionary<string, string> urnByOns)
    {
        var live = rows.Values.Where(r => r["status"] == "live").ToList();
        if (live.Count != 153) Warnings.Add($"las.csv has {live.Count} live council rows, expected 153");
        foreach (var r in live)
        {
            var former = SameCouncilCodeChanges.Where(kv => kv.Value == r["new_la_code"]).Select(kv => kv.Key)
                .OrderBy(c => c, StringComparer.Ordinal).ToList();
            foreach (var f in former.ToList())
            {
                if (!rows.ContainsKey(f)) { Warnings.Add($"former code {f} of {r["la_name"]} is not in las.csv; omitted"); former.Remove(f); }
                else if (rows[f]["status"] != "terminated") throw new InvalidDataException($"former code {f} is not a terminated row in las.csv");
            }
            Councils.Add(MakeCouncil(r, former, rows, urnByOns));
        }
    }

    void AddAbolishedCouncils(Dictionary<string, Dictionary<string, string>> rows, Dictionary<string, string> urnByOns)
    {
        foreach (var (code, successors) in AbolishedSuccessors.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!rows.TryGetValue(code, out var r)) { Warnings.Add($"abolished council {code} is not in las.csv; omitted"); continue; }
            if (r["status"] != "terminated") throw new InvalidDataException($"{code} is not terminated in las.csv");
            var council = MakeCouncil(r, [], rows, urnByOns);
            Councils.Add(council);
            foreach (var s in successors)
            {
                if (!rows.TryGetValue(s, out var succ)) { Warnings.Add($"successor {s} of {code} is not in las.csv; succession omitted"); continue; }
                var date = council.Closed!.Value.AddDays(1);
                if (ParseDmy(succ["date_of_operation"]) != date)
                    Warnings.Add($"succession {code} → {s}: successor opened {succ["date_of_operation"]}, predecessor closed {council.Closed}");
                Successions.Add(new Succession(code, s, date));
            }
        }
    }

    /// <summary>Every terminated row must be accounted for: a former code, an abolished council, or not a council.</summary>
    void WarnOfUnaccountedRows(Dictionary<string, Dictionary<string, string>> rows)
    {
        foreach (var r in rows.Values.Where(r => r["status"] == "terminated"))
        {
            var c = r["new_la_code"];
            if (!SameCouncilCodeChanges.ContainsKey(c) && !AbolishedSuccessors.ContainsKey(c))
                Warnings.Add($"las.csv terminated row {c} {r["la_name"]} is neither a former code nor an abolished council (not included)");
        }
    }

    /// <summary>Sorts the councils and successions, indexes them, and refuses duplicate slugs and unknown regions.</summary>
    void Index()
    {
        Councils.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        Successions.Sort((a, b) => a.PredecessorCode != b.PredecessorCode
            ? string.CompareOrdinal(a.PredecessorCode, b.PredecessorCode)
            : string.CompareOrdinal(a.SuccessorCode, b.SuccessorCode));
        byCode = Councils.ToDictionary(c => c.Code, StringComparer.Ordinal);
        byUrn = Councils.Where(c => c.OfstedUrn is not null).GroupBy(c => c.OfstedUrn!)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var slugs = Councils.GroupBy(c => c.Slug).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (slugs.Count > 0) throw new InvalidDataException("duplicate council slugs: " + string.Join(", ", slugs));
        foreach (var c in Councils)
            if (!Regions.Any(r => r.Code == c.RegionCode))
                throw new InvalidDataException($"{c.Code} has unknown region {c.RegionCode}");
    }

    /// <summary>Statistical neighbours: DfE's ordered list as DfE codes, mapped to current council codes.</summary>
    void AddNeighbours(List<Dictionary<string, string>> lookup)
    {
        var liveByLa = Councils.Where(c => c.Closed is null && c.LaCode is not null).ToDictionary(c => c.LaCode!, StringComparer.Ordinal);
        var formerByLa = Councils.Where(c => c.Closed is not null && c.LaCode is not null).ToDictionary(c => c.LaCode!, StringComparer.Ordinal);
        foreach (var l in lookup)
        {
            var council = byCode.GetValueOrDefault(l["la_code_new"].Trim());
            if (council is null || council.Closed is not null) continue;
            var codes = l["stat_neighbours"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            int rank = 0;
            foreach (var la in codes)
            {
                rank++;
                string? target = liveByLa.GetValueOrDefault(la)?.Code;
                if (target is null && formerByLa.TryGetValue(la, out var old)
                    && AbolishedSuccessors.TryGetValue(old.Code, out var succ) && succ.Length == 1)
                    target = succ[0];
                if (target is null)
                {
                    Warnings.Add($"statistical neighbour {la} of {council.Name} (rank {rank}) maps to no single current council; omitted");
                    continue;
                }
                Neighbours.Add(new StatisticalNeighbour(council.Code, rank, target));
            }
        }
        Neighbours.Sort((a, b) => a.CouncilCode != b.CouncilCode
            ? string.CompareOrdinal(a.CouncilCode, b.CouncilCode) : a.Rank.CompareTo(b.Rank));
    }
}
