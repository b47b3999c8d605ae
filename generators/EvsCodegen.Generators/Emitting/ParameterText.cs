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
}
