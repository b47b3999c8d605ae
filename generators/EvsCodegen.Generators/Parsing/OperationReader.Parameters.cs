using System;
using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

internal sealed partial class OperationReader
{
    private static readonly string[] s_ignoredHeaders = ["accept", "content-type", "authorization"];

    private List<ParameterModel>? ReadParameters(string operationId, string methodName, IReadOnlyList<PathTemplate.Segment> template, YMapping item, YMapping operation, NameScope names)
    {
        var declared = new List<(string Name, string In, YMapping Node)>();
        foreach (var source in new[] { item.GetSequence("parameters"), operation.GetSequence("parameters") })
        {
            foreach (var node in source?.Items ?? [])
            {
                var parameter = _context.Deref(node);
                if (parameter?.GetString("name") is not { } name || parameter.GetString("in") is not { } location)
                {
                    _context.Report(D.InvalidStructure, node, "A parameter needs 'name' and 'in'");
                    continue;
                }

                // Operation-level parameters override path-level ones with the same name and location.
                declared.RemoveAll(p => p.Name == name && p.In == location);
                declared.Add((name, location, parameter));
            }
        }

        var placeholders = template.Where(s => s.IsParameter).Select(s => s.Text).ToList();
        foreach (var placeholder in placeholders)
        {
            if (!declared.Any(p => p.In == "path" && p.Name == placeholder))
            {
                _context.Report(D.UnsupportedOperation, operation, operationId, $"the path parameter '{placeholder}' is not declared; the operation is skipped");
                return null;
            }
        }

        var result = new List<ParameterModel>();
        foreach (var (name, location, node) in declared.OrderBy(p => p.In == "path" ? placeholders.IndexOf(p.Name) : int.MaxValue))
        {
            var kind = location switch
            {
                "path" => ParameterLocation.Path,
                "query" => ParameterLocation.Query,
                "header" => ParameterLocation.Header,
                "cookie" => ParameterLocation.Cookie,
                _ => (ParameterLocation?)null,
            };
            if (kind is null || (kind == ParameterLocation.Path && !placeholders.Contains(name)))
            {
                _context.Report(D.InvalidStructure, node, $"The parameter '{name}' in '{location}' does not fit the operation");
                continue;
            }

            if (kind == ParameterLocation.Header && s_ignoredHeaders.Contains(name.ToLowerInvariant()))
            {
                // OpenAPI: these header parameters are ignored; content negotiation and security define them.
                continue;
            }

            if (kind == ParameterLocation.Path && !node.GetBool("required"))
            {
                // The operation still binds it as required: a path cannot lack one of its segments.
                _context.Report(D.PathParameterNotRequired, node.Get("required") ?? node, name, _context.Version);
            }

            var required = kind == ParameterLocation.Path || node.GetBool("required");
            var problem = CheckParameter(node, out var type, methodName + Identifiers.ToPascalCase(name));
            if (problem is not null)
            {
                if (required)
                {
                    _context.Report(D.UnsupportedOperation, node, operationId, $"the parameter '{name}' {problem}; the operation is skipped");
                    return null;
                }

                _context.Report(D.UnsupportedOperation, node, operationId, $"the optional parameter '{name}' {problem}; it is left out");
                continue;
            }

            var explode = node.Get("explode") is YScalar explodeNode && explodeNode.AsBool() is bool explicitExplode
                ? explicitExplode
                : kind is ParameterLocation.Query or ParameterLocation.Cookie;
            result.Add(new ParameterModel(name, names.Claim(Identifiers.ToCamelCase(name, "parameter")), kind.Value, required, type!, explode, node.GetString("description"), _schemas.ReadConstraints(node.Get("schema"))));
        }

        return result;
    }

    private string? CheckParameter(YMapping node, out TypeRefModel? type, string nameHint)
    {
        type = null;
        if (node.Get("content") is not null && node.Get("schema") is null)
        {
            return "is described with 'content', which is not supported yet";
        }

        var style = node.GetString("style");
        if (style is "deepObject" or "spaceDelimited" or "pipeDelimited")
        {
            return $"uses style '{style}', which is not supported yet";
        }

        if (style is not (null or "form" or "simple" or "matrix" or "label"))
        {
            // A style OpenAPI does not define (2.0's tsv read as 'tabDelimited', a typo) has no known text form.
            return $"uses style '{style}', which OpenAPI 3 does not define";
        }

        type = _schemas.Convert(node.Get("schema"), nameHint, 0);
        if (type.Kind == TypeRefKind.Any)
        {
            type = new TypeRefModel(TypeRefKind.String, type.Nullable);
        }

        if (type.Kind == TypeRefKind.Array && type.Item!.Nullable)
        {
            // A parameter's text has no null item (form style splits on commas, explode repeats the key), so items
            // are typed non-null on both sides: nullable items failed to format (CS1501) and to convert (CS0266, CS8604).
            type = type with { Item = type.Item with { Nullable = false } };
        }

        var element = type.Kind == TypeRefKind.Array ? type.Item! : type;
        if (element.Kind is TypeRefKind.Any)
        {
            element = new TypeRefModel(TypeRefKind.String);
            type = type with { Item = element };
        }

        if (element.Kind is TypeRefKind.Object or TypeRefKind.Map or TypeRefKind.Array or TypeRefKind.Bytes)
        {
            return "is an object, map or nested array, which is not supported as a parameter yet";
        }

        return null;
    }

    /// <summary>
    /// Why ASP.NET Core's route parser would refuse a well-formed template, or null. Placeholders become C# names,
    /// so only the shape matters: two placeholders with nothing between them, an empty segment or a '?' in literal text.
    /// </summary>
    private static string? RouteProblem(IReadOnlyList<PathTemplate.Segment> template)
    {
        for (var i = 1; i < template.Count; i++)
        {
            if (template[i].IsParameter && template[i - 1].IsParameter)
            {
                return "two path parameters follow each other without a literal between them";
            }
        }

        if (template.Any(s => !s.IsParameter && s.Text.IndexOf('?') >= 0))
        {
            return "it contains '?'";
        }

        return template.Any(s => !s.IsParameter && s.Text.IndexOf("//", StringComparison.Ordinal) >= 0) ? "it has an empty segment" : null;
    }
}
