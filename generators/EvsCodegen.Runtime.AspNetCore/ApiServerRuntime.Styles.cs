using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace EvsCodegen.Runtime.AspNetCore;

public static partial class ApiServerRuntime
{
    /// <summary>
    /// The values of a scalar or array parameter written in <paramref name="style"/>, its prefix and delimiters taken
    /// off (<c>;id=5</c> → <c>5</c>, <c>.a.b</c> → <c>a</c>, <c>b</c>, <c>a|b</c> → <c>a</c>, <c>b</c>): one value per
    /// array item. A value without its style's prefix is a 400 answer; absent stays absent.
    /// </summary>
    /// <param name="raw">The parameter's text as it arrived.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="style">The style.</param>
    /// <param name="explode">Whether the value is exploded.</param>
    /// <param name="array">Whether the parameter is an array (its items are split).</param>
    /// <returns>The values.</returns>
    public static StringValues StyledValues(StringValues raw, string name, ApiParameterStyle style, bool explode, bool array)
    {
        if (raw.Count == 0)
        {
            return raw;
        }

        var values = new List<string>();
        foreach (var text in raw)
        {
            foreach (var part in Tokens(text ?? string.Empty, name, style, explode, array))
            {
                values.Add(part);
            }
        }

        return new StringValues(values.ToArray());
    }

    /// <summary>
    /// An object (or other value) parameter written in <paramref name="style"/> as one text (path, header, cookie, or a
    /// query parameter not exploded), as JSON for the schema's converter: <c>R,100,G,200</c> and <c>R=100,G=200</c>
    /// (with the prefixes of <c>label</c> and <c>matrix</c>) become <c>{"R":100,"G":200}</c>. Null when absent; a
    /// missing required one is a 400 answer.
    /// </summary>
    /// <param name="raw">The parameter's text as it arrived.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="style">The style.</param>
    /// <param name="explode">Whether the value is exploded.</param>
    /// <param name="shape">The value's shape descriptor (<see cref="ApiValueShape"/>).</param>
    /// <param name="required">Whether the parameter is required.</param>
    /// <returns>The value as UTF-8 JSON, or null.</returns>
    public static byte[]? StyledJson(StringValues raw, string name, ApiParameterStyle style, bool explode, string shape, bool required)
    {
        if (Value(raw, name, required) is not { } text)
        {
            return null;
        }

        var root = ApiValueShape.Parse(shape);
        var node = new FieldNode();
        if (root.Kind == ApiValueKind.Object)
        {
            var tokens = Tokens(text, name, style, explode, array: true);
            if (explode && style != ApiParameterStyle.Form)
            {
                foreach (var token in tokens)
                {
                    var equals = token.IndexOf('=', StringComparison.Ordinal);
                    node.Child(equals < 0 ? token : token[..equals]).Values.Add(equals < 0 ? string.Empty : token[(equals + 1)..]);
                }
            }
            else
            {
                if (tokens.Count % 2 != 0)
                {
                    throw new ApiException(400, $"The parameter '{name}' must be name and value pairs.");
                }

                for (var i = 0; i < tokens.Count; i += 2)
                {
                    node.Child(tokens[i]).Values.Add(tokens[i + 1]);
                }
            }
        }
        else
        {
            node.Values.AddRange(Tokens(text, name, style, explode, root.Kind == ApiValueKind.Array));
        }

        return Serialize(node, root, name, name);
    }

    /// <summary>
    /// An object query parameter spread over several keys, as JSON for the schema's converter: <c>form</c> exploded
    /// (<c>R=100&amp;G=200</c>: the declared properties, or for a map every key no other parameter of the operation
    /// takes) or <c>deepObject</c> (<c>color[R]=100</c>, nested as <c>color[a][b]</c>, arrays as <c>color[a][0]</c> or
    /// <c>color[a][]</c>). Null when none of its keys is present and it is optional; a required one is then an empty object.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="style"><see cref="ApiParameterStyle.Form"/> or <see cref="ApiParameterStyle.DeepObject"/>.</param>
    /// <param name="shape">The value's shape descriptor (<see cref="ApiValueShape"/>).</param>
    /// <param name="required">Whether the parameter is required.</param>
    /// <param name="others">The names of the operation's other query parameters (never part of a map).</param>
    /// <returns>The value as UTF-8 JSON, or null.</returns>
    public static byte[]? QueryObjectJson(HttpContext http, string name, ApiParameterStyle style, string shape, bool required, string[] others)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(others);
        var root = ApiValueShape.Parse(shape);
        var node = new FieldNode();
        var found = false;
        foreach (var (key, values) in http.Request.Query)
        {
            if (style == ApiParameterStyle.DeepObject)
            {
                if (key.StartsWith(name + "[", StringComparison.Ordinal))
                {
                    node.Add(ParseKey(key[name.Length..], name), values);
                    found = true;
                }
            }
            else if (Array.IndexOf(others, key) < 0 && (root.Property(key) is not null || IsNestedDeclared(root, key)))
            {
                var path = ParseKey(key, name);
                node.Add(path, values);
                found = true;
            }
        }

        // An object with no keys has no text of its own in these styles: a required one is read as empty, so the
        // schema's required properties decide (the client cannot send an empty object any other way).
        if (!found && !required)
        {
            return null;
        }

        return Serialize(node, root, name, style == ApiParameterStyle.DeepObject ? name : string.Empty);
    }

    /// <summary>The text of a parameter described with <c>content: application/json</c>, as its JSON bytes; null when absent.</summary>
    /// <param name="raw">The parameter's text as it arrived.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="required">Whether the parameter is required.</param>
    /// <returns>The JSON text's UTF-8 bytes, or null.</returns>
    public static byte[]? JsonText(StringValues raw, string name, bool required) =>
        Value(raw, name, required) is { } text ? Encoding.UTF8.GetBytes(text) : null;

    /// <summary>
    /// Reads a parameter's JSON (from <see cref="StyledJson"/>, <see cref="QueryObjectJson"/> or <see cref="JsonText"/>)
    /// with the schema's strict converter: a value the document forbids is a 400 answer naming the parameter.
    /// </summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <param name="read">The schema's converter.</param>
    /// <param name="name">The parameter's name.</param>
    /// <returns>The value.</returns>
    public static T ReadParameterJson<T>(byte[] json, ApiJsonReadFunc<T> read, string name)
    {
        try
        {
            return ApiJsonReader.Deserialize(json, read, strict: true);
        }
        catch (JsonException exception)
        {
            throw new ApiException(400, exception is ApiJsonException ? $"The parameter '{name}' is invalid: {exception.Message}" : $"The parameter '{name}' is not valid JSON.");
        }
    }

    /// <summary>
    /// Reads an <c>application/x-www-form-urlencoded</c> body into JSON for the schema's converter following
    /// <paramref name="shape"/>: bracket keys nest (<c>a[b][c]=…</c>, <c>a[0]=…</c>, <c>a[]=…</c>), a repeated key is an
    /// array, each property's <c>encoding</c> (style, explode, JSON <c>contentType</c>) is undone, and text becomes the
    /// declared kind. An undeclared field is written as strings, so the schema decides whether it is allowed.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="shape">The body's shape descriptor (<see cref="ApiValueShape"/>).</param>
    /// <returns>The form as UTF-8 JSON; empty for an empty form.</returns>
    public static async Task<byte[]> ReadFormAsJsonAsync(HttpContext http, string shape)
    {
        ArgumentNullException.ThrowIfNull(http);
        var root = ApiValueShape.Parse(shape);
        var form = await ReadFormCollectionAsync(http).ConfigureAwait(false);

        if (form.Count == 0)
        {
            return [];
        }

        var node = new FieldNode();
        foreach (var (key, values) in form)
        {
            var path = ParseKey(key, "body");
            var encoding = root.Encoding(path[0]);
            if (path.Count == 1 && (encoding.IsJson || !(encoding.Style == ApiParameterStyle.Form && encoding.Explode)) && encoding.Style != ApiParameterStyle.DeepObject)
            {
                var field = node.Child(path[0]);
                var property = root.Property(path[0]) ?? ApiValueShape.Any;
                foreach (var value in values)
                {
                    if (encoding.IsJson)
                    {
                        field.Json.Add(value ?? string.Empty);
                    }
                    else if (property.Kind == ApiValueKind.Object)
                    {
                        var tokens = Tokens(value ?? string.Empty, path[0], encoding.Style, explode: false, array: true);
                        for (var i = 0; i + 1 < tokens.Count; i += 2)
                        {
                            field.Child(tokens[i]).Values.Add(tokens[i + 1]);
                        }
                    }
                    else
                    {
                        field.Values.AddRange(Tokens(value ?? string.Empty, path[0], encoding.Style, explode: false, array: property.Kind == ApiValueKind.Array));
                    }
                }

                continue;
            }

            node.Add(path, values);
        }

        return Serialize(node, root, null, string.Empty);
    }

    private static bool IsNestedDeclared(ApiValueShape root, string key)
    {
        var bracket = key.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 && root.Property(key[..bracket]) is not null;
    }

    /// <summary>The pieces of one styled text: the prefix checked and taken off, then split on the style's delimiter.</summary>
    private static List<string> Tokens(string text, string name, ApiParameterStyle style, bool explode, bool array)
    {
        switch (style)
        {
            case ApiParameterStyle.Label:
                if (!text.StartsWith('.'))
                {
                    throw new ApiException(400, $"The parameter '{name}' must start with '.' (label style).");
                }

                text = text[1..];
                return array ? [.. text.Split(explode ? '.' : ',')] : [text];
            case ApiParameterStyle.Matrix:
                var prefix = ";" + name + "=";
                if (explode && array)
                {
                    if (!text.StartsWith(';'))
                    {
                        throw new ApiException(400, $"The parameter '{name}' must be written ';{name}=…' (matrix style).");
                    }

                    var parts = new List<string>();
                    foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var equals = part.IndexOf('=', StringComparison.Ordinal);
                        if (equals < 0)
                        {
                            throw new ApiException(400, $"The parameter '{name}' must be written ';{name}=…' (matrix style).");
                        }

                        // An exploded matrix object is ;R=100;G=200: the pair stays whole for the caller to split.
                        parts.Add(part[..equals] == name ? part[(equals + 1)..] : part);
                    }

                    return parts;
                }

                if (!text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    throw new ApiException(400, $"The parameter '{name}' must be written ';{name}=…' (matrix style).");
                }

                text = text[prefix.Length..];
                return array ? [.. text.Split(',')] : [text];
            case ApiParameterStyle.SpaceDelimited:
                return array && !explode ? [.. text.Split(' ')] : [text];
            case ApiParameterStyle.PipeDelimited:
                return array && !explode ? [.. text.Split('|')] : [text];
            default:
                return array && !(explode && style == ApiParameterStyle.Form) ? [.. text.Split(',')] : [text];
        }
    }
}
