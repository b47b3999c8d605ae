using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvsCodegen.Runtime;

public sealed partial class ApiJsonSchema
{
    private static string? CheckNumber(JsonElement schema, JsonElement value)
    {
        if (schema.TryGetProperty("minimum", out var minimum) && minimum.ValueKind == JsonValueKind.Number)
        {
            var exclusive = schema.TryGetProperty("exclusiveMinimum", out var flag) && flag.ValueKind == JsonValueKind.True;
            var order = CompareNumbers(value, minimum);
            if (exclusive ? order <= 0 : order < 0)
            {
                return $"expected a number {(exclusive ? ">" : ">=")} {minimum.GetRawText()}";
            }
        }

        if (schema.TryGetProperty("maximum", out var maximum) && maximum.ValueKind == JsonValueKind.Number)
        {
            var exclusive = schema.TryGetProperty("exclusiveMaximum", out var flag) && flag.ValueKind == JsonValueKind.True;
            var order = CompareNumbers(value, maximum);
            if (exclusive ? order >= 0 : order > 0)
            {
                return $"expected a number {(exclusive ? "<" : "<=")} {maximum.GetRawText()}";
            }
        }

        // 2019+ write exclusive bounds as numbers of their own.
        if (schema.TryGetProperty("exclusiveMinimum", out var low) && low.ValueKind == JsonValueKind.Number && CompareNumbers(value, low) <= 0)
        {
            return $"expected a number > {low.GetRawText()}";
        }

        if (schema.TryGetProperty("exclusiveMaximum", out var high) && high.ValueKind == JsonValueKind.Number && CompareNumbers(value, high) >= 0)
        {
            return $"expected a number < {high.GetRawText()}";
        }

        if (schema.TryGetProperty("multipleOf", out var divisor) && divisor.ValueKind == JsonValueKind.Number)
        {
            return ApiConstraints.MultipleOf(value, divisor);
        }

        return null;
    }

    private string? CheckString(JsonElement schema, JsonElement value)
    {
        var text = value.GetString()!;
        int? Int(string keyword) =>
            schema.TryGetProperty(keyword, out var bound) && bound.ValueKind == JsonValueKind.Number && bound.TryGetDecimal(out var number)
                ? (int)Math.Min(int.MaxValue, Math.Max(0m, decimal.Truncate(number)))
                : null;

        if ((Int("minLength") ?? Int("maxLength")) is not null && ApiConstraints.Length(text, Int("minLength"), Int("maxLength")) is { } length)
        {
            return length;
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String
            && Pattern(pattern.GetString()!) is { } regex && ApiConstraints.Pattern(text, regex) is { } mismatch)
        {
            return mismatch;
        }

        return schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String ? CheckFormat(format.GetString()!, text) : null;
    }

    // The formats the generated code gives a type of its own, checked as the typed readers check them.
    private static string? CheckFormat(string format, string text) => format switch
    {
        "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && text.Length >= 20 && text[10] is 'T' or 't'
            ? null : "expected a date-time (RFC 3339)",
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "expected a date formatted as yyyy-MM-dd",
        "uuid" => Guid.TryParseExact(text, "D", out _) ? null : "expected a UUID",
        "byte" => IsBase64(text) ? null : "expected base64 text",
        _ => null,
    };

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    /// <summary>The pattern compiled once per distinct text (culture-invariant, a one-second match timeout).</summary>
    internal static Regex CachedPattern(string pattern) =>
        s_sharedPatterns.GetOrAdd(pattern, static text => new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    // A pattern that .NET cannot compile is not enforced (the generator reports it), like the typed readers' patterns.
    private Regex? Pattern(string pattern) => _patterns.GetOrAdd(pattern, static text =>
    {
        try
        {
            return new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    private string? CheckArray(JsonElement schema, JsonElement value, List<object>? path, int depth)
    {
        var count = value.GetArrayLength();
        int? Int(string keyword) =>
            schema.TryGetProperty(keyword, out var bound) && bound.ValueKind == JsonValueKind.Number && bound.TryGetDecimal(out var number)
                ? (int)Math.Min(int.MaxValue, Math.Max(0m, decimal.Truncate(number)))
                : null;

        if (ApiConstraints.Count(count, Int("minItems"), Int("maxItems"), "items") is { } counted)
        {
            return counted;
        }

        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            for (var i = 0; i < count; i++)
            {
                for (var j = i + 1; j < count; j++)
                {
                    if (JsonEquals(value[i], value[j]))
                    {
                        return $"the items at {i} and {j} are equal; the items must be unique";
                    }
                }
            }
        }

        var prefix = 0;
        if (schema.TryGetProperty("prefixItems", out var positions) && positions.ValueKind == JsonValueKind.Array)
        {
            prefix = positions.GetArrayLength();
            for (var i = 0; i < Math.Min(prefix, count); i++)
            {
                if (Nested(positions[i], value[i], path, i, depth) is { } problem)
                {
                    return problem;
                }
            }
        }

        if (schema.TryGetProperty("items", out var items) && items.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
        {
            for (var i = prefix; i < count; i++)
            {
                if (Nested(items, value[i], path, i, depth) is { } problem)
                {
                    return problem;
                }
            }
        }

        if (schema.TryGetProperty("contains", out var contains))
        {
            var found = 0;
            foreach (var item in value.EnumerateArray())
            {
                found += Evaluate(contains, item, null, depth + 1) is null ? 1 : 0;
            }

            var atLeast = Int("minContains") ?? 1;
            if (found < atLeast || found > (Int("maxContains") ?? int.MaxValue))
            {
                return $"expected between {atLeast} and {Int("maxContains")?.ToString(CultureInfo.InvariantCulture) ?? "any number of"} items matching 'contains', got {found}";
            }
        }

        return null;
    }

    private string? CheckObject(JsonElement schema, JsonElement value, List<object>? path, int depth)
    {
        var count = 0;
        foreach (var _ in value.EnumerateObject())
        {
            count++;
        }

        int? Int(string keyword) =>
            schema.TryGetProperty(keyword, out var bound) && bound.ValueKind == JsonValueKind.Number && bound.TryGetDecimal(out var number)
                ? (int)Math.Min(int.MaxValue, Math.Max(0m, decimal.Truncate(number)))
                : null;

        if (ApiConstraints.Count(count, Int("minProperties"), Int("maxProperties"), "properties") is { } counted)
        {
            return counted;
        }

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var key in required.EnumerateArray())
            {
                if (key.ValueKind == JsonValueKind.String && !value.TryGetProperty(key.GetString()!, out _))
                {
                    return $"the required key '{key.GetString()}' is missing";
                }
            }
        }

        if (schema.TryGetProperty("dependentRequired", out var dependent) && dependent.ValueKind == JsonValueKind.Object)
        {
            foreach (var rule in dependent.EnumerateObject())
            {
                if (value.TryGetProperty(rule.Name, out _) && rule.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var key in rule.Value.EnumerateArray())
                    {
                        if (key.ValueKind == JsonValueKind.String && !value.TryGetProperty(key.GetString()!, out _))
                        {
                            return $"the key '{key.GetString()}' is required when '{rule.Name}' is present";
                        }
                    }
                }
            }
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        var hasPatterns = schema.TryGetProperty("patternProperties", out var patterns) && patterns.ValueKind == JsonValueKind.Object;
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        var hasNames = schema.TryGetProperty("propertyNames", out var names);
        foreach (var property in value.EnumerateObject())
        {
            if (hasNames && Evaluate(names, JsonSerializerName(property.Name), null, depth + 1) is { } badName)
            {
                return $"the key '{property.Name}' is not allowed: {badName}";
            }

            var matched = false;
            if (hasProperties && properties.TryGetProperty(property.Name, out var declared))
            {
                matched = true;
                if (Nested(declared, property.Value, path, property.Name, depth) is { } problem)
                {
                    return problem;
                }
            }

            if (hasPatterns)
            {
                foreach (var entry in patterns.EnumerateObject())
                {
                    if (Pattern(entry.Name) is { } regex && ApiConstraints.Pattern(property.Name, regex) is null)
                    {
                        matched = true;
                        if (Nested(entry.Value, property.Value, path, property.Name, depth) is { } problem)
                        {
                            return problem;
                        }
                    }
                }
            }

            if (!matched && hasAdditional)
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    path?.Add(property.Name);
                    return $"the key '{property.Name}' is not allowed";
                }

                if (Nested(additional, property.Value, path, property.Name, depth) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static JsonElement JsonSerializerName(string name)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(name);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private string? CheckCompositions(JsonElement schema, JsonElement value, List<object>? path, int depth)
    {
        if (schema.TryGetProperty("allOf", out var all) && all.ValueKind == JsonValueKind.Array)
        {
            foreach (var member in all.EnumerateArray())
            {
                if (Evaluate(member, value, path, depth + 1) is { } problem)
                {
                    return problem;
                }
            }
        }

        if (schema.TryGetProperty("anyOf", out var any) && any.ValueKind == JsonValueKind.Array)
        {
            var matched = false;
            foreach (var member in any.EnumerateArray())
            {
                if (Evaluate(member, value, null, depth + 1) is null)
                {
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return "the value matches none of the anyOf alternatives";
            }
        }

        if (schema.TryGetProperty("oneOf", out var one) && one.ValueKind == JsonValueKind.Array)
        {
            var matches = new List<int>();
            var index = 0;
            foreach (var member in one.EnumerateArray())
            {
                if (Evaluate(member, value, null, depth + 1) is null)
                {
                    matches.Add(index);
                }

                index++;
            }

            if (matches.Count != 1)
            {
                return matches.Count == 0
                    ? "the value matches none of the oneOf alternatives"
                    : $"the value matches {matches.Count} oneOf alternatives ({string.Join(", ", matches)}); oneOf allows exactly one";
            }
        }

        if (schema.TryGetProperty("not", out var not) && Evaluate(not, value, null, depth + 1) is null)
        {
            return "the value matches the schema under 'not'";
        }

        return null;
    }

    private string? Nested(JsonElement schema, JsonElement value, List<object>? path, object segment, int depth)
    {
        var mark = path?.Count ?? 0;
        path?.Add(segment);
        var problem = Evaluate(schema, value, path, depth + 1);
        if (problem is null && path is not null)
        {
            path.RemoveRange(mark, path.Count - mark);
        }

        return problem;
    }
}
