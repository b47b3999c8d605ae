using System;
using System.Collections.Generic;
using System.Text.Json;

namespace EvsCodegen.Runtime;

/// <summary>The shape descriptor <see cref="ApiXml"/> follows, parsed once per descriptor text.</summary>
public static partial class ApiXml
{
    /// <summary>Whether the shape's root is an object (an error's fields can be written into it), not an array or scalar.</summary>
    internal static bool IsObjectShape(string descriptor) => Parse(descriptor).Type.Kind == NodeKind.Object;

    private static Root Parse(string descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return s_cache.GetOrAdd(descriptor, static text =>
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return Build(document.RootElement);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or ArgumentOutOfRangeException or FormatException)
            {
                throw new ArgumentException("The XML shape descriptor is malformed: " + exception.Message, nameof(descriptor), exception);
            }
        });
    }

    private static Root Build(JsonElement root)
    {
        var objects = new List<ObjectShape>();
        var definitions = root.TryGetProperty("objects", out var list) ? list : default;
        if (definitions.ValueKind == JsonValueKind.Array)
        {
            foreach (var definition in definitions.EnumerateArray())
            {
                objects.Add(new ObjectShape(definition.TryGetProperty("closed", out var closed) && closed.GetBoolean()));
            }

            var index = 0;
            foreach (var definition in definitions.EnumerateArray())
            {
                var target = objects[index++];
                foreach (var property in definition.GetProperty("props").EnumerateArray())
                {
                    var shape = new PropertyShape(
                        property.GetProperty("json").GetString()!,
                        property.GetProperty("name").GetString()!,
                        OptionalString(property, "ns"),
                        OptionalString(property, "prefix"),
                        property.TryGetProperty("attr", out var attribute) && attribute.GetBoolean(),
                        property.TryGetProperty("wrapped", out var wrapped) && wrapped.GetBoolean(),
                        Type(property.GetProperty("type"), objects));
                    target.Properties.Add(shape);
                    _ = shape.Attribute ? target.AttributeNames.Add(shape.Name) : target.ElementNames.Add(shape.Type.Kind == NodeKind.Array && !shape.Wrapped ? shape.Type.ItemName! : shape.Name);
                }
            }
        }

        var top = root.GetProperty("root");
        return new Root(top.GetProperty("name").GetString()!, OptionalString(top, "ns"), OptionalString(top, "prefix"), Type(top.GetProperty("type"), objects));
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Node Type(JsonElement element, List<ObjectShape> objects) => element.ValueKind switch
    {
        JsonValueKind.Number => new Node(NodeKind.Object) { Object = objects[element.GetInt32()] },
        JsonValueKind.Object => new Node(NodeKind.Array)
        {
            Item = Type(element.GetProperty("items"), objects),
            ItemName = element.GetProperty("name").GetString(),
            ItemNamespace = OptionalString(element, "ns"),
            ItemPrefix = OptionalString(element, "prefix"),
        },
        _ => new Node(element.GetString() switch
        {
            "string" => NodeKind.String,
            "boolean" => NodeKind.Boolean,
            "integer" => NodeKind.Integer,
            "number" => NodeKind.Number,
            var other => throw new InvalidOperationException($"unknown kind '{other}'"),
        }),
    };

    private enum NodeKind
    {
        String,
        Boolean,
        Integer,
        Number,
        Array,
        Object,
    }

    private sealed class Node(NodeKind kind)
    {
        public NodeKind Kind { get; } = kind;

        public ObjectShape? Object { get; init; }

        public Node? Item { get; init; }

        public string? ItemName { get; init; }

        public string? ItemNamespace { get; init; }

        public string? ItemPrefix { get; init; }
    }

    private sealed class ObjectShape(bool closed)
    {
        public bool Closed { get; } = closed;

        public List<PropertyShape> Properties { get; } = [];

        public HashSet<string> ElementNames { get; } = new(StringComparer.Ordinal);

        public HashSet<string> AttributeNames { get; } = new(StringComparer.Ordinal);
    }

    private sealed record PropertyShape(string Json, string Name, string? Namespace, string? Prefix, bool Attribute, bool Wrapped, Node Type);

    private sealed record Root(string Name, string? Namespace, string? Prefix, Node Type);
}
