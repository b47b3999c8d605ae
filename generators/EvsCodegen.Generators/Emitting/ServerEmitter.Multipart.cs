using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// A multipart body with file parts (docs/decisions.md, "Multipart file parts as streams"): the runtime reads the form,
/// its fields become the JSON the schema's converter validates as it does any form, and the implementation gets the
/// body's form record, whose file parts are streams over the parts the form reader kept.
/// </summary>
internal static partial class ServerEmitter
{
    /// <summary>Reads the form before the interceptor runs, as other bodies are, and checks its fields' JSON syntax.</summary>
    private static void EmitMultipartFormCheck(SourceWriter w, BodyModel body)
    {
        var read = $"await {RuntimeNames.Server.Type}.{RuntimeNames.Server.ReadMultipartFormAsync}(http, {FormKinds(body)}).ConfigureAwait(false)";
        if (body.Required)
        {
            w.Line($"{RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckContentType}(http, {Text.Literal(body.ContentType)});");
            w.Line($"var form = {read};");
        }
        else
        {
            w.Line($"var form = {RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckOptionalContentType}(http, {Text.Literal(body.ContentType)}) ? {read} : {RuntimeNames.MultipartForm.Type}.{RuntimeNames.MultipartForm.Empty};");
        }

        w.Line($"var payload = form.{RuntimeNames.MultipartForm.Json};");
        w.Line($"{RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckJsonSyntax}(payload, required: {(body.Required ? "true" : "false")});");
    }

    /// <summary>The validated fields (the schema's record) and the file parts, as the body's form record.</summary>
    private static void EmitMultipartFormBody(SourceWriter w, BodyModel body)
    {
        var formType = body.FormTypeName!;
        var read = $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ReadJson}(payload, {ClientEmitter.Reader(body.Type)})";
        var members = body.FormFields.Select(field =>
        {
            var wire = Text.Literal(field.WireName);
            var value = !field.IsFile ? $"content.{field.PropertyName}"
                : field.IsArray ? $"form.{RuntimeNames.MultipartForm.Files}({wire})"
                : $"form.{RuntimeNames.MultipartForm.File}({wire})";
            // The converter has checked that a required part is there: the form holds it.
            return $"{field.PropertyName} = {value}{(field.IsFile && !field.Nullable ? "!" : string.Empty)}";
        });
        var create = $"new {formType} {{ {string.Join(", ", members)} }}";
        if (body.Required)
        {
            w.Line($"var content = {read};");
            w.Line($"{formType} {body.Name} = {create};");
        }
        else
        {
            w.Line($"var content = payload.Length == 0 ? null : {read};");
            w.Line($"{formType}? {body.Name} = content is null ? null : {create};");
        }
    }

    /// <summary>
    /// A url-encoded body that is a union of objects: the form typed as each alternative types it, read by the union's
    /// converter in turn (docs/decisions.md, "Forms of unions").
    /// </summary>
    private static string FormUnionRead(BodyModel body) =>
        $"await {RuntimeNames.Server.Type}.{RuntimeNames.Server.ReadFormUnionAsync}(http, new string[] {{ {string.Join(", ", body.AlternativeShapes.Select(Text.Literal))} }}, {ClientEmitter.Reader(body.Type)}).ConfigureAwait(false)";
}
