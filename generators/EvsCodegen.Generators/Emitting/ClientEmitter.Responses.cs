using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>The client's whole-response methods and typed errors.</summary>
internal static partial class ClientEmitter
{
    /// <summary>
    /// The send call: the runtime's <c>SendAsync</c>, with the operation's declared error bodies when it has any
    /// (each read as <c>ApiException&lt;TError&gt;</c>) and the headers when the caller wants the whole response.
    /// </summary>
    /// <param name="context">The document.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="readHeaders">The <c>readHeaders</c> argument: <c>true</c>, <c>false</c> or the shared request method's parameter.</param>
    private static string SendExpression(ApiContextModel context, OperationModel operation, string readHeaders)
    {
        var errors = ErrorReaders(operation);
        // The credential a token provider gave, when the call sends one: the runtime asks for a new token after a 401.
        var credential = SecuritySendsCredentials(context, operation.Security) ? "credential, " : string.Empty;
        var arguments = errors is null && readHeaders == "false"
            ? $"_httpClient, request, {RuntimeEmitter.FaultsTable}, {credential}cancellationToken"
            : $"_httpClient, request, {RuntimeEmitter.FaultsTable}, {credential}{errors ?? "null"}, {(readHeaders == ReservedNames.ReadHeadersParameter ? readHeaders : "readHeaders: " + readHeaders)}, cancellationToken";
        return $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.SendAsync}({arguments})";
    }

    /// <summary>
    /// A function from the exception of an error answer to the one to throw: the declared body of its status (exact,
    /// then <c>4XX</c>/<c>5XX</c>, then <c>default</c>) read as its type; null when the operation declares no error body.
    /// </summary>
    private static string? ErrorReaders(OperationModel operation)
    {
        if (!operation.Responses.Any(r => r.IsDeclaredError))
        {
            return null;
        }

        var arms = ErrorArms(operation).Select(arm => $"{arm.Pattern} => {(arm.Response.IsDeclaredError ? DeclaredErrorRead(operation, arm.Response) : "error")}, ");
        var fallback = operation.Responses.Any(r => r.Status == "default") ? string.Empty : "_ => error ";
        return $"static error => error.StatusCode switch {{ {string.Concat(arms)}{fallback}}}";
    }

    /// <summary>The read of a declared error body: JSON by its reader, XML transcoded through its shape first.</summary>
    private static string DeclaredErrorRead(OperationModel operation, ResponseModel response) => response.Encoding == BodyEncoding.Xml && response.Xml is { } xml
        ? $"{RuntimeNames.XmlClient.Type}.{RuntimeNames.XmlClient.DeclaredXmlError}<{ReadType(response)}>(error, {Text.Literal(xml.Shape)}, {BodyReader(operation, response)}, {RuntimeEmitter.FaultsTable})"
        : $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.DeclaredError}<{ReadType(response)}>(error, {BodyReader(operation, response)})";

    /// <summary>
    /// The error answers of an operation as switch arms on the status, most specific first: exact statuses, then
    /// ranges, then <c>default</c> (<c>_</c>). A status declared twice (<c>4XX</c> and <c>4xx</c>) keeps its first.
    /// </summary>
    internal static IEnumerable<(string Pattern, ResponseModel Response)> ErrorArms(OperationModel operation)
    {
        var errors = operation.Responses.Where(r => r.IsError).ToList();
        var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var response in errors.Where(r => r.StatusCode != 0).OrderBy(r => r.StatusCode)
            .Concat(errors.Where(r => r.StatusCode == 0 && r.Status != "default"))
            .Concat(errors.Where(r => r.Status == "default")))
        {
            if (!seen.Add(response.Status))
            {
                continue;
            }

            var digit = response.Status.Substring(0, 1);
            yield return (response.StatusCode != 0 ? Status(response) : response.Status == "default" ? "_" : $">= {digit}00 and <= {digit}99", response);
        }
    }

    private static string Status(ResponseModel response) => response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The whole-response method of an operation with a result type: the same request, the headers kept, and the body
    /// and headers read by the declared status; an undeclared status is an <c>ApiException</c>.
    /// </summary>
    private static void EmitWithResponse(SourceWriter w, ApiContextModel context, OperationModel operation)
    {
        if (operation.Result is not { } result)
        {
            return;
        }

        w.Line();
        w.Line("/// <inheritdoc/>");
        if (operation.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the OpenAPI document.\")]");
        }

        w.Open($"public async {CSharp.Task}<{result.TypeName}> {result.MethodName}{ReservedNames.AsyncSuffix}({Signatures.ParameterList(operation, defaults: true)})");
        EmitRequest(w, context, operation, disposesRequest: true);
        w.Line($"var response = await {SendExpression(context, operation, readHeaders: "true")}.ConfigureAwait(false);");
        EmitResponseSwitch(w, operation, result);
        w.Close();
    }

    /// <summary>The switch on <c>response.StatusCode</c> returning <paramref name="result"/>'s case of each declared status; an undeclared one throws.</summary>
    private static void EmitResponseSwitch(SourceWriter w, OperationModel operation, ResultModel result)
    {
        w.Open("switch (response.StatusCode)");

        // Exact statuses before the 2XX range, which would otherwise take them.
        foreach (var @case in result.Cases.OrderBy(c => c.Response.StatusCode == 0 ? 1 : 0))
        {
            var response = @case.Response;
            w.Line(response.StatusCode == 0 ? "case >= 200 and <= 299:" : $"case {Status(response)}:");
            var assignments = new List<string>();
            if (@case.BodyProperty is { } body)
            {
                // The whole-response method reads the body within the client's limit; the body method streams it.
                assignments.Add($"{body} = {ReadBody(operation, response, $"{RuntimeNames.File.Type}.{RuntimeNames.File.FromBytes}(response.Body, response.MediaType)")}");
            }

            foreach (var (header, _) in ResultEmitter.Headers(result, response))
            {
                assignments.Add($"{header.PropertyName} = {ReadHeader(header)}");
            }

            w.Line($"    return new {result.TypeName}(response.StatusCode){(assignments.Count == 0 ? string.Empty : " { " + string.Join(", ", assignments) + " }")};");
        }

        w.Line("default:");
        w.Line($"    throw {RuntimeNames.Client.Type}.{RuntimeNames.Client.UndeclaredStatus}(response);");
        w.Close();
    }

    /// <summary>A header's value read as its type; null when absent or not of that type (the client is lenient).</summary>
    private static string ReadHeader(ResultHeaderModel header)
    {
        var client = RuntimeNames.Client.Type;
        var text = $"{client}.{RuntimeNames.Client.Header}(response, {Text.Literal(header.WireName)})";
        return header.Type.Kind switch
        {
            TypeRefKind.Boolean => $"{client}.{RuntimeNames.Client.HeaderBoolean}({text})",
            TypeRefKind.Int32 => $"{client}.{RuntimeNames.Client.HeaderInt32}({text})",
            TypeRefKind.Int64 => $"{client}.{RuntimeNames.Client.HeaderInt64}({text})",
            TypeRefKind.Float => $"(float?){client}.{RuntimeNames.Client.HeaderDouble}({text})",
            TypeRefKind.Double => $"{client}.{RuntimeNames.Client.HeaderDouble}({text})",
            TypeRefKind.Decimal => $"{client}.{RuntimeNames.Client.HeaderDecimal}({text})",
            TypeRefKind.DateTime => $"{client}.{RuntimeNames.Client.HeaderDateTime}({text}, {(header.Type.Format is null ? "null" : Text.Literal(header.Type.Format))})",
            TypeRefKind.Date => $"{client}.{RuntimeNames.Client.HeaderDate}({text})",
            TypeRefKind.Guid => $"{client}.{RuntimeNames.Client.HeaderGuid}({text})",
            TypeRefKind.Enum => $"{client}.{RuntimeNames.Client.HeaderEnum}<{header.Type.TypeName}>({text}, {header.Type.TypeName}.TryParse)",
            _ => text,
        };
    }
}
