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
            var problem = CheckParameter(node, kind.Value, out var type, out var encoding, methodName + Identifiers.ToPascalCase(name));
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

            // OpenAPI: explode defaults to true for the form style (and so for query and cookie parameters), else false.
            var explode = node.Get("explode") is YScalar explodeNode && explodeNode.AsBool() is bool explicitExplode
                ? explicitExplode
                : encoding is null ? kind is ParameterLocation.Query or ParameterLocation.Cookie : encoding.Style == ParameterStyle.Form;
            var constraints = _schemas.ReadConstraints(node.Get("schema"));
            result.Add(new ParameterModel(name, names.Claim(Identifiers.ToCamelCase(name, "parameter")), kind.Value, required, type!, explode, node.GetString("description"), constraints, _schemas.ReadDefault(node.Get("schema")), node.GetBool("deprecated"), encoding));
        }

        return result;
    }

    private string? CheckParameter(YMapping node, ParameterLocation location, out TypeRefModel? type, out ParameterEncodingModel? encoding, string nameHint)
    {
        type = null;
        encoding = null;
        if (node.Get("schema") is null && node.GetMapping("content") is { Count: > 0 } content)
        {
            // content: the value is the text of one media type; JSON is read and written by the schema's converter.
            var mediaType = content.Entries[0].Key.Value;
            if (!IsJsonMediaType(mediaType))
            {
                return $"is described with 'content: {mediaType}', of which only JSON media types are supported";
            }

            type = _schemas.Convert((content.Entries[0].Value as YMapping)?.Get("schema"), nameHint, 0);
            encoding = new ParameterEncodingModel(DefaultStyle(location), IsJson: true, Shape: null);
            return null;
        }

        var styleText = node.GetString("style");
        if ((styleText is null ? DefaultStyle(location) : ParseStyle(styleText)) is not { } style)
        {
            // A style OpenAPI does not define (2.0's tsv read as 'tabDelimited', a typo) has no known text form.
            return $"uses style '{styleText}', which OpenAPI 3 does not define";
        }

        if (!StyleFits(style, location))
        {
            // Documents write 'style: form' on headers and the like: the location's own style keeps the parameter.
            _context.Report(D.StyleNotDefinedHere, node.Get("style") ?? node, node.GetString("name") ?? string.Empty, styleText ?? string.Empty, location.ToString().ToLowerInvariant() + " parameters", StyleName(DefaultStyle(location)));
            style = DefaultStyle(location);
        }

        type = _schemas.Convert(node.Get("schema"), nameHint, 0);
        if (type.Kind == TypeRefKind.Any || _schemas.IsValueUnion(type))
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
        if (element.Kind is TypeRefKind.Any || _schemas.IsValueUnion(element))
        {
            element = new TypeRefModel(TypeRefKind.String);
            type = type with { Item = element };
        }

        var explode = node.Get("explode") is YScalar explodeNode && explodeNode.AsBool() is bool explicitExplode ? explicitExplode : style == ParameterStyle.Form;
        var spread = location == ParameterLocation.Query && (style == ParameterStyle.DeepObject || (style == ParameterStyle.Form && explode));
        if (type.Kind is TypeRefKind.Object or TypeRefKind.Map)
        {
            // An object travels as its JSON written in the style; spread over keys (deepObject, exploded form) it may nest.
            var typeName = type.TypeName;
            if (type.Kind == TypeRefKind.Object && !_schemas.Types.OfType<ObjectTypeModel>().Any(t => t.Name == typeName))
            {
                return "is a union or an object without a generated record, which is not supported as a parameter yet";
            }

            if (!spread && !IsFlat(type))
            {
                return $"is an object with nested values, which style '{StyleName(style)}' cannot write";
            }

            encoding = new ParameterEncodingModel(style, IsJson: false, ValueShapes.Describe(type, _schemas.Types));
            return null;
        }

        if (element.Kind is TypeRefKind.Object or TypeRefKind.Map or TypeRefKind.Array or TypeRefKind.Bytes)
        {
            return "is an array of objects, maps, arrays or bytes, which is not supported as a parameter yet";
        }

        var plain = style == DefaultStyle(location) || (type.Kind != TypeRefKind.Array && style is ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited);
        if (!plain)
        {
            encoding = new ParameterEncodingModel(style, IsJson: false, ValueShapes.Describe(type, _schemas.Types));
        }

        return null;
    }

    /// <summary>Whether an object's properties are all scalars (or arrays of scalars), which every style can write.</summary>
    private bool IsFlat(TypeRefModel type)
    {
        IEnumerable<TypeRefModel> values = type.Kind == TypeRefKind.Map
            ? [type.Item ?? TypeRefModel.AnyValue]
            : _schemas.Types.OfType<ObjectTypeModel>().First(t => t.Name == type.TypeName).Properties.Select(p => p.Type);
        return values.All(v => v.Kind is not (TypeRefKind.Object or TypeRefKind.Map or TypeRefKind.Array or TypeRefKind.Any));
    }

    private static ParameterStyle DefaultStyle(ParameterLocation location) =>
        location is ParameterLocation.Query or ParameterLocation.Cookie ? ParameterStyle.Form : ParameterStyle.Simple;

    private static ParameterStyle? ParseStyle(string style) => style switch
    {
        "form" => ParameterStyle.Form,
        "simple" => ParameterStyle.Simple,
        "label" => ParameterStyle.Label,
        "matrix" => ParameterStyle.Matrix,
        "spaceDelimited" => ParameterStyle.SpaceDelimited,
        "pipeDelimited" => ParameterStyle.PipeDelimited,
        "deepObject" => ParameterStyle.DeepObject,
        _ => null,
    };

    /// <summary>The document's spelling of a style.</summary>
    internal static string StyleName(ParameterStyle style) => style switch
    {
        ParameterStyle.SpaceDelimited => "spaceDelimited",
        ParameterStyle.PipeDelimited => "pipeDelimited",
        ParameterStyle.DeepObject => "deepObject",
        _ => style.ToString().ToLowerInvariant(),
    };

    /// <summary>OpenAPI's table of styles by location.</summary>
    private static bool StyleFits(ParameterStyle style, ParameterLocation location) => location switch
    {
        ParameterLocation.Path => style is ParameterStyle.Simple or ParameterStyle.Label or ParameterStyle.Matrix,
        ParameterLocation.Query => style is ParameterStyle.Form or ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited or ParameterStyle.DeepObject,
        ParameterLocation.Header => style == ParameterStyle.Simple,
        _ => style == ParameterStyle.Form,
    };

    private static bool IsJsonMediaType(string mediaType)
    {
        var baseType = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return baseType is "application/json" or "text/json" || baseType.EndsWith("+json", StringComparison.Ordinal);
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
