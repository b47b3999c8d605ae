using System;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

/// <summary>XML bodies (docs/decisions.md, "XML bodies"): the body as XML alone, or as the XML alternative of a JSON body.</summary>
internal sealed partial class OperationReader
{
    /// <summary>Whether <paramref name="mediaType"/> is XML: <c>application/xml</c>, <c>text/xml</c> or a <c>+xml</c> type.</summary>
    internal static bool IsXmlMediaType(string mediaType)
    {
        var baseType = BaseType(mediaType);
        return baseType is "application/xml" or "text/xml" || baseType.EndsWith("+xml", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether an XML media type's schema describes the document (so the body is typed after it): there is one, and it
    /// is not <c>format: binary</c> (the XML as bytes). Without one, XML stays text or bytes.
    /// </summary>
    private static bool IsStructured(YNode? schema) =>
        schema is YMapping mapping && mapping.GetString("format") != "binary";

    /// <summary>
    /// The XML form of a body of <paramref name="type"/> declared as <paramref name="mediaType"/>; null, with a warning
    /// at the media type saying why, when the XML Object cannot express the schema.
    /// </summary>
    private XmlBodyModel? XmlBody(string operationId, YMapping content, string mediaType, YNode? schema, TypeRefModel type, string unsupported)
    {
        if (XmlShapes.Describe(type, schema, _schemas, out var reason) is { } shape)
        {
            return new XmlBodyModel(mediaType, shape);
        }

        _context.Report(D.UnsupportedOperation, content.GetKey(mediaType) ?? (YNode)content, operationId, $"{unsupported}: {reason}");
        return null;
    }

    /// <summary>
    /// The XML alternative of a JSON body: the first XML media type of <paramref name="content"/>, when its schema is the
    /// JSON one (the same <c>$ref</c> or the same text), so one type reads both.
    /// </summary>
    private XmlBodyModel? XmlAlternative(string operationId, YMapping content, YNode? jsonSchema, TypeRefModel type, string jsonMediaType)
    {
        foreach (var entry in content.Entries)
        {
            if (!IsXmlMediaType(entry.Key.Value))
            {
                continue;
            }

            var schema = (entry.Value as YMapping)?.Get("schema");
            var unsupported = $"the body is read and written only as '{jsonMediaType}'; '{entry.Key.Value}' is not supported";
            if (!SameSchema(schema, jsonSchema, 0))
            {
                _context.Report(D.UnsupportedOperation, entry.Key, operationId, $"{unsupported}: its schema differs from the JSON one");
                return null;
            }

            return XmlBody(operationId, content, entry.Key.Value, schema, type, unsupported);
        }

        return null;
    }

    /// <summary>Whether two schema nodes are one, or say the same thing in the same words.</summary>
    private static bool SameSchema(YNode? a, YNode? b, int depth)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (depth > 32)
        {
            return false;
        }

        switch (a)
        {
            case YScalar scalar:
                return b is YScalar otherScalar && scalar.Value == otherScalar.Value;
            case YMapping mapping when b is YMapping otherMapping && mapping.Entries.Count == otherMapping.Entries.Count:
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    if (mapping.Entries[i].Key.Value != otherMapping.Entries[i].Key.Value || !SameSchema(mapping.Entries[i].Value, otherMapping.Entries[i].Value, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case YSequence sequence when b is YSequence otherSequence && sequence.Items.Count == otherSequence.Items.Count:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (!SameSchema(sequence.Items[i], otherSequence.Items[i], depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether the request's other media type <paramref name="mediaType"/> is the XML alternative read beside the chosen JSON.</summary>
    private static bool IsXmlAlternative(BodyEncoding chosen, string mediaType, YMapping content)
    {
        if (chosen != BodyEncoding.Json || !IsXmlMediaType(mediaType))
        {
            return false;
        }

        // Only the first XML type is the alternative; the others stay unsupported.
        foreach (var entry in content.Entries)
        {
            if (IsXmlMediaType(entry.Key.Value))
            {
                return entry.Key.Value == mediaType;
            }
        }

        return false;
    }
}
