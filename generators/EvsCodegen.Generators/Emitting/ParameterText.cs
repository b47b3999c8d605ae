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
            TypeRefKind.Boolean => $"ApiServerRuntime.ParseBoolean({e}, {name})",
            TypeRefKind.Int32 => $"ApiServerRuntime.ParseInt32({e}, {name})",
            TypeRefKind.Int64 => $"ApiServerRuntime.ParseInt64({e}, {name})",
            TypeRefKind.Float => $"(float)ApiServerRuntime.ParseDouble({e}, {name})",
            TypeRefKind.Double => $"ApiServerRuntime.ParseDouble({e}, {name})",
            TypeRefKind.Decimal => $"ApiServerRuntime.ParseDecimal({e}, {name})",
            TypeRefKind.DateTime => $"ApiServerRuntime.ParseDateTime({e}, {name}, {(type.Format is null ? "null" : Text.Literal(type.Format))})",
            TypeRefKind.Date => $"ApiServerRuntime.ParseDate({e}, {name})",
            TypeRefKind.Guid => $"ApiServerRuntime.ParseGuid({e}, {name})",
            TypeRefKind.Enum => $"ApiServerRuntime.ParseEnum<{type.TypeName}>({e}, {type.TypeName}.TryParse, static v => v.IsKnown, {name})",
            _ => e,
        };
    }
}
