using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>Converts parameter values to and from their text on the wire (client formats, server parses).</summary>
internal static class ParameterText
{
    /// <summary>An expression formatting the non-null value <paramref name="e"/> of a scalar type.</summary>
    public static string Format(TypeRefModel type, string e) => type.Kind switch
    {
        TypeRefKind.String => e,
        TypeRefKind.Boolean => $"({e} ? \"true\" : \"false\")",
        TypeRefKind.Float or TypeRefKind.Double => $"{e}.ToString(\"R\", {CSharp.Invariant})",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Decimal => $"{e}.ToString({CSharp.Invariant})",
        TypeRefKind.DateTime when type.Format is not null => $"{e}.UtcDateTime.ToString({Text.Literal(type.Format)}, {CSharp.Invariant})",
        TypeRefKind.DateTime => $"{e}.ToString(\"O\", {CSharp.Invariant})",
        TypeRefKind.Date => $"{e}.ToString(\"yyyy-MM-dd\", {CSharp.Invariant})",
        TypeRefKind.Guid => $"{e}.ToString(\"D\")",
        _ => $"{e}.ToString()",
    };

    /// <summary>An expression parsing the text <paramref name="e"/> into a scalar type; failures become 400 answers.</summary>
    public static string Parse(TypeRefModel type, string e, string wireName)
    {
        var name = Text.Literal(wireName);
        return type.Kind switch
        {
            TypeRefKind.String => e,
            TypeRefKind.Boolean => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ParseBoolean}({e}, {name})",
            TypeRefKind.Int32 => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ParseInt32}({e}, {name})",
            TypeRefKind.Int64 => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ParseInt64}({e}, {name})",
            TypeRefKind.Float => $"(float){RuntimeNames.Server.Type}.{RuntimeNames.Server.ParseDouble}({e}, {name})",
            TypeRefKind.Double => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ParseDouble}({e}, {name})",
            TypeRefKind.Decimal => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ParseDecimal}({e}, {name})",
            TypeRefKind.DateTime => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ParseDateTime}({e}, {name}, {(type.Format is null ? "null" : Text.Literal(type.Format))})",
            TypeRefKind.Date => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ParseDate}({e}, {name})",
            TypeRefKind.Guid => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ParseGuid}({e}, {name})",
            TypeRefKind.Enum => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ParseEnum}<{type.TypeName}>({e}, {type.TypeName}.TryParse, static v => v.IsKnown, {name})",
            _ => e,
        };
    }

    /// <summary>The runtime's <c>ApiParameterStyle</c> member of an encoding's style (the names are the same).</summary>
    public static string Style(ParameterEncodingModel encoding) => $"{RuntimeNames.Client.ParameterStyle}.{encoding.Style}";

    /// <summary>An expression serializing the non-null value <paramref name="e"/> to its JSON bytes with its schema's writer.</summary>
    public static string Json(ParameterModel parameter, string e) =>
        $"{RuntimeNames.Value.Type}.{RuntimeNames.Value.Serialize}({e}, {ClientEmitter.Writer(parameter.Type)})";

    /// <summary>
    /// An expression giving the text of a parameter that is not spread over query keys: its JSON text for JSON content
    /// (escaped in a path), else its JSON written in its style by the runtime.
    /// </summary>
    public static string StyledText(ParameterModel parameter, ParameterEncodingModel encoding, string e, bool escape)
    {
        if (encoding.IsJson)
        {
            var text = $"global::System.Text.Encoding.UTF8.GetString({Json(parameter, e)})";
            return escape ? $"global::System.Uri.EscapeDataString({text})" : text;
        }

        return $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.StyledText}({Text.Literal(parameter.WireName)}, {Json(parameter, e)}, {Style(encoding)}, {(parameter.Explode ? "true" : "false")}, escape: {(escape ? "true" : "false")})";
    }

    /// <summary>
    /// Whether the server reads the parameter through its JSON (an object or map, a deepObject array, JSON content)
    /// rather than as text values parsed one by one.
    /// </summary>
    public static bool ReadsJson(ParameterModel parameter, ParameterEncodingModel encoding) =>
        encoding.IsJson || parameter.Type.Kind is TypeRefKind.Object or TypeRefKind.Map
        || (encoding.Style == ParameterStyle.DeepObject && parameter.Type.Kind == TypeRefKind.Array);
}
