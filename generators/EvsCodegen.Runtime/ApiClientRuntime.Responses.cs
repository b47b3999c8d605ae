using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>What the generated clients use for whole responses (status and typed headers) and declared error bodies.</summary>
public static partial class ApiClientRuntime
{
    /// <summary>
    /// The exception of an error answer whose body the document declares as <typeparamref name="TError"/>: an
    /// <see cref="ApiException{TError}"/> carrying the body when it is JSON (<c>application/json</c>, <c>*/*+json</c>) and
    /// reads as the declared type, else <paramref name="error"/> unchanged. The message is that of <paramref name="error"/>,
    /// or for <c>application/problem+json</c> the problem's <c>title</c> and <c>detail</c>, bounded and escaped.
    /// </summary>
    /// <typeparam name="TError">The declared error body's type.</typeparam>
    /// <param name="error">The exception built from the response.</param>
    /// <param name="read">Reads the declared body.</param>
    /// <returns>The exception to throw.</returns>
    public static ApiException DeclaredError<TError>(ApiException error, ApiJsonReadFunc<TError> read)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(read);
        if (error is ApiException<TError> || error.RawResponseBody.IsEmpty || !IsJson(error.ResponseMediaType))
        {
            return error;
        }

        TError body;
        try
        {
            body = ApiJsonReader.Deserialize(error.RawResponseBody.Span, read, strict: false);
        }
        catch (JsonException)
        {
            return error;
        }

        var message = error.Message;
        if (string.Equals(error.ResponseMediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase) && ProblemText(error.RawResponseBody.Span) is { } problem)
        {
            message = ApiException.Sanitize($"The server answered {error.StatusCode}: {problem}", ApiException.MessageLimit);
        }

        return new ApiException<TError>(error, body, message);
    }

    /// <summary>
    /// The exception for a success status the operation does not declare, thrown by the methods that return the whole
    /// response (which read body and headers by declared status).
    /// </summary>
    /// <param name="response">The answer.</param>
    /// <returns>The exception to throw.</returns>
    public static ApiException UndeclaredStatus(ApiResponse response) => new(
        response.StatusCode,
        string.Create(CultureInfo.InvariantCulture, $"The server answered {response.StatusCode}, a status the operation does not declare."),
        null,
        null,
        response.Body is null ? null : ApiException.Excerpt(response.Body),
        null);

    /// <summary>A response header's value (several values joined with <c>", "</c>); null when absent or not read.</summary>
    /// <param name="response">The answer, read with its headers.</param>
    /// <param name="name">The header's name (compared ignoring case).</param>
    /// <returns>The value, as received.</returns>
    public static string? Header(ApiResponse response, string name) =>
        response.Headers is { } headers && headers.TryGetValue(name, out var values) && values.Length > 0 ? string.Join(", ", values) : null;

    /// <summary>A header as <c>true</c>/<c>false</c>; null when absent or not a boolean (the client is lenient).</summary>
    /// <param name="text">The header's value.</param>
    /// <returns>The value.</returns>
    public static bool? HeaderBoolean(string? text) => text?.Trim() switch { "true" => true, "false" => false, _ => null };

    /// <summary>A header as a 32-bit integer; null when absent or not one.</summary>
    /// <param name="text">The header's value.</param>
    /// <returns>The value.</returns>
    public static int? HeaderInt32(string? text) => int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A header as a 64-bit integer; null when absent or not one.</summary>
    /// <param name="text">The header's value.</param>
    /// <returns>The value.</returns>
    public static long? HeaderInt64(string? text) => long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A header as a finite number; null when absent or not one.</summary>
    /// <param name="text">The header's value.</param>
    /// <returns>The value.</returns>
    public static double? HeaderDouble(string? text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    /// <summary>A header as a decimal number; null when absent or not one.</summary>
    /// <param name="text">The header's value.</param>
    /// <returns>The value.</returns>
    public static decimal? HeaderDecimal(string? text) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A header as a date-time (ISO 8601, or <paramref name="format"/> in UTC); null when absent or not one.</summary>
    /// <param name="text">The header's value.</param>
    /// <param name="format">The document's <c>x-datetime-format</c>, if any.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset? HeaderDateTime(string? text, string? format)
    {
        if (text is null)
        {
            return null;
        }

        return format is null
            ? DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null
            : DateTimeOffset.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact) ? exact : null;
    }

    /// <summary>A header as a date (<c>yyyy-MM-dd</c>); null when absent or not one.</summary>
    /// <param name="text">The header's value.</param>
    /// <returns>The value.</returns>
    public static DateOnly? HeaderDate(string? text) => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    /// <summary>A header as a UUID; null when absent or not one.</summary>
    /// <param name="text">The header's value.</param>
    /// <returns>The value.</returns>
    public static Guid? HeaderGuid(string? text) => Guid.TryParse(text, out var value) ? value : null;

    /// <summary>A header as a value of a generated enum; null when absent or not one.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="text">The header's value.</param>
    /// <param name="tryParse">The enum's <c>TryParse</c>.</param>
    /// <returns>The value.</returns>
    public static T? HeaderEnum<T>(string? text, ApiHeaderTryParse<T> tryParse)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(tryParse);
        return text is not null && tryParse(text.Trim(), out var value) ? value : null;
    }

    private static Dictionary<string, string[]> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.NonValidated)
        {
            headers[header.Key] = [.. header.Value];
        }

        foreach (var header in response.Content.Headers.NonValidated)
        {
            headers[header.Key] = [.. header.Value];
        }

        return headers;
    }

    // "title: detail" of a problem body, or whichever of the two it has; null when it has neither.
    private static string? ProblemText(ReadOnlySpan<byte> body)
    {
        string? title = null;
        string? detail = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTitle = reader.ValueTextEquals("title"u8);
                var isDetail = reader.ValueTextEquals("detail"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && (isTitle || isDetail))
                {
                    if (isTitle)
                    {
                        title = reader.GetString();
                    }
                    else
                    {
                        detail = reader.GetString();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return title is null ? detail : detail is null ? title : new StringBuilder(title).Append(": ").Append(detail).ToString();
    }
}
