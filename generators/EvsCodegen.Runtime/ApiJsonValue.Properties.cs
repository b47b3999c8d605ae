using System;
using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>
/// Writing one property with one call: <c>WriteOptional</c> writes nothing for null (an absent optional property),
/// <c>WriteNullable</c> writes JSON <c>null</c> for it (a required property that allows null).
/// </summary>
public static partial class ApiJsonValue
{
    /// <summary>Writes a boolean property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WriteBoolean(name, value.Value);
        }
    }

    /// <summary>Writes a boolean property, JSON null when <paramref name="value"/> is null.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteBoolean(name, value.Value);
        }
    }

    /// <summary>Writes a 32-bit integer property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a 32-bit integer property, JSON null when <paramref name="value"/> is null.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a 64-bit integer property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a 64-bit integer property, JSON null when <paramref name="value"/> is null.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a single-precision number property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, float? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a single-precision number property, JSON null when <paramref name="value"/> is null.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, float? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a double-precision number property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a double-precision number property, JSON null when <paramref name="value"/> is null.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a decimal number property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a decimal number property, JSON null when <paramref name="value"/> is null.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a UUID property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WriteString(name, value.Value);
        }
    }

    /// <summary>Writes a UUID property, JSON null when <paramref name="value"/> is null.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value.Value);
        }
    }

    /// <summary>Writes a string property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }


    /// <summary>Writes a base64 property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WriteBase64String(name, value);
        }
    }

    /// <summary>Writes a base64 property, JSON null when <paramref name="value"/> is null.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteBase64String(name, value);
        }
    }

    /// <summary>Writes an untyped property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WritePropertyName(name);
            value.Value.WriteTo(writer);
        }
    }

    /// <summary>Writes an untyped property, JSON null when <paramref name="value"/> is null.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WritePropertyName(name);
            value.Value.WriteTo(writer);
        }
    }

    /// <summary>Writes a date property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, DateOnly? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            writer.WritePropertyName(name);
            WriteDate(writer, value.Value);
        }
    }

    /// <summary>Writes a date property, JSON null when <paramref name="value"/> is null.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, DateOnly? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WritePropertyName(name);
            WriteDate(writer, value.Value);
        }
    }

    /// <summary>Writes a date-time property unless <paramref name="value"/> is null.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value, string? format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not null)
        {
            WriteDateTime(writer, name, value.Value, format);
        }
    }

    /// <summary>Writes a date-time property, JSON null when <paramref name="value"/> is null.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value, string? format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            WriteDateTime(writer, name, value.Value, format);
        }
    }

    /// <summary>Writes an untyped property.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        value.WriteTo(writer);
    }

    /// <summary>Writes a date property as <c>yyyy-MM-dd</c>.</summary>
    public static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteDate(writer, value);
    }

    /// <summary>Writes a date-time property (<see cref="WriteDateTime(Utf8JsonWriter, DateTimeOffset, string?)"/>).</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value, string? format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteDateTime(writer, value, format);
    }
}
