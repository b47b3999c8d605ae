using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// The calls XML bodies emit on both sides (docs/decisions.md, "XML bodies"): the value's JSON, as its converter writes
/// it, transcoded to XML by the runtime's <c>ApiXml</c>, and XML transcoded to the JSON the converter reads.
/// </summary>
internal static class XmlCode
{
    /// <summary>The client's request content for a body sent as XML.</summary>
    public static string ClientBody(BodyModel body, XmlBodyModel xml, string value) =>
        $"{RuntimeNames.XmlClient.Type}.{RuntimeNames.XmlClient.XmlBody}({RuntimeNames.Value.Type}.{RuntimeNames.Value.Serialize}({value}, {ClientEmitter.Writer(body.Type)}), {Text.Literal(xml.Shape)}, {Text.Literal(xml.MediaType)})";

    /// <summary>The client's read of an answer declared as XML (alone, or beside JSON: then by its Content-Type).</summary>
    public static string ClientRead(ResponseModel response, XmlBodyModel xml, string reader) => response.Encoding == BodyEncoding.Xml
        ? $"{RuntimeNames.XmlClient.Type}.{RuntimeNames.XmlClient.ReadXml}(response, {Text.Literal(xml.Shape)}, {reader})"
        : $"{RuntimeNames.XmlClient.Type}.{RuntimeNames.XmlClient.ReadJsonOrXml}(response, {reader}, {Text.Literal(xml.Shape)})";

    /// <summary>
    /// The <c>Accept</c> value of an operation some of whose answers are XML: every media type the client reads, the
    /// JSON of an answer declared both ways before its XML (the server then answers JSON); null when no answer is XML.
    /// </summary>
    public static string? Accept(OperationModel operation)
    {
        if (!operation.Responses.Any(r => r.Xml is not null))
        {
            return null;
        }

        var types = new List<string>();
        foreach (var response in operation.Responses.OrderBy(r => r.IsSuccess ? 0 : 1))
        {
            if (response.ContentType is { } declared && response.Encoding is BodyEncoding.Json or BodyEncoding.Text)
            {
                types.Add(ErrorAnswers.BaseType(declared));
            }

            if (response.Xml is { } xml)
            {
                types.Add(ErrorAnswers.BaseType(xml.MediaType));
            }
        }

        return string.Join(", ", types.Distinct(System.StringComparer.Ordinal));
    }

    /// <summary>The server's read of a request body declared as XML: the body's JSON, XML transcoded by Content-Type.</summary>
    public static string ServerRead(BodyModel body, XmlBodyModel xml) =>
        $"await {RuntimeNames.XmlServer.Type}.{RuntimeNames.XmlServer.ReadXmlOrJsonBodyAsync}(http, {Text.Literal(xml.MediaType)}, {(body.Encoding == BodyEncoding.Json ? Text.Literal(body.ContentType) : "null")}, {Text.Literal(xml.Shape)}, required: {(body.Required ? "true" : "false")}).ConfigureAwait(false)";

    /// <summary>The server's write of an answer declared as XML (alone, or beside JSON: then by the request's Accept).</summary>
    public static string ServerWrite(ResponseModel response, XmlBodyModel xml, string status, string value, TypeRefModel type) => response.Encoding == BodyEncoding.Xml
        ? $"{RuntimeNames.XmlServer.Type}.{RuntimeNames.XmlServer.WriteXmlAsync}(http, {status}, {value}, {ClientEmitter.Writer(type)}, {Text.Literal(xml.Shape)}, {Text.Literal(xml.MediaType)})"
        : $"{RuntimeNames.XmlServer.Type}.{RuntimeNames.XmlServer.WriteJsonOrXmlAsync}(http, {status}, {value}, {ClientEmitter.Writer(type)}, {Text.Literal(response.ContentType ?? "application/json")}, {Text.Literal(xml.MediaType)}, {Text.Literal(xml.Shape)})";
}
