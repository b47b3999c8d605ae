using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace EvsCodegen.Runtime;

public static partial class ApiClientRuntime
{
    /// <summary>
    /// Adds a query parameter in its style (OpenAPI's style tables): <paramref name="json"/> is the value as its schema
    /// writes it. Scalars are <c>name=v</c>; arrays <c>name=a&amp;name=b</c> exploded, else joined with <c>,</c>,
    /// <c>%20</c> or <c>|</c>; objects <c>R=100&amp;G=200</c> exploded, else <c>name=R,100,G,200</c>; <c>deepObject</c>
    /// <c>name[R]=100</c>, nested as <c>name[a][b]</c> and <c>name[0]</c>. Values nested inside an exploded form object or
    /// array use the same bracket keys. Delimiters stay literal; the same characters inside values are escaped.
    /// </summary>
    /// <param name="query">The call's query.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="json">The value as JSON.</param>
    /// <param name="style">The style.</param>
    /// <param name="explode">Whether the value is exploded.</param>
    public static void AddQuery(ApiQuery query, string name, byte[] json, ApiParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(name);
        using var document = JsonDocument.Parse(json);
        var pairs = new List<KeyValuePair<string, string>>();
        Field(pairs, Uri.EscapeDataString(name), document.RootElement, style, explode);
        foreach (var pair in pairs)
        {
            query.AddEscaped(pair.Key, pair.Value);
        }
    }

    /// <summary>
    /// The text of a path, header or cookie parameter in its style: <c>simple</c> (<c>blue,black</c>, objects
    /// <c>R,100,G,200</c> or exploded <c>R=100,G=200</c>), <c>label</c> (<c>.blue.black</c>), <c>matrix</c>
    /// (<c>;color=blue;color=black</c>) or <c>form</c> (a cookie: <c>blue,black</c>).
    /// </summary>
    /// <param name="name">The parameter's name (written by <c>matrix</c>).</param>
    /// <param name="json">The value as JSON.</param>
    /// <param name="style">The style.</param>
    /// <param name="explode">Whether the value is exploded.</param>
    /// <param name="escape">Whether names and values are percent-encoded (a path), else written as they are (a header, a cookie, which <see cref="AddCookie"/> escapes).</param>
    /// <returns>The parameter's text, with its prefix.</returns>
    public static string StyledText(string name, byte[] json, ApiParameterStyle style, bool explode, bool escape)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var document = JsonDocument.Parse(json);
        var value = document.RootElement;
        Func<string, string> e = escape ? Uri.EscapeDataString : static s => s;
        var (prefix, separator) = style switch
        {
            ApiParameterStyle.Label => (".", explode ? "." : ","),
            ApiParameterStyle.Matrix => (";", explode ? ";" : ","),
            _ => (string.Empty, ","),
        };
        var builder = new StringBuilder(prefix);
        var named = style == ApiParameterStyle.Matrix;
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    builder.Append(first ? string.Empty : separator);
                    if (named && (first || explode))
                    {
                        builder.Append(e(name)).Append('=');
                    }

                    builder.Append(e(Scalar(item)));
                    first = false;
                }

                if (first && named)
                {
                    builder.Append(e(name));
                }

                break;
            case JsonValueKind.Object:
                if (named && !explode)
                {
                    builder.Append(e(name)).Append('=');
                }

                var start = true;
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    builder.Append(start ? string.Empty : separator).Append(e(property.Name)).Append(explode ? "=" : ",").Append(e(Scalar(property.Value)));
                    start = false;
                }

                break;
            default:
                if (named)
                {
                    builder.Append(e(name)).Append('=');
                }

                builder.Append(e(Scalar(value)));
                break;
        }

        return builder.ToString();
    }

    /// <summary>
    /// An <c>application/x-www-form-urlencoded</c> body from the body's JSON: one field per property in its encoding
    /// (<paramref name="shape"/>'s <c>encoding</c>; by default <c>form</c> exploded: arrays repeat the key), nested
    /// objects and arrays as bracket keys (<c>a[b][c]=…</c>, <c>a[0]=…</c>, the Stripe and Rails convention), a
    /// property with a JSON <c>contentType</c> as its JSON text. Null values are left out.
    /// </summary>
    /// <param name="json">The body as JSON.</param>
    /// <param name="shape">The body's shape descriptor (<see cref="ApiValueShape"/>).</param>
    /// <param name="mediaType">The media type sent.</param>
    /// <returns>The content.</returns>
    public static HttpContent FormBody(byte[] json, string shape, string mediaType)
    {
        var encodings = ApiValueShape.Parse(shape);
        using var document = JsonDocument.Parse(json);
        var pairs = new List<KeyValuePair<string, string>>();
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var encoding = encodings.Encoding(property.Name);
                var key = Uri.EscapeDataString(property.Name);
                if (encoding.IsJson)
                {
                    pairs.Add(new(key, Uri.EscapeDataString(property.Value.GetRawText())));
                }
                else if (property.Value.ValueKind == JsonValueKind.Object && encoding.Style == ApiParameterStyle.Form && encoding.Explode)
                {
                    // An exploded form object inside a form body has no key of its own in OpenAPI: it nests as bracket keys.
                    Deep(pairs, key, property.Value);
                }
                else
                {
                    Field(pairs, key, property.Value, encoding.Style, encoding.Explode);
                }
            }
        }

        var text = new StringBuilder();
        foreach (var pair in pairs)
        {
            text.Append(text.Length == 0 ? string.Empty : "&").Append(pair.Key).Append('=').Append(pair.Value);
        }

        return Bytes(Encoding.ASCII.GetBytes(text.ToString()), mediaType);
    }

    /// <summary>One field or query parameter in its style; <paramref name="key"/> is escaped already.</summary>
    private static void Field(List<KeyValuePair<string, string>> pairs, string key, JsonElement value, ApiParameterStyle style, bool explode)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Array or JsonValueKind.Object when style == ApiParameterStyle.DeepObject:
                Deep(pairs, key, value);
                return;
            case JsonValueKind.Array when explode:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (IsScalar(item))
                    {
                        pairs.Add(new(key, Uri.EscapeDataString(Scalar(item))));
                    }
                    else
                    {
                        Deep(pairs, key + "[" + Index(index) + "]", item);
                    }

                    index++;
                }

                return;
            case JsonValueKind.Object when explode:
                foreach (var property in value.EnumerateObject())
                {
                    // A property's own object has no key in OpenAPI's form style: it nests as bracket keys.
                    var propertyKey = Uri.EscapeDataString(property.Name);
                    if (property.Value.ValueKind == JsonValueKind.Object)
                    {
                        Deep(pairs, propertyKey, property.Value);
                    }
                    else
                    {
                        Field(pairs, propertyKey, property.Value, ApiParameterStyle.Form, explode: true);
                    }
                }

                return;
            case JsonValueKind.Array or JsonValueKind.Object:
                var separator = style switch { ApiParameterStyle.SpaceDelimited => "%20", ApiParameterStyle.PipeDelimited => "|", _ => "," };
                var joined = new StringBuilder();
                var objectValue = value.ValueKind == JsonValueKind.Object;
                foreach (var part in objectValue ? Pairs(value) : Items(value))
                {
                    joined.Append(joined.Length == 0 ? string.Empty : separator).Append(Uri.EscapeDataString(part));
                }

                if (joined.Length > 0 || !objectValue)
                {
                    pairs.Add(new(key, joined.ToString()));
                }

                return;
            default:
                pairs.Add(new(key, Uri.EscapeDataString(Scalar(value))));
                return;
        }
    }

    /// <summary>Bracket keys: <c>key[name]=…</c> for object properties, <c>key[0]=…</c> for array items, to any depth.</summary>
    private static void Deep(List<KeyValuePair<string, string>> pairs, string key, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Deep(pairs, key + "[" + Uri.EscapeDataString(property.Name) + "]", property.Value);
                }

                return;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Deep(pairs, key + "[" + Index(index++) + "]", item);
                }

                return;
            default:
                pairs.Add(new(key, Uri.EscapeDataString(Scalar(value))));
                return;
        }
    }

    private static IEnumerable<string> Items(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Null)
            {
                yield return IsScalar(item) ? Scalar(item) : item.GetRawText();
            }
        }
    }

    private static IEnumerable<string> Pairs(JsonElement value)
    {
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                yield return property.Name;
                yield return IsScalar(property.Value) ? Scalar(property.Value) : property.Value.GetRawText();
            }
        }
    }

    private static bool IsScalar(JsonElement value) => value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    /// <summary>A scalar's text: a string as it is, a number as written, <c>true</c>/<c>false</c>; a nested value as its JSON.</summary>
    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };

    private static string Index(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
