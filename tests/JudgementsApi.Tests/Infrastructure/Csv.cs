using System.Text;
using CsvHelper;

namespace JudgementsApi.Tests.Infrastructure;

public static class Csv
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',', HasHeader = false, AllowLineBreaksInQuotes = true,
        SkipEmptyLines = false, // a blank line is a record of one empty field, so that it shows
    };

    /// <summary>The RFC 4180 records of CSV text, the header first (a quoted field may hold commas, quotes and newlines).</summary>
    public static List<List<string>> Records(string text)
    {
        using var csv = CsvReader.Create(Encoding.UTF8.GetBytes(text).AsMemory(), Options);
        var records = new List<List<string>>();
        while (csv.Read())
            records.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "").ToList());
        return records;
    }
}
