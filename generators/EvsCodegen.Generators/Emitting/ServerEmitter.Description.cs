using System.Globalization;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// The operation as ApiExplorer should see it: the actions read their request themselves, so MVC's description of them
/// is parameterless; the runtime's <c>ApiOperationDescriptionProvider</c> describes them from these attributes instead
/// (docs/decisions.md, "ApiExplorer").
/// </summary>
internal static partial class ServerEmitter
{
    private static void EmitDescription(SourceWriter w, ApiContextModel context, OperationModel operation)
    {
        var path = ((context.Server?.BasePath ?? string.Empty) + operation.Path).TrimStart('/');
        w.Line($"[{RuntimeNames.Description.Operation}({Text.Literal(path)})]");
        foreach (var parameter in operation.Parameters)
        {
            var location = parameter.Location switch
            {
                ParameterLocation.Path => "Path",
                ParameterLocation.Query => "Query",
                ParameterLocation.Header => "Header",
                _ => "Cookie",
            };
            w.Line($"[{RuntimeNames.Description.Parameter}({Text.Literal(parameter.WireName)}, {RuntimeNames.Description.Location}.{location}, typeof({TypeofName(parameter.Type)}){(parameter.Required ? ", Required = true" : string.Empty)})]");
        }

        if (operation.Body is { } body)
        {
            var mediaTypes = body.MediaTypes.Count > 0 ? body.MediaTypes.ToArray() : [body.ContentType];
            w.Line($"[{RuntimeNames.Description.RequestBody}(typeof({DescribedType(body.Encoding, body.Type)}), {string.Join(", ", mediaTypes.Select(Text.Literal))}{(body.Required ? ", Required = true" : string.Empty)})]");
        }

        foreach (var response in operation.Responses)
        {
            // ApiExplorer's statuses are numbers: 'default' is its default response (0); a 4XX/5XX range has no form there.
            if (response.StatusCode == 0 && response.Status != "default")
            {
                continue;
            }

            var status = response.StatusCode.ToString(CultureInfo.InvariantCulture);
            var mediaTypes = response.MediaTypes.Count > 0 ? response.MediaTypes.ToArray() : response.ContentType is { } single ? [single] : [];
            var type = mediaTypes.Length == 0 ? "null"
                : response.Type is { } described ? $"typeof({DescribedType(response.Encoding, described)})"
                : response.Encoding == BodyEncoding.Text ? "typeof(string)"
                : "null";
            w.Line($"[{RuntimeNames.Description.Response}({status}, {type}{string.Concat(mediaTypes.Select(m => ", " + Text.Literal(m)))})]");
        }
    }

    /// <summary>The type a body is read or written as: text is a string, bytes a byte array, the rest their schema's type.</summary>
    private static string DescribedType(BodyEncoding encoding, TypeRefModel type) => encoding switch
    {
        BodyEncoding.Text => CSharp.String,
        BodyEncoding.Binary => "byte[]",
        _ => TypeofName(type),
    };

    /// <summary>A C# type usable in <c>typeof</c>: no nullable reference annotations, nullable value types kept inside collections.</summary>
    private static string TypeofName(TypeRefModel type) => type.Kind switch
    {
        TypeRefKind.Array => CSharp.ReadOnlyList + "<" + ItemName(type.Item!) + ">",
        TypeRefKind.Map => CSharp.ReadOnlyDictionary + "<string, " + ItemName(type.Item!) + ">",
        _ => CSharp.TypeOf(type, nullable: false),
    };

    private static string ItemName(TypeRefModel item) =>
        TypeofName(item) + (item.Nullable && CSharp.IsValueType(item) ? "?" : string.Empty);
}
