namespace JudgementsApi.SeedBuilder.Tests;

public class CsvTests
{
    [Fact]
    public void Round_trips_quotes_commas_newlines_and_empty_fields()
    {
        string?[][] rows =
        [
            ["plain", "with, comma", "with \"quotes\"", "line\nbreak", null, ""],
            ["Bournemouth, Christchurch and Poole", "’curly’", "x", "", "y", "z"],
        ];
        var text = Csv.Format(["a", "b", "c", "d", "e", "f"], rows);
        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("\n", text);
        var back = Csv.Parse(text);
        Assert.Equal(3, back.Count);
        Assert.Equal(["a", "b", "c", "d", "e", "f"], back[0]);
        Assert.Equal(rows[0].Select(v => v ?? ""), back[1]);
        Assert.Equal(rows[1].Select(v => v ?? ""), back[2]);
    }

    [Fact]
    public void Reads_bom_crlf_and_skips_comment_lines_when_asked()
    {
        var text = "\uFEFF# a comment, with a comma\r\nfile,field\r\nx.txt,\"a\"\"b\"\r\n";
        var rows = Csv.ToDicts(Csv.Parse(text, skipCommentLines: true));
        Assert.Single(rows);
        Assert.Equal("a\"b", rows[0]["field"]);
    }

    [Fact]
    public void Rejects_rows_of_the_wrong_width() =>
        Assert.Throws<InvalidOperationException>(() => Csv.Format(["a", "b"], [["only one"]]));
}
