using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>Request checks and answers shared by the generated controllers; hosts use it for their own error answers.</summary>
public static partial class ApiServerRuntime
{
    /// <summary>The message of a 500 answer: never the exception's text.</summary>
    public const string InternalErrorMessage = "The server could not complete the request.";

    // The answer to a body that is not JSON, whichever check finds it.
    private const string NotJsonMessage = "The request body is not valid JSON.";

    /// <summary>Answers 415 unless the request's media type is the documented one (parameters such as charset are allowed).</summary>
    public static void CheckContentType(HttpContext http, string documented)
    {
        var actual = http.Request.ContentType;
        // The usual request names the documented type exactly: one comparison.
        if (actual is not null && string.Equals(actual, documented, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (actual is null || !MemoryExtensions.Equals(MediaTypes.WithoutParameters(actual), MediaTypes.WithoutParameters(documented), StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(415, $"The Content-Type must be {MediaTypes.WithoutParameters(documented).ToString()}, not '{actual ?? "(none)"}'.");
        }
    }

    /// <summary>
    /// For an optional body: false when the request carries none (no Content-Type and no content), so the body is
    /// absent; otherwise answers 415 unless the media type is the documented one, and returns true.
    /// </summary>
    public static bool CheckOptionalContentType(HttpContext http, string documented)
    {
        ArgumentNullException.ThrowIfNull(http);
        // The server knows whether a request can have a body (no Content-Length nor Transfer-Encoding in HTTP/1.1, END_STREAM
        // on the headers in HTTP/2); without that feature, a declared length says it.
        var canHaveBody = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? http.Request.ContentLength is > 0;
        if (string.IsNullOrEmpty(http.Request.ContentType) && (http.Request.ContentLength == 0 || !canHaveBody))
        {
            return false;
        }

        CheckContentType(http, documented);
        return true;
    }

    /// <summary>Reads the whole body; a body over the server's limit is a 413 answer.</summary>
    public static async ValueTask<byte[]> ReadBodyAsync(HttpContext http)
    {
        try
        {
            // A declared length (which the server has already held to its limit) is read into one exact array.
            if (http.Request.ContentLength is long length && length <= ExactBodyLimit)
            {
                var exact = length == 0 ? Array.Empty<byte>() : new byte[length];
                await http.Request.Body.ReadExactlyAsync(exact, http.RequestAborted).ConfigureAwait(false);
                return exact;
            }

            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (BadHttpRequestException exception)
        {
            throw Unreadable(exception);
        }
        catch (EndOfStreamException)
        {
            throw new ApiException(400, ShortBodyMessage);
        }
    }

    // The largest declared body read into one array of its length; a longer one grows as it is read.
    private const int ExactBodyLimit = 1048576;

    private const string ShortBodyMessage = "The request body is shorter than its Content-Length.";

    private static ApiException Unreadable(BadHttpRequestException exception) =>
        new(exception.StatusCode, exception.StatusCode == 413 ? "The request body is too large." : "The request body cannot be read.");

    /// <summary>Answers 400 for an empty (when required) or malformed body, invalid UTF-8 included.</summary>
    public static void CheckJsonSyntax(byte[] body, bool required)
    {
        ArgumentNullException.ThrowIfNull(body);
        CheckJsonSyntaxOf(body.AsSpan(), required);
    }

    private static void CheckJsonSyntaxOf(ReadOnlySpan<byte> body, bool required)
    {
        if (body.Length == 0)
        {
            if (required)
            {
                throw new ApiException(400, "The request body is empty.");
            }

            return;
        }

        if (!Utf8.IsValid(body))
        {
            throw new ApiException(400, "The request body is not valid UTF-8.");
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            throw new ApiException(400, NotJsonMessage);
        }
    }

    /// <summary>Runs the registered <see cref="IApiRequestInterceptor"/>s in registration order.</summary>
    /// <remarks>
    /// The list is resolved from the request's services each time, so an interceptor registered scoped or transient is
    /// that request's; with none registered nothing is allocated (the container's empty list, no context). The generated
    /// minimal-API endpoints go through <see cref="ApiRequestInterceptors"/>, which takes a list of singletons once.
    /// </remarks>
    public static ValueTask InterceptAsync(HttpContext http, string operationId)
    {
        ArgumentNullException.ThrowIfNull(http);
        return InterceptResolvedAsync(http.RequestServices.GetService(typeof(IEnumerable<IApiRequestInterceptor>)), http, operationId);
    }

    // Runs the list a container gave for IEnumerable<IApiRequestInterceptor>.
    internal static ValueTask InterceptResolvedAsync(object? resolved, HttpContext http, string operationId) => resolved switch
    {
        // Microsoft.Extensions.DependencyInjection resolves IEnumerable<T> as an array: indexed, no boxed enumerator.
        IApiRequestInterceptor[] { Length: 0 } => default,
        IApiRequestInterceptor[] array => InterceptAllAsync(array, new ApiRequestContext(operationId, http)),
        IEnumerable<IApiRequestInterceptor> interceptors => InterceptAllAsync(interceptors, new ApiRequestContext(operationId, http)),
        _ => default,
    };

    // An async method even when every interceptor finishes at once: what an interceptor sets in AsyncLocal values stays
    // its own, as the caller's execution context is restored on return.
    internal static async ValueTask InterceptAllAsync(IApiRequestInterceptor[] interceptors, ApiRequestContext context)
    {
        for (var i = 0; i < interceptors.Length; i++)
        {
            await interceptors[i].OnRequestAsync(context).ConfigureAwait(false);
        }
    }

    private static async ValueTask InterceptAllAsync(IEnumerable<IApiRequestInterceptor> interceptors, ApiRequestContext context)
    {
        foreach (var interceptor in interceptors)
        {
            await interceptor.OnRequestAsync(context).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads a JSON body strictly in one pass, before the request's interceptors and parameters are checked. An empty
    /// (when <paramref name="required"/>), non-UTF-8 or malformed body is a 400 at once, as <see cref="CheckJsonSyntax"/>
    /// answers; a well-formed body that breaks the schema keeps its 400 in <see cref="ApiJsonBody{T}.Value"/>, so that
    /// answer still comes where the contract checks the body: after the interceptors and the parameters.
    /// </summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="body">The whole body, as <see cref="ReadBodyAsync"/> returns it.</param>
    /// <param name="required">Whether an empty body is refused; an empty optional body reads as <c>default</c>.</param>
    /// <param name="read">The schema's strict reader.</param>
    /// <returns>The value, or the schema problem it is refused with.</returns>
    public static ApiJsonBody<T> ParseJson<T>(byte[] body, bool required, ApiJsonReadFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(read);
        return ParseJsonOf(body.AsSpan(), required, read);
    }

    /// <summary>
    /// Reads a JSON body and parses it as <see cref="ParseJson{T}(byte[], bool, ApiJsonReadFunc{T})"/> does, with the
    /// answers of <see cref="ReadBodyAsync"/> (413, unreadable, shorter than its Content-Length). A body with a declared
    /// length that the server's request pipe already holds whole is parsed where it lies, without an array of its own;
    /// one that is still arriving is copied out of the pipe as it comes, and one without a declared length (or over
    /// 1 MiB) is read by <see cref="ReadBodyAsync"/> first.
    /// </summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="http">The request.</param>
    /// <param name="required">Whether an empty body is refused; an empty optional body reads as <c>default</c>.</param>
    /// <param name="read">The schema's strict reader.</param>
    /// <returns>The value, or the schema problem it is refused with.</returns>
    public static ValueTask<ApiJsonBody<T>> ReadJsonBodyAsync<T>(HttpContext http, bool required, ApiJsonReadFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(read);
        if (http.Request.ContentLength is not long length || length > ExactBodyLimit)
        {
            return ReadJsonCopiedAsync(http, required, read);
        }

        // Usually the server holds a small body already: then it is parsed without any asynchronous step (its failures
        // still come in the returned task, as from the asynchronous path).
        try
        {
            var reader = http.Request.BodyReader;
            return TryReadHeld(reader, (int)length, out var held)
                ? new ValueTask<ApiJsonBody<T>>(ParseHeld(reader, held, (int)length, required, read))
                : ReadJsonDeclaredAsync(http, (int)length, required, read);
        }
        catch (ApiException exception)
        {
            return ValueTask.FromException<ApiJsonBody<T>>(exception);
        }
    }

    // True with the whole body (or all there will be) when the pipe holds it; otherwise marks what it holds as examined.
    private static bool TryReadHeld(PipeReader reader, int length, out ReadResult result)
    {
        try
        {
            if (!reader.TryRead(out result))
            {
                return false;
            }
        }
        catch (BadHttpRequestException exception)
        {
            throw Unreadable(exception);
        }

        if (result.Buffer.Length >= length || result.IsCompleted)
        {
            return true;
        }

        reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        return false;
    }

    private static async ValueTask<ApiJsonBody<T>> ReadJsonCopiedAsync<T>(HttpContext http, bool required, ApiJsonReadFunc<T> read) =>
        ParseJson(await ReadBodyAsync(http).ConfigureAwait(false), required, read);

    private static async ValueTask<ApiJsonBody<T>> ReadJsonDeclaredAsync<T>(HttpContext http, int length, bool required, ApiJsonReadFunc<T> read)
    {
        var reader = http.Request.BodyReader;
        var result = await ReadPipeAsync(reader, http).ConfigureAwait(false);
        if (result.Buffer.Length < length && !result.IsCompleted)
        {
            // Still arriving: copied out as it comes, every read consumed, so the pipe never holds more than the server
            // lets it (a pipe that keeps unconsumed data stops filling at the server's request buffer limit).
            return ParseJson(await CopyBodyAsync(reader, result, length, http).ConfigureAwait(false), required, read);
        }

        return ParseHeld(reader, result, length, required, read);
    }

    // Parses the body the pipe holds (result) and consumes it.
    private static ApiJsonBody<T> ParseHeld<T>(PipeReader reader, ReadResult result, int length, bool required, ApiJsonReadFunc<T> read)
    {
        // As ReadBodyAsync: the declared length is the body; what a server passes beyond it is left in the pipe.
        var body = result.Buffer.Length > length ? result.Buffer.Slice(0, length) : result.Buffer;
        try
        {
            if (body.Length < length)
            {
                throw new ApiException(400, ShortBodyMessage);
            }

            if (body.IsSingleSegment)
            {
                return ParseJsonOf(body.FirstSpan, required, read);
            }

            var copy = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                body.CopyTo(copy);
                return ParseJsonOf(copy.AsSpan(0, length), required, read);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }
        finally
        {
            reader.AdvanceTo(body.End);
        }
    }

    private static async ValueTask<byte[]> CopyBodyAsync(PipeReader reader, ReadResult result, int length, HttpContext http)
    {
        var copy = new byte[length];
        var filled = 0;
        while (true)
        {
            var part = result.Buffer.Length > length - filled ? result.Buffer.Slice(0, length - filled) : result.Buffer;
            part.CopyTo(copy.AsSpan(filled));
            filled += (int)part.Length;
            reader.AdvanceTo(part.End);
            if (filled == length)
            {
                return copy;
            }

            if (result.IsCompleted)
            {
                throw new ApiException(400, ShortBodyMessage);
            }

            result = await ReadPipeAsync(reader, http).ConfigureAwait(false);
        }
    }

    private static async ValueTask<ReadResult> ReadPipeAsync(PipeReader reader, HttpContext http)
    {
        try
        {
            return await reader.ReadAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            throw Unreadable(exception);
        }
    }

    private static ApiJsonBody<T> ParseJsonOf<T>(ReadOnlySpan<byte> body, bool required, ApiJsonReadFunc<T> read)
    {
        if (body.Length == 0 || !Utf8.IsValid(body))
        {
            CheckJsonSyntaxOf(body, required);
            return default;
        }

        try
        {
            return new ApiJsonBody<T>(ApiJsonReader.Deserialize(body, read, strict: true), problem: null);
        }
        catch (ApiJsonException exception)
        {
            // The reader stopped at the first schema problem: the rest of the body must still be JSON, and a syntax
            // error anywhere comes first, as in a body checked for syntax before it is read.
            CheckJsonSyntaxOf(body, required);
            return new ApiJsonBody<T>(default!, new ApiException(400, exception.Message));
        }
        catch (JsonException)
        {
            throw new ApiException(400, NotJsonMessage);
        }
    }

    /// <summary>Reads a JSON body strictly: every keyword of the schema is enforced, failures are 400 answers.</summary>
    public static T ReadJson<T>(byte[] body, ApiJsonReadFunc<T> read)
    {
        try
        {
            return ApiJsonReader.Deserialize(body, read, strict: true);
        }
        catch (JsonException exception)
        {
            throw new ApiException(400, exception is ApiJsonException ? exception.Message : NotJsonMessage);
        }
    }

    /// <summary>Reads a text body.</summary>
    public static string ReadText(byte[] body) =>
        Utf8.IsValid(body) ? Encoding.UTF8.GetString(body) : throw new ApiException(400, "The request body is not valid UTF-8.");

    /// <summary>Writes a JSON success answer, serialized straight into the response.</summary>
    public static Task WriteJsonAsync<T>(HttpContext http, int statusCode, T value, Action<Utf8JsonWriter, T> write) =>
        WriteJsonAsync(http, statusCode, value, write, "application/json");

    /// <summary>
    /// Writes a JSON success answer with the document's media type (parameters such as charset included, a
    /// <c>+json</c> type kept), serialized straight into the response.
    /// </summary>
    public static async Task WriteJsonAsync<T>(HttpContext http, int statusCode, T value, Action<Utf8JsonWriter, T> write, string contentType)
    {
        ArgumentNullException.ThrowIfNull(http);

        // Serialized before anything is sent, so a value that cannot be written is still a clean 500.
        ApiJsonValue.Serialize(value, write, (http.Response, statusCode, contentType), static (json, state) =>
        {
            state.Response.StatusCode = state.statusCode;
            state.Response.ContentType = state.contentType;
            state.Response.ContentLength = json.Length;
            state.Response.BodyWriter.Write(json);
        });
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes a success answer.</summary>
    public static async Task WriteAsync(HttpContext http, int statusCode, byte[] body, string contentType)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes the documented error answer for a status, with <c>Content-Type: application/json</c>.</summary>
    /// <param name="http">The request.</param>
    /// <param name="faults">The document's error answers (the generated <c>ApiFaults.Table</c>).</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="message">The message.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public static Task WriteErrorAsync(HttpContext http, ApiFaultTable faults, int statusCode, string message) =>
        WriteErrorAsync(http, faults, statusCode, message, mediaType: null);

    /// <summary>
    /// Writes the documented error answer for a status in the media type the document declares for it: the error's JSON
    /// with that exact media type for a JSON type (<c>application/problem+json</c>), the message alone as UTF-8 text for
    /// <c>text/plain</c> and the other text types (HTML-escaped for <c>text/html</c>; not <c>text/xml</c> nor
    /// <c>text/event-stream</c>), and <c>application/json</c> when <paramref name="mediaType"/> is null.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="faults">The document's error answers (the generated <c>ApiFaults.Table</c>).</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="message">The message.</param>
    /// <param name="mediaType">The declared media type of the answer: a JSON or text type; null for <c>application/json</c>.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public static async Task WriteErrorAsync(HttpContext http, ApiFaultTable faults, int statusCode, string message, string? mediaType)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(message);
        if (http.Response.HasStarted)
        {
            http.Abort();
            return;
        }

        http.Response.Clear();
        if (mediaType is not null && IsMessageText(mediaType))
        {
            // HTML gets the message escaped: it can carry request text, which must never become markup.
            var text = MediaTypes.IsHtml(mediaType)
                ? System.Net.WebUtility.HtmlEncode(message)
                : message;
            await WriteAsync(http, statusCode, System.Text.Encoding.UTF8.GetBytes(text), mediaType).ConfigureAwait(false);
            return;
        }

        var body = ApiJsonValue.Serialize((faults, statusCode, message), static (writer, error) => error.faults.WriteError(writer, error.statusCode, error.message));
        await WriteAsync(http, statusCode, body, mediaType ?? "application/json").ConfigureAwait(false);
    }

    /// <summary>
    /// Whether an error in <paramref name="mediaType"/> is written as the message alone: a <c>text/*</c> type other than
    /// XML (<c>text/xml</c>) and server-sent events (<c>text/event-stream</c>), which have a structure of their own.
    /// </summary>
    private static bool IsMessageText(string mediaType)
    {
        var bare = MediaTypes.WithoutParameters(mediaType);
        return bare.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            && !bare.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase)
            && !ApiXml.IsXml(mediaType);
    }

    /// <summary>
    /// Answers a failure: an <see cref="ApiException"/> with its status and message, anything else with a 500 that hides
    /// the details (logged).
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="exception">What went wrong.</param>
    /// <param name="faults">The document's error answers (the generated <c>ApiFaults.Table</c>).</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public static Task WriteFailureAsync(HttpContext http, Exception exception, ApiFaultTable faults) =>
        WriteFailureAsync(http, exception, faults, static _ => null);

    /// <summary>
    /// Answers a failure as <see cref="WriteFailureAsync(HttpContext, Exception, ApiFaultTable)"/> does, in the media type
    /// the operation declares for the answer's status (see <see cref="WriteErrorAsync(HttpContext, ApiFaultTable, int, string, string?)"/>).
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="exception">What went wrong.</param>
    /// <param name="faults">The document's error answers (the generated <c>ApiFaults.Table</c>).</param>
    /// <param name="mediaTypeOf">The declared media type for a status; null for <c>application/json</c>.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public static Task WriteFailureAsync(HttpContext http, Exception exception, ApiFaultTable faults, Func<int, string?> mediaTypeOf)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(mediaTypeOf);
        if (exception is ApiException api)
        {
            return WriteErrorAsync(http, faults, api.StatusCode, api.Message, mediaTypeOf(api.StatusCode));
        }

        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        var loggers = http.RequestServices.GetService(typeof(ILoggerFactory)) as ILoggerFactory;
        LogUnhandled(loggers?.CreateLogger("EvsCodegen.Server") ?? NullLogger.Instance, exception, http.Request.Path.Value);
        return WriteErrorAsync(http, faults, 500, InternalErrorMessage, mediaTypeOf(500));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception in {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string? path);
}
