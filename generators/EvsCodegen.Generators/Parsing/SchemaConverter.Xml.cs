using System.Collections.Generic;

namespace EvsCodegen.Generators.Parsing;

/// <summary>What an OpenAPI XML Object says about one schema (<c>name</c>, <c>namespace</c>, <c>prefix</c>, <c>attribute</c>, <c>wrapped</c>, 3.2's <c>nodeType</c>).</summary>
internal sealed record XmlFacts(string? Name, string? Namespace, string? Prefix, bool Attribute, bool Wrapped);

/// <summary>
/// The XML Objects met while converting: the element facts of each object type and of each property and its items,
/// noted beside the model rather than in it, because only XML bodies (<see cref="XmlShapes"/>) read them.
/// </summary>
internal sealed partial class SchemaConverter
{
    private readonly Dictionary<string, XmlFacts> _objectXml = new(System.StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Key), (XmlFacts? Own, XmlFacts? Items)> _propertyXml = new();

    /// <summary>The element facts of an object type: its XML Object, named after the schema's component key when it names none.</summary>
    public XmlFacts? ObjectXml(string typeName) => _objectXml.TryGetValue(typeName, out var facts) ? facts : null;

    /// <summary>The XML Objects of a property's schema and of its <c>items</c> (each following a <c>$ref</c> when the schema has none of its own).</summary>
    public (XmlFacts? Own, XmlFacts? Items) PropertyXml(string typeName, string key) =>
        _propertyXml.TryGetValue((typeName, key), out var facts) ? facts : (null, null);

    /// <summary>The XML Object of <paramref name="schema"/>, or, when it has none, of the schema its <c>$ref</c> names.</summary>
    public XmlFacts? ReadXml(YNode? schema)
    {
        for (var hops = 0; hops < 32 && schema is YMapping mapping; hops++)
        {
            if (mapping.GetMapping("xml") is { } xml)
            {
                // 3.2's nodeType says what `attribute` and `wrapped` said: "attribute", or "element" around an array's items.
                var nodeType = xml.GetString("nodeType");
                return new XmlFacts(
                    xml.GetString("name"),
                    xml.GetString("namespace"),
                    xml.GetString("prefix"),
                    xml.GetBool("attribute") || nodeType == "attribute",
                    xml.GetBool("wrapped") || (nodeType == "element" && mapping.GetString("type") == "array"));
            }

            schema = mapping.GetString("$ref") is { } reference ? _context.ResolvePointer(reference, mapping) : null;
        }

        return null;
    }

    /// <summary>The XML Object of the <c>items</c> of <paramref name="schema"/> (an array, maybe behind a <c>$ref</c>).</summary>
    public XmlFacts? ReadItemsXml(YNode? schema)
    {
        for (var hops = 0; hops < 32 && schema is YMapping mapping; hops++)
        {
            if (mapping.Get("items") is { } items)
            {
                return ReadXml(items);
            }

            schema = mapping.GetString("$ref") is { } reference ? _context.ResolvePointer(reference, mapping) : null;
        }

        return null;
    }

    /// <summary>The component key of the schema <paramref name="schema"/> stands for (following <c>$ref</c>s), if it is a component.</summary>
    public string? ComponentKey(YNode? schema)
    {
        for (var hops = 0; hops < 32 && schema is YMapping mapping; hops++)
        {
            if (_componentKeys.TryGetValue(mapping, out var key))
            {
                return key;
            }

            schema = mapping.GetString("$ref") is { } reference ? _context.ResolvePointer(reference, mapping) : null;
        }

        return null;
    }

    private void NoteObjectXml(string typeName, YMapping schema)
    {
        var own = ReadXml(schema);
        var key = _componentKeys.TryGetValue(schema, out var component) ? component : null;
        _objectXml[typeName] = new XmlFacts(own?.Name ?? key, own?.Namespace, own?.Prefix, false, false);
    }

    private void NotePropertyXml(string typeName, string key, YNode? schema) =>
        _propertyXml[(typeName, key)] = (ReadXml(schema), ReadItemsXml(schema));
}
