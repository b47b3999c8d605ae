using System;
using System.Collections.Generic;
using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>
/// Readers and writers of one array item of each scalar kind, as delegates for
/// <see cref="ApiJsonReader.ReadList{T}"/> and <see cref="ApiJsonValue.WriteList{T}"/>: a generated converter reads
/// or writes an array of scalars, or of a named type (through its converter's methods), with one call.
/// </summary>
public static class ApiJsonItems
{
    /// <summary>Reads a string (<see cref="ApiJsonReader.ReadString(ref Utf8JsonReader)"/>).</summary>
    public static readonly ApiJsonReadFunc<string> ReadString = static (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadString(ref reader);

    /// <summary>Reads a boolean.</summary>
    public static readonly ApiJsonReadFunc<bool> ReadBoolean = static (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadBoolean(ref reader);

    /// <summary>Reads a 32-bit integer.</summary>
    public static readonly ApiJsonReadFunc<int> ReadInt32 = static (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadInt32(ref reader);

    /// <summary>Reads a 64-bit integer.</summary>
    public static readonly ApiJsonReadFunc<long> ReadInt64 = static (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadInt64(ref reader);

    /// <summary>Reads a single-precision number.</summary>
    public static readonly ApiJsonReadFunc<float> ReadSingle = static (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadSingle(ref reader);

    /// <summary>Reads a double-precision number.</summary>
    public static readonly ApiJsonReadFunc<double> ReadDouble = static (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadDouble(ref reader);

    /// <summary>Reads a decimal number.</summary>
    public static readonly ApiJsonReadFunc<decimal> ReadDecimal = static (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadDecimal(ref reader);

    /// <summary>Reads an ISO 8601 date-time.</summary>
    public static readonly ApiJsonReadFunc<DateTimeOffset> ReadDateTime = static (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadDateTime(ref reader, null);

    /// <summary>Reads a date (<c>yyyy-MM-dd</c>).</summary>
    public static readonly ApiJsonReadFunc<DateOnly> ReadDate = static (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadDate(ref reader);

    /// <summary>Reads a UUID.</summary>
    public static readonly ApiJsonReadFunc<Guid> ReadGuid = static (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadGuid(ref reader);

    /// <summary>Reads base64 bytes.</summary>
    public static readonly ApiJsonReadFunc<byte[]> ReadBytes = static (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadBytes(ref reader);

    /// <summary>Reads any value as a detached element.</summary>
    public static readonly ApiJsonReadFunc<JsonElement> ReadAny = static (ref Utf8JsonReader reader, ApiJsonReader context) => context.ReadAny(ref reader);

    /// <summary>Writes a string.</summary>
    public static readonly Action<Utf8JsonWriter, string> WriteString = static (writer, value) => writer.WriteStringValue(value);

    /// <summary>Writes a boolean.</summary>
    public static readonly Action<Utf8JsonWriter, bool> WriteBoolean = static (writer, value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a 32-bit integer.</summary>
    public static readonly Action<Utf8JsonWriter, int> WriteInt32 = static (writer, value) => writer.WriteNumberValue(value);

    /// <summary>Writes a 64-bit integer.</summary>
    public static readonly Action<Utf8JsonWriter, long> WriteInt64 = static (writer, value) => writer.WriteNumberValue(value);

    /// <summary>Writes a single-precision number.</summary>
    public static readonly Action<Utf8JsonWriter, float> WriteSingle = static (writer, value) => writer.WriteNumberValue(value);

    /// <summary>Writes a double-precision number.</summary>
    public static readonly Action<Utf8JsonWriter, double> WriteDouble = static (writer, value) => writer.WriteNumberValue(value);

    /// <summary>Writes a decimal number.</summary>
    public static readonly Action<Utf8JsonWriter, decimal> WriteDecimal = static (writer, value) => writer.WriteNumberValue(value);

    /// <summary>Writes an ISO 8601 date-time.</summary>
    public static readonly Action<Utf8JsonWriter, DateTimeOffset> WriteDateTime = static (writer, value) => ApiJsonValue.WriteDateTime(writer, value, null);

    /// <summary>Writes a date as <c>yyyy-MM-dd</c>.</summary>
    public static readonly Action<Utf8JsonWriter, DateOnly> WriteDate = static (writer, value) => ApiJsonValue.WriteDate(writer, value);

    /// <summary>Writes a UUID.</summary>
    public static readonly Action<Utf8JsonWriter, Guid> WriteGuid = static (writer, value) => writer.WriteStringValue(value);

    /// <summary>Writes base64 bytes.</summary>
    public static readonly Action<Utf8JsonWriter, byte[]> WriteBytes = static (writer, value) => writer.WriteBase64StringValue(value);

    /// <summary>Writes an element as it is.</summary>
    public static readonly Action<Utf8JsonWriter, JsonElement> WriteAny = static (writer, value) => value.WriteTo(writer);
}

/// <summary>Reading arrays with one call per array.</summary>
public sealed partial class ApiJsonReader
{
    /// <summary>
    /// Reads an array, each item with <paramref name="read"/> at its index (as the generated loop did: the index is
    /// entered for the item's problems).
    /// </summary>
    /// <param name="reader">The reader, on the array's first token.</param>
    /// <param name="read">Reads one item (a converter's <c>ReadValue</c> or an <see cref="ApiJsonItems"/> reader).</param>
    public List<T> ReadList<T>(ref Utf8JsonReader reader, ApiJsonReadFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Expect(ref reader, JsonTokenType.StartArray, "an array");
        var list = new List<T>();
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            PushIndex(list.Count);
            list.Add(read(ref reader, this));
            Pop();
        }
    }
}

/// <summary>Writing array properties with one call.</summary>
public static partial class ApiJsonValue
{
    /// <summary>Writes an array property, each item with <paramref name="write"/>.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T> value, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(write);
        writer.WritePropertyName(name);
        WriteItems(writer, value, write);
    }

    /// <summary>Writes an array property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptionalList<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? value, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        if (value is not null)
        {
            writer.WritePropertyName(name);
            WriteItems(writer, value, write);
        }
    }

    /// <summary>Writes an array property, JSON null when <paramref name="value"/> is null.</summary>
    public static void WriteNullableList<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? value, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        WriteItems(writer, value, write);
    }

    private static void WriteItems<T>(Utf8JsonWriter writer, IReadOnlyList<T> value, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            write(writer, value[i]);
        }

        writer.WriteEndArray();
    }
}
