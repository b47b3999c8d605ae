using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>One request the generated client sent and the answer it got, as bytes.</summary>
internal sealed record Exchange(
    HttpMethod Method,
    Uri Uri,
    IReadOnlyList<KeyValuePair<string, string[]>> Headers,
    string? ContentType,
    byte[]? Body,
    int Status,
    IReadOnlyList<KeyValuePair<string, string[]>> ResponseHeaders,
    string ResponseBody,
    bool Direct = false)
{
    /// <summary>
    /// What Prism reported about the exchange, or null: an <c>sl-violations</c> header, or an answer Prism made itself
    /// (a problem+json whose type is one of Prism's errors) instead of forwarding the server's.
    /// </summary>
    public string? PrismViolation =>
        Direct ? null
        : ResponseHeaders.FirstOrDefault(h => h.Key.Equals("sl-violations", StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } violations
            ? "sl-violations: " + string.Join(" ", violations)
            : PrismAnswered ? $"{Status} {Shorten(ResponseBody)}" : null;

    /// <summary>Whether Prism answered itself (one of its problem+json errors) instead of forwarding the server's answer.</summary>
    public bool PrismAnswered => !Direct && ResponseBody.Contains("stoplight.io/prism/errors", StringComparison.Ordinal);

    /// <summary>The exchange as request and answer lines with their headers, for <c>EVSCODEGEN_ROUNDTRIP_TRACE=1</c>.</summary>
    public string Trace()
    {
        static string Lines(IEnumerable<KeyValuePair<string, string[]>> headers) =>
            string.Concat(headers.Select(h => $"\n  {h.Key}: {string.Join(", ", h.Value)}"));
        var body = Body is null ? string.Empty : "\n  " + Shorten(System.Text.Encoding.UTF8.GetString(Body));
        return $">> {(Direct ? "(direct, not through Prism) " : string.Empty)}{Method} {Uri}{Lines(Headers)}{body}\n<< {Status}{Lines(ResponseHeaders)}\n  {Shorten(ResponseBody)}";
    }

    /// <summary>A long text cut for a report line.</summary>
    public static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;
}

/// <summary>Records every exchange of the client it sits in.</summary>
internal sealed class TrafficRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    // EVSCODEGEN_ROUNDTRIP_TRACE=1 prints every exchange to standard error, for triaging a finding.
    private static readonly bool s_trace = Environment.GetEnvironmentVariable("EVSCODEGEN_ROUNDTRIP_TRACE") == "1";

    private readonly List<Exchange> _exchanges = [];

    /// <summary>When set, every request goes to this host and port instead (a restarted Prism listens on a new port).</summary>
    public Uri? Upstream { get; set; }

    /// <summary>
    /// When set, requests go to this host and port (the generated server itself), not through Prism: for the success
    /// answer of an operation that declares none, which Prism has no document to check against.
    /// </summary>
    public Uri? Direct { get; set; }

    /// <summary>
    /// The server's base path (<c>/v2</c>), put before the path of a request sent <see cref="Direct"/>: the client
    /// addresses Prism, which hears the bare path (it ignores base paths), so the server's own routes need it back.
    /// </summary>
    public string DirectPathPrefix { get; set; } = string.Empty;

    /// <summary>The exchanges so far.</summary>
    public IReadOnlyList<Exchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return [.. _exchanges];
            }
        }
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var addressed = request.RequestUri!;
        var direct = Direct;
        if (direct is not null)
        {
            request.RequestUri = new UriBuilder(addressed) { Host = direct.Host, Port = direct.Port, Path = DirectPathPrefix + addressed.AbsolutePath }.Uri;
        }
        else if (Upstream is { } upstream)
        {
            request.RequestUri = new UriBuilder(addressed) { Host = upstream.Host, Port = upstream.Port }.Uri;
        }

        byte[]? body = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var headers = request.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray()))
            .Concat(request.Content?.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray())) ?? [])
            .ToList();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((direct ?? Upstream) is not null)
        {
            // Moving to a restarted Prism is the harness's business, like a proxy on the network: the client must see
            // its answer as coming from where it sent the request (it refuses answers from another origin).
            response.RequestMessage = new HttpRequestMessage(request.Method, addressed);
        }

        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var responseHeaders = response.Headers.Concat(response.Content.Headers).Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray())).ToList();
        var exchange = new Exchange(request.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.ToString(), body, (int)response.StatusCode, responseHeaders, System.Text.Encoding.UTF8.GetString(answer), direct is not null);
        lock (_exchanges)
        {
            _exchanges.Add(exchange);
        }

        if (s_trace)
        {
            Console.Error.WriteLine(exchange.Trace());
        }

        // The client reads the body again: give it back buffered.
        var replay = new ByteArrayContent(answer);
        foreach (var header in response.Content.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = replay;
        return response;
    }
}
