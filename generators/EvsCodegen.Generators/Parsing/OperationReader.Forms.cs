using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

internal sealed partial class OperationReader
{
    /// <summary>The <c>encoding</c> objects of a form body's media type; a style OpenAPI does not define for forms is reported and ignored.</summary>
    private List<FieldEncodingModel> ReadEncodings(YMapping? media)
    {
        var result = new List<FieldEncodingModel>();
        foreach (var entry in media?.GetMapping("encoding")?.Entries ?? [])
        {
            if (_context.Deref(entry.Value) is not { } encoding)
            {
                continue;
            }

            var style = encoding.GetString("style") ?? "form";
            if (style is not ("form" or "spaceDelimited" or "pipeDelimited" or "deepObject"))
            {
                _context.Report(D.StyleNotDefinedHere, encoding.Get("style") ?? entry.Key, entry.Key.Value, style, "form fields", "form");
                style = "form";
            }

            var explode = encoding.Get("explode") is YScalar explodeNode && explodeNode.AsBool() is bool explicitExplode ? explicitExplode : style == "form";
            result.Add(new FieldEncodingModel(entry.Key.Value, style, explode, encoding.GetString("contentType")));
        }

        return result;
    }

    /// <summary>
    /// The properties of a multipart body's object type as parts; null when one cannot travel as a part. Scalars are text
    /// parts and binary values file parts; an object (or a value whose <c>encoding</c> names a JSON media type) is a JSON
    /// part, as OpenAPI defines a multipart property's default; an array repeats its item's part.
    /// </summary>
    private EquatableArray<FormFieldModel>? FormFields(TypeRefModel type, YMapping? media)
    {
        if (type.Kind != TypeRefKind.Object || _schemas.Types.OfType<ObjectTypeModel>().FirstOrDefault(t => t.Name == type.TypeName) is not { } model
            || model.AdditionalProperties == AdditionalPropertiesKind.Keep)
        {
            return null;
        }

        var fields = new List<FormFieldModel>();
        foreach (var property in model.Properties)
        {
            var isArray = property.Type.Kind == TypeRefKind.Array;
            var scalar = isArray ? property.Type.Item! : property.Type;
            // Only contentType matters here: style and explode apply to url-encoded bodies alone (OpenAPI 3, Encoding Object).
            var contentType = media?.GetMapping("encoding")?.GetMapping(property.JsonName) is { } encoding ? _context.Deref(encoding)?.GetString("contentType") : null;
            var json = (contentType is not null && IsJsonMediaType(contentType)) || IsJsonPart(scalar);
            if ((!json && !IsFormScalar(scalar) && scalar.Kind != TypeRefKind.Bytes) || (isArray && scalar.Nullable))
            {
                return null;
            }

            fields.Add(new FormFieldModel(property.JsonName, property.Name, scalar, isArray, property.Type.Nullable || !property.Required, property.Type, property.Required, property.Description, json, json ? contentType ?? "application/json" : contentType));
        }

        return fields.ToEquatableArray();
    }

    /// <summary>Whether a value is written as a JSON part by default: an object, a map or a union (not a scalar, not an array of arrays).</summary>
    private static bool IsJsonPart(TypeRefModel type) => type.Kind is TypeRefKind.Object or TypeRefKind.Map or TypeRefKind.Any or TypeRefKind.Array;

    private bool IsFormScalar(TypeRefModel type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Boolean or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double
            or TypeRefKind.Decimal or TypeRefKind.DateTime or TypeRefKind.Date or TypeRefKind.Guid => true,
        TypeRefKind.Enum => _schemas.Types.OfType<EnumTypeModel>().Any(t => t.Name == type.TypeName && !t.IsInteger),
        _ => false,
    };
}
