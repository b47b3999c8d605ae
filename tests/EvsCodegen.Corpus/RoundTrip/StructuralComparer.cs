using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>Deep structural equality of generated values, naming the first difference by its path.</summary>
internal static class StructuralComparer
{
    /// <summary>Null when equal, else where and how they differ: <c>body.Tags[1]: sent "a", received "b"</c>.</summary>
    public static string? Difference(object? expected, object? actual, string path)
    {
        // A nullable JsonElement reads JSON null as C# null.
        expected = expected is JsonElement { ValueKind: JsonValueKind.Null } ? null : expected;
        actual = actual is JsonElement { ValueKind: JsonValueKind.Null } ? null : actual;
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: sent {Show(expected)}, received {Show(actual)}";
        }

        switch (expected)
        {
            case string or bool or int or long or decimal or Guid or DateOnly:
                return expected.Equals(actual) ? null : $"{path}: sent {Show(expected)}, received {Show(actual)}";
            case double d when actual is double a:
                return d.Equals(a) ? null : $"{path}: sent {Show(expected)}, received {Show(actual)}";
            case float f when actual is float a:
                return f.Equals(a) ? null : $"{path}: sent {Show(expected)}, received {Show(actual)}";
            case DateTimeOffset t when actual is DateTimeOffset a:
                return t.UtcTicks == a.UtcTicks ? null : $"{path}: sent {Show(expected)}, received {Show(actual)}";
            case EvsCodegen.Runtime.ApiFile file when actual is EvsCodegen.Runtime.ApiFile a:
                // A file part: the bytes the caller's file held against the bytes the implementation read.
                return Difference(StreamValues.BytesOf(file), StreamValues.BytesOf(a), path);
            case byte[] bytes when actual is byte[] a:
                return bytes.AsSpan().SequenceEqual(a) ? null : $"{path}: sent {bytes.Length} bytes, received {a.Length} different bytes";
            case JsonElement element when actual is JsonElement a:
                return JsonElement.DeepEquals(element, a) ? null : $"{path}: sent {element.GetRawText()}, received {a.GetRawText()}";
        }

        var type = expected.GetType();
        if (type != actual.GetType())
        {
            return $"{path}: sent a {type.Name}, received a {actual.GetType().Name}";
        }

        if (expected is IDictionary dictionary)
        {
            var other = (IDictionary)actual;
            var keys = dictionary.Keys.Cast<object>().Select(k => k.ToString()!).ToList();
            var otherKeys = other.Keys.Cast<object>().Select(k => k.ToString()!).ToList();
            if (!keys.OrderBy(k => k, StringComparer.Ordinal).SequenceEqual(otherKeys.OrderBy(k => k, StringComparer.Ordinal)))
            {
                return $"{path}: sent keys [{string.Join(",", keys)}], received [{string.Join(",", otherKeys)}]";
            }

            return keys.Select(k => Difference(dictionary[k], other[k], $"{path}[\"{k}\"]")).FirstOrDefault(d => d is not null);
        }

        if (expected is IEnumerable sequence and not string)
        {
            var left = sequence.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                return $"{path}: sent {left.Count} items, received {right.Count}";
            }

            return left.Select((item, i) => Difference(item, right[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
        }

        if (IsEnumStruct(type))
        {
            return expected.Equals(actual) ? null : $"{path}: sent {Show(expected)}, received {Show(actual)}";
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            var difference = Difference(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    /// <summary>A generated enum: a value struct with a static <c>KnownValues</c> list.</summary>
    public static bool IsEnumStruct(Type type) => type.IsValueType && type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static) is not null;

    /// <summary>A short display of a value for a mismatch message.</summary>
    public static string Show(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };
}
