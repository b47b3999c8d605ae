using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>What kind of JSON value a <see cref="ApiValueShape"/> describes.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Each kind is named after the JSON or .NET type its text becomes.")]
public enum ApiValueKind
{
    /// <summary>A JSON string (also dates, UUIDs and string enums: the schema's converter reads the text).</summary>
    String,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A 32-bit integer.</summary>
    Int32,

    /// <summary>A 64-bit integer.</summary>
    Int64,

    /// <summary>A finite number.</summary>
    Double,

    /// <summary>A decimal number.</summary>
    Decimal,

    /// <summary>Bytes: the text's UTF-8 bytes, base64 in the JSON.</summary>
    Binary,

    /// <summary>Anything: text as strings, repeated text as arrays, nested keys as objects; the schema decides.</summary>
    Any,

    /// <summary>An array of <see cref="ApiValueShape.Item"/>.</summary>
    Array,

    /// <summary>An object with declared properties and, optionally, additional ones.</summary>
    Object,
}

/// <summary>How one property of a form body travels (an OpenAPI <c>encoding</c> object).</summary>
/// <param name="Style">The style (<c>form</c> unless the document says otherwise).</param>
/// <param name="Explode">Whether arrays repeat the key (and objects nest) or are joined in one value.</param>
/// <param name="IsJson">Whether the value is JSON text (<c>contentType: application/json</c>).</param>
public readonly record struct ApiFieldEncoding(ApiParameterStyle Style, bool Explode, bool IsJson);

/// <summary>
/// The shape of a value that travels as text (a styled parameter or a form body): how each piece of text becomes JSON
/// for the schema's converter. The generated code describes it in a compact JSON descriptor, parsed once and cached:
/// <c>{"root":S,"objects":[{"properties":{"name":S},"additional":S}],"encoding":{"name":{"style":"deepObject","explode":true,"contentType":"application/json"}}}</c>,
/// where a shape <c>S</c> is a kind name (<c>"string"</c>, <c>"boolean"</c>, <c>"int32"</c>, <c>"int64"</c>,
/// <c>"double"</c>, <c>"decimal"</c>, <c>"binary"</c>, <c>"any"</c>), <c>[S]</c> for an array, or the index of an
/// object (so recursive schemas stay finite).
/// </summary>
public sealed class ApiValueShape
{
    private static readonly ConcurrentDictionary<string, ApiValueShape> s_cache = new(StringComparer.Ordinal);
    private static readonly ApiValueShape s_any = new(ApiValueKind.Any);
    private readonly Dictionary<string, ApiValueShape> _properties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiFieldEncoding> _encodings = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    private ApiValueShape(ApiValueKind kind) => Kind = kind;

    /// <summary>The kind of value.</summary>
    public ApiValueKind Kind { get; }

    /// <summary>The item shape of an array.</summary>
    public ApiValueShape? Item { get; private set; }

    /// <summary>The shape of an object's undeclared properties, or null when the object declares them all.</summary>
    public ApiValueShape? Additional { get; private set; }

    /// <summary>The declared property names of an object, in document order.</summary>
    public IReadOnlyList<string> PropertyNames => _names;

    /// <summary>A value of any kind (text read as strings).</summary>
    public static ApiValueShape Any => s_any;

    /// <summary>The shape of a declared property, else <see cref="Additional"/>, else null (undeclared).</summary>
    public ApiValueShape? Property(string name) => _properties.TryGetValue(name, out var shape) ? shape : Additional;

    /// <summary>The encoding of a top-level property of a form body: the document's, else <c>form</c> exploded.</summary>
    public ApiFieldEncoding Encoding(string name) =>
        _encodings.TryGetValue(name, out var encoding) ? encoding : new ApiFieldEncoding(ApiParameterStyle.Form, Explode: true, IsJson: false);

    /// <summary>Parses a descriptor (see the type's summary); the same text gives the same cached instance.</summary>
    /// <param name="descriptor">The descriptor the generated code holds.</param>
    /// <returns>The root shape.</returns>
    /// <exception cref="ArgumentException">The descriptor is malformed (a generator defect, never the request's).</exception>
    public static ApiValueShape Parse(string descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return s_cache.GetOrAdd(descriptor, static text =>
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return Build(document.RootElement);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                throw new ArgumentException("The value shape descriptor is malformed: " + exception.Message, nameof(descriptor), exception);
            }
        });
    }

    private static ApiValueShape Build(JsonElement root)
    {
        var objects = new List<ApiValueShape>();
        var definitions = root.TryGetProperty("objects", out var list) ? list : default;
        if (definitions.ValueKind == JsonValueKind.Array)
        {
            foreach (var _ in definitions.EnumerateArray())
            {
                objects.Add(new ApiValueShape(ApiValueKind.Object));
            }

            var index = 0;
            foreach (var definition in definitions.EnumerateArray())
            {
                var target = objects[index++];
                if (definition.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        target._properties[property.Name] = Shape(property.Value, objects);
                        target._names.Add(property.Name);
                    }
                }

                if (definition.TryGetProperty("additional", out var additional))
                {
                    target.Additional = Shape(additional, objects);
                }
            }
        }

        var shape = Shape(root.GetProperty("root"), objects);
        if (root.TryGetProperty("encoding", out var encodings))
        {
            // Encodings belong to the root (a form body's properties); a root shared with a nested use keeps them harmlessly.
            foreach (var entry in encodings.EnumerateObject())
            {
                var style = entry.Value.TryGetProperty("style", out var s) ? ParseStyle(s.GetString()) : ApiParameterStyle.Form;
                var explode = entry.Value.TryGetProperty("explode", out var e) ? e.GetBoolean() : style == ApiParameterStyle.Form;
                var json = entry.Value.TryGetProperty("contentType", out var c) && IsJsonMediaType(c.GetString());
                shape._encodings[entry.Name] = new ApiFieldEncoding(style, explode, json);
            }
        }

        return shape;
    }

    private static ApiValueShape Shape(JsonElement element, List<ApiValueShape> objects) => element.ValueKind switch
    {
        JsonValueKind.Number => objects[element.GetInt32()],
        JsonValueKind.Array => new ApiValueShape(ApiValueKind.Array) { Item = Shape(element[0], objects) },
        _ => element.GetString() switch
        {
            "string" => new ApiValueShape(ApiValueKind.String),
            "boolean" => new ApiValueShape(ApiValueKind.Boolean),
            "int32" => new ApiValueShape(ApiValueKind.Int32),
            "int64" => new ApiValueShape(ApiValueKind.Int64),
            "double" => new ApiValueShape(ApiValueKind.Double),
            "decimal" => new ApiValueShape(ApiValueKind.Decimal),
            "binary" => new ApiValueShape(ApiValueKind.Binary),
            "any" => s_any,
            var other => throw new InvalidOperationException($"unknown kind '{other}'"),
        },
    };

    private static ApiParameterStyle ParseStyle(string? style) => style switch
    {
        "form" => ApiParameterStyle.Form,
        "simple" => ApiParameterStyle.Simple,
        "label" => ApiParameterStyle.Label,
        "matrix" => ApiParameterStyle.Matrix,
        "spaceDelimited" => ApiParameterStyle.SpaceDelimited,
        "pipeDelimited" => ApiParameterStyle.PipeDelimited,
        "deepObject" => ApiParameterStyle.DeepObject,
        _ => throw new InvalidOperationException($"unknown style '{style}'"),
    };

    /// <summary>Whether a media type is JSON (<c>application/json</c>, <c>text/json</c>, <c>*/*+json</c>, parameters ignored).</summary>
    internal static bool IsJsonMediaType(string? mediaType)
    {
        if (mediaType is null)
        {
            return false;
        }

        var type = MediaTypes.WithoutParameters(mediaType);
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
