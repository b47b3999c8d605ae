using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

internal sealed partial class SchemaConverter
{
    private static readonly string[] s_unsupportedKeywords = ["if", "then", "else", "patternProperties", "dependentSchemas", "unevaluatedProperties", "propertyNames", "contains"];

    // Of those, the ones the runtime's schema check evaluates for a value typed JsonElement.
    private static readonly HashSet<string> s_schemaEvaluatedKeywords = ["patternProperties", "propertyNames", "contains"];

    /// <summary>
    /// Reports the keywords the converted <paramref name="type"/> does not enforce: all of <c>s_unsupportedKeywords</c>
    /// and <c>not</c>, except those a <c>JsonElement</c> value's schema check evaluates (<see cref="TypeRefModel.Schema"/>).
    /// </summary>
    private void ReportUnenforced(YMapping schema, TypeRefModel type)
    {
        var checkedBySchema = type.Kind == TypeRefKind.Any && type.Schema is not null;
        foreach (var keyword in s_unsupportedKeywords)
        {
            if (schema.GetKey(keyword) is { } key && !(checkedBySchema && s_schemaEvaluatedKeywords.Contains(keyword)))
            {
                _context.Report(D.UnsupportedSchema, key, keyword, "the keyword is not enforced and does not shape the C# type");
            }
        }

        if (schema.GetKey("not") is { } not && !checkedBySchema)
        {
            // 'not' takes values away from a type the other keywords give; it never gives one of its own.
            _context.Report(D.KeywordNotEnforced, not, "not", "the type comes from the schema's other keywords; values the 'not' schema excludes are accepted");
        }
    }

    private TypeRefModel ConvertMapping(YMapping schema, string? componentName, string nameHint, int depth)
    {
        if (schema.GetString("$ref") is { } reference)
        {
            return ConvertReference(schema, reference, nameHint, depth);
        }

        var (types, nullable) = ReadTypes(schema);
        if (schema.GetBool("nullable"))
        {
            nullable = true;
        }

        if (schema.GetSequence("enum") is { } values)
        {
            return ConvertEnum(schema, values.Items, schema.GetKey("enum")!, types, nullable, componentName, nameHint);
        }

        if (schema.Get("const") is { } constant && ConvertConst(schema, constant, types, nullable, componentName, nameHint) is { } constType)
        {
            return constType;
        }

        var composition = ConvertComposition(schema, componentName, nameHint, depth, nullable);
        if (composition is not null)
        {
            return composition;
        }

        if (types.Count > 1)
        {
            return ConvertTypeArray(schema, types, componentName, nameHint, depth, nullable);
        }

        return ConvertSingle(schema, types.Count == 1 ? types[0] : InferType(schema), componentName, nameHint, depth, nullable);
    }

    /// <summary>The schema read as the one JSON type <paramref name="type"/> (null: any value).</summary>
    private TypeRefModel ConvertSingle(YMapping schema, string? type, string? componentName, string nameHint, int depth, bool nullable) => type switch
    {
        "string" => StringType(schema, nullable),
        "integer" => new TypeRefModel(schema.GetString("format") == "int32" ? TypeRefKind.Int32 : TypeRefKind.Int64, nullable),
        // OpenAPI's format registry: int32 and int64 apply to numbers, so `type: number, format: int32` admits exactly
        // the integers of that range and is typed as such (a double let 4.5 and 1e15 through).
        "number" => new TypeRefModel(schema.GetString("format") switch { "float" => TypeRefKind.Float, "decimal" => TypeRefKind.Decimal, "int32" => TypeRefKind.Int32, "int64" => TypeRefKind.Int64, _ => TypeRefKind.Double }, nullable),
        "boolean" => new TypeRefModel(TypeRefKind.Boolean, nullable),
        "array" => ConvertArray(schema, nameHint, depth, nullable),
        "object" => ConvertObject(schema, componentName, nameHint, depth, nullable),
        "null" => new TypeRefModel(TypeRefKind.Any, Nullable: true),
        null => new TypeRefModel(TypeRefKind.Any, nullable),
        _ => Unknown(schema, type, nullable),
    };

    /// <summary>
    /// An array; a tuple (<c>prefixItems</c>, 3.1) is an array whose items are a union of the positions' types and of
    /// <c>items</c> (the rest), which reads and writes every item exactly but does not hold each position to its own type.
    /// </summary>
    private TypeRefModel ConvertArray(YMapping schema, string nameHint, int depth, bool nullable)
    {
        if (schema.GetSequence("prefixItems") is not { Items.Count: > 0 } prefix)
        {
            return new TypeRefModel(TypeRefKind.Array, nullable, Item: Convert(schema.Get("items"), nameHint + "Item", depth + 1), ItemConstraints: ReadConstraints(schema.Get("items")));
        }

        var positions = prefix.Items.ToList();
        if (schema.Get("items") is YMapping rest)
        {
            positions.Add(rest);
        }

        var item = ConvertUnion(schema, "anyOf", positions, null, nameHint + "Item", depth, false, out var reason);
        if (item is null)
        {
            _context.Report(D.UnsupportedSchema, schema.GetKey("prefixItems"), "prefixItems", reason);
            item = TypeRefModel.AnyValue;
        }
        else
        {
            _context.Report(D.KeywordNotEnforced, schema.GetKey("prefixItems"), "prefixItems", "the items are typed as one of the positions' types; each position is not held to its own");
        }

        return new TypeRefModel(TypeRefKind.Array, nullable, Item: item, ItemConstraints: item.Kind == TypeRefKind.Object ? ConstraintsModel.None : ReadConstraints(prefix.Items[0]));
    }

    /// <summary>
    /// <c>const</c>: a string or integer is an enum of one value; a number other than an integer is a number checked
    /// against the value (<see cref="ReadConstraints(YNode?)"/> reads it); a boolean is a boolean checked against the
    /// value; null allows null only. An object or array stays <c>JsonElement</c>. Null when the type comes from the
    /// rest of the schema.
    /// </summary>
    private TypeRefModel? ConvertConst(YMapping schema, YNode constant, List<string> types, bool nullable, string? componentName, string nameHint)
    {
        switch (constant)
        {
            case YScalar { IsNull: true }:
                return new TypeRefModel(TypeRefKind.Any, Nullable: true);
            case YScalar scalar when scalar.AsBool() is not null:
                // The value is enforced (ConstraintsModel.AllowedBoolean).
                return new TypeRefModel(TypeRefKind.Boolean, nullable);
            case YScalar scalar when scalar.IsNumber && (!scalar.IsInteger || types.Contains("number")):
                return new TypeRefModel(TypeRefKind.Double, nullable);
            case YScalar scalar:
                return ConvertEnum(schema, [scalar], schema.GetKey("const")!, types, nullable, componentName, nameHint);
            default:
                _context.Report(D.UnsupportedSchema, schema.GetKey("const"), "const", $"a {constant.KindName} value is typed as JsonElement (checked against the value when the server reads it)");
                return new TypeRefModel(TypeRefKind.Any, nullable);
        }
    }

    private TypeRefModel Unknown(YMapping schema, string type, bool nullable)
    {
        _context.Report(D.InvalidStructure, schema.Get("type"), $"'{type}' is not a JSON Schema type");
        return new TypeRefModel(TypeRefKind.Any, nullable);
    }

    private TypeRefModel ConvertReference(YMapping schema, string reference, string nameHint, int depth)
    {
        var target = _context.ResolvePointer(reference, schema);
        if (target is null)
        {
            _context.ReportUnresolved(schema.Get("$ref"), reference, schema);
            return TypeRefModel.AnyValue;
        }

        var hint = FragmentPaths.NameHint(reference);
        var resolved = Convert(target, hint.Length == 0 ? nameHint : hint, depth + 1);

        // 3.1 allows siblings next to $ref; nullable beside a $ref is a common 3.0 habit too.
        return schema.GetBool("nullable") ? resolved.AsNullable() : resolved;
    }

    private static (List<string> Types, bool Nullable) ReadTypes(YMapping schema)
    {
        var types = new List<string>();
        var nullable = false;
        switch (schema.Get("type"))
        {
            case YScalar { IsNull: false } single:
                types.Add(single.Value);
                break;
            case YSequence many:
                foreach (var item in many.Items.OfType<YScalar>())
                {
                    if (item.Value == "null")
                    {
                        nullable = true;
                    }
                    else
                    {
                        types.Add(item.Value);
                    }
                }

                if (types.Count == 0 && nullable)
                {
                    types.Add("null");
                }

                break;
        }

        return (types, nullable);
    }

    private string? InferType(YMapping schema)
    {
        if (schema.Get("properties") is not null || schema.Get("additionalProperties") is not null || AllOfOfObjects(schema, 0))
        {
            return "object";
        }

        if (schema.Get("items") is not null)
        {
            return "array";
        }

        // String keywords alone (minLength, pattern) do not make a string: JSON Schema applies them to strings only, and
        // the value is typed JsonElement held to the schema (TypeRefModel.Schema).
        return null;
    }

    /// <summary>
    /// Whether an <c>allOf</c> makes the schema an object: a member (after its <c>$ref</c>) declares <c>type: object</c>,
    /// properties, or is such an <c>allOf</c> itself. Members of keywords only (<c>{minimum: 2}</c>) or empty ones do not.
    /// </summary>
    private bool AllOfOfObjects(YMapping schema, int depth)
    {
        if (schema.GetSequence("allOf") is not { } parts || depth > 16)
        {
            return false;
        }

        foreach (var part in parts.Items)
        {
            if (!_context.Spend(part))
            {
                return false;
            }

            var member = part as YMapping;
            if (member?.GetString("$ref") is { } reference)
            {
                member = _context.ResolvePointer(reference, member) as YMapping;
            }

            if (member is not null && (member.GetString("type") == "object" || member.Get("properties") is not null
                || member.Get("additionalProperties") is not null || AllOfOfObjects(member, depth + 1)))
            {
                return true;
            }
        }

        return false;
    }

    private TypeRefModel StringType(YMapping schema, bool nullable)
    {
        var format = schema.GetString("format");

        // A timestamp in a wire format of its own is not an RFC 3339 date-time, so an honest document leaves 'format' out
        // and names the format with x-datetime-format alone.
        if (format is null && schema.Get("x-datetime-format") is not null)
        {
            format = "date-time";
        }

        switch (format)
        {
            case "date-time":
                var custom = schema.GetString("x-datetime-format");
                if (custom is not null && custom.Trim().Length == 0)
                {
                    _context.Report(D.InvalidExtension, schema.Get("x-datetime-format"), "x-datetime-format", "the format must not be empty");
                    custom = null;
                }

                return new TypeRefModel(TypeRefKind.DateTime, nullable, Format: custom);
            case "date":
                return new TypeRefModel(TypeRefKind.Date, nullable);
            case "uuid":
                return new TypeRefModel(TypeRefKind.Guid, nullable);
            case "byte":
                // Bytes as base64 text: base64 inside JSON, and a text part of base64 in a multipart body.
                return new TypeRefModel(TypeRefKind.Bytes, nullable, Format: "byte");
            case "binary":
                // Raw bytes: a file part of a multipart body, base64 inside JSON (as 3.1's contentEncoding says).
                return new TypeRefModel(TypeRefKind.Bytes, nullable);
            default:
                return new TypeRefModel(TypeRefKind.String, nullable);
        }
    }
}
