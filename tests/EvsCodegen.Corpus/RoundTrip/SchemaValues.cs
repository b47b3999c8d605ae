using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvsCodegen.Runtime;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>
/// Values for a schema the generator typed <c>JsonElement</c> (<c>TypeRefModel.Schema</c>): candidates from the schema's
/// own <c>const</c> and <c>enum</c> values, then the variant's usual value, then a fixed list of shapes and objects with
/// the keys its <c>required</c> lists name, each checked by the runtime's <see cref="ApiJsonSchema"/> (the evaluator the
/// generated server uses). The first valid candidate is the valid value, the first invalid one the invalid value.
/// Deterministic: the same schema and variant give the same value.
/// </summary>
internal static class SchemaValues
{
    private const int MaxDepth = 6;

    // Property values are made by nested searches; bounded so a recursive schema ends.
    [ThreadStatic]
    private static int t_nesting;

    // Values JavaScript finds truthy come first: they tell more than null, and Prism's proxy takes a falsy body (null,
    // false, 0, "") for no body (tests/prism-defects/falsy-json-body.yaml); falsy values follow, for schemas only they meet.
    private static readonly string[] s_shapes =
    [
        "1", "1.5", "-1", "42", "true", "\"a\"", "\"ab\"", "\"abc\"", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
        "\"h\\u00e9llo \\u4e16\\u754c\"", "[]", "[1]", "[\"a\"]", "[1,2]", "[null]", "{}", "{\"a\":1}",
        "null", "false", "0", "\"\"",
    ];

    // The formats ApiJsonSchema checks; a string is not offered as valid for a schema with another format (its validity is unknown).
    private static readonly HashSet<string> s_checkedFormats = ["date-time", "date", "uuid", "byte"];

    /// <summary>A valid value for <paramref name="schema"/>, or null when no candidate is valid.</summary>
    public static JsonElement? Valid(string schema, string variantJson) =>
        Scan(schema, variantJson, all: false) is [var first, ..] ? first : null;

    /// <summary>
    /// The valid values for <paramref name="schema"/> (null: any value) among the candidates, in order: for a union's
    /// untyped alternative, which must hold a value no other alternative matches.
    /// </summary>
    public static IReadOnlyList<JsonElement> ValidValues(string? schema, string variantJson) => Scan(schema ?? "{}", variantJson, all: true);

    // The first valid candidate, or all of them.
    private static List<JsonElement> Scan(string schema, string variantJson, bool all)
    {
        if (t_nesting > 4)
        {
            return [];
        }

        t_nesting++;
        try
        {
            var evaluator = new ApiJsonSchema(schema);
            var unknownFormat = HasUncheckedFormat(JsonNode.Parse(schema), 0);
            var valid = new List<JsonElement>();
            foreach (var candidate in Candidates(schema, variantJson))
            {
                var element = Parse(candidate);
                if (evaluator.IsValid(element) && !(unknownFormat && element.ValueKind == JsonValueKind.String))
                {
                    valid.Add(element);
                    if (!all)
                    {
                        break;
                    }
                }
            }

            return valid;
        }
        finally
        {
            t_nesting--;
        }
    }

    /// <summary>
    /// A value <paramref name="schema"/> refuses (<paramref name="found"/> false when every candidate is valid); JSON null
    /// is not tried when the type is <paramref name="nullable"/> (the server takes null without the schema).
    /// </summary>
    public static JsonNode? Invalid(string schema, bool nullable, out bool found)
    {
        var evaluator = new ApiJsonSchema(schema);
        foreach (var candidate in Candidates(schema, "null"))
        {
            if (!(nullable && candidate == "null") && !evaluator.IsValid(Parse(candidate)))
            {
                found = true;
                return JsonNode.Parse(candidate);
            }
        }

        found = false;
        return null;
    }

    private static bool HasUncheckedFormat(JsonNode? node, int depth) => depth <= 32 && node switch
    {
        JsonObject schema => schema.Any(p => (p.Key == "format" && p.Value is JsonValue format && format.TryGetValue<string>(out var name) && !s_checkedFormats.Contains(name))
            || (p.Key is not ("enum" or "const") && HasUncheckedFormat(p.Value, depth + 1))),
        JsonArray list => list.Any(item => HasUncheckedFormat(item, depth + 1)),
        _ => false,
    };

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static IEnumerable<string> Candidates(string schema, string variantJson)
    {
        var root = JsonNode.Parse(schema);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in Own(root, root, 0).Append(variantJson).Concat(s_shapes).Concat(Objects(root, root, 0)).Concat(Arrays(root, root, 0)).Concat(Keyed(root)))
        {
            if (seen.Add(candidate))
            {
                yield return candidate;
            }
        }
    }

    // The const and enum values anywhere in the schema's applicators (a oneOf of consts lists each).
    private static IEnumerable<string> Own(JsonNode? root, JsonNode? node, int depth)
    {
        if (node is not JsonObject schema || depth > MaxDepth)
        {
            yield break;
        }

        if (schema.TryGetPropertyValue("const", out var constant))
        {
            yield return constant?.ToJsonString() ?? "null";
        }

        if (schema["enum"] is JsonArray values)
        {
            foreach (var value in values)
            {
                yield return value?.ToJsonString() ?? "null";
            }
        }

        foreach (var member in Members(root, schema))
        {
            foreach (var value in Own(root, member, depth + 1))
            {
                yield return value;
            }
        }
    }

    // Objects with the keys of each required list (the schema's own, and its members'), each value the first valid
    // value of the property's schema (or of any schema).
    private static IEnumerable<string> Objects(JsonNode? root, JsonNode? node, int depth)
    {
        if (node is not JsonObject schema || depth > MaxDepth)
        {
            yield break;
        }

        if (schema["required"] is JsonArray required)
        {
            var value = new JsonObject();
            foreach (var key in required.Select(k => k?.GetValue<string>()).Where(k => k is not null).Distinct())
            {
                var property = schema["properties"]?[key!] ?? FindProperty(root, root, key!, 0);
                var text = property is null ? "1" : Valid(Bundle(root, property), "1")?.GetRawText() ?? "1";
                value[key!] = JsonNode.Parse(text);
            }

            yield return value.ToJsonString();
        }

        foreach (var member in Members(root, schema))
        {
            foreach (var value in Objects(root, member, depth + 1))
            {
                yield return value;
            }
        }
    }

    // Arrays as long as minItems, of the items' first valid value.
    private static IEnumerable<string> Arrays(JsonNode? root, JsonNode? node, int depth)
    {
        if (node is not JsonObject schema || depth > MaxDepth)
        {
            yield break;
        }

        if (schema["minItems"] is JsonValue minItems && minItems.TryGetValue<int>(out var count) && count is > 0 and < 64)
        {
            var item = schema["items"] is { } items ? Valid(Bundle(root, items), "1")?.GetRawText() ?? "1" : "1";
            yield return "[" + string.Join(",", Enumerable.Range(0, count).Select(i => schema["uniqueItems"]?.GetValue<bool>() == true ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : item)) + "]";
        }

        foreach (var member in Members(root, schema))
        {
            foreach (var value in Arrays(root, member, depth + 1))
            {
                yield return value;
            }
        }
    }

    // Objects of one key the schema names anywhere (under not too), holding each of a few shapes: {"$ref": 1} for
    // {not: {properties: {$ref: {type: string}}}}.
    private static IEnumerable<string> Keyed(JsonNode? root)
    {
        var keys = new List<string>();
        Collect(root, 0);
        foreach (var key in keys)
        {
            foreach (var shape in new[] { "1", "\"a\"", "null", "true", "{}", "[]" })
            {
                yield return new JsonObject { [key] = JsonNode.Parse(shape) }.ToJsonString();
            }
        }

        void Collect(JsonNode? node, int depth)
        {
            if (depth > MaxDepth || keys.Count >= 8)
            {
                return;
            }

            if (node is JsonArray list)
            {
                foreach (var item in list)
                {
                    Collect(item, depth + 1);
                }
            }

            if (node is not JsonObject schema)
            {
                return;
            }

            foreach (var (name, value) in schema)
            {
                if (name == "properties" && value is JsonObject properties)
                {
                    keys.AddRange(properties.Select(p => p.Key).Where(k => !keys.Contains(k)).Take(8 - keys.Count));
                }

                if (name is not ("enum" or "const"))
                {
                    Collect(value, depth + 1);
                }
            }
        }
    }

    private static JsonNode? FindProperty(JsonNode? root, JsonNode? node, string key, int depth)
    {
        if (node is not JsonObject schema || depth > MaxDepth)
        {
            return null;
        }

        if (schema["properties"]?[key] is { } found)
        {
            return found;
        }

        return Members(root, schema).Select(member => FindProperty(root, member, key, depth + 1)).FirstOrDefault(found => found is not null);
    }

    // The subschemas an instance is also held to or may be: allOf/anyOf/oneOf members and a reference's target.
    private static IEnumerable<JsonNode?> Members(JsonNode? root, JsonObject schema)
    {
        if (schema["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var pointer))
        {
            yield return Resolve(root, pointer);
        }

        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema[keyword] is JsonArray members)
            {
                foreach (var member in members)
                {
                    yield return member;
                }
            }
        }
    }

    private static JsonNode? Resolve(JsonNode? root, string pointer)
    {
        if (pointer == "#")
        {
            return root;
        }

        var node = root;
        foreach (var token in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[token];
        }

        return node;
    }

    // A subschema with the root's definitions, so its references still resolve.
    private static string Bundle(JsonNode? root, JsonNode subschema)
    {
        if (subschema is not JsonObject schema || root?["$defs"] is not { } definitions)
        {
            return subschema.ToJsonString();
        }

        var copy = (JsonObject)schema.DeepClone();
        copy["$defs"] = definitions.DeepClone();
        return copy.ToJsonString();
    }
}
