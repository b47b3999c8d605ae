using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EvsCodegen.Runtime.AspNetCore;

public static partial class ApiServerRuntime
{
    /// <summary>
    /// Reads a body the document declares as XML (and maybe JSON) as the JSON its schema's converter reads: by the
    /// request's Content-Type, XML is transcoded through <paramref name="shape"/> (<see cref="ApiXml"/>), JSON kept as
    /// sent. Another media type is a 415 answer, malformed XML (a DTD included) or XML of another structure a 400.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="xmlMediaType">The document's XML media type.</param>
    /// <param name="jsonMediaType">The document's JSON media type for the same body, or null when it declares only XML.</param>
    /// <param name="shape">The XML shape descriptor of the body's schema.</param>
    /// <param name="required">Whether the body is required; an absent optional body reads as no bytes.</param>
    /// <returns>The body's JSON; empty when an optional body is absent.</returns>
    public static async Task<byte[]> ReadXmlOrJsonBodyAsync(HttpContext http, string xmlMediaType, string? jsonMediaType, string shape, bool required)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(xmlMediaType);
        if (!required)
        {
            var canHaveBody = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody
                ?? http.Request.ContentLength is > 0;
            if (string.IsNullOrEmpty(http.Request.ContentType) && (http.Request.ContentLength == 0 || !canHaveBody))
            {
                return [];
            }
        }

        var actual = http.Request.ContentType;
        if (jsonMediaType is not null && actual is not null && SameMediaType(actual, jsonMediaType))
        {
            return await ReadBodyAsync(http).ConfigureAwait(false);
        }

        if (actual is null || !SameMediaType(actual, xmlMediaType))
        {
            var expected = jsonMediaType is null
                ? MediaTypes.WithoutParameters(xmlMediaType).ToString()
                : MediaTypes.WithoutParameters(jsonMediaType).ToString() + " or " + MediaTypes.WithoutParameters(xmlMediaType).ToString();
            throw new ApiException(415, $"The Content-Type must be {expected}, not '{actual ?? "(none)"}'.");
        }

        var xml = await ReadBodyAsync(http).ConfigureAwait(false);
        if (xml.Length == 0)
        {
            return xml;
        }

        try
        {
            return ApiXml.ToJson(xml, shape);
        }
        catch (XmlException exception)
        {
            throw new ApiException(400, "The request body is not valid XML for this operation: " + exception.Message);
        }
    }

    /// <summary>Writes an XML success answer: the value's JSON, as its converter writes it, written as XML after <paramref name="shape"/>.</summary>
    /// <param name="http">The request.</param>
    /// <param name="statusCode">The status.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">The converter's write function.</param>
    /// <param name="shape">The XML shape descriptor of the answer's schema.</param>
    /// <param name="contentType">The document's XML media type.</param>
    public static Task WriteXmlAsync<T>(HttpContext http, int statusCode, T value, Action<Utf8JsonWriter, T> write, string shape, string contentType) =>
        WriteAsync(http, statusCode, ApiXml.FromJson(ApiJsonValue.Serialize(value, write), shape), contentType);

    /// <summary>
    /// Writes an error answer for a status the operation declares only as XML (<c>application/problem+xml</c>, say), in
    /// that media type: the body of an <see cref="ApiException{TError}"/> of the declared type, or for any other
    /// <see cref="ApiException"/> (the server's own 400, 404, 415 and 500 answers included) the document's error JSON
    /// for the status and message (<paramref name="faults"/>; the message alone when the schema is not an object), each
    /// written as XML after <paramref name="shape"/>, which keeps what the declared schema names.
    /// </summary>
    /// <typeparam name="TError">The declared error body's type.</typeparam>
    /// <param name="http">The request.</param>
    /// <param name="error">The error.</param>
    /// <param name="write">Writes the declared body (the type's generated converter).</param>
    /// <param name="shape">The XML shape descriptor of the error's schema.</param>
    /// <param name="contentType">The document's XML media type.</param>
    /// <param name="faults">The document's error answers (the generated <c>ApiFaults.Table</c>).</param>
    /// <returns>The task writing the answer.</returns>
    public static Task WriteDeclaredXmlAsync<TError>(HttpContext http, ApiException error, Action<Utf8JsonWriter, TError> write, string shape, string contentType, ApiFaultTable faults)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(faults);
        var json = error is ApiException<TError> typed
            ? ApiJsonValue.Serialize(typed.Error, write)
            : ApiXml.IsObjectShape(shape)
                ? ApiJsonValue.Serialize((faults, error), static (writer, state) => state.faults.WriteError(writer, state.error.StatusCode, state.error.Message))
                : ApiJsonValue.Serialize(error.Message, static (writer, message) => writer.WriteStringValue(message));
        http.Response.Clear();
        return WriteAsync(http, error.StatusCode, ApiXml.FromJson(json, shape), contentType);
    }

    /// <summary>
    /// Writes a success answer the document declares as both JSON and XML, in the one the request's <c>Accept</c>
    /// prefers: XML when an XML range ranks before any JSON one, JSON otherwise (no <c>Accept</c>, <c>*/*</c>, or neither).
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="statusCode">The status.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">The converter's write function.</param>
    /// <param name="jsonMediaType">The document's JSON media type.</param>
    /// <param name="xmlMediaType">The document's XML media type.</param>
    /// <param name="shape">The XML shape descriptor of the answer's schema.</param>
    public static Task WriteJsonOrXmlAsync<T>(HttpContext http, int statusCode, T value, Action<Utf8JsonWriter, T> write, string jsonMediaType, string xmlMediaType, string shape)
    {
        ArgumentNullException.ThrowIfNull(http);
        return PrefersXml(http.Request.Headers.Accept.ToString(), jsonMediaType, xmlMediaType)
            ? WriteXmlAsync(http, statusCode, value, write, shape, xmlMediaType)
            : WriteJsonAsync(http, statusCode, value, write, jsonMediaType);
    }

    private static bool PrefersXml(string accept, string jsonMediaType, string xmlMediaType)
    {
        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var ranges))
        {
            return false;
        }

        // Highest quality first; among equals, the order the client wrote (OrderByDescending is stable).
        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
        {
            if (range.MatchesAllTypes)
            {
                return false;
            }

            var text = range.MediaType.ToString();
            if (Covers(text, jsonMediaType))
            {
                return false;
            }

            if (Covers(text, xmlMediaType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Covers(string range, string mediaType)
    {
        var bare = MediaTypes.WithoutParameters(mediaType);
        if (range.EndsWith("/*", StringComparison.Ordinal))
        {
            return bare.StartsWith(range.AsSpan(0, range.Length - 1), StringComparison.OrdinalIgnoreCase);
        }

        return MemoryExtensions.Equals(bare, range.AsSpan(), StringComparison.OrdinalIgnoreCase);
    }

    private static bool SameMediaType(string actual, string documented) =>
        MemoryExtensions.Equals(MediaTypes.WithoutParameters(actual), MediaTypes.WithoutParameters(documented), StringComparison.OrdinalIgnoreCase);
}
