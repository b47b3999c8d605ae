using System;
using System.Text;

namespace EvsCodegen.Runtime;

/// <summary>
/// An error answer of an API: raised by a generated client for every non-success response, and thrown by server-side
/// implementations of a generated contract to answer with a documented error. Carries the status, fault name, code and
/// message.
/// </summary>
public class ApiException : Exception
{
    /// <summary>How much of a response body is kept for diagnosis.</summary>
    public const int ResponseBodyLimit = 4096;

    /// <summary>An error answer with <paramref name="statusCode"/>; the server writes the fault the document gives that status.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="message">The message sent to the caller.</param>
    public ApiException(int statusCode, string message)
        : this(statusCode, message, null, null, null, null)
    {
    }

    /// <summary>An error with every detail given.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="message">The message.</param>
    /// <param name="faultName">The fault name (the envelope's key), when known.</param>
    /// <param name="code">The error code, when known.</param>
    /// <param name="responseBody">The start of the response body, for diagnosis.</param>
    /// <param name="innerException">The cause.</param>
    public ApiException(int statusCode, string message, string? faultName, string? code, string? responseBody, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        FaultName = faultName;
        Code = code;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The fault name (the envelope's key), when known.</summary>
    public string? FaultName { get; }

    /// <summary>The error code, when known.</summary>
    public string? Code { get; }

    /// <summary>The start of the response body (at most <see cref="ResponseBodyLimit"/> bytes), for diagnosis; null for server-side errors.</summary>
    public string? ResponseBody { get; }

    /// <summary>Builds the exception for a response; a body that is not the documented error still gives a clear message.</summary>
    /// <param name="statusCode">The response's status.</param>
    /// <param name="reasonPhrase">The response's reason phrase.</param>
    /// <param name="body">The response body.</param>
    /// <param name="mediaType">The response's media type.</param>
    /// <param name="faults">The document's error answers.</param>
    /// <returns>The exception to throw.</returns>
    public static ApiException FromResponse(int statusCode, string? reasonPhrase, byte[] body, string? mediaType, ApiFaultTable faults)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(faults);
        var excerpt = Excerpt(body);
        if (faults.TryReadError(body, mediaType, out var faultName, out var code, out var message))
        {
            return new ApiException(statusCode, message!, faultName, code, excerpt, null);
        }

        var described = excerpt.Length == 0 ? "an empty body" : "a body that is not the documented error: " + excerpt;
        return new ApiException(statusCode, $"The server answered {statusCode} {reasonPhrase} with {described}", null, null, excerpt, null);
    }

    /// <summary>The start of a body as text, for messages: at most <see cref="ResponseBodyLimit"/> bytes.</summary>
    internal static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ResponseBodyLimit));
        return body.Length > ResponseBodyLimit ? text + "…" : text;
    }
}
