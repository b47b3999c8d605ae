using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>The controller's whole-response answers and declared error bodies.</summary>
internal static partial class ServerEmitter
{
    /// <summary>
    /// Calls the whole-response method and writes the answer its status declares: headers, then the body with the
    /// declared encoding and media type. A status the operation does not declare cannot be built (the result type's
    /// factories are the declared ones); should one arrive anyway it is a 500.
    /// </summary>
    private static void EmitResultAnswer(SourceWriter w, ResultModel result, string arguments, string api)
    {
        w.Line($"var result = await {api}.{result.MethodName}{ReservedNames.AsyncSuffix}({arguments}).ConfigureAwait(false);");
        w.Open("switch (result.StatusCode)");

        // One numbering for the whole switch: its sections share one scope for pattern variables.
        var index = 0;
        foreach (var @case in result.Cases.OrderBy(c => c.Response.StatusCode == 0 ? 1 : 0))
        {
            var response = @case.Response;
            w.Line(response.StatusCode == 0 ? "case >= 200 and <= 299:" : $"case {response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)}:");
            foreach (var (header, _) in ResultEmitter.Headers(result, response))
            {
                var local = "header" + index++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                w.Line($"    {RuntimeNames.Server.Type}.{RuntimeNames.Server.SetHeader}(http, {Text.Literal(header.WireName)}, result.{header.PropertyName} is {{ }} {local} ? {ParameterText.Format(header.Type, local)} : null);");
            }

            if (@case.BodyProperty is { } body && response.Type is { } type)
            {
                var value = type.Nullable ? $"result.{body}" : CSharp.IsValueType(type) ? $"result.{body}!.Value" : $"result.{body}!";
                var write = response.Encoding switch
                {
                    BodyEncoding.Json or BodyEncoding.Xml when response.Xml is { } xml => XmlCode.ServerWrite(response, xml, "result.StatusCode", value, type),
                    BodyEncoding.Json => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.WriteJsonAsync}(http, result.StatusCode, {value}, {ClientEmitter.Writer(type)}{JsonMediaType(response)})",
                    BodyEncoding.Text => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.WriteAsync}(http, result.StatusCode, global::System.Text.Encoding.UTF8.GetBytes({value}), {Text.Literal(response.ContentType ?? "text/plain")})",
                    _ => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.WriteFileAsync}(http, result.StatusCode, {value}, {Text.Literal(response.ContentType ?? "application/octet-stream")})",
                };
                w.Line($"    await {write}.ConfigureAwait(false);");
            }
            else
            {
                w.Line("    http.Response.StatusCode = result.StatusCode;");
            }

            w.Line("    break;");
        }

        w.Line("default:");
        w.Line($"    throw new global::System.InvalidOperationException(\"{result.TypeName} holds a status the operation does not declare.\");");
        w.Close();
    }

    /// <summary>
    /// The extra argument of <c>WriteFailureAsync</c> for an operation that declares error bodies: a function writing
    /// an error in the shape its status declares (problem details, XML, or the declared type when the implementation threw
    /// <c>ApiException&lt;TError&gt;</c>), null for the statuses the fault table answers. Empty for other operations.
    /// </summary>
    private static string ErrorWriters(OperationModel operation)
    {
        if (!operation.Responses.Any(r => r.IsDeclaredError))
        {
            return string.Empty;
        }

        var server = RuntimeNames.Server.Type;
        var arms = ClientEmitter.ErrorArms(operation).Select(arm =>
        {
            var response = arm.Response;
            if (!response.IsDeclaredError)
            {
                return $"{arm.Pattern} => null, ";
            }

            // The type is spelled: it cannot be inferred from a converter's method group alone.
            var write = ClientEmitter.Writer(response.Type!);
            var type = CSharp.TypeOf(response.Type!, response.Type!.Nullable);
            if (response.Encoding == BodyEncoding.Xml && response.Xml is { } xml)
            {
                // XML only: the typed body, or the fault table's error (the server's own answers too), as XML.
                return $"{arm.Pattern} => {server}.{RuntimeNames.XmlServer.WriteDeclaredXmlAsync}<{type}>(answer, error, {write}, {Text.Literal(xml.Shape)}, {Text.Literal(xml.MediaType)}, {FaultsTable}), ";
            }

            return IsProblem(response.ContentType)
                ? $"{arm.Pattern} => {server}.{RuntimeNames.Server.WriteProblemAsync}<{type}>(answer, error, {write}), "
                : $"{arm.Pattern} => {server}.{RuntimeNames.Server.WriteDeclaredAsync}<{type}>(answer, error, {write}, {Text.Literal(response.ContentType!)}), ";
        });
        var fallback = operation.Responses.Any(r => r.Status == "default") ? string.Empty : "_ => null ";
        return $", static (answer, error) => error.StatusCode switch {{ {string.Concat(arms)}{fallback}}}";
    }

    private static bool IsProblem(string? mediaType) =>
        mediaType is not null && mediaType.Split(';')[0].Trim().Equals("application/problem+json", System.StringComparison.OrdinalIgnoreCase);
}
