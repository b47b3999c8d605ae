using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvsCodegen.Runtime;

/// <summary>
/// A generated enumeration struct (a string or an integer enum): how one value is read and written, so that one
/// generic <see cref="ApiEnumJsonConverter{TEnum}"/> serves every enum instead of a converter class per enum.
/// </summary>
/// <typeparam name="TSelf">The enum struct itself.</typeparam>
public interface IApiEnumeration<TSelf>
    where TSelf : struct, IApiEnumeration<TSelf>
{
    /// <summary>Reads one value; strict contexts reject values the document does not list.</summary>
    /// <param name="reader">The reader, on the value's token.</param>
    /// <param name="context">The read's state (strict or lenient, the path for messages).</param>
    /// <returns>The value, listed or not (lenient reads keep unlisted values).</returns>
    /// <exception cref="ApiJsonException">When the token is not a value of the enum's type, or (strict) not listed.</exception>
    static abstract TSelf ReadValue(ref Utf8JsonReader reader, ApiJsonReader context);

    /// <summary>Writes one value as its wire value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    static abstract void WriteValue(Utf8JsonWriter writer, TSelf value);
}

/// <summary>
/// A generated string enumeration: its wire value, how it wraps one and the table of the values it lists. Reading
/// and writing are implemented here once, so a generated string enum declares only <see cref="FromWire"/> and
/// <see cref="Known"/> (explicitly) and its public <see cref="Value"/>.
/// </summary>
/// <typeparam name="TSelf">The enum struct itself.</typeparam>
public interface IApiStringEnumeration<TSelf> : IApiEnumeration<TSelf>
    where TSelf : struct, IApiStringEnumeration<TSelf>
{
    /// <summary>The value on the wire.</summary>
    string Value { get; }

    /// <summary>Wraps a wire value, listed or not.</summary>
    /// <param name="value">The wire value (a listed value is the instance from <see cref="Known"/>).</param>
    /// <returns>The enum value.</returns>
    static abstract TSelf FromWire(string value);

    /// <summary>The values the enumeration lists.</summary>
    static abstract ApiEnumValues Known { get; }

    /// <inheritdoc/>
    static TSelf IApiEnumeration<TSelf>.ReadValue(ref Utf8JsonReader reader, ApiJsonReader context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TSelf.FromWire(context.ReadEnumString(ref reader, TSelf.Known));
    }

    /// <inheritdoc/>
    static void IApiEnumeration<TSelf>.WriteValue(Utf8JsonWriter writer, TSelf value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}

/// <summary>
/// The System.Text.Json converter of every generated enum (<c>[JsonConverter(typeof(ApiEnumJsonConverter&lt;Color&gt;))]</c>),
/// calling the enum's own <see cref="IApiEnumeration{TSelf}.ReadValue"/> and <see cref="IApiEnumeration{TSelf}.WriteValue"/>. Reads through <see cref="JsonConverter{T}.Read"/> are lenient (unlisted values are kept).
/// </summary>
/// <typeparam name="TEnum">The generated enum struct.</typeparam>
public sealed class ApiEnumJsonConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, IApiEnumeration<TEnum>
{
    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TEnum.ReadValue(ref reader, new ApiJsonReader(strict: false));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => TEnum.WriteValue(writer, value);
}

/// <summary>
/// The <c>ReadValue</c>/<c>WriteValue</c> pair of every generated enum, which the generated object converters and
/// clients call for an enum property, item or body (<c>ApiEnumJson.ReadValue&lt;Color&gt;(ref reader, context)</c>).
/// </summary>
public static class ApiEnumJson
{
    /// <summary>Reads one value; strict contexts reject values the document does not list.</summary>
    /// <typeparam name="TEnum">The generated enum struct.</typeparam>
    /// <param name="reader">The reader, on the value's token.</param>
    /// <param name="context">The read's state.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ApiJsonException">When the token is not a value of the enum's type, or (strict) not listed.</exception>
    public static TEnum ReadValue<TEnum>(ref Utf8JsonReader reader, ApiJsonReader context)
        where TEnum : struct, IApiEnumeration<TEnum> => TEnum.ReadValue(ref reader, context);

    /// <summary>Writes one value as its wire value.</summary>
    /// <typeparam name="TEnum">The generated enum struct.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteValue<TEnum>(Utf8JsonWriter writer, TEnum value)
        where TEnum : struct, IApiEnumeration<TEnum> => TEnum.WriteValue(writer, value);
}
