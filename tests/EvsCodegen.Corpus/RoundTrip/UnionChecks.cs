using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvsCodegen.Generators.Model;
using EvsCodegen.Runtime;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>
/// A generated union value written and read back strictly by its own converter, as the generated server reads a request;
/// and, independently of the generated code, which alternatives of a union a JSON value matches by JSON Schema.
/// </summary>
internal static class UnionChecks
{
    // The formats ApiJsonSchema checks: a string alternative with another format cannot be decided here.
    private static readonly HashSet<string> s_checkedFormats = ["date-time", "date", "uuid", "byte"];

    /// <summary>
    /// The alternatives of <paramref name="union"/> that <paramref name="value"/> matches by JSON Schema, each alternative
    /// rebuilt as a schema from the model (its type and constraints; an untyped one is its own schema) and evaluated by
    /// <see cref="ApiJsonSchema"/>; null when an alternative that could start with the value's kind is one this cannot
    /// decide (an object, an array, a map, a nested union, a string of a format the evaluator does not check).
    /// </summary>
    public static List<string>? Matching(UnionTypeModel union, JsonElement value, IReadOnlyDictionary<string, TypeModel> types)
    {
        var kind = value.ValueKind switch
        {
            JsonValueKind.String => JsonKinds.String,
            JsonValueKind.Number => JsonKinds.Number,
            JsonValueKind.True or JsonValueKind.False => JsonKinds.Boolean,
            JsonValueKind.Array => JsonKinds.Array,
            JsonValueKind.Object => JsonKinds.Object,
            _ => JsonKinds.None,
        };
        var matching = new List<string>();
        foreach (var member in union.Members)
        {
            if (member.Type.Kind != TypeRefKind.Any && (member.Kinds & kind) == 0)
            {
                continue;
            }

            if (SchemaOf(member, types) is not { } schema)
            {
                return null;
            }

            if (ApiJsonSchema.Of(schema).IsValid(value))
            {
                matching.Add(member.Name);
            }
        }

        return matching;
    }

    /// <summary>The JSON Schema of a scalar, enum or untyped alternative; null for the others.</summary>
    private static string? SchemaOf(UnionMemberModel member, IReadOnlyDictionary<string, TypeModel> types)
    {
        var c = member.Constraints;
        var schema = new JsonObject();
        switch (member.Type.Kind)
        {
            case TypeRefKind.Any:
                return member.Type.Schema ?? "{}";
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal:
                schema["type"] = member.Type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64 ? "integer" : "number";
                Bound(schema, c.ExclusiveMinimum ? "exclusiveMinimum" : "minimum", c.Minimum);
                Bound(schema, c.ExclusiveMaximum ? "exclusiveMaximum" : "maximum", c.Maximum);
                Bound(schema, "multipleOf", c.MultipleOf);
                if (c.AllowedNumbers.Count > 0)
                {
                    schema["enum"] = new JsonArray([.. c.AllowedNumbers.Select(n => JsonNode.Parse(n))]);
                }

                return schema.ToJsonString();
            case TypeRefKind.Boolean:
                schema["type"] = "boolean";
                if (c.AllowedBoolean is bool allowed)
                {
                    schema["const"] = allowed;
                }

                return schema.ToJsonString();
            case TypeRefKind.String or TypeRefKind.DateTime or TypeRefKind.Date or TypeRefKind.Guid or TypeRefKind.Bytes:
                if (member.Type.Kind is TypeRefKind.DateTime or TypeRefKind.Date && member.Type.Format is not null)
                {
                    // A custom wire format (x-datetime-format): not what JSON Schema's format means.
                    return null;
                }

                var format = member.Type.Kind switch
                {
                    TypeRefKind.DateTime => "date-time",
                    TypeRefKind.Date => "date",
                    TypeRefKind.Guid => "uuid",
                    TypeRefKind.Bytes => member.Type.Format == "byte" ? "byte" : "binary",
                    _ => c.StringFormat,
                };
                if (format is not null && !s_checkedFormats.Contains(format) || c.MaxBytes is not null)
                {
                    return null;
                }

                schema["type"] = "string";
                if (format is not null)
                {
                    schema["format"] = format;
                }

                if (c.MinLength is int min)
                {
                    schema["minLength"] = min;
                }

                if (c.MaxLength is int max)
                {
                    schema["maxLength"] = max;
                }

                if (c.Pattern is not null)
                {
                    schema["pattern"] = c.Pattern;
                }

                return schema.ToJsonString();
            case TypeRefKind.Enum when member.TypeName is { } name && types.TryGetValue(name, out var model) && model is EnumTypeModel values:
                schema["enum"] = new JsonArray([.. values.Members.Select(m => values.IsInteger ? JsonNode.Parse(m.Value) : JsonValue.Create(m.Value))]);
                return schema.ToJsonString();
            default:
                return null;
        }
    }

    private static void Bound(JsonObject schema, string keyword, string? number)
    {
        if (number is not null && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            schema[keyword] = JsonNode.Parse(number);
        }
    }

    private static readonly MethodInfo s_check = typeof(UnionChecks).GetMethod(nameof(Check), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Null when <paramref name="value"/> (of the generated union <paramref name="type"/>) reads back strictly; else the problem.</summary>
    public static string? ReadsStrictly(Type type, object value)
    {
        var converter = type.Assembly.GetType(type.FullName + "JsonConverter")
            ?? throw new SynthesisException($"the union {type.Name} has no converter");
        var read = Delegate.CreateDelegate(typeof(ApiJsonReadFunc<>).MakeGenericType(type), converter.GetMethod("ReadValue", BindingFlags.Public | BindingFlags.Static)!);
        var write = Delegate.CreateDelegate(typeof(Action<,>).MakeGenericType(typeof(Utf8JsonWriter), type), converter.GetMethod("WriteValue", BindingFlags.Public | BindingFlags.Static)!);
        return (string?)s_check.MakeGenericMethod(type).Invoke(null, [value, read, write]);
    }

    /// <summary>The JSON the union's own converter writes for <paramref name="value"/>.</summary>
    public static JsonElement Written(Type type, object value)
    {
        var converter = type.Assembly.GetType(type.FullName + "JsonConverter")
            ?? throw new SynthesisException($"the union {type.Name} has no converter");
        var write = Delegate.CreateDelegate(typeof(Action<,>).MakeGenericType(typeof(Utf8JsonWriter), type), converter.GetMethod("WriteValue", BindingFlags.Public | BindingFlags.Static)!);
        var bytes = (byte[])typeof(ApiJsonValue).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .First(m => m.Name == nameof(ApiJsonValue.Serialize) && m.IsGenericMethodDefinition && m.GetParameters().Length == 2)
            .MakeGenericMethod(type).Invoke(null, [value, write])!;
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }

    private static string? Check<T>(T value, ApiJsonReadFunc<T> read, Action<Utf8JsonWriter, T> write)
    {
        try
        {
            ApiJsonReader.Deserialize(ApiJsonValue.Serialize(value, write), read, strict: true);
            return null;
        }
        catch (ApiJsonException exception)
        {
            return exception.Problem;
        }
    }
}
