using System.Globalization;
using System.Text;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace JudgementsApi.Tests.Hardening;

/// <summary>
/// The probe's corpus (tests/probe/requests.txt), sent byte for byte to the service's own binary (real
/// Kestrel): no 5xx, no empty 4xx where the app can answer, no stack trace in the log.
/// </summary>
public partial class ProbeCorpusTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabase.CloneAsync();

    public Task DisposeAsync() => TestDatabase.DropAsync(_database);

    private sealed record Probe(string Title, bool Kestrel, byte[] Bytes);

    private sealed record Answer(int Status, int BodyLength);

    [Fact]
    public async Task EveryRequestOfTheCorpusGetsAnAnswerWithABodyAndNoStackTrace()
    {
        var probes = Corpus();
        Assert.True(probes.Count >= 35, $"only {probes.Count} probes read");
        await using var service = await ServiceProcess.ServeAsync(_database);
        var failures = new List<string>();
        foreach (var probe in probes)
        {
            var answer = await SendAsync(service.BaseAddress, probe.Bytes);
            if (answer.Status >= 500 || answer.Status == 0)
                failures.Add($"{probe.Title}: {answer.Status}");
            else if (answer.Status >= 400 && answer.BodyLength == 0 && !probe.Kestrel && !probe.Title.Contains("HEAD"))
                failures.Add($"{probe.Title}: {answer.Status} with an empty body");
        }
        // A request is logged after it is answered: one more, in a trace of its own, and its log line.
        var trace = System.Diagnostics.ActivityTraceId.CreateRandom().ToString();
        var marker = await SendAsync(service.BaseAddress, Encoding.ASCII.GetBytes(
            $"GET /v1/regions HTTP/1.1\r\nHost: x\r\ntraceparent: 00-{trace}-{System.Diagnostics.ActivitySpanId.CreateRandom()}-01\r\n" +
            "Connection: close\r\n\r\n"));
        Assert.Equal(200, marker.Status);
        await service.LineAsync(l => l.Contains(trace));
        var traces = service.Lines.Where(l => StackFrame().IsMatch(l)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(traces.Count == 0, "stack traces in the log:\n" + string.Join("\n", traces.Take(3)));
    }

    [GeneratedRegex(@"(\\n|^)\s+at [A-Za-z_][\w.`<>]*\(")]
    private static partial Regex StackFrame();

    private static List<Probe> Corpus()
    {
        var path = Path.Combine(TestDatabase.RepoRoot, "tests", "probe", "requests.txt");
        var probes = new List<Probe>();
        string? title = null;
        var lines = new List<string>();
        void Flush()
        {
            if (title is null) return;
            while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            var blank = lines.IndexOf("");
            var head = blank < 0 ? lines : lines[..blank];
            var body = blank < 0 ? [] : lines[(blank + 1)..];
            var text = string.Join("\r\n", head) + "\r\nConnection: close\r\n\r\n" + string.Join("\r\n", body) + (body.Count > 0 ? "\r\n" : "");
            probes.Add(new Probe(title, title.StartsWith("kestrel:", StringComparison.Ordinal), Bytes(text)));
        }
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal)) { Flush(); title = line[4..]; lines = []; }
            else if (title is not null) lines.Add(line);
        }
        Flush();
        return probes;
    }

    /// <summary>{x*N} repeats x N times; \xNN is one byte.</summary>
    private static byte[] Bytes(string text)
    {
        text = Regex.Replace(text, @"\{(.)\*(\d+)\}", m => new string(m.Groups[1].Value[0], int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x'
                && byte.TryParse(text.AsSpan(i + 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 3;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return [.. bytes];
    }

    /// <summary>Sends the bytes on a new connection and reads until the server closes it (a hang guard only).</summary>
    private static async Task<Answer> SendAsync(Uri address, byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        try { await stream.WriteAsync(request); }
        catch (IOException) { } // the server may refuse and close before it has read everything
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var response = new MemoryStream();
        try { await stream.CopyToAsync(response, guard.Token); }
        catch (IOException) { } // a reset after the answer was sent
        var text = Encoding.Latin1.GetString(response.ToArray());
        var status = Regex.Match(text, @"^HTTP/1\.[01] (\d{3})") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var body = split < 0 ? "" : text[(split + 4)..];
        if (text[..Math.Max(0, split)].Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) && body.StartsWith("0\r\n", StringComparison.Ordinal))
            body = "";
        return new Answer(status, body.Length);
    }
}
