using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

internal sealed partial class SchemaConverter
{
    private static readonly string[] s_unsupportedKeywords = ["not", "if", "then", "else", "prefixItems", "patternProperties", "dependentSchemas", "unevaluatedProperties", "propertyNames", "contains"];

    private TypeRefModel ConvertMapping(YMapping schema, string? componentName, string nameHint, int depth)
    {
        if (schema.GetString("$ref") is { } reference)
        {
            return ConvertReference(schema, reference, nameHint, depth);
        }

        foreach (var keyword in s_unsupportedKeywords)
        {
            if (schema.GetKey(keyword) is { } key)
            {
                _context.Report(D.UnsupportedSchema, key, keyword, "the keyword is not enforced and does not shape the C# type");
            }
        }

        var (types, nullable) = ReadTypes(schema);
        if (schema.GetBool("nullable"))
        {
            nullable = true;
        }

        if (schema.GetSequence("enum") is { } values)
        {
            return ConvertEnum(schema, values, types, nullable, componentName, nameHint);
        }

        if (schema.Get("const") is YScalar constant)
        {
            _context.Report(D.UnsupportedSchema, schema.GetKey("const"), "const", "the value is typed but not enforced");
            types = [constant.IsInteger ? "integer" : constant.IsNumber ? "number" : constant.AsBool() is not null ? "boolean" : "string"];
        }

        var composition = ConvertComposition(schema, componentName, nameHint, depth, nullable);
        if (composition is not null)
        {
            return composition;
        }

        if (types.Count > 1)
        {
            _context.Report(D.UnsupportedSchema, schema.GetKey("type"), "type: [" + string.Join(", ", types) + "]", "a value of several types is typed as JsonElement");
            return new TypeRefModel(TypeRefKind.Any, nullable);
        }

        var type = types.Count == 1 ? types[0] : InferType(schema);
        return type switch
        {
            "string" => StringType(schema, nullable),
            "integer" => new TypeRefModel(schema.GetString("format") == "int32" ? TypeRefKind.Int32 : TypeRefKind.Int64, nullable),
            // OpenAPI's format registry: int32 and int64 apply to numbers, so `type: number, format: int32` admits exactly
            // the integers of that range and is typed as such (a double let 4.5 and 1e15 through).
            "number" => new TypeRefModel(schema.GetString("format") switch { "float" => TypeRefKind.Float, "decimal" => TypeRefKind.Decimal, "int32" => TypeRefKind.Int32, "int64" => TypeRefKind.Int64, _ => TypeRefKind.Double }, nullable),
            "boolean" => new TypeRefModel(TypeRefKind.Boolean, nullable),
            "array" => new TypeRefModel(TypeRefKind.Array, nullable, Item: Convert(schema.Get("items"), nameHint + "Item", depth + 1), ItemConstraints: ReadConstraints(schema.Get("items"))),
            "object" => ConvertObject(schema, componentName, nameHint, depth, nullable),
            "null" => new TypeRefModel(TypeRefKind.Any, Nullable: true),
            null => new TypeRefModel(TypeRefKind.Any, nullable),
            _ => Unknown(schema, type, nullable),
        };
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

    private static string? InferType(YMapping schema)
    {
        if (schema.Get("properties") is not null || schema.Get("additionalProperties") is not null || schema.Get("allOf") is not null)
        {
            return "object";
        }

        if (schema.Get("items") is not null)
        {
            return "array";
        }

        if (schema.Get("maxLength") is not null || schema.Get("minLength") is not null || schema.Get("pattern") is not null)
        {
            return "string";
        }

        return null;
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
            case "binary":
                // Raw bytes: a file part of a multipart body, base64 inside JSON (as 3.1's contentEncoding says).
                return new TypeRefModel(TypeRefKind.Bytes, nullable);
            default:
                return new TypeRefModel(TypeRefKind.String, nullable);
        }
    }
}
