using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace EvsCodegen.Runtime;

/// <summary>Helpers the generated clients share.</summary>
public static partial class ApiClientRuntime
{
    /// <summary>The absolute URI of a call: base address (with a trailing slash ensured), relative path and query.</summary>
    /// <param name="client">The HTTP client; its <c>BaseAddress</c> is the server URL.</param>
    /// <param name="relativePath">The operation's path, relative to the server URL.</param>
    /// <param name="query">The query pairs, in order; null or empty for none.</param>
    public static Uri BuildUri(HttpClient client, string relativePath, List<KeyValuePair<string, string>>? query) =>
        BuildUri(client, relativePath, query, defaultBaseAddress: null);

    /// <summary>
    /// The absolute URI of a call: base address (with a trailing slash ensured), relative path and query; when the
    /// client has no <c>BaseAddress</c>, <paramref name="defaultBaseAddress"/> (the document's server URL) is used.
    /// </summary>
    /// <param name="client">The HTTP client; its <c>BaseAddress</c>, when set, is the server URL.</param>
    /// <param name="relativePath">The operation's path, relative to the server URL.</param>
    /// <param name="query">The query pairs, in order; null or empty for none.</param>
    /// <param name="defaultBaseAddress">The absolute server URL of the document, or null when it has none.</param>
    public static Uri BuildUri(HttpClient client, string relativePath, List<KeyValuePair<string, string>>? query, string? defaultBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(client);
        var baseAddress = client.BaseAddress
            ?? (defaultBaseAddress is null ? null : new Uri(defaultBaseAddress, UriKind.Absolute))
            ?? throw new InvalidOperationException("Set HttpClient.BaseAddress to the server URL before calling the API.");
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        if (query is null || query.Count == 0)
        {
            return new Uri(root, relativePath);
        }

        var builder = new StringBuilder(relativePath);
        for (var i = 0; i < query.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&');
            if (query is ApiQuery styled && styled.IsEscaped(i))
            {
                builder.Append(query[i].Key).Append('=').Append(query[i].Value);
                continue;
            }

            builder.Append(Uri.EscapeDataString(query[i].Key)).Append('=').Append(Uri.EscapeDataString(query[i].Value));
        }

        return new Uri(root, builder.ToString());
    }

    /// <summary>Adds a cookie to the request's Cookie header.</summary>
    public static void AddCookie(HttpRequestMessage request, string name, string value)
    {
        var pair = name + "=" + Uri.EscapeDataString(value);
        if (request.Headers.TryGetValues("Cookie", out var existing))
        {
            pair = string.Join("; ", existing) + "; " + pair;
            request.Headers.Remove("Cookie");
        }

        request.Headers.TryAddWithoutValidation("Cookie", pair);
    }

    /// <summary>A body of bytes with a content type.</summary>
    public static HttpContent Bytes(byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = mediaType.IndexOf(';') < 0
            ? new MediaTypeHeaderValue(mediaType)
            : MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>
    /// Reads the JSON body of the answer <paramref name="answer"/> completes with, as <see cref="ReadJson{T}"/> does: the
    /// continuation of a generated method that returns its task without an <c>async</c> state machine of its own.
    /// </summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="answer">The send, from <c>SendAsync</c>.</param>
    /// <param name="read">Reads the body's JSON.</param>
    /// <returns>The body.</returns>
    public static async Task<T> ReadJsonAsync<T>(Task<ApiResponse> answer, ApiJsonReadFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return ReadJson(await answer.ConfigureAwait(false), read);
    }

    /// <summary>
    /// Turns the answer <paramref name="answer"/> completes with into a method's result (a text body, a whole-response
    /// type): the continuation of a generated method that returns its task without an <c>async</c> state machine of its own.
    /// </summary>
    /// <typeparam name="T">The result's type.</typeparam>
    /// <param name="answer">The send, from <c>SendAsync</c>.</param>
    /// <param name="read">Reads the result from the answer.</param>
    /// <returns>The result.</returns>
    public static async Task<T> ReadAsync<T>(Task<ApiResponse> answer, Func<ApiResponse, T> read)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(read);
        return read(await answer.ConfigureAwait(false));
    }

    /// <summary>
    /// Reads a JSON success body. It must come with a JSON media type (<c>application/json</c>, <c>text/json</c>,
    /// <c>*/*+json</c>) and match the document, keys appearing once; anything else becomes an <see cref="ApiException"/>.
    /// </summary>
    public static T ReadJson<T>(ApiResponse response, ApiJsonReadFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(response.Body);
        if (!IsJson(response.MediaType))
        {
            var described = response.MediaType is null ? "no Content-Type" : "Content-Type '" + response.MediaType + "'";
            throw new ApiException(response.StatusCode, ApiException.Sanitize($"The server answered {response.StatusCode} with {described} where the document declares JSON.", ApiException.MessageLimit), null, null, ApiException.Excerpt(response.Body), null);
        }

        try
        {
            return ApiJsonReader.Deserialize(response.Body, read, strict: false);
        }
        catch (JsonException exception)
        {
            throw new ApiException(response.StatusCode, ApiException.Sanitize("The response body does not match the document: " + exception.Message, ApiException.MessageLimit), null, null, ApiException.Excerpt(response.Body), exception);
        }
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase) && mediaType.IndexOf('/', StringComparison.Ordinal) > 0));
}
