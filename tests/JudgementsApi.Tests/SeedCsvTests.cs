using System.Text;

namespace JudgementsApi.Tests;

/// <summary>The seed files' reader on its own: what it accepts, and the file:line of what it refuses.</summary>
public class SeedCsvTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seedcsv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (List<SeedRow> Rows, List<string> Errors) Read(string text, params string[] header)
    {
        var path = Path.Combine(_dir, "t.csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        var errors = new List<string>();
        return (SeedCsv.Read(path, "t.csv", header, errors), errors);
    }

    [Fact]
    public void QuotedFieldsMayHoldCommasQuotesAndLineBreaksAndLinesStayRight()
    {
        var (rows, errors) = Read("\uFEFFid,text\r\na,\"one, \"\"two\"\"\r\nthree\"\r\n\r\nb,\r\nc,plain", "id", "text");
        Assert.Empty(errors);
        Assert.Equal(["a", "b", "c"], rows.Select(r => r["id"]));
        Assert.Equal("one, \"two\"\r\nthree", rows[0]["text"]); // kept as written inside quotes
        Assert.Null(rows[1]["text"]); // empty means null
        Assert.Equal([2, 5, 6], rows.Select(r => r.Line)); // the quoted line break counts; the blank line is skipped
        Assert.Equal("t.csv:5", rows[1].Where);
    }

    [Fact]
    public void ARowOfTheWrongWidthIsReportedWithItsLineAndLeftOut()
    {
        var (rows, errors) = Read("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n", "a", "b", "c");
        Assert.Equal(["t.csv:3: 2 fields, expected 3", "t.csv:4: 4 fields, expected 3"], errors);
        Assert.Equal(["1", "10"], rows.Select(r => r["a"]));
    }

    [Fact]
    public void AnUnterminatedQuoteIsReportedAtTheLineItOpens()
    {
        var (_, errors) = Read("a,b\n1,2\n3,\"never closed\n4,5\n", "a", "b");
        Assert.Contains("t.csv:3: unterminated quoted field", errors);
    }

    [Fact]
    public void TheHeaderMustBeExactAndAnEmptyFileSaysWhatWasExpected()
    {
        Assert.Equal(["t.csv:1: header is 'a,c', expected 'a,b'"], Read("a,c\n1,2\n", "a", "b").Errors);
        Assert.Equal(["t.csv:1: empty file, expected the header a,b"], Read("", "a", "b").Errors);
    }

    [Fact]
    public void RecordsAreCountedOnceWhateverTheirLines() =>
        Assert.Equal(3, SeedCsv.CountRecords("a,b\n1,\"x\ny\"\n2,z"));

    [Fact]
    public void TheManifestWrittenForAnEditedFolderIsTheBuildersByteForByte()
    {
        foreach (var file in Directory.GetFiles(Infrastructure.TestDatabase.SeedDirectory, "*.csv"))
            if (Path.GetFileName(file) != SeedManifest.FileName) File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        SeedManifest.Write(_dir);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Infrastructure.TestDatabase.SeedDirectory, SeedManifest.FileName)),
            File.ReadAllBytes(Path.Combine(_dir, SeedManifest.FileName)));
    }
}
