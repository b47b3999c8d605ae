using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvsCodegen.Runtime;

/// <summary>
/// A JSON Schema a value the generator could not type (a <c>JsonElement</c>) is held to: the schema it came from in the
/// document, as compact JSON with its references bundled under <c>$defs</c>. The evaluation follows JSON Schema
/// (draft 2020-12 and OpenAPI 3.0's dialect): keywords apply only to values of their type; <c>allOf</c>, <c>anyOf</c>,
/// <c>oneOf</c> (exactly one), <c>not</c>, <c>enum</c>, <c>const</c>, <c>type</c> (with OpenAPI 3.0's <c>nullable</c>),
/// the numeric bounds and <c>multipleOf</c>, <c>minLength</c>/<c>maxLength</c> (code points), <c>pattern</c> (unanchored),
/// <c>format</c> for the formats the generated code types (<c>date-time</c>, <c>date</c>, <c>uuid</c>, <c>byte</c>),
/// <c>items</c>/<c>prefixItems</c>, <c>minItems</c>/<c>maxItems</c>, <c>uniqueItems</c>, <c>contains</c>,
/// <c>properties</c>, <c>patternProperties</c>, <c>additionalProperties</c>, <c>propertyNames</c>, <c>required</c>,
/// <c>minProperties</c>/<c>maxProperties</c>, <c>dependentRequired</c> and local <c>$ref</c>s (<c>#</c>, <c>#/…</c>).
/// Written here rather than taken from a library so the runtime stays reflection-free and Native AOT clean
/// (docs/decisions.md, "Schemas typed JsonElement are validated by their schema").
/// </summary>
public sealed partial class ApiJsonSchema
{
    private const int MaxDepth = 128;

    // Generated code passes its string literal each time; literals are interned, so the table is keyed by identity.
    private static readonly ConditionalWeakTable<string, ApiJsonSchema> s_parsed = new();

    private static readonly ConcurrentDictionary<string, Regex> s_sharedPatterns = new(StringComparer.Ordinal);

    private readonly JsonElement _root;
    private readonly ConcurrentDictionary<string, Regex?> _patterns = new(StringComparer.Ordinal);

    /// <summary>Parses a schema.</summary>
    /// <param name="json">The schema as JSON (an object or a boolean).</param>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public ApiJsonSchema(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        _root = document.RootElement.Clone();
    }

    /// <summary>The schema of <paramref name="json"/>, parsed the first time this string instance is seen.</summary>
    public static ApiJsonSchema Of(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return s_parsed.GetValue(json, static text => new ApiJsonSchema(text));
    }

    /// <summary>Whether <paramref name="value"/> is valid.</summary>
    public bool IsValid(JsonElement value) => Evaluate(_root, value, null, 0) is null;

    /// <summary>
    /// The first violation, or null when <paramref name="value"/> is valid; <paramref name="path"/> receives the
    /// keys (strings) and indexes (ints) leading from the value to the violation.
    /// </summary>
    public string? Validate(JsonElement value, out IReadOnlyList<object> path)
    {
        var segments = new List<object>();
        var problem = Evaluate(_root, value, segments, 0);
        path = segments;
        return problem;
    }

    // Null when valid; otherwise the problem, with `path` (when not null) holding where (only for the first problem found
    // outside anyOf/oneOf/not, whose alternatives are evaluated without a path).
    private string? Evaluate(JsonElement schema, JsonElement value, List<object>? path, int depth)
    {
        if (depth > MaxDepth)
        {
            return "the schema nests (or refers to itself) too deeply to check the value";
        }

        if (schema.ValueKind == JsonValueKind.True)
        {
            return null;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "no value is allowed here";
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            return Evaluate(Resolve(reference.GetString()!), value, path, depth + 1);
        }

        if (value.ValueKind == JsonValueKind.Null && schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
        {
            return null;
        }

        return CheckType(schema, value)
            ?? CheckValues(schema, value)
            ?? value.ValueKind switch
            {
                JsonValueKind.Number => CheckNumber(schema, value),
                JsonValueKind.String => CheckString(schema, value),
                JsonValueKind.Array => CheckArray(schema, value, path, depth),
                JsonValueKind.Object => CheckObject(schema, value, path, depth),
                _ => null,
            }
            ?? CheckCompositions(schema, value, path, depth);
    }

    private JsonElement Resolve(string reference)
    {
        if (reference == "#")
        {
            return _root;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return default;
        }

        var node = _root;
        foreach (var raw in reference.Substring(2).Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(token, out var child))
            {
                node = child;
            }
            else if (node.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < node.GetArrayLength())
            {
                node = node[index];
            }
            else
            {
                return default;
            }
        }

        return node;
    }

    private static string? CheckType(JsonElement schema, JsonElement value)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return HasType(value, type.GetString()!) ? null : $"expected {Describe(type.GetString()!)}, got {Describe(value)}";
        }

        if (type.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var item in type.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                if (HasType(value, item.GetString()!))
                {
                    return null;
                }

                names.Add(Describe(item.GetString()!));
            }
        }

        return $"expected {string.Join(" or ", names)}, got {Describe(value)}";
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && IsInteger(value),
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    };

    private static bool IsInteger(JsonElement number) =>
        number.TryGetDecimal(out var exact) ? decimal.Truncate(exact) == exact : Math.Floor(AsDouble(number)) == AsDouble(number);

    private static string Describe(string type) => type switch
    {
        "null" => "null",
        "integer" => "an integer",
        "array" => "an array",
        "object" => "an object",
        _ => "a " + type,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    private static string? CheckValues(JsonElement schema, JsonElement value)
    {
        if (schema.TryGetProperty("const", out var constant) && !JsonEquals(constant, value))
        {
            return $"expected the value {constant.GetRawText()}";
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var allowed in values.EnumerateArray())
            {
                if (JsonEquals(allowed, value))
                {
                    return null;
                }
            }

            return "the value is not one of the schema's enum values";
        }

        return null;
    }

    /// <summary>JSON Schema equality: numbers by value (1 equals 1.0), objects without regard to key order.</summary>
    internal static bool JsonEquals(JsonElement a, JsonElement b)
    {
        if (a.ValueKind is JsonValueKind.True or JsonValueKind.False || b.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return a.ValueKind == b.ValueKind;
        }

        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                return CompareNumbers(a, b) == 0;
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                for (var i = 0; i < a.GetArrayLength(); i++)
                {
                    if (!JsonEquals(a[i], b[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                var count = 0;
                foreach (var property in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(property.Name, out var other) || !JsonEquals(property.Value, other))
                    {
                        return false;
                    }
                }

                foreach (var _ in b.EnumerateObject())
                {
                    count--;
                }

                return count == 0;
            default:
                return true;
        }
    }

    // Decimal where both fit (exact), else double.
    private static int CompareNumbers(JsonElement a, JsonElement b) =>
        a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x.CompareTo(y) : AsDouble(a).CompareTo(AsDouble(b));

    // Beyond double's range a number is an infinity of its sign (TryGetDouble refuses it).
    private static double AsDouble(JsonElement number) =>
        number.TryGetDouble(out var value) ? value : number.GetRawText().StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
}
