using System;
using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

internal sealed partial class OperationReader
{
    // The characters of an HTTP method name besides letters and digits (RFC 9110 token).
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    /// <summary>
    /// The operations of a path item with their HTTP methods: the fixed fields, 3.2's <c>query</c>, and 3.2's
    /// <c>additionalOperations</c>, whose keys are sent as written.
    /// </summary>
    private List<(YScalar Key, string Method, YMapping Operation)> Operations(YMapping item)
    {
        var result = new List<(YScalar, string, YMapping)>();
        foreach (var entry in item.Entries)
        {
            var method = entry.Key.Value;
            if ((Array.IndexOf(s_methods, method) >= 0 || (method == "query" && _context.Version == "3.2")) && entry.Value is YMapping operation)
            {
                result.Add((entry.Key, method.ToUpperInvariant(), operation));
            }
        }

        if (_context.Version != "3.2" || item.Get("additionalOperations") is not { } additional)
        {
            return result;
        }

        foreach (var entry in (additional as YMapping)?.Entries ?? [])
        {
            var method = entry.Key.Value;
            if (method.Length == 0 || method.Any(c => c > 127 || !(char.IsLetterOrDigit(c) || TokenSymbols.IndexOf(c) >= 0)))
            {
                _context.Report(D.InvalidStructure, entry.Key, $"'{method}' is not an HTTP method name");
            }
            else if (Array.IndexOf(s_methods, method.ToLowerInvariant()) >= 0 || method.Equals("query", StringComparison.OrdinalIgnoreCase))
            {
                // 3.2 keeps these to their fixed fields; two operations for one method could not both be routed.
                _context.Report(D.InvalidStructure, entry.Key, $"additionalOperations cannot hold '{method}', which has its own field");
            }
            else if (entry.Value is YMapping operation)
            {
                result.Add((entry.Key, method, operation));
            }
        }

        return result;
    }

    /// <summary>
    /// 3.2's <c>itemSchema</c> describes each item of a sequential media type. The one of the response media type read
    /// item by item (<paramref name="generated"/>) is generated; any other (a request's, another media type's) is EVS1051.
    /// </summary>
    private void ReportItemSchemas(YMapping content, string operationId, string? generated)
    {
        foreach (var entry in content.Entries)
        {
            if (entry.Key.Value != generated && entry.Value is YMapping media && media.GetKey("itemSchema") is { } itemSchema)
            {
                _context.Report(D.OpenApi32NotGenerated, itemSchema, $"itemSchema of '{entry.Key.Value}' in operation '{operationId}'", generated is null && entry.Key.Value == content.Entries[0].Key.Value
                    ? "only responses are read item by item; this body is sent and read whole as its media type says"
                    : "only the response's chosen server-sent events or JSON Lines media type is read item by item");
            }
        }
    }

    /// <summary>
    /// The item type of a streamed response (docs/decisions.md, "Streams"): 3.2's <c>itemSchema</c>, else the
    /// <c>schema</c>'s <c>items</c> when it is an array (openapi-generator's <c>format: event-stream</c> convention), else
    /// the schema itself. For server-sent events the item is the event's data: an <c>itemSchema</c> that describes the
    /// event (a <c>data</c> property) gives the data's <c>contentSchema</c> or schema; a string, or no schema, is the data's text.
    /// </summary>
    private TypeRefModel StreamItemType(YMapping? media, BodyEncoding encoding, string name)
    {
        var item = _context.Version == "3.2" ? media?.Get("itemSchema") : null;
        if (item is null && media?.Get("schema") is { } schema)
        {
            var resolved = _context.Deref(schema);
            item = resolved?.GetString("type") == "array" && resolved.Get("items") is { } items ? items : schema;
        }

        if (encoding == BodyEncoding.EventStream && _context.Deref(item)?.GetMapping("properties")?.Get("data") is { } data)
        {
            item = _context.Deref(data)?.Get("contentSchema") ?? data;
        }

        if (item is null)
        {
            return new TypeRefModel(encoding == BodyEncoding.EventStream ? TypeRefKind.String : TypeRefKind.Any);
        }

        // An event's data is text: a string (or bytes) item is that text, never null.
        var type = _schemas.Convert(item, name, 0);
        return type.Kind == TypeRefKind.Bytes || (encoding == BodyEncoding.EventStream && type.Kind == TypeRefKind.String)
            ? new TypeRefModel(TypeRefKind.String)
            : type;
    }
}
