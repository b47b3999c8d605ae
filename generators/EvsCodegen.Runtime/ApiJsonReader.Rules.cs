using System;
using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>Reads that also check a value's constraints (<see cref="ApiJsonRule"/>) when strict: one call per constrained value.</summary>
public sealed partial class ApiJsonReader
{
    /// <summary>Reads a string (<see cref="ReadString(ref Utf8JsonReader)"/>); strict reads check its length, bytes and pattern.</summary>
    public string ReadString(ref Utf8JsonReader reader, ApiJsonRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var value = ReadString(ref reader);

        // Unescaped text in one span is its own UTF-8 (GetString refused it otherwise): its length in bytes is known
        // without encoding the string again, and bounds its length in code points.
        var utf8Length = !reader.ValueIsEscaped && !reader.HasValueSequence ? reader.ValueSpan.Length : -1;
        if (Strict && !rule.PassesByUtf8Length(utf8Length))
        {
            Check(rule.CheckString(value, utf8Length));
        }

        return value;
    }

    /// <summary>Reads true or false; strict reads check the one value allowed.</summary>
    public bool ReadBoolean(ref Utf8JsonReader reader, ApiJsonRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var value = ReadBoolean(ref reader);
        if (Strict && rule.AllowedBoolean is bool allowed)
        {
            CheckBoolean(value, allowed);
        }

        return value;
    }

    /// <summary>Reads a 32-bit integer; strict reads check its bounds, <c>enum</c> and <c>multipleOf</c>.</summary>
    public int ReadInt32(ref Utf8JsonReader reader, ApiJsonRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var value = ReadInt32(ref reader);
        if (Strict)
        {
            Check(rule.CheckNumber(value, value));
        }

        return value;
    }

    /// <summary>Reads a 64-bit integer; strict reads check its bounds, <c>enum</c> and <c>multipleOf</c>.</summary>
    public long ReadInt64(ref Utf8JsonReader reader, ApiJsonRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var value = ReadInt64(ref reader);
        if (Strict)
        {
            Check(rule.CheckNumber(value, value));
        }

        return value;
    }

    /// <summary>Reads a single-precision number; strict reads check its bounds, <c>enum</c> and <c>multipleOf</c>.</summary>
    public float ReadSingle(ref Utf8JsonReader reader, ApiJsonRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var value = ReadSingle(ref reader);
        if (Strict)
        {
            Check(rule.CheckNumber(value, value));
        }

        return value;
    }

    /// <summary>Reads a double-precision number; strict reads check its bounds, <c>enum</c> and <c>multipleOf</c>.</summary>
    public double ReadDouble(ref Utf8JsonReader reader, ApiJsonRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var value = ReadDouble(ref reader);
        if (Strict)
        {
            Check(rule.CheckNumber(value, value));
        }

        return value;
    }

    /// <summary>Reads a decimal number; strict reads check its bounds (as a double), <c>enum</c> and <c>multipleOf</c>.</summary>
    public decimal ReadDecimal(ref Utf8JsonReader reader, ApiJsonRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var value = ReadDecimal(ref reader);
        if (Strict)
        {
            Check(rule.CheckNumber(value, (double)value));
        }

        return value;
    }

    /// <summary>Reads any value as a detached element; strict reads check it against <see cref="ApiJsonRule.Schema"/>.</summary>
    public JsonElement ReadAny(ref Utf8JsonReader reader, ApiJsonRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var value = ReadAny(ref reader);
        if (Strict && rule.Schema is { } schema)
        {
            CheckSchema(value, schema);
        }

        return value;
    }
}
