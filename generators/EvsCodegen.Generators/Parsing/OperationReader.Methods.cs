using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>3.2's <c>itemSchema</c> describes each item of a stream (JSON Lines, server-sent events); the body is read whole.</summary>
    private void ReportItemSchemas(YMapping content, string operationId)
    {
        foreach (var entry in content.Entries)
        {
            if (entry.Value is YMapping media && media.GetKey("itemSchema") is { } itemSchema)
            {
                _context.Report(D.OpenApi32NotGenerated, itemSchema, $"itemSchema of '{entry.Key.Value}' in operation '{operationId}'", "streams are not generated item by item; the body is read whole as its media type says");
            }
        }
    }
}
