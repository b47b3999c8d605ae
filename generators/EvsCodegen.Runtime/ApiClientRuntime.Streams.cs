using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EvsCodegen.Runtime;

/// <summary>
/// Streams in the generated clients: server-sent events and JSON Lines read item by item as the bytes arrive, binary
/// downloads handed out as an unbuffered <see cref="ApiFile"/>, and uploads sent from the caller's stream.
/// </summary>
public static partial class ApiClientRuntime
{
    /// <summary>The data of a server-sent event that ends a stream of JSON items (OpenAI's convention, followed widely).</summary>
    public const string EventStreamDone = "[DONE]";

    /// <summary>
    /// Sends a request as <see cref="SendForStreamAsync(HttpClient, HttpRequestMessage, ApiFaultTable, Func{ApiException, ApiException}?, CancellationToken)"/>
    /// does, retrying once on a 401 with a fresh token when the request carried one from a provider
    /// (<paramref name="credential"/>) and its body can be sent again (not a caller's stream).
    /// </summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="request">The request, with an absolute URI.</param>
    /// <param name="faults">The document's error answers.</param>
    /// <param name="credential">The token the request carries; null when none.</param>
    /// <param name="errors">Turns the exception of an error answer into the one to throw; null keeps it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The success answer, its body not yet read; the caller disposes it.</returns>
    public static async Task<HttpResponseMessage> SendForStreamAsync(HttpClient client, HttpRequestMessage request, ApiFaultTable faults, ApiBearerCredential? credential, Func<ApiException, ApiException>? errors, CancellationToken cancellationToken)
    {
        if (credential is null)
        {
            return await SendForStreamAsync(client, request, faults, errors, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await SendForStreamAsync(client, request, faults, errors, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException exception) when (exception.StatusCode == 401 && ApiStreamContent.IsReplayable(request.Content))
        {
            var retry = await RetryWithFreshTokenAsync(client, request, credential, cancellationToken).ConfigureAwait(false);
            if (retry is null)
            {
                throw;
            }

            return await SendForStreamAsync(client, retry, faults, errors, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A request body read from <paramref name="body"/> as it is sent, never buffered; the caller keeps ownership of the
    /// stream (it is not disposed with the request). A seekable stream's remaining length is sent as <c>Content-Length</c>,
    /// another is sent chunked.
    /// </summary>
    /// <param name="body">The bytes to send, from the stream's current position.</param>
    /// <param name="mediaType">The media type.</param>
    /// <returns>The content.</returns>
    public static HttpContent StreamBody(Stream body, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(mediaType);
        var content = new ApiStreamContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>
    /// The body of a success answer as an <see cref="ApiFile"/> that owns <paramref name="response"/>: nothing is read
    /// until the caller reads <see cref="ApiFile.Content"/>, so a download of any size costs one socket buffer.
    /// </summary>
    /// <param name="response">The answer from <c>SendForStreamAsync</c>; disposed with the file.</param>
    /// <param name="cancellationToken">Cancels opening the stream.</param>
    /// <returns>The file.</returns>
    public static async Task<ApiFile> ReadFileAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            var headers = response.Content.Headers;
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var disposition = headers.ContentDisposition;
            var name = disposition?.FileNameStar ?? disposition?.FileName;
            return new ApiFile(stream, headers.ContentType?.ToString(), headers.ContentLength, name?.Trim('"'), response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The events of a <c>text/event-stream</c> answer, each event's data read as a JSON <typeparamref name="T"/>, yielded
    /// as each event arrives (WHATWG server-sent events, parsed by <see cref="SseParser"/>). Events without data are
    /// skipped; an event whose data is <see cref="EventStreamDone"/> ends the sequence. An answer in another media type,
    /// or data that does not match the document, is an <see cref="ApiException"/>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="response">The answer from <c>SendForStreamAsync</c>; the caller disposes it.</param>
    /// <param name="read">Reads one item (the type's generated converter).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The items.</returns>
    public static async IAsyncEnumerable<T> ReadEventStreamAsync<T>(HttpResponseMessage response, ApiJsonReadFunc<T> read, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        var status = (int)CheckMediaType(response, "text/event-stream");
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // The parser hands each event's data as bytes; parsing it here keeps one pass and no string per event.
            var parser = SseParser.Create(stream, (_, data) =>
                data.IsEmpty ? new EventData<T>(EventKind.Empty, default!)
                : data.SequenceEqual("[DONE]"u8) ? new EventData<T>(EventKind.Done, default!)
                : new EventData<T>(EventKind.Item, ReadItem(status, data, read)));
            await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
            {
                // Events already buffered are not handed out once the caller has cancelled.
                cancellationToken.ThrowIfCancellationRequested();
                switch (item.Data.Kind)
                {
                    case EventKind.Item:
                        yield return item.Data.Value;
                        break;
                    case EventKind.Done:
                        yield break;
                }
            }
        }
    }

    /// <summary>
    /// The events of a <c>text/event-stream</c> answer as their data text, yielded as each event arrives; events
    /// without data are skipped. An answer in another media type is an <see cref="ApiException"/>.
    /// </summary>
    /// <param name="response">The answer from <c>SendForStreamAsync</c>; the caller disposes it.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The data of each event.</returns>
    public static async IAsyncEnumerable<string> ReadEventStreamTextAsync(HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckMediaType(response, "text/event-stream");
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (item.Data.Length > 0)
                {
                    yield return item.Data;
                }
            }
        }
    }

    /// <summary>
    /// The items of a JSON Lines answer (<c>application/x-ndjson</c>, <c>application/jsonl</c>) or a JSON text sequence
    /// (<c>application/json-seq</c>, RFC 7464: a record separator before each value), yielded as each line arrives.
    /// Blank lines are skipped; a line longer than <see cref="DefaultMaxResponseBodyBytes"/> or one that does not match
    /// the document is an <see cref="ApiException"/>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="response">The answer from <c>SendForStreamAsync</c>; the caller disposes it.</param>
    /// <param name="read">Reads one item (the type's generated converter).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The items.</returns>
    public static async IAsyncEnumerable<T> ReadJsonLinesAsync<T>(HttpResponseMessage response, ApiJsonReadFunc<T> read, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(read);
        var status = (int)response.StatusCode;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int start = 0, end = 0;
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var line = NextLine(buffer, ref start, end);
                    if (line.Length > 0)
                    {
                        yield return ReadItem(status, buffer.AsSpan(line.Start, line.Length), read);
                        continue;
                    }

                    if (line.Start >= 0)
                    {
                        continue;
                    }

                    buffer = Compact(buffer, ref start, ref end, status);
                    var count = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                    if (count == 0)
                    {
                        // The last line may end without a newline.
                        var last = RecordOf(buffer, start, end);
                        if (last.Length > 0)
                        {
                            yield return ReadItem(status, buffer.AsSpan(last.Start, last.Length), read);
                        }

                        yield break;
                    }

                    end += count;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    // The next complete line's record (Start -1 when no newline is buffered yet), start moved past it.
    private static (int Start, int Length) NextLine(byte[] buffer, ref int start, int end)
    {
        var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
        if (newline < 0)
        {
            return (-1, 0);
        }

        var record = RecordOf(buffer, start, start + newline);
        start += newline + 1;
        return record;
    }

    // A line without surrounding white space and without RFC 7464's leading record separator.
    private static (int Start, int Length) RecordOf(byte[] buffer, int start, int end)
    {
        var line = buffer.AsSpan(start, end - start);
        var trimmed = line.TrimStart(" \t\r\u001e"u8);
        var offset = line.Length - trimmed.Length;
        return (start + offset, trimmed.TrimEnd(" \t\r\u001e"u8).Length);
    }

    // Moves the unread bytes to the front, growing the buffer when a line fills it (up to the per-item limit).
    private static byte[] Compact(byte[] buffer, ref int start, ref int end, int status)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end < buffer.Length)
        {
            return buffer;
        }

        if (buffer.Length >= DefaultMaxResponseBodyBytes)
        {
            throw new ApiException(status, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The server answered {status} with a line longer than {DefaultMaxResponseBodyBytes} bytes, the client's limit for one item."), null, null, null, null);
        }

        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, end).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>
    /// Adds a text part to a multipart body with a quoted name (<c>form-data; name="…"</c>, RFC 7578), which every
    /// server parser reads; <c>MultipartFormDataContent.Add(content, name)</c> leaves a token name unquoted.
    /// </summary>
    /// <param name="form">The multipart body.</param>
    /// <param name="name">The field name.</param>
    /// <param name="value">The text.</param>
    public static void AddFormText(MultipartFormDataContent form, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(form);
        var part = new StringContent(value ?? string.Empty, Encoding.UTF8);
        part.Headers.ContentType = null;
        part.Headers.ContentDisposition = FormDisposition(name, null);
        form.Add(part);
    }

    /// <summary>Adds a file part (<c>form-data; name="…"; filename="…"</c>, <c>application/octet-stream</c>) holding <paramref name="bytes"/>.</summary>
    /// <param name="form">The multipart body.</param>
    /// <param name="name">The field name.</param>
    /// <param name="bytes">The bytes.</param>
    /// <param name="fileName">The file name; null sends the field name.</param>
    /// <param name="contentType">The part's media type; null sends <c>application/octet-stream</c>.</param>
    public static void AddFormFile(MultipartFormDataContent form, string name, byte[] bytes, string? fileName = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(bytes);
        AddFormPart(form, new ByteArrayContent(bytes), name, fileName, contentType);
    }

    /// <summary>Adds a file part streamed from <paramref name="file"/> (its name and media type when it has them); the caller keeps ownership of the stream.</summary>
    /// <param name="form">The multipart body.</param>
    /// <param name="name">The field name.</param>
    /// <param name="file">The file.</param>
    public static void AddFormFile(MultipartFormDataContent form, string name, ApiFile file)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(file);
        AddFormPart(form, new ApiStreamContent(file.Content), name, file.FileName, file.ContentType);
    }

    /// <summary>Adds a file part streamed from <paramref name="file"/>, sent as <paramref name="defaultContentType"/> when the file names no media type (a property's <c>encoding</c>).</summary>
    /// <param name="form">The multipart body.</param>
    /// <param name="name">The field name.</param>
    /// <param name="file">The file.</param>
    /// <param name="defaultContentType">The part's media type when <paramref name="file"/> has none.</param>
    public static void AddFormFile(MultipartFormDataContent form, string name, ApiFile file, string? defaultContentType)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(file);
        AddFormPart(form, new ApiStreamContent(file.Content), name, file.FileName, file.ContentType ?? defaultContentType);
    }

    /// <summary>Adds a JSON part (<c>form-data; name="…"</c>, no file name) holding a value's JSON, as OpenAPI sends an object property of a multipart body.</summary>
    /// <param name="form">The multipart body.</param>
    /// <param name="name">The field name.</param>
    /// <param name="json">The value as UTF-8 JSON.</param>
    /// <param name="contentType">The part's media type; null sends <c>application/json</c>.</param>
    public static void AddFormJson(MultipartFormDataContent form, string name, byte[] json, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(json);
        var part = new ByteArrayContent(json);
        part.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType ?? "application/json");
        part.Headers.ContentDisposition = FormDisposition(name, null);
        form.Add(part);
    }

    private static void AddFormPart(MultipartFormDataContent form, HttpContent part, string name, string? fileName, string? contentType)
    {
        part.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType ?? "application/octet-stream");
        part.Headers.ContentDisposition = FormDisposition(name, fileName ?? name);
        form.Add(part);
    }

    // Names are quoted with '"', CR and LF percent-encoded as browsers do (RFC 7578 section 4.2); a name outside ASCII is
    // left to ContentDispositionHeaderValue, which MIME-encodes it, since a header value must be ASCII on the wire.
    private static System.Net.Http.Headers.ContentDispositionHeaderValue FormDisposition(string name, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(name);
        var header = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
        if (fileName is not null)
        {
            header.FileName = Quote(fileName);
        }

        return header;

        static string Quote(string value)
        {
            foreach (var c in value)
            {
                if (c > 126)
                {
                    return value;
                }
            }

            return "\"" + value.Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal) + "\"";
        }
    }

    private static T ReadItem<T>(int status, ReadOnlySpan<byte> json, ApiJsonReadFunc<T> read)
    {
        try
        {
            return ApiJsonReader.Deserialize(json, read, strict: false);
        }
        catch (JsonException exception)
        {
            throw new ApiException(status, ApiException.Sanitize("An item of the response stream does not match the document: " + exception.Message, ApiException.MessageLimit), null, null, ApiException.Excerpt(json.ToArray()), exception);
        }
    }

    private static System.Net.HttpStatusCode CheckMediaType(HttpResponseMessage response, string expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(mediaType, expected, StringComparison.OrdinalIgnoreCase))
        {
            var status = (int)response.StatusCode;
            var described = mediaType is null ? "no Content-Type" : "Content-Type '" + mediaType + "'";
            throw new ApiException(status, ApiException.Sanitize($"The server answered {status} with {described} where the document declares {expected}.", ApiException.MessageLimit), null, null, null, null);
        }

        return response.StatusCode;
    }

    private enum EventKind
    {
        Item,
        Empty,
        Done,
    }

    private readonly record struct EventData<T>(EventKind Kind, T Value);
}
