using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Writes the shape descriptor of a value that travels as text (a styled object parameter, a form body): the JSON the
/// runtime's <c>ApiValueShape</c> parses, so the server turns keys and text back into the JSON its converter reads.
/// Object types are numbered once, so recursive schemas stay finite.
/// </summary>
internal sealed class ValueShapes
{
    private readonly IReadOnlyList<TypeModel> _types;
    private readonly List<string> _objects = [];
    private readonly Dictionary<string, int> _indexes = new(System.StringComparer.Ordinal);

    private ValueShapes(IReadOnlyList<TypeModel> types) => _types = types;

    /// <summary>The descriptor of <paramref name="type"/>, with the <c>encoding</c> of a form body's properties.</summary>
    public static string Describe(TypeRefModel type, IReadOnlyList<TypeModel> types, IReadOnlyList<FieldEncodingModel>? encodings = null)
    {
        var shapes = new ValueShapes(types);
        var root = shapes.Shape(type);
        var text = new StringBuilder("{\"root\":").Append(root);
        if (shapes._objects.Count > 0)
        {
            text.Append(",\"objects\":[").Append(string.Join(",", shapes._objects)).Append(']');
        }

        if (encodings is { Count: > 0 })
        {
            text.Append(",\"encoding\":{");
            text.Append(string.Join(",", encodings.Select(e =>
                $"{Quote(e.Property)}:{{\"style\":{Quote(e.Style)},\"explode\":{(e.Explode ? "true" : "false")}{(e.ContentType is null ? string.Empty : ",\"contentType\":" + Quote(e.ContentType))}}}")));
            text.Append('}');
        }

        return text.Append('}').ToString();
    }

    private string Shape(TypeRefModel type) => type.Kind switch
    {
        TypeRefKind.Boolean => "\"boolean\"",
        TypeRefKind.Int32 => "\"int32\"",
        TypeRefKind.Int64 => "\"int64\"",
        TypeRefKind.Float or TypeRefKind.Double => "\"double\"",
        TypeRefKind.Decimal => "\"decimal\"",
        TypeRefKind.Bytes => "\"binary\"",
        TypeRefKind.String or TypeRefKind.DateTime or TypeRefKind.Date or TypeRefKind.Guid => "\"string\"",
        TypeRefKind.Enum => _types.OfType<EnumTypeModel>().Any(t => t.Name == type.TypeName && t.IsInteger) ? "\"int64\"" : "\"string\"",
        TypeRefKind.Array => "[" + Shape(type.Item ?? TypeRefModel.AnyValue) + "]",
        TypeRefKind.Map => Object("map:" + Shape(type.Item ?? TypeRefModel.AnyValue), () => "{\"additional\":" + Shape(type.Item ?? TypeRefModel.AnyValue) + "}"),
        TypeRefKind.Object when _types.OfType<ObjectTypeModel>().FirstOrDefault(t => t.Name == type.TypeName) is { } model => Object(model.Name, () => Properties(model)),
        TypeRefKind.Object when _types.OfType<UnionTypeModel>().FirstOrDefault(t => t.Name == type.TypeName) is { } union => Object(union.Name, () => Alternatives(union)),
        _ => "\"any\"",
    };

    private string Object(string key, System.Func<string> build)
    {
        if (_indexes.TryGetValue(key, out var index))
        {
            return index.ToString(CultureInfo.InvariantCulture);
        }

        index = _objects.Count;
        _indexes[key] = index;
        _objects.Add(string.Empty);
        _objects[index] = build();
        return index.ToString(CultureInfo.InvariantCulture);
    }

    private string Properties(ObjectTypeModel model)
    {
        var properties = string.Join(",", model.Properties.Select(p => Quote(p.JsonName) + ":" + Shape(p.Type)));
        var text = "{\"properties\":{" + properties + "}";
        if (model.AdditionalProperties == AdditionalPropertiesKind.Keep)
        {
            text += ",\"additional\":" + Shape(model.AdditionalPropertiesType ?? TypeRefModel.AnyValue);
        }

        return text + "}";
    }

    /// <summary>
    /// A union of objects as one object of every alternative's properties, for writing whichever alternative a value is;
    /// a name whose shapes differ between alternatives is <c>any</c> (its JSON decides). The server reads a union form
    /// with each alternative's own shape instead (<see cref="DescribeAlternatives"/>).
    /// </summary>
    private string Alternatives(UnionTypeModel union)
    {
        var properties = new List<(string Name, string Shape)>();
        var additional = false;
        foreach (var member in union.Members)
        {
            if (_types.OfType<ObjectTypeModel>().FirstOrDefault(t => t.Name == member.Type.TypeName) is not { } model)
            {
                additional = true;
                continue;
            }

            additional |= model.AdditionalProperties == AdditionalPropertiesKind.Keep;
            foreach (var property in model.Properties)
            {
                var shape = Shape(property.Type);
                var index = properties.FindIndex(p => p.Name == property.JsonName);
                if (index < 0)
                {
                    properties.Add((property.JsonName, shape));
                }
                else if (properties[index].Shape != shape)
                {
                    properties[index] = (property.JsonName, "\"any\"");
                }
            }
        }

        return "{\"properties\":{" + string.Join(",", properties.Select(p => Quote(p.Name) + ":" + p.Shape)) + "}" + (additional ? ",\"additional\":\"any\"" : string.Empty) + "}";
    }

    /// <summary>
    /// The descriptor of each alternative of a union form body, with the body's encodings: the server turns the form into
    /// JSON once per alternative, as that alternative types its fields, and the union's converter reads them in turn.
    /// </summary>
    public static EquatableArray<string> DescribeAlternatives(UnionTypeModel union, IReadOnlyList<TypeModel> types, IReadOnlyList<FieldEncodingModel>? encodings) =>
        union.Members.Select(m => Describe(m.Type, types, encodings)).ToEquatableArray();

    /// <summary>A JSON string literal (also the XML shape descriptors').</summary>
    internal static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                < ' ' or (>= '\ud800' and <= '\udfff') => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }
}
