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

    /// <summary>The longest <see cref="Exception.Message"/> built from a response (characters, after escaping).</summary>
    public const int MessageLimit = 1024;

    /// <summary>The longest <see cref="FaultName"/> or <see cref="Code"/> read from a response (characters, after escaping).</summary>
    public const int NameLimit = 128;

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

    /// <summary>
    /// The start of the response body (at most <see cref="ResponseBodyLimit"/> bytes), for diagnosis, with control and
    /// bidirectional characters escaped as for <see cref="Exception.Message"/>; null for server-side errors.
    /// </summary>
    public string? ResponseBody { get; }

    /// <summary>
    /// The error body exactly as received (at most the runtime's error-body limit, 64 KiB), for callers that parse an
    /// undocumented error format. Server-controlled and unescaped: never write it to a log or a terminal as text.
    /// </summary>
    public ReadOnlyMemory<byte> RawResponseBody { get; private protected init; }

    /// <summary>The response's media type without parameters, for the client's typed error readers; null on the server.</summary>
    internal string? ResponseMediaType { get; private protected init; }

    /// <summary>
    /// Builds the exception for a response; a body that is not the documented error still gives a clear message. Every
    /// text the server controls (message, fault name, code, reason phrase, body) is bounded (<see cref="MessageLimit"/>,
    /// <see cref="NameLimit"/>) and its control, bidirectional and line-breaking characters are escaped as <c>\uXXXX</c>,
    /// so a server cannot forge lines or reorder text in a consumer's log.
    /// </summary>
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
            return new ApiException(statusCode, Sanitize(message!, MessageLimit), Sanitize(faultName, NameLimit), Sanitize(code, NameLimit), excerpt, null) { RawResponseBody = body, ResponseMediaType = mediaType };
        }

        // An HTML error (text/html) carries its text escaped: the message shows the text, as for text/plain. The
        // message is escaped once, as a whole (escaping the excerpt first would show a line break as \\u000A).
        var shown = RawExcerpt(body, html: MediaTypes.IsHtml(mediaType));
        var described = excerpt.Length == 0 ? "an empty body" : "a body that is not the documented error: " + shown;
        return new ApiException(statusCode, Sanitize($"The server answered {statusCode} {reasonPhrase} with {described}", MessageLimit), null, null, excerpt, null) { RawResponseBody = body, ResponseMediaType = mediaType };
    }

    /// <summary>The start of a body as text, for messages: at most <see cref="ResponseBodyLimit"/> bytes, escaped.</summary>
    internal static string Excerpt(byte[] body) => Sanitize(RawExcerpt(body), int.MaxValue)!;

    /// <summary>
    /// The start of a body as text, at most <see cref="ResponseBodyLimit"/> bytes, not yet escaped; an HTML body as the
    /// text it shows (character references decoded).
    /// </summary>
    private static string RawExcerpt(byte[] body, bool html = false)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ResponseBodyLimit));
        if (html)
        {
            text = System.Net.WebUtility.HtmlDecode(text);
        }

        return body.Length > ResponseBodyLimit ? text + "…" : text;
    }

    /// <summary>
    /// Server-controlled text made safe for a log line: control characters (CR, LF, ESC…), format characters (bidi
    /// overrides and isolates, zero-width characters), line and paragraph separators, backslashes and lone surrogates
    /// become <c>\uXXXX</c> (<c>\\</c> for a backslash, so an escape in the text cannot pass for one of ours);
    /// longer text is cut at <paramref name="limit"/> characters and ends with <c>…</c>.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    internal static string? Sanitize(string? text, int limit)
    {
        if (text is null)
        {
            return null;
        }

        var clean = true;
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                clean = false;
                break;
            }
        }

        if (clean && text.Length <= limit)
        {
            return text;
        }

        // Cut only when the escaped text is longer than the limit, then keep room for the ellipsis.
        var escaped = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var piece = Piece(text, i);
            escaped += piece;
            if (piece == 2 && text[i] != '\\')
            {
                i++;
            }
        }

        var budget = escaped <= limit ? limit : limit - 1;
        var builder = new StringBuilder(Math.Min(escaped, limit));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var piece = Piece(text, i);
            var pair = piece == 2 && c != '\\';
            if (builder.Length + piece > budget)
            {
                builder.Append('…');
                break;
            }

            if (pair)
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c == '\\')
            {
                builder.Append("\\\\");
            }
            else if (NeedsEscape(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // The length of text[i] once escaped: 2 for a surrogate pair (kept) and for a backslash, 6 for \uXXXX, else 1.
    private static int Piece(string text, int i)
    {
        var c = text[i];
        return char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : c == '\\' ? 2 : NeedsEscape(c) ? 6 : 1;
    }

    private static bool NeedsEscape(char c) =>
        c == '\\'
        || char.IsControl(c)
        || char.IsSurrogate(c)
        || c is '\u2028' or '\u2029'
        || (c >= '\u00AD' && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
}
