namespace JudgementsApi.Infrastructure;

/// <summary>Bounds on the request line, checked before anything else runs.</summary>
public static class RequestLimits
{
    public const int MaxPathLength = 512;
    public const int MaxQueryLength = 4096;
    public const int MaxHeadersLength = 32 * 1024;

    /// <summary>
    /// Kestrel's own bounds, set deliberately and twice ours (16 KB request line, 64 KB of headers; neither
    /// enters a cache key), so that a request over our limits but within Kestrel's gets a problem body
    /// from <see cref="UseRequestLimits"/>: only one beyond Kestrel's is refused by Kestrel itself, with an
    /// empty body. Idle keep-alive connections close after 30 s rather than Kestrel's 130 s, and at most
    /// Judgements:MaxConnections (default 2,000) connections are open at once.
    /// </summary>
    public static void ConfigureServerLimits(
        this Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions options, IConfiguration config)
    {
        options.AddServerHeader = false;
        options.Limits.MaxRequestLineSize = 16 * 1024;
        options.Limits.MaxRequestHeadersTotalSize = 2 * MaxHeadersLength;
        options.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(30);
        options.Limits.MaxConcurrentConnections = config.GetValue("Judgements:MaxConnections", 2000);
    }

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.Value?.Length > MaxPathLength || request.QueryString.Value?.Length > MaxQueryLength)
            {
                await Problems.Refusal(context, Problems.UriTooLong,
                    $"Paths are limited to {MaxPathLength} characters and query strings to {MaxQueryLength}.").ExecuteAsync(context);
                return;
            }
            if (HeadersLength(request) > MaxHeadersLength)
            {
                await Problems.Refusal(context, Problems.HeadersTooLarge,
                    $"The request's headers total more than {MaxHeadersLength / 1024} KB.").ExecuteAsync(context);
                return;
            }
            if (Unstorable(request) is { Count: > 0 } bad)
            {
                await Problems.Invalid(bad).ExecuteAsync(context);
                return;
            }
            // OPTIONS that is not a CORS preflight asks what the resource allows.
            if (HttpMethods.IsOptions(request.Method)
                && !(request.Headers.ContainsKey("Origin") && request.Headers.ContainsKey("Access-Control-Request-Method")))
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                context.Response.Headers.Allow = "GET, HEAD, OPTIONS";
                return;
            }
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method))
            {
                context.Response.Headers.Allow = "GET, HEAD, OPTIONS";
                await Problems.Refusal(context, Problems.MethodNotAllowed, $"{request.Method} is not supported: the API is read-only.")
                    .ExecuteAsync(context);
                return;
            }
            // HEAD is answered as GET (same headers, ETag and cache entry); the server sends no body
            // for a request that arrived as HEAD.
            if (HttpMethods.IsHead(request.Method)) request.Method = HttpMethods.Get;
            await next(context);
        });

    /// <summary>The headers' names and values, counted as Kestrel counts them (in characters, near enough).</summary>
    private static int HeadersLength(HttpRequest request)
    {
        var total = 0;
        foreach (var (name, values) in request.Headers)
        {
            total += name.Length;
            foreach (var value in values) total += value?.Length ?? 0;
        }
        return total;
    }

    /// <summary>
    /// Text no handler can use: a NUL (PostgreSQL refuses 0x00 in text, so it would fail as a 500),
    /// half of a UTF-16 surrogate pair (not encodable as UTF-8), or percent-encoded bytes that are not
    /// UTF-8 (the platform reads them as U+FFFD and would answer as if that had been sent), in the
    /// path or any query name or value.
    /// </summary>
    private static List<ParameterError> Unstorable(HttpRequest request)
    {
        var errors = new List<ParameterError>();
        if (!IsClean(request.Path.Value)) errors.Add(new ParameterError("path", "The path contains a NUL or an invalid character."));
        foreach (var (key, values) in request.Query)
            if (!IsClean(key) || values.Any(v => !IsClean(v)))
                errors.Add(new ParameterError(IsClean(key) ? key : "(name)", $"The value of '{(IsClean(key) ? key : "a parameter")}' contains a NUL or an invalid character."));
        if (errors.Count == 0 && request.QueryString.Value is { } query && query.Contains('%'))
            foreach (var pair in query[1..].Split('&').Where(p => !IsUtf8(p)))
            {
                var name = pair.Split('=', 2)[0];
                var known = IsUtf8(name) ? Uri.UnescapeDataString(name.Replace('+', ' ')) : "(name)";
                errors.Add(new ParameterError(known, $"The value of '{known}' is not UTF-8 once percent-decoded."));
            }
        return errors;
    }

    /// <summary>True when <paramref name="raw"/> (as sent, percent-encoded) decodes to valid UTF-8.</summary>
    private static bool IsUtf8(string raw)
    {
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '%' && i + 2 < raw.Length
                && byte.TryParse(raw.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(raw, i, 1));
        }
        return System.Text.Unicode.Utf8.IsValid(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes));
    }

    private static bool IsClean(string? text)
    {
        if (text is null) return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return false;
        }
        return true;
    }
}
