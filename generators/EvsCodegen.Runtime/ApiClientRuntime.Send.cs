using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using System.Threading;
using System;

namespace EvsCodegen.Runtime;

/// <summary>The send path of the generated clients: redirects, response size limits and timeouts.</summary>
public static partial class ApiClientRuntime
{
    /// <summary>
    /// The largest success body read when <see cref="HttpClient.MaxResponseContentBufferSize"/> is left at its default
    /// (2 GiB): 16 MiB. Set <c>MaxResponseContentBufferSize</c> on the client to choose another limit.
    /// </summary>
    public const int DefaultMaxResponseBodyBytes = 16 * 1024 * 1024;

    /// <summary>How much of an error body is read (64 KiB); the rest is discarded unread.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>How many same-origin redirects of a GET or HEAD are followed.</summary>
    public const int MaxRedirects = 5;

    /// <summary>
    /// Sends a request and reads the answer. A success answer comes back with its body; any other answer is an
    /// <see cref="ApiException"/>. Redirects are the runtime's: a GET or HEAD follows at most <see cref="MaxRedirects"/>
    /// redirects within the request's origin (scheme, host and port), every other redirect is an <see cref="ApiException"/>
    /// naming the location, so credentials and bodies never go to another origin. An answer that the client's own handler
    /// fetched from another origin (its automatic redirects) is refused the same way.
    /// </summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="request">The request, with an absolute URI; it is sent once.</param>
    /// <param name="faults">The document's error answers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The success answer.</returns>
    public static Task<ApiResponse> SendAsync(HttpClient client, HttpRequestMessage request, ApiFaultTable faults, CancellationToken cancellationToken) =>
        SendAsync(client, request, faults, null, readHeaders: false, cancellationToken);

    /// <summary>
    /// Sends a request and reads the answer as <see cref="SendAsync(HttpClient, HttpRequestMessage, ApiFaultTable, CancellationToken)"/>
    /// does; an error answer's <see cref="ApiException"/> goes through <paramref name="errors"/> first (the operation's
    /// declared error bodies, read as <see cref="ApiException{TError}"/>), and the headers are kept when
    /// <paramref name="readHeaders"/> is set.
    /// </summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="request">The request, with an absolute URI; it is sent once.</param>
    /// <param name="faults">The document's error answers.</param>
    /// <param name="errors">Turns the exception of an error answer into the one to throw (see <see cref="DeclaredError{TError}"/>); null keeps it.</param>
    /// <param name="readHeaders">Whether <see cref="ApiResponse.Headers"/> is filled.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The success answer.</returns>
    /// <remarks>
    /// The request is disposed when the call ends, so a generated method can return this task without awaiting it
    /// (no <c>async</c> method of its own). Disposing a request twice is harmless.
    /// </remarks>
    public static Task<ApiResponse> SendAsync(HttpClient client, HttpRequestMessage request, ApiFaultTable faults, Func<ApiException, ApiException>? errors, bool readHeaders, CancellationToken cancellationToken) =>
        SendAndReadAsync(client, request, faults, errors, readHeaders, disposeRequest: true, cancellationToken);

    /// <summary>The send of <see cref="SendAsync(HttpClient, HttpRequestMessage, ApiFaultTable, Func{ApiException, ApiException}?, bool, CancellationToken)"/>; the request is kept when a retry may send it again.</summary>
    private static async Task<ApiResponse> SendAndReadAsync(HttpClient client, HttpRequestMessage request, ApiFaultTable faults, Func<ApiException, ApiException>? errors, bool readHeaders, bool disposeRequest, CancellationToken cancellationToken)
    {
        try
        {
            var (response, started) = await SendUntilAnsweredAsync(client, request, faults, errors, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                var status = (int)response.StatusCode;
                var body = await ReadBodyAsync(client, response, status, SuccessLimit(client), true, started, cancellationToken).ConfigureAwait(false);
                return new ApiResponse(status, response.Content.Headers.ContentType?.MediaType, body, readHeaders ? HeadersOf(response) : null);
            }
        }
        finally
        {
            if (disposeRequest)
            {
                request.Dispose();
            }
        }
    }

    /// <summary>
    /// Sends a request through the redirect rules of <see cref="SendAsync(HttpClient, HttpRequestMessage, ApiFaultTable, CancellationToken)"/>
    /// until a success answer's headers arrive, and returns it with its body unread (the caller owns and disposes it);
    /// an error answer's body is read to <see cref="MaxErrorBodyBytes"/> and thrown as an <see cref="ApiException"/>
    /// (through <paramref name="errors"/>). <see cref="HttpClient.Timeout"/> covers the call until the headers, not
    /// the body, which a stream may take as long as it likes to send.
    /// </summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="request">The request, with an absolute URI; it is sent once.</param>
    /// <param name="faults">The document's error answers.</param>
    /// <param name="errors">Turns the exception of an error answer into the one to throw; null keeps it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The success answer, its body not yet read.</returns>
    public static async Task<HttpResponseMessage> SendForStreamAsync(HttpClient client, HttpRequestMessage request, ApiFaultTable faults, Func<ApiException, ApiException>? errors, CancellationToken cancellationToken) =>
        (await SendUntilAnsweredAsync(client, request, faults, errors, cancellationToken).ConfigureAwait(false)).Response;

    // Follows the allowed redirects and throws error answers; a success answer comes back open, with when it was sent.
    private static async Task<(HttpResponseMessage Response, long Started)> SendUntilAnsweredAsync(HttpClient client, HttpRequestMessage request, ApiFaultTable faults, Func<ApiException, ApiException>? errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(faults);
        var origin = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var current = request;
        HttpRequestMessage? redirected = null;
        try
        {
            for (var hop = 0; ; hop++)
            {
                var sent = current.RequestUri!;
                var started = Stopwatch.GetTimestamp();
                var response = await SendOnceAsync(client, current, cancellationToken).ConfigureAwait(false);
                var answered = false;
                try
                {
                    var status = (int)response.StatusCode;
                    if (response.RequestMessage?.RequestUri is { } from && !ReferenceEquals(from, sent) && !SameOrigin(origin, from))
                    {
                        throw new ApiException(status, ApiException.Sanitize(
                            $"The request to {Origin(origin)} was answered from {Origin(from)}: the HttpClient's handler followed a redirect to another origin by itself, "
                            + "which may have sent the credentials there, and the answer is refused. Set AllowAutoRedirect = false on the handler (the generated "
                            + "IHttpClientFactory registration does); the client then refuses cross-origin redirects itself.", ApiException.MessageLimit), null, null, null, null);
                    }

                    if (status is 301 or 302 or 303 or 307 or 308 && LocationOf(response) is { } location)
                    {
                        var next = RedirectTarget(origin, current, status, location, hop);
                        redirected?.Dispose();
                        redirected = Copy(current, next);
                        current = redirected;
                        continue;
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        var body = await ReadBodyAsync(client, response, status, MaxErrorBodyBytes, false, started, cancellationToken).ConfigureAwait(false);
                        var error = ApiException.FromResponse(status, response.ReasonPhrase, body, response.Content.Headers.ContentType?.MediaType, faults);
                        throw errors?.Invoke(error) ?? error;
                    }

                    answered = true;
                    return (response, started);
                }
                finally
                {
                    if (!answered)
                    {
                        response.Dispose();
                    }
                }
            }
        }
        finally
        {
            redirected?.Dispose();
        }
    }

    // A handler that follows redirects itself follows one to file:///… too and then fails parsing its empty host
    // (UriFormatException out of SendAsync); that is the server's doing, reported as such.
    private static async Task<HttpResponseMessage> SendOnceAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (UriFormatException exception)
        {
            throw new ApiException(0, ApiException.Sanitize(
                $"The request to {Origin(request.RequestUri!)} was redirected by the HttpClient's handler, which follows redirects by itself, to a location that is not an http or https URL ({exception.Message}). "
                + "Set AllowAutoRedirect = false on the handler (the generated IHttpClientFactory registration does); the client then refuses such redirects itself.", ApiException.MessageLimit), null, null, null, exception);
        }
    }

    /// <summary>
    /// Turns off a primary handler's automatic redirects (<see cref="SocketsHttpHandler"/>, <see cref="HttpClientHandler"/>),
    /// which copy every header but <c>Authorization</c> to whatever host the server names; the runtime's send path
    /// follows the redirects it allows itself. Other handlers are left alone (the send path refuses cross-origin answers).
    /// </summary>
    /// <param name="handler">The primary handler.</param>
    /// <param name="services">Unused; the shape <c>ConfigurePrimaryHttpMessageHandler</c> calls.</param>
    public static void DisableAutoRedirect(HttpMessageHandler handler, IServiceProvider services)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }

    private static int SuccessLimit(HttpClient client) =>
        client.MaxResponseContentBufferSize is > 0 and < int.MaxValue ? (int)client.MaxResponseContentBufferSize : DefaultMaxResponseBodyBytes;

    private static string? LocationOf(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Location", out var values) && values.Count > 0 ? values.ToString() : null;

    private static Uri RedirectTarget(Uri origin, HttpRequestMessage request, int status, string location, int hop)
    {
        if (!Uri.TryCreate(request.RequestUri, location, out var target) || !target.IsAbsoluteUri)
        {
            throw Refused(status, location, "a location that is not a URL");
        }

        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            throw Refused(status, location, "a location that is not an http or https URL");
        }

        if (!SameOrigin(origin, target))
        {
            throw Refused(status, location, $"another origin than {Origin(origin)}; the client never sends credentials across origins");
        }

        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            throw Refused(status, location, $"a redirect of a {request.Method} request; only GET and HEAD are redirected, so a body is never re-sent");
        }

        if (hop >= MaxRedirects)
        {
            throw Refused(status, location, $"more than {MaxRedirects} redirects");
        }

        return target;
    }

    private static ApiException Refused(int status, string location, string why) =>
        new(status, ApiException.Sanitize($"The server answered {status} redirecting to '{location}', which is refused: {why}.", ApiException.MessageLimit), null, null, null, null);

    private static HttpRequestMessage Copy(HttpRequestMessage request, Uri target)
    {
        var copy = new HttpRequestMessage(request.Method, target) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers.NonValidated)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string Origin(Uri uri) => uri.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.SafeUnescaped);

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes of the body: a longer success body is an <see cref="ApiException"/>
    /// (refused from its Content-Length before reading, or when reading passes the limit), a longer error body is cut.
    /// <see cref="HttpClient.Timeout"/> goes on covering the body, as it does for buffered responses.
    /// </summary>
    private static async ValueTask<byte[]> ReadBodyAsync(HttpClient client, HttpResponseMessage response, int status, int limit, bool enforce, long started, CancellationToken cancellationToken)
    {
        var length = response.Content.Headers.ContentLength;
        if (enforce && length > limit)
        {
            throw TooLarge(status, limit);
        }

        if (length == 0)
        {
            return [];
        }

        CancellationTokenSource? timeout = null;
        var token = cancellationToken;
        if (client.Timeout != Timeout.InfiniteTimeSpan)
        {
            var remaining = client.Timeout - Stopwatch.GetElapsedTime(started);
            timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            token = timeout.Token;
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                if (length is { } known && known <= limit)
                {
                    var exact = new byte[known];
                    await stream.ReadExactlyAsync(exact, token).ConfigureAwait(false);
                    return exact;
                }

                return await ReadToLimitAsync(stream, status, limit, enforce, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && timeout is { IsCancellationRequested: true })
        {
            throw new TaskCanceledException(
                string.Create(CultureInfo.InvariantCulture, $"The request was canceled due to the configured HttpClient.Timeout of {client.Timeout.TotalSeconds} seconds elapsing."),
                new TimeoutException(exception.Message, exception));
        }
        finally
        {
            timeout?.Dispose();
        }
    }

    // Reads limit + 1 bytes at most, so a body of unknown length is never held beyond the limit.
    private static async ValueTask<byte[]> ReadToLimitAsync(Stream stream, int status, int limit, bool enforce, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 16 * 1024));
        var total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)limit + 1, (long)buffer.Length * 2));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(total, Math.Min(buffer.Length, limit + 1) - total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > limit)
                {
                    if (enforce)
                    {
                        throw TooLarge(status, limit);
                    }

                    total = limit;
                    break;
                }
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ApiException TooLarge(int status, int limit) => new(
        status,
        string.Create(CultureInfo.InvariantCulture, $"The server answered {status} with a response body larger than {limit} bytes, the client's limit (HttpClient.MaxResponseContentBufferSize, {DefaultMaxResponseBodyBytes} bytes when left at its default)."),
        null,
        null,
        null,
        null);
}
