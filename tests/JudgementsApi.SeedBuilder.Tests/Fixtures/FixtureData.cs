namespace JudgementsApi.SeedBuilder.Tests.Fixtures;

/// <summary>Writes a miniature shared-data folder (code lists, manifest, two reports) to a temp directory.</summary>
public sealed class FixtureData : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "seedbuilder-tests-" + Guid.NewGuid().ToString("N"));
    public string DataDir => Path.Combine(Root, "data");

    public FixtureData()
    {
        void W(string rel, string text)
        {
            var p = Path.Combine(DataDir, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(p)!);
            File.WriteAllText(p, text.ReplaceLineEndings("\n"));
        }
        W("sources/dfe-las/las.csv", """
new_la_code,la_name,date_of_operation,date_of_termination,parent_geography_code,entity_code,entity_description,status,old_la_code
E06000020,Telford and Wrekin,01/01/2009,,E12000005,E06,Unitary Authorities,live,894
E06000051,Shropshire,01/04/2009,,E12000005,E06,Unitary Authorities,live,893
E10000026,Shropshire,01/01/2009,31/03/2009,E12000005,E10,Counties,terminated,x
E06000020 / E06000051,Telford and Wrekin / Shropshire,01/04/2009,,E12000005,E06,Unitary Authorities,live,894 / 893
z,British Forces Post Office overseas establishments,,,,,,live,702

""");
        W("sources/dfe-las/region_la_hierarchy.csv", """
region_code,region_name,old_la_code,la_name,new_la_code
E12000005,West Midlands,893,Shropshire,E06000051
E12000005,West Midlands,894,Telford and Wrekin,E06000020
z,Unknown,x,Unknown,z

""");
        W("sources/ilacs-scrape/Provider_data_lookup.csv", "\uFEFF" + """
urn,la_code,la_code_new,stat_neighbours,stat_neighbours_la_code,local_authority_ons_name
80552,893,E06000051,"894","E06000020",Shropshire
80570,894,E06000020,"893","E06000051",Telford and Wrekin

""");
        W("sources/ilacs-scrape/ofsted_csc_ilacs_history.csv", """
urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version
80570,telford & wrekin,https://example.invalid/2,x.pdf,02/03/20,standard,Alex Smart,20/01/2020,24/01/2020,good,outstanding,requires improvement,outstanding,inspection_pre_dates_judgement,1

""");
        W("reports/manifest.csv", """
file,kind,ofsted_urn,local_authority,publication_date,original_title,report_url
inspections/80552_shropshire_2017-11-24.txt,inspection,80552,shropshire,2017-11-24,children's services inspection - 24 november 2017,https://example.invalid/1
inspections/80570_telford-wrekin_2020-03-02.txt,inspection,80570,telford & wrekin,2020-03-02,children's services inspection - 02 march 2020,https://example.invalid/2

""");
        W("reports/inspections/80552_shropshire_2017-11-24.txt", ReportFixtures.Sif);
        W("reports/inspections/80570_telford-wrekin_2020-03-02.txt", ReportFixtures.Ilacs2018Short);
        Directory.CreateDirectory(Path.Combine(DataDir, "reports", "focused-visits"));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
