using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
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
            if (http.Request.ContentLength is long length && length <= 1048576)
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
            throw new ApiException(exception.StatusCode, exception.StatusCode == 413 ? "The request body is too large." : "The request body cannot be read.");
        }
        catch (EndOfStreamException)
        {
            throw new ApiException(400, "The request body is shorter than its Content-Length.");
        }
    }

    /// <summary>Answers 400 for an empty (when required) or malformed body, invalid UTF-8 included.</summary>
    public static void CheckJsonSyntax(byte[] body, bool required)
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
    public static async ValueTask InterceptAsync(HttpContext http, string operationId)
    {
        var interceptors = http.RequestServices.GetService(typeof(IEnumerable<IApiRequestInterceptor>)) as IEnumerable<IApiRequestInterceptor>;
        if (interceptors is null)
        {
            return;
        }

        var context = new ApiRequestContext(operationId, http);
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
        if (body.Length == 0 || !Utf8.IsValid(body))
        {
            CheckJsonSyntax(body, required);
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
            CheckJsonSyntax(body, required);
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
