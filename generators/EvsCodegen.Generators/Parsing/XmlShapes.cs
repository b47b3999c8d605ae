using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Writes the XML shape descriptor of a body (the JSON the runtime's <c>ApiXml</c> parses): for each object its
/// properties' element or attribute names, namespaces, prefixes and array wrapping, after OpenAPI's XML Object and its
/// defaults (docs/decisions.md, "XML bodies"). Object types are numbered once, so recursive schemas stay finite.
/// A schema the XML Object cannot express (a map, an untyped value, a union, a polymorphic base) has no descriptor:
/// <see cref="Describe"/> returns null and says why.
/// </summary>
internal sealed class XmlShapes
{
    private readonly IReadOnlyList<TypeModel> _types;
    private readonly SchemaConverter _schemas;
    private readonly List<string> _objects = [];
    private readonly Dictionary<string, int> _indexes = new(System.StringComparer.Ordinal);
    private string? _reason;

    private XmlShapes(SchemaConverter schemas)
    {
        _schemas = schemas;
        _types = schemas.Types;
    }

    /// <summary>The descriptor of a body of <paramref name="type"/> whose schema is <paramref name="schema"/>; null, with <paramref name="reason"/>, when XML cannot carry it.</summary>
    public static string? Describe(TypeRefModel type, YNode? schema, SchemaConverter schemas, out string reason)
    {
        var shapes = new XmlShapes(schemas);
        var own = schemas.ReadXml(schema);
        string name;
        string? ns = own?.Namespace, prefix = own?.Prefix;
        if (type.Kind == TypeRefKind.Object && schemas.ObjectXml(type.TypeName!) is { } element)
        {
            name = own?.Name ?? element.Name ?? type.TypeName!;
            ns ??= element.Namespace;
            prefix ??= element.Prefix;
        }
        else
        {
            // The XML Object leaves a root array or scalar without a default name; the component's key, else a fixed one.
            name = own?.Name ?? schemas.ComponentKey(schema) ?? (type.Kind == TypeRefKind.Array ? "items" : "value");
        }

        var root = shapes.Shape(type, schemas.ReadItemsXml(schema), "item", "the body");
        reason = shapes._reason ?? string.Empty;
        if (shapes._reason is not null)
        {
            return null;
        }

        var text = new StringBuilder("{\"root\":{").Append(Naming(name, ns, prefix)).Append(",\"type\":").Append(root).Append('}');
        if (shapes._objects.Count > 0)
        {
            text.Append(",\"objects\":[").Append(string.Join(",", shapes._objects)).Append(']');
        }

        return text.Append('}').ToString();
    }

    private string Shape(TypeRefModel type, XmlFacts? items, string itemDefault, string where)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Boolean:
                return "\"boolean\"";
            case TypeRefKind.Int32 or TypeRefKind.Int64:
                return "\"integer\"";
            case TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal:
                return "\"number\"";
            case TypeRefKind.String or TypeRefKind.DateTime or TypeRefKind.Date or TypeRefKind.Guid or TypeRefKind.Bytes:
                return "\"string\"";
            case TypeRefKind.Enum:
                return _types.OfType<EnumTypeModel>().Any(t => t.Name == type.TypeName && t.IsInteger) ? "\"integer\"" : "\"string\"";
            case TypeRefKind.Array:
                var item = type.Item ?? TypeRefModel.AnyValue;
                var itemElement = item.Kind == TypeRefKind.Object ? _schemas.ObjectXml(item.TypeName!) : null;
                var itemName = items?.Name ?? (item.Kind == TypeRefKind.Object && where == "the body" ? itemElement?.Name ?? item.TypeName! : itemDefault);
                return "{\"items\":" + Shape(item, null, itemName, where) + "," + Naming(itemName, items?.Namespace ?? itemElement?.Namespace, items?.Prefix ?? itemElement?.Prefix) + "}";
            case TypeRefKind.Object when _types.OfType<ObjectTypeModel>().FirstOrDefault(t => t.Name == type.TypeName) is { } model:
                return Object(model, where);
            case TypeRefKind.Object:
                return Fail($"{where} is a oneOf/anyOf union, which the XML Object cannot express");
            case TypeRefKind.Map:
                return Fail($"{where} is a map (additionalProperties), which the XML Object cannot express");
            default:
                return Fail($"{where} has no type (JsonElement), which the XML Object cannot express");
        }
    }

    private string Object(ObjectTypeModel model, string where)
    {
        if (_indexes.TryGetValue(model.Name, out var index))
        {
            return index.ToString(CultureInfo.InvariantCulture);
        }

        if (model.Derived.Count > 0)
        {
            return Fail($"{where} is '{model.Name}', which has derived types; the XML Object cannot tell them apart");
        }

        if (model.AdditionalProperties == AdditionalPropertiesKind.Keep)
        {
            return Fail($"{where} is '{model.Name}', whose additionalProperties the XML Object cannot express");
        }

        index = _objects.Count;
        _indexes[model.Name] = index;
        _objects.Add(string.Empty);
        var properties = new List<string>();
        foreach (var property in model.Properties)
        {
            var (own, items) = _schemas.PropertyXml(model.Name, property.JsonName);
            var type = property.Type;
            var objectXml = type.Kind == TypeRefKind.Object ? _schemas.ObjectXml(type.TypeName!) : null;
            var name = own?.Name ?? property.JsonName;
            var scalar = type.Kind is not (TypeRefKind.Array or TypeRefKind.Object or TypeRefKind.Map or TypeRefKind.Any);
            var wrapped = type.Kind == TypeRefKind.Array && own?.Wrapped == true;

            // Items are named after `items.xml.name`, else the property (the array's own name names only a wrapper).
            var shape = Shape(type, items, property.JsonName, $"property '{property.JsonName}' of '{model.Name}'");
            var text = new StringBuilder("{\"json\":").Append(ValueShapes.Quote(property.JsonName)).Append(',')
                .Append(Naming(name, own?.Namespace ?? objectXml?.Namespace, own?.Prefix ?? objectXml?.Prefix));
            if (scalar && own?.Attribute == true)
            {
                text.Append(",\"attr\":true");
            }

            if (wrapped)
            {
                text.Append(",\"wrapped\":true");
            }

            properties.Add(text.Append(",\"type\":").Append(shape).Append('}').ToString());
        }

        _objects[index] = "{\"props\":[" + string.Join(",", properties) + "]" + (model.AdditionalProperties == AdditionalPropertiesKind.Forbid ? ",\"closed\":true" : string.Empty) + "}";
        return index.ToString(CultureInfo.InvariantCulture);
    }

    private string Fail(string reason)
    {
        _reason ??= reason;
        return "\"string\"";
    }

    private static string Naming(string name, string? ns, string? prefix)
    {
        var text = "\"name\":" + ValueShapes.Quote(name);
        if (ns is not null)
        {
            // A prefix means something only with its namespace.
            text += ",\"ns\":" + ValueShapes.Quote(ns) + (prefix is null ? string.Empty : ",\"prefix\":" + ValueShapes.Quote(prefix));
        }

        return text;
    }
}
