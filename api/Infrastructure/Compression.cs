using System.Collections.Concurrent;
using System.IO.Compression;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace JudgementsApi.Infrastructure;

/// <summary>A content coding the service can send.</summary>
public enum ContentCoding { Identity, Gzip, Brotli }

/// <summary>
/// gzip and Brotli for the cacheable responses, compressed once: the coding is negotiated before
/// the output cache (its entry and the ETag vary by it, see <see cref="Caching"/>) and the body is
/// compressed inside it, so what the cache keeps is already compressed and a hit only copies bytes.
/// </summary>
public static class Compression
{
    /// <summary>
    /// Below this a compressed body saves less than a TCP segment, and gzip's header and trailer
    /// can make it larger: small bodies go as they are.
    /// </summary>
    public const int MinimumBytes = 1024;

    // Compressed once per dataset version and kept, so a better ratio is worth more than speed, but
    // the first request for a URL waits for it. Measured on a weekly timeline (3.3 MB of JSON), the
    // 25 KB inspections page and the 140 KB inspections CSV: Brotli 5 is within 10-25% of Brotli 11's
    // size at 1/50-1/100 of its time (11 takes 2.8 s for the timeline); gzip 9 is up to half the size
    // of gzip 6 on the timeline (37 KB against 70 KB) for about twice the time (47 ms), still fast.
    public const int BrotliQuality = 5;
    public const int GzipLevel = 9;

    /// <summary>
    /// The coding a response gets, which its ETag and cache entry name: identity for what is sent as it is
    /// (a zip, a PNG: compressed already), else what the request negotiates.
    /// </summary>
    public static ContentCoding For(HttpContext http) =>
        SentAsIs(http) ? ContentCoding.Identity : Negotiate(http.Request);

    private static bool SentAsIs(HttpContext http) =>
        http.Request.Path.Value?.EndsWith(".png", StringComparison.OrdinalIgnoreCase) == true
        || http.GetEndpoint()?.Metadata.GetMetadata<MediaTypeMetadata>() is { } media && !Compressible(media.MediaType);

    /// <summary>The coding a request asks for: "br" or "gzip" by q-value (Brotli on a tie), else identity.</summary>
    public static ContentCoding Negotiate(HttpRequest request)
    {
        var header = request.Headers.AcceptEncoding;
        if (header.Count == 0) return ContentCoding.Identity;
        var text = header.Count == 1 ? header[0]! : header.ToString();
        if (Negotiated.TryGetValue(text, out var known)) return known;
        var coding = Parse(text);
        // Clients send a handful of distinct headers; the bound keeps hostile variety from growing it.
        if (Negotiated.Count < 1000 && text.Length <= 256) Negotiated.TryAdd(text, coding);
        return coding;
    }

    private static readonly ConcurrentDictionary<string, ContentCoding> Negotiated = new(StringComparer.Ordinal);

    internal static ContentCoding Parse(string header)
    {
        double? br = null, gzip = null, any = null;
        foreach (var element in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = element.Split(';', StringSplitOptions.TrimEntries);
            var q = 1.0;
            foreach (var parameter in parts.Skip(1))
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && !double.TryParse(parameter.AsSpan(2), System.Globalization.NumberStyles.AllowDecimalPoint,
                        System.Globalization.CultureInfo.InvariantCulture, out q))
                    q = 0; // an unreadable weight is not an acceptance
            switch (parts[0].ToLowerInvariant())
            {
                case "br": br = q; break;
                case "gzip" or "x-gzip": gzip = Math.Max(gzip ?? 0, q); break;
                case "*": any = q; break;
            }
        }
        var brQ = br ?? any ?? 0;
        var gzipQ = gzip ?? any ?? 0;
        if (brQ <= 0 && gzipQ <= 0) return ContentCoding.Identity;
        return brQ >= gzipQ ? ContentCoding.Brotli : ContentCoding.Gzip;
    }

    public static string Token(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => "br",
        ContentCoding.Gzip => "gzip",
        _ => "identity",
    };

    /// <summary>Text formats gain from compression; zip and PNG are compressed already.</summary>
    private static bool Compressible(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>Place after UseOutputCache: what it stores is the compressed body.</summary>
    public static IApplicationBuilder UseCompression(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!Caching.Covers(context) || For(context) is var coding && coding == ContentCoding.Identity)
            {
                await next(context);
                return;
            }
            var original = context.Features.Get<IHttpResponseBodyFeature>()!;
            var body = new CompressingBody(context, original, coding);
            context.Features.Set<IHttpResponseBodyFeature>(body);
            try
            {
                await next(context);
                await body.CompleteAsync();
            }
            finally
            {
                context.Features.Set(original);
            }
        });

    /// <summary>
    /// Holds back the first <see cref="MinimumBytes"/>: a body that ends within them goes as it is,
    /// a longer one is compressed as it streams (a large CSV export is never whole in memory).
    /// </summary>
    private sealed class CompressingBody(HttpContext context, IHttpResponseBodyFeature inner, ContentCoding coding)
        : Stream, IHttpResponseBodyFeature
    {
        private enum State { Undecided, Compressing, AsIs, Complete }

        private State _state;
        private readonly byte[] _held = new byte[MinimumBytes];
        private int _heldCount;
        private Stream? _compressor;
        private PipeWriter? _writer;

        public Stream Stream => this;
        public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));
        public void DisableBuffering() => inner.DisableBuffering();
        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask; // headers go with the first bytes

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            SendFileFallback.SendFileAsync(this, path, offset, count, cancellationToken);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_state == State.Undecided)
            {
                if (!WorthCompressing()) await DecideAsync(State.AsIs, cancellationToken);
                else if (_heldCount + buffer.Length < MinimumBytes)
                {
                    buffer.CopyTo(_held.AsMemory(_heldCount));
                    _heldCount += buffer.Length;
                    return;
                }
                else await DecideAsync(State.Compressing, cancellationToken);
            }
            if (_state == State.Compressing) await _compressor!.WriteAsync(buffer, cancellationToken);
            else await inner.Stream.WriteAsync(buffer, cancellationToken);
        }

        private bool WorthCompressing()
        {
            var response = context.Response;
            return response.StatusCode == StatusCodes.Status200OK
                   && StringValues.IsNullOrEmpty(response.Headers.ContentEncoding)
                   && response.ContentLength is null or >= MinimumBytes
                   && Compressible(response.ContentType);
        }

        private async Task DecideAsync(State state, CancellationToken cancellationToken)
        {
            _state = state;
            if (state == State.Compressing)
            {
                var headers = context.Response.Headers;
                headers.ContentEncoding = Token(coding);
                headers.ContentLength = null;
                headers.ContentMD5 = default;
                _compressor = coding == ContentCoding.Brotli
                    ? new BrotliStream(inner.Stream, new BrotliCompressionOptions { Quality = BrotliQuality }, leaveOpen: true)
                    : new GZipStream(inner.Stream, new ZLibCompressionOptions { CompressionLevel = GzipLevel }, leaveOpen: true);
            }
            if (_heldCount == 0) return;
            var held = _held.AsMemory(0, _heldCount);
            _heldCount = 0;
            if (_compressor is not null) await _compressor.WriteAsync(held, cancellationToken);
            else await inner.Stream.WriteAsync(held, cancellationToken);
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            // Undecided: keep holding (a flush of a few bytes must not decide the coding).
            // Compressing: the encoder passes its output on as it fills; a forced flush would only
            // cost ratio and make the bytes (and so the strong ETag's body) depend on the writer's
            // flush points.
            if (_state == State.AsIs) await inner.Stream.FlushAsync(cancellationToken);
        }

        public async Task CompleteAsync()
        {
            if (_state == State.Complete) return;
            if (_writer is not null) await _writer.CompleteAsync();
            if (_state == State.Undecided)
            {
                // All of it fitted below the threshold: as it is, with its length.
                if (context.Response.ContentLength is null && !context.Response.HasStarted) context.Response.ContentLength = _heldCount;
                await DecideAsync(State.AsIs, context.RequestAborted);
            }
            if (_compressor is not null) await _compressor.DisposeAsync();
            _state = State.Complete;
        }

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override void Flush() => FlushAsync(default).GetAwaiter().GetResult();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
