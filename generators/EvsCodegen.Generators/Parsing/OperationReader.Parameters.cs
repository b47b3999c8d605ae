using System;
using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

internal sealed partial class OperationReader
{
    private static readonly string[] s_ignoredHeaders = ["accept", "content-type", "authorization"];

    private List<ParameterModel>? ReadParameters(string operationId, string methodName, string path, YMapping item, YMapping operation, NameScope names)
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

        var placeholders = PathPlaceholders(path);
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
            result.Add(new ParameterModel(name, names.Claim(Identifiers.ToCamelCase(name, "parameter")), kind.Value, required, type!, explode, node.GetString("description")));
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

        type = _schemas.Convert(node.Get("schema"), nameHint, 0);
        if (type.Kind == TypeRefKind.Any)
        {
            type = new TypeRefModel(TypeRefKind.String, type.Nullable);
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
    /// Why ASP.NET Core's route parser would refuse the path as a template, or null. Placeholders become C# names,
    /// so only the shape matters: a placeholder used twice, two placeholders with nothing between them, an empty
    /// segment or a '?' outside a placeholder.
    /// </summary>
    private static string? RouteProblem(string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var afterPlaceholder = false;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            var close = c == '{' ? path.IndexOf('}', i + 1) : -1;
            if (close > i)
            {
                var name = path.Substring(i + 1, close - i - 1);
                if (afterPlaceholder)
                {
                    return "two path parameters follow each other without a literal between them";
                }

                if (!seen.Add(name))
                {
                    return $"the path parameter '{name}' appears twice";
                }

                afterPlaceholder = true;
                i = close;
                continue;
            }

            if (c == '?')
            {
                return "it contains '?'";
            }

            if (c == '/' && i + 1 < path.Length && path[i + 1] == '/')
            {
                return "it has an empty segment";
            }

            afterPlaceholder = false;
        }

        return null;
    }

    private static List<string> PathPlaceholders(string path)
    {
        var names = new List<string>();
        var start = -1;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '{')
            {
                start = i + 1;
            }
            else if (path[i] == '}' && start >= 0)
            {
                names.Add(path.Substring(start, i - start));
                start = -1;
            }
        }

        return names;
    }
}
