using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace EvsCodegen.Runtime.AspNetCore;

// Form and query keys as a tree (a[b][0]), written as JSON for the schema's converter following an ApiValueShape:
// shared by styled parameters and urlencoded bodies.
public static partial class ApiServerRuntime
{
    /// <summary>
    /// The segments of a bracket key: <c>a[b][0]</c> → <c>a</c>, <c>b</c>, <c>0</c>; <c>[x]</c> (after a deepObject name)
    /// → <c>x</c>; <c>a[]</c> → <c>a</c>, "". A key whose brackets do not close is one literal segment.
    /// </summary>
    private static List<string> ParseKey(string key, string name)
    {
        var segments = new List<string>();
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0 || !key.EndsWith(']'))
        {
            segments.Add(key);
            return segments;
        }

        if (open > 0)
        {
            segments.Add(key[..open]);
        }

        var position = open;
        while (position < key.Length)
        {
            var close = key.IndexOf(']', position);
            if (key[position] != '[' || close < 0)
            {
                return [key];
            }

            segments.Add(key[(position + 1)..close]);
            position = close + 1;
        }

        if (segments.Count > MaxDepth)
        {
            throw new ApiException(400, $"The parameter '{name}' nests deeper than {MaxDepth} levels.");
        }

        return segments;
    }

    private const int MaxDepth = 32;

    private static byte[] Serialize(FieldNode node, ApiValueShape shape, string? name, string path) =>
        ApiJsonValue.Serialize((Node: node, Shape: shape, Name: name, Path: path), static (writer, state) => WriteNode(writer, state.Node, state.Shape, state.Name, state.Path));

    private static void WriteNode(Utf8JsonWriter writer, FieldNode node, ApiValueShape shape, string? parameter, string path)
    {
        if (node.Json.Count > 0)
        {
            if (node.Json.Count > 1 || node.Values.Count > 0 || node.Children.Count > 0)
            {
                throw Repeated(parameter, path);
            }

            WriteJsonText(writer, node.Json[0], parameter, path);
            return;
        }

        switch (shape.Kind)
        {
            case ApiValueKind.Object:
                if (node.Values.Count > 0)
                {
                    throw Invalid(parameter, path, "an object (bracket keys such as 'name[key]')");
                }

                writer.WriteStartObject();
                foreach (var (key, child) in node.Children)
                {
                    writer.WritePropertyName(key);
                    WriteNode(writer, child, shape.Property(key) ?? ApiValueShape.Any, parameter, Join(path, key));
                }

                writer.WriteEndObject();
                return;
            case ApiValueKind.Array:
                var item = shape.Item ?? ApiValueShape.Any;
                writer.WriteStartArray();
                foreach (var value in node.Values)
                {
                    WriteScalar(writer, item, value, parameter, path);
                }

                var indexed = new List<(long Index, FieldNode Node)>();
                foreach (var (key, child) in node.Children)
                {
                    if (key.Length == 0)
                    {
                        foreach (var value in child.Values)
                        {
                            WriteScalar(writer, item, value, parameter, path);
                        }

                        if (child.Children.Count > 0)
                        {
                            WriteNode(writer, new FieldNode { Children = child.Children }, item, parameter, path + "[]");
                        }
                    }
                    else if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        indexed.Add((index, child));
                    }
                    else
                    {
                        throw Invalid(parameter, path, "an array (keys such as 'name[0]' or 'name[]')");
                    }
                }

                indexed.Sort(static (a, b) => a.Index.CompareTo(b.Index));
                for (var i = 0; i < indexed.Count; i++)
                {
                    if (i > 0 && indexed[i].Index == indexed[i - 1].Index)
                    {
                        throw Repeated(parameter, path + "[" + indexed[i].Index.ToString(CultureInfo.InvariantCulture) + "]");
                    }

                    WriteNode(writer, indexed[i].Node, item, parameter, path + "[" + indexed[i].Index.ToString(CultureInfo.InvariantCulture) + "]");
                }

                writer.WriteEndArray();
                return;
            case ApiValueKind.Any:
                if (node.Children.Count > 0)
                {
                    WriteNode(writer, node, s_anyObject, parameter, path);
                }
                else if (node.Values.Count == 1)
                {
                    writer.WriteStringValue(node.Values[0]);
                }
                else
                {
                    writer.WriteStartArray();
                    node.Values.ForEach(writer.WriteStringValue);
                    writer.WriteEndArray();
                }

                return;
            default:
                if (node.Children.Count > 0 || node.Values.Count == 0)
                {
                    throw Invalid(parameter, path, "a single value");
                }

                if (node.Values.Count > 1)
                {
                    throw Repeated(parameter, path);
                }

                WriteScalar(writer, shape, node.Values[0], parameter, path);
                return;
        }
    }

    private static readonly ApiValueShape s_anyObject = ApiValueShape.Parse("""{"root":0,"objects":[{"additional":"any"}]}""");

    private static void WriteScalar(Utf8JsonWriter writer, ApiValueShape shape, string text, string? parameter, string path)
    {
        if (shape.Kind is ApiValueKind.Object or ApiValueKind.Array)
        {
            throw Invalid(parameter, path, shape.Kind == ApiValueKind.Object ? "an object (bracket keys such as 'name[key]')" : "an array");
        }

        var kind = shape.Kind switch
        {
            ApiValueKind.Boolean => ApiFormValueKind.Boolean,
            ApiValueKind.Int32 => ApiFormValueKind.Int32,
            ApiValueKind.Int64 => ApiFormValueKind.Int64,
            ApiValueKind.Double => ApiFormValueKind.Double,
            ApiValueKind.Decimal => ApiFormValueKind.Decimal,
            ApiValueKind.Binary => ApiFormValueKind.Binary,
            _ => ApiFormValueKind.String,
        };
        try
        {
            // Text here (url-encoded fields, parameters) is what the client wrote from JSON, where bytes are base64.
            WriteFormValue(writer, kind, text, path, base64Text: true);
        }
        catch (ApiException) when (parameter is not null)
        {
            throw new ApiException(400, $"The parameter '{parameter}' is invalid: '{path}' must be {Expected(kind)}.");
        }
    }

    private static string Expected(ApiFormValueKind kind) => kind switch
    {
        ApiFormValueKind.Boolean => "true or false",
        ApiFormValueKind.Int32 => "a 32-bit integer",
        ApiFormValueKind.Int64 => "a 64-bit integer",
        ApiFormValueKind.Decimal => "a decimal number",
        ApiFormValueKind.Binary => "base64 text",
        _ => "a number",
    };

    private static void WriteJsonText(Utf8JsonWriter writer, string text, string? parameter, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            document.RootElement.WriteTo(writer);
        }
        catch (JsonException)
        {
            throw Invalid(parameter, path, "JSON text");
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "[" + key + "]";

    private static ApiException Invalid(string? parameter, string path, string expected) => parameter is null
        ? new ApiException(400, $"The field '{path}' must be {expected}.")
        : new ApiException(400, $"The parameter '{parameter}' is invalid: '{path}' must be {expected}.");

    private static ApiException Repeated(string? parameter, string path) => parameter is null
        ? new ApiException(400, $"The field '{path}' is given more than once.")
        : new ApiException(400, $"The parameter '{parameter}' is invalid: '{path}' is given more than once.");

    /// <summary>One key of a form or query: its values and its bracketed children, in arrival order.</summary>
    private sealed class FieldNode
    {
        public List<string> Values { get; } = [];

        public List<string> Json { get; } = [];

        public OrderedChildren Children { get; init; } = new();

        public FieldNode Child(string key) => Children.GetOrAdd(key);

        public void Add(List<string> path, StringValues values)
        {
            var node = this;
            foreach (var segment in path)
            {
                node = node.Child(segment);
            }

            foreach (var value in values)
            {
                node.Values.Add(value ?? string.Empty);
            }

        }
    }

    private sealed class OrderedChildren : List<KeyValuePair<string, FieldNode>>
    {
        private readonly Dictionary<string, FieldNode> _byKey = new(StringComparer.Ordinal);

        public FieldNode GetOrAdd(string key)
        {
            if (!_byKey.TryGetValue(key, out var node))
            {
                _byKey[key] = node = new FieldNode();
                Add(new(key, node));
            }

            return node;
        }
    }
}
