using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>Declared responses: headers of a success answer, declared error bodies and problem details.</summary>
public static partial class ApiServerRuntime
{
    /// <summary>The media type of RFC 9457 problem details.</summary>
    public const string ProblemMediaType = "application/problem+json";

    /// <summary>Sets a declared response header; a null value sends none.</summary>
    /// <param name="http">The request.</param>
    /// <param name="name">The header's name.</param>
    /// <param name="value">Its value, formatted as the document's schema says.</param>
    public static void SetHeader(HttpContext http, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (value is not null)
        {
            http.Response.Headers[name] = value;
        }
    }

    /// <summary>
    /// Answers a failure in the shape the operation declares for its status when <paramref name="declared"/> gives one,
    /// else as <see cref="WriteFailureAsync(HttpContext, Exception, ApiFaultTable)"/> does. An exception that is not an
    /// <see cref="ApiException"/> is logged and answered as a 500 with <see cref="InternalErrorMessage"/>.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="exception">What went wrong.</param>
    /// <param name="faults">The document's error answers (the generated <c>ApiFaults.Table</c>).</param>
    /// <param name="declared">The operation's declared error shapes (generated).</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public static async Task WriteFailureAsync(HttpContext http, Exception exception, ApiFaultTable faults, ApiErrorWriter declared)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(declared);
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (exception is not ApiException error)
        {
            var loggers = http.RequestServices.GetService(typeof(ILoggerFactory)) as ILoggerFactory;
            LogUnhandled(loggers?.CreateLogger("EvsCodegen.Server") ?? NullLogger.Instance, exception, http.Request.Path.Value);
            error = new ApiException(500, InternalErrorMessage);
        }

        if (http.Response.HasStarted)
        {
            http.Abort();
            return;
        }

        if (declared(http, error) is { } write)
        {
            await write.ConfigureAwait(false);
            return;
        }

        await WriteErrorAsync(http, faults, error.StatusCode, error.Message).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="error"/>'s body when it is an <see cref="ApiException{TError}"/> of the declared type, with
    /// its status and the declared media type; null otherwise (the fault table answers).
    /// </summary>
    /// <typeparam name="TError">The declared error body's type.</typeparam>
    /// <param name="http">The request.</param>
    /// <param name="error">The error.</param>
    /// <param name="write">Writes the body (the type's generated converter).</param>
    /// <param name="contentType">The declared media type.</param>
    /// <returns>The task writing the answer, or null.</returns>
    public static Task? WriteDeclaredAsync<TError>(HttpContext http, ApiException error, Action<Utf8JsonWriter, TError> write, string contentType)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (error is not ApiException<TError> typed)
        {
            return null;
        }

        http.Response.Clear();
        return WriteJsonAsync(http, error.StatusCode, typed.Error, write, contentType);
    }

    /// <summary>
    /// Answers with RFC 9457 problem details, for a status the operation declares as <c>application/problem+json</c>:
    /// the body of an <see cref="ApiException{TError}"/> of the declared type, or one made from the status and message of
    /// any other <see cref="ApiException"/> (the server's own 400, 413, 415 and 500 answers included). When the host
    /// registers ASP.NET Core's problem details services (<c>AddProblemDetails</c>), the answer goes through
    /// <see cref="IProblemDetailsService"/>, so its customizations apply, as for <c>UseExceptionHandler</c> and
    /// <c>UseStatusCodePages</c>; else it is written as is.
    /// </summary>
    /// <typeparam name="TProblem">The declared problem body's type.</typeparam>
    /// <param name="http">The request.</param>
    /// <param name="error">The error.</param>
    /// <param name="write">Writes the declared body (the type's generated converter).</param>
    /// <returns>The task writing the answer.</returns>
    public static Task WriteProblemAsync<TProblem>(HttpContext http, ApiException error, Action<Utf8JsonWriter, TProblem> write)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(error);
        var body = error is ApiException<TProblem> typed
            ? ApiJsonValue.Serialize(typed.Error, write)
            : ApiJsonValue.Serialize(error, static (writer, e) => WriteProblem(writer, e.StatusCode, e.Message));
        return WriteProblemAsync(http, error.StatusCode, body);
    }

    private static async Task WriteProblemAsync(HttpContext http, int statusCode, byte[] body)
    {
        http.Response.Clear();
        http.Response.StatusCode = statusCode;
        if (http.RequestServices.GetService<IProblemDetailsService>() is { } service)
        {
            var problem = ToProblemDetails(body, statusCode);
            if (await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).ConfigureAwait(false))
            {
                return;
            }
        }

        await WriteAsync(http, statusCode, body, ProblemMediaType).ConfigureAwait(false);
    }

    private static void WriteProblem(Utf8JsonWriter writer, int statusCode, string message)
    {
        writer.WriteStartObject();
        if (ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } title)
        {
            writer.WriteString("title"u8, title);
        }

        writer.WriteNumber("status"u8, statusCode);
        writer.WriteString("detail"u8, message);
        writer.WriteEndObject();
    }

    /// <summary>
    /// A problem body as ASP.NET Core's <see cref="ProblemDetails"/>: the RFC 9457 members by name, every other member
    /// as an extension (a <see cref="JsonElement"/>), the answer's status when the body has none.
    /// </summary>
    internal static ProblemDetails ToProblemDetails(byte[] body, int statusCode)
    {
        var problem = new ProblemDetails();
        using (var document = JsonDocument.Parse(body))
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in document.RootElement.EnumerateObject())
                {
                    var value = member.Value;
                    switch (member.Name)
                    {
                        case "type" when value.ValueKind == JsonValueKind.String:
                            problem.Type = value.GetString();
                            break;
                        case "title" when value.ValueKind == JsonValueKind.String:
                            problem.Title = value.GetString();
                            break;
                        case "status" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var status):
                            problem.Status = status;
                            break;
                        case "detail" when value.ValueKind == JsonValueKind.String:
                            problem.Detail = value.GetString();
                            break;
                        case "instance" when value.ValueKind == JsonValueKind.String:
                            problem.Instance = value.GetString();
                            break;
                        default:
                            problem.Extensions[member.Name] = value.Clone();
                            break;
                    }
                }
            }
        }

        problem.Status ??= statusCode;
        return problem;
    }
}
