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
