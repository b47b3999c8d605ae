using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>
/// Streams in the generated servers: items written as server-sent events or JSON Lines as the implementation produces
/// them, binary answers copied from the implementation's stream, and request bodies handed over as a stream. Shared by
/// every server flavour (controllers, minimal APIs), so each generated action stays one call.
/// </summary>
public static partial class ApiServerRuntime
{
    /// <summary>
    /// The request body as a stream for the implementation to read, never buffered. The server's request size limit
    /// (Kestrel's <c>MaxRequestBodySize</c>) still applies as it is read: passing it is an <see cref="ApiException"/>
    /// with status 413, which becomes that answer; a malformed body is a 400.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <returns>The body.</returns>
    public static Stream RequestBody(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new ApiRequestBodyStream(http.Request.Body);
    }

    /// <summary>
    /// Writes <paramref name="items"/> as server-sent events (<c>text/event-stream</c>), each item's JSON as one event's
    /// <c>data</c>, flushed as it is produced. The answer starts once the first item is produced, so a failure before it
    /// is still a clean error answer; a failure after it aborts the connection (the client sees a broken stream, never a
    /// clean end). The items are enumerated with <see cref="HttpContext.RequestAborted"/>, so a client that goes away
    /// stops the producer.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="http">The request.</param>
    /// <param name="statusCode">The status.</param>
    /// <param name="items">The items.</param>
    /// <param name="write">Writes one item (the type's generated converter).</param>
    /// <param name="contentType">The declared media type.</param>
    /// <returns>A task that completes when the last item is written or the client has gone.</returns>
    public static Task WriteEventStreamAsync<T>(HttpContext http, int statusCode, IAsyncEnumerable<T> items, Action<Utf8JsonWriter, T> write, string contentType = "text/event-stream")
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteItemsAsync(http, statusCode, items, contentType, (body, item) =>
        {
            body.Write("data: "u8);
            ApiJsonValue.Serialize(item, write, body, static (json, target) => target.Write(json));
            body.Write("\n\n"u8);
        });
    }

    /// <summary>
    /// Writes <paramref name="items"/> as server-sent events whose data is each item's text (a line break in the text
    /// becomes another <c>data</c> line, as the format requires), flushed as each is produced; otherwise as
    /// <see cref="WriteEventStreamAsync{T}(HttpContext, int, IAsyncEnumerable{T}, Action{Utf8JsonWriter, T}, string)"/>.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="statusCode">The status.</param>
    /// <param name="items">The items.</param>
    /// <param name="contentType">The declared media type.</param>
    /// <returns>A task that completes when the last item is written or the client has gone.</returns>
    public static Task WriteEventStreamAsync(HttpContext http, int statusCode, IAsyncEnumerable<string> items, string contentType = "text/event-stream") =>
        WriteItemsAsync(http, statusCode, items, contentType, static (body, item) =>
        {
            foreach (var line in (item ?? string.Empty).ReplaceLineEndings("\n").Split('\n'))
            {
                body.Write("data: "u8);
                Encoding.UTF8.GetBytes(line, body);
                body.Write("\n"u8);
            }

            body.Write("\n"u8);
        });

    /// <summary>
    /// Writes <paramref name="items"/> as JSON Lines (one compact JSON value and a line feed per item), or as a JSON text
    /// sequence when <paramref name="contentType"/> is <c>application/json-seq</c> (RFC 7464: a record separator before
    /// each value), flushed as each is produced; otherwise as
    /// <see cref="WriteEventStreamAsync{T}(HttpContext, int, IAsyncEnumerable{T}, Action{Utf8JsonWriter, T}, string)"/>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="http">The request.</param>
    /// <param name="statusCode">The status.</param>
    /// <param name="items">The items.</param>
    /// <param name="write">Writes one item (the type's generated converter).</param>
    /// <param name="contentType">The declared media type.</param>
    /// <returns>A task that completes when the last item is written or the client has gone.</returns>
    public static Task WriteJsonLinesAsync<T>(HttpContext http, int statusCode, IAsyncEnumerable<T> items, Action<Utf8JsonWriter, T> write, string contentType = "application/x-ndjson")
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(contentType);
        var sequence = MediaTypes.WithoutParameters(contentType).Equals("application/json-seq", StringComparison.OrdinalIgnoreCase);
        return WriteItemsAsync(http, statusCode, items, contentType, (body, item) =>
        {
            if (sequence)
            {
                body.Write("\u001e"u8);
            }

            ApiJsonValue.Serialize(item, write, body, static (json, target) => target.Write(json));
            body.Write("\n"u8);
        });
    }

    /// <summary>
    /// Writes a binary answer by copying <paramref name="file"/>'s stream to the response as it is read (never
    /// buffered), with its media type (else <paramref name="contentType"/>), its length when known and its file name as
    /// <c>Content-Disposition: attachment</c>; the file is disposed. A null file is a 500 answer.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="statusCode">The status.</param>
    /// <param name="file">The implementation's answer.</param>
    /// <param name="contentType">The declared media type, written when the file names none.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public static async Task WriteFileAsync(HttpContext http, int statusCode, ApiFile? file, string contentType)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (file is null)
        {
            throw new InvalidOperationException("The implementation answered a binary response with null.");
        }

        await using (file.ConfigureAwait(false))
        {
            var response = http.Response;
            response.StatusCode = statusCode;
            response.ContentType = file.ContentType ?? contentType;
            response.ContentLength = file.Length;
            if (file.FileName is { } name)
            {
                var disposition = new ContentDispositionHeaderValue("attachment");
                disposition.SetHttpFileName(name);
                response.Headers.ContentDisposition = disposition.ToString();
            }

            await file.Content.CopyToAsync(response.Body, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task WriteItemsAsync<T>(HttpContext http, int statusCode, IAsyncEnumerable<T> items, string contentType, Action<PipeWriter, T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(contentType);
        if (items is null)
        {
            throw new InvalidOperationException("The implementation answered a streamed response with null.");
        }

        var aborted = http.RequestAborted;
        var enumerator = items.GetAsyncEnumerator(aborted);
        await using (enumerator.ConfigureAwait(false))
        {
            var more = await enumerator.MoveNextAsync().ConfigureAwait(false);
            var response = http.Response;
            response.StatusCode = statusCode;
            response.ContentType = contentType;
            response.Headers.CacheControl = "no-cache";
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            try
            {
                await response.StartAsync(aborted).ConfigureAwait(false);
                while (more)
                {
                    writeItem(response.BodyWriter, enumerator.Current);
                    var flushed = await response.BodyWriter.FlushAsync(aborted).ConfigureAwait(false);
                    if (flushed.IsCanceled || flushed.IsCompleted)
                    {
                        return;
                    }

                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
            }
            catch (Exception) when (aborted.IsCancellationRequested)
            {
                // The client went away: the producer has been told through the token, and there is no one to answer.
            }
        }
    }

    /// <summary>The request body for an implementation: reads as the server's stream does, its limit failures as API answers.</summary>
    private sealed class ApiRequestBodyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return inner.Read(buffer, offset, count);
            }
            catch (BadHttpRequestException exception)
            {
                throw Refused(exception);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException exception)
            {
                throw Refused(exception);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static ApiException Refused(BadHttpRequestException exception) =>
            new(exception.StatusCode, exception.StatusCode == 413 ? "The request body is too large." : "The request body cannot be read.");
    }
}
