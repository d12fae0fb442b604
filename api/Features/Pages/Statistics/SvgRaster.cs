using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

namespace JudgementsApi.Features.Pages.Statistics;

/// <summary>
/// Turns the charts' own SVG (rectangles, horizontal lines, text; nothing else) into a PNG at twice
/// the size, so a chart downloads as a picture without a browser or a graphics library on the server.
/// Text is drawn with <see cref="BitmapFont"/>.
/// </summary>
public static partial class SvgRaster
{
    private const int Scale = 2;

    [GeneratedRegex("""<svg[^>]*viewBox="0 0 ([\d.]+) ([\d.]+)"[^>]*>""")]
    private static partial Regex ViewBox();

    [GeneratedRegex("""<(rect|line|text)\b([^>]*?)/?>(?:([^<]*)</text>)?""")]
    private static partial Regex Element();

    [GeneratedRegex("""([\w-]+)="([^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Attribute();

    public static byte[] ToPng(string svg)
    {
        var box = ViewBox().Match(svg);
        var width = (int)Math.Ceiling(double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture) * Scale);
        var height = (int)Math.Ceiling(double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture) * Scale);
        var pixels = new uint[width * height];
        Array.Fill(pixels, 0xffffffu);
        // Skip the <title>/<desc> texts: only elements after the opening tag are drawn.
        foreach (Match m in Element().Matches(svg, box.Index + box.Length))
        {
            var a = Attribute().Matches(m.Groups[2].Value).ToDictionary(x => x.Groups[1].Value, x => x.Groups[2].Value);
            double D(string k) => a.TryGetValue(k, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) * Scale : 0;
            switch (m.Groups[1].Value)
            {
                case "rect":
                    Fill(pixels, width, height, D("x"), D("y"), D("width"), D("height"), Colour(a.GetValueOrDefault("fill")));
                    if (a.TryGetValue("stroke", out var s) && s != "#ffffff" && D("width") < 40 * Scale)
                    {
                        var c = Colour(s);
                        var (x, y, w, h) = (D("x"), D("y"), D("width"), D("height"));
                        Fill(pixels, width, height, x, y, w, 1, c); Fill(pixels, width, height, x, y + h - 1, w, 1, c);
                        Fill(pixels, width, height, x, y, 1, h, c); Fill(pixels, width, height, x + w - 1, y, 1, h, c);
                    }
                    break;
                case "line":
                    Fill(pixels, width, height, D("x1"), D("y1"), Math.Max(1, D("x2") - D("x1")), 1, Colour(a.GetValueOrDefault("stroke")));
                    break;
                case "text":
                    var text = WebUtility.HtmlDecode(m.Groups[3].Value);
                    var textWidth = BitmapFont.Width(text) * Scale;
                    var left = a.GetValueOrDefault("text-anchor") switch
                    {
                        "end" => D("x") - textWidth,
                        "middle" => D("x") - textWidth / 2.0,
                        _ => D("x"),
                    };
                    BitmapFont.Draw(text, (int)left, (int)D("y"), Scale, Colour(a.GetValueOrDefault("fill")),
                        (px, py, colour) => { if (px >= 0 && py >= 0 && px < width && py < height) pixels[py * width + px] = colour; });
                    break;
            }
        }
        return Encode(pixels, width, height);
    }

    private static uint Colour(string? hex) =>
        hex is { Length: 7 } && hex[0] == '#' ? uint.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture) : 0x0b0c0cu;

    private static void Fill(uint[] pixels, int width, int height, double x, double y, double w, double h, uint colour)
    {
        int x0 = Math.Max(0, (int)Math.Round(x)), y0 = Math.Max(0, (int)Math.Round(y));
        int x1 = Math.Min(width, (int)Math.Round(x + w)), y1 = Math.Min(height, (int)Math.Round(y + h));
        for (var j = y0; j < y1; j++)
            for (var i = x0; i < x1; i++) pixels[j * width + i] = colour;
    }

    private static byte[] Encode(uint[] pixels, int width, int height)
    {
        var raw = new byte[height * (width * 3 + 1)];
        for (int y = 0, k = 0; y < height; y++)
        {
            raw[k++] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var p = pixels[y * width + x];
                raw[k++] = (byte)(p >> 16); raw[k++] = (byte)(p >> 8); raw[k++] = (byte)p;
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        var header = new byte[13];
        WriteInt(header, 0, width); WriteInt(header, 4, height);
        header[8] = 8; header[9] = 2; // 8-bit RGB
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteInt(byte[] b, int at, int v)
    {
        b[at] = (byte)(v >> 24); b[at + 1] = (byte)(v >> 16); b[at + 2] = (byte)(v >> 8); b[at + 3] = (byte)v;
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var head = new byte[8];
        WriteInt(head, 0, data.Length);
        for (var i = 0; i < 4; i++) head[4 + i] = (byte)type[i];
        s.Write(head);
        s.Write(data);
        var crc = Crc(head.AsSpan(4), data);
        var tail = new byte[4];
        WriteInt(tail, 0, (int)crc);
        s.Write(tail);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc(ReadOnlySpan<byte> type, byte[] data)
    {
        var c = 0xffffffffu;
        foreach (var b in type) c = CrcTable[(c ^ b) & 0xff] ^ (c >> 8);
        foreach (var b in data) c = CrcTable[(c ^ b) & 0xff] ^ (c >> 8);
        return c ^ 0xffffffffu;
    }
}
