using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace EvsCodegen.Runtime;

/// <summary>
/// XML bodies after OpenAPI's XML Object, as a transcoding of the JSON the generated converters read and write: XML
/// is turned into that JSON before the converter validates it, and the converter's JSON into XML, both driven by a
/// shape descriptor the generator writes from the schema (element and attribute names, namespaces, prefixes, wrapped
/// arrays). So an XML body is validated exactly as a JSON one is, with no reflection.
/// </summary>
/// <remarks>
/// Reading is safe by construction: DTDs are refused, no external resolver exists, entities never expand. Elements
/// and attributes are matched by local name; namespaces are written as declared but not required on read.
/// </remarks>
public static partial class ApiXml
{
    private static readonly ConcurrentDictionary<string, Root> s_cache = new(StringComparer.Ordinal);
    private const string InstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    // The JSON reader's own limit: XML nested deeper (a recursive schema) is refused before it is transcoded.
    private const int MaxDepth = 64;

    private static readonly XmlReaderSettings s_readerSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = false,
    };

    private static readonly XmlWriterSettings s_writerSettings = new()
    {
        OmitXmlDeclaration = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        CloseOutput = false,
    };

    /// <summary>Whether <paramref name="mediaType"/> is an XML media type (<c>application/xml</c>, <c>text/xml</c>, <c>+xml</c>).</summary>
    /// <param name="mediaType">A media type, with or without parameters; null is not XML.</param>
    public static bool IsXml(string? mediaType)
    {
        if (mediaType is null)
        {
            return false;
        }

        var bare = MediaTypes.WithoutParameters(mediaType);
        return bare.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || bare.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || bare.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The JSON that the XML document <paramref name="xml"/> stands for under <paramref name="shape"/>.</summary>
    /// <param name="xml">The XML text as bytes (an encoding declaration or byte order mark is honoured).</param>
    /// <param name="shape">The shape descriptor the generator wrote for the body's schema.</param>
    /// <exception cref="XmlException">The XML is malformed, holds a DTD, or does not have the shape's structure.</exception>
    public static byte[] ToJson(ReadOnlyMemory<byte> xml, string shape)
    {
        var root = Parse(shape);
        XDocument document;
        using (var stream = new MemoryStream(xml.ToArray(), writable: false))
        using (var reader = XmlReader.Create(stream, s_readerSettings))
        {
            document = XDocument.Load(reader, LoadOptions.None);
        }

        var element = document.Root ?? throw new XmlException("The XML body has no root element.");
        if (element.Name.LocalName != root.Name)
        {
            throw new XmlException($"The XML body's root element must be <{root.Name}>, not <{element.Name.LocalName}>.");
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ReadValue(element, root.Type, writer, "/" + root.Name, 0);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The XML text of the JSON value <paramref name="json"/> under <paramref name="shape"/>, as UTF-8 bytes.</summary>
    /// <param name="json">The value's JSON, as a generated converter writes it.</param>
    /// <param name="shape">The shape descriptor the generator wrote for the body's schema.</param>
    public static byte[] FromJson(ReadOnlySpan<byte> json, string shape)
    {
        var root = Parse(shape);
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, s_writerSettings))
        {
            WriteElement(writer, root.Name, root.Namespace, root.Prefix, document.RootElement, root.Type, defaultNamespace: string.Empty);
        }

        return stream.ToArray();
    }

    private static void ReadValue(XElement element, Node type, Utf8JsonWriter writer, string path, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new XmlException($"The XML body is nested deeper than {MaxDepth} levels.");
        }

        if (string.Equals((string?)element.Attribute(XName.Get("nil", InstanceNamespace)), "true", StringComparison.Ordinal))
        {
            writer.WriteNullValue();
            return;
        }

        switch (type.Kind)
        {
            case NodeKind.Object:
                ReadObject(element, type.Object!, writer, path, depth);
                break;
            case NodeKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.Elements().Where(e => e.Name.LocalName == type.ItemName))
                {
                    ReadValue(item, type.Item!, writer, path + "/" + type.ItemName, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                if (element.HasElements)
                {
                    throw new XmlException($"<{element.Name.LocalName}> at {path} must hold text, not elements.");
                }

                WriteScalar(element.Value, type.Kind, writer, path);
                break;
        }
    }

    private static void ReadObject(XElement element, ObjectShape shape, Utf8JsonWriter writer, string path, int depth)
    {
        writer.WriteStartObject();
        foreach (var property in shape.Properties)
        {
            if (property.Attribute)
            {
                if (element.Attributes().FirstOrDefault(a => !a.IsNamespaceDeclaration && a.Name.LocalName == property.Name) is { } attribute)
                {
                    writer.WritePropertyName(property.Json);
                    WriteScalar(attribute.Value, property.Type.Kind, writer, path + "/@" + property.Name);
                }

                continue;
            }

            if (property.Type.Kind == NodeKind.Array && !property.Wrapped)
            {
                var items = element.Elements().Where(e => e.Name.LocalName == property.Type.ItemName).ToList();
                if (items.Count > 0)
                {
                    writer.WritePropertyName(property.Json);
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        ReadValue(item, property.Type.Item!, writer, path + "/" + property.Type.ItemName, depth + 1);
                    }

                    writer.WriteEndArray();
                }

                continue;
            }

            XElement? found = null;
            foreach (var child in element.Elements())
            {
                if (child.Name.LocalName == property.Name)
                {
                    found = found is null ? child : throw new XmlException($"<{property.Name}> appears more than once at {path}.");
                }
            }

            if (found is not null)
            {
                writer.WritePropertyName(property.Json);
                ReadValue(found, property.Type, writer, path + "/" + property.Name, depth + 1);
            }
        }

        if (shape.Closed)
        {
            // additionalProperties: false: what the schema does not name is refused, as the JSON converter refuses an unknown key.
            if (element.Elements().FirstOrDefault(e => !shape.ElementNames.Contains(e.Name.LocalName)) is { } unknown)
            {
                throw new XmlException($"<{unknown.Name.LocalName}> is not allowed at {path}.");
            }

            if (element.Attributes().FirstOrDefault(a => !a.IsNamespaceDeclaration && a.Name.NamespaceName != InstanceNamespace && !shape.AttributeNames.Contains(a.Name.LocalName)) is { } extra)
            {
                throw new XmlException($"The attribute '{extra.Name.LocalName}' is not allowed at {path}.");
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteScalar(string text, NodeKind kind, Utf8JsonWriter writer, string path)
    {
        switch (kind)
        {
            case NodeKind.Boolean:
                // xs:boolean: true, false, 1, 0 (whitespace collapsed).
                writer.WriteBooleanValue(text.Trim() switch
                {
                    "true" or "1" => true,
                    "false" or "0" => false,
                    _ => throw new XmlException($"'{Excerpt(text)}' at {path} is not a boolean."),
                });
                break;
            case NodeKind.Integer:
            case NodeKind.Number:
                var trimmed = text.Trim();
                if (decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) && (kind == NodeKind.Number || exact == decimal.Truncate(exact)))
                {
                    writer.WriteNumberValue(kind == NodeKind.Integer ? decimal.Truncate(exact) : exact);
                }
                else if (kind == NodeKind.Number && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate) && double.IsFinite(approximate))
                {
                    writer.WriteNumberValue(approximate);
                }
                else
                {
                    throw new XmlException($"'{Excerpt(text)}' at {path} is not {(kind == NodeKind.Integer ? "an integer" : "a number")}.");
                }

                break;
            default:
                writer.WriteStringValue(text);
                break;
        }
    }

    private static string Excerpt(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static void WriteElement(XmlWriter writer, string name, string? ns, string? prefix, JsonElement value, Node type, string defaultNamespace)
    {
        // An element without its own namespace stays in the one in scope, as XML's default namespace has it.
        var effective = ns ?? defaultNamespace;
        if (ns is not null && prefix is not null)
        {
            writer.WriteStartElement(prefix, name, ns);
        }
        else
        {
            writer.WriteStartElement(name, effective);
            defaultNamespace = effective;
        }

        switch (type.Kind)
        {
            case NodeKind.Object when value.ValueKind == JsonValueKind.Object:
                WriteObject(writer, type.Object!, value, defaultNamespace);
                break;
            case NodeKind.Array when value.ValueKind == JsonValueKind.Array:
                WriteItems(writer, type, value, defaultNamespace);
                break;
            default:
                writer.WriteString(Text(value));
                break;
        }

        writer.WriteEndElement();
    }

    private static void WriteObject(XmlWriter writer, ObjectShape shape, JsonElement value, string defaultNamespace)
    {
        foreach (var property in shape.Properties)
        {
            if (property.Attribute && value.TryGetProperty(property.Json, out var attribute) && attribute.ValueKind != JsonValueKind.Null)
            {
                if (property.Namespace is not null)
                {
                    writer.WriteAttributeString(property.Prefix, property.Name, property.Namespace, Text(attribute));
                }
                else
                {
                    writer.WriteAttributeString(property.Name, Text(attribute));
                }
            }
        }

        foreach (var property in shape.Properties)
        {
            if (property.Attribute || !value.TryGetProperty(property.Json, out var member) || member.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (property.Type.Kind == NodeKind.Array && !property.Wrapped && member.ValueKind == JsonValueKind.Array)
            {
                WriteItems(writer, property.Type, member, defaultNamespace);
                continue;
            }

            WriteElement(writer, property.Name, property.Namespace, property.Prefix, member, property.Type, defaultNamespace);
        }
    }

    private static void WriteItems(XmlWriter writer, Node array, JsonElement items, string defaultNamespace)
    {
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Null)
            {
                WriteElement(writer, array.ItemName!, array.ItemNamespace, array.ItemPrefix, item, array.Item!, defaultNamespace);
            }
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetRawText(),
    };
}
