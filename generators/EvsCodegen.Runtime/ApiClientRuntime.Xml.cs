using System;
using System.Net.Http;
using System.Text.Json;
using System.Xml;

namespace EvsCodegen.Runtime;

public static partial class ApiClientRuntime
{
    /// <summary>An XML request body: the value's JSON (as its converter writes it) written as XML after <paramref name="shape"/>.</summary>
    /// <param name="json">The value's JSON.</param>
    /// <param name="shape">The XML shape descriptor of the body's schema.</param>
    /// <param name="mediaType">The document's XML media type.</param>
    public static HttpContent XmlBody(byte[] json, string shape, string mediaType) =>
        Bytes(ApiXml.FromJson(json, shape), mediaType);

    /// <summary>Reads an XML answer through the JSON converter of its schema (<see cref="ApiXml"/>).</summary>
    /// <param name="response">The answer.</param>
    /// <param name="shape">The XML shape descriptor of the answer's schema.</param>
    /// <param name="read">The converter's read function.</param>
    public static T ReadXml<T>(ApiResponse response, string shape, ApiJsonReadFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(response.Body);
        if (!ApiXml.IsXml(response.MediaType))
        {
            var described = response.MediaType is null ? "no Content-Type" : "Content-Type '" + response.MediaType + "'";
            throw new ApiException(response.StatusCode, ApiException.Sanitize($"The server answered {response.StatusCode} with {described} where the document declares XML.", ApiException.MessageLimit), null, null, ApiException.Excerpt(response.Body), null);
        }

        byte[] json;
        try
        {
            json = ApiXml.ToJson(response.Body, shape);
        }
        catch (XmlException exception)
        {
            throw new ApiException(response.StatusCode, ApiException.Sanitize("The response body is not the XML the document declares: " + exception.Message, ApiException.MessageLimit), null, null, ApiException.Excerpt(response.Body), exception);
        }

        try
        {
            return ApiJsonReader.Deserialize(json, read, strict: false);
        }
        catch (JsonException exception)
        {
            throw new ApiException(response.StatusCode, ApiException.Sanitize("The response body does not match the document: " + exception.Message, ApiException.MessageLimit), null, null, ApiException.Excerpt(response.Body), exception);
        }
    }

    /// <summary>
    /// The exception of an error answer whose body the document declares only as XML (<c>application/xml</c>,
    /// <c>text/xml</c>, <c>*/*+xml</c> such as <c>application/problem+xml</c>): an <see cref="ApiException{TError}"/>
    /// carrying the body when it is XML and reads, through <paramref name="shape"/> and the type's converter, as the
    /// declared type; else <paramref name="error"/> unchanged. The message is the error's as <paramref name="faults"/>
    /// reads it from the body's JSON (the server writes a plain error's fields into the declared XML), bounded and
    /// escaped; else that of <paramref name="error"/>.
    /// </summary>
    /// <typeparam name="TError">The declared error body's type.</typeparam>
    /// <param name="error">The exception built from the response.</param>
    /// <param name="shape">The XML shape descriptor of the error's schema.</param>
    /// <param name="read">Reads the declared body (the converter's read function).</param>
    /// <param name="faults">The document's error answers (the generated <c>ApiFaults.Table</c>).</param>
    /// <returns>The exception to throw.</returns>
    public static ApiException DeclaredXmlError<TError>(ApiException error, string shape, ApiJsonReadFunc<TError> read, ApiFaultTable faults)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(faults);
        if (error is ApiException<TError> || error.RawResponseBody.IsEmpty || !ApiXml.IsXml(error.ResponseMediaType))
        {
            return error;
        }

        try
        {
            var json = ApiXml.ToJson(error.RawResponseBody, shape);
            var body = ApiJsonReader.Deserialize(json, read, strict: false);
            var message = faults.TryReadError(json, "application/json", out _, out _, out var text) ? ApiException.Sanitize(text!, ApiException.MessageLimit) : error.Message;
            return new ApiException<TError>(error, body, message);
        }
        catch (XmlException)
        {
            return error;
        }
        catch (JsonException)
        {
            return error;
        }
    }

    /// <summary>
    /// Reads an answer the document declares as both JSON and XML: by its Content-Type, XML through
    /// <paramref name="shape"/>, anything else as JSON.
    /// </summary>
    /// <param name="response">The answer.</param>
    /// <param name="read">The converter's read function.</param>
    /// <param name="shape">The XML shape descriptor of the answer's schema.</param>
    public static T ReadJsonOrXml<T>(ApiResponse response, ApiJsonReadFunc<T> read, string shape)
    {
        return ApiXml.IsXml(response.MediaType) ? ReadXml(response, shape, read) : ReadJson(response, read);
    }
}
