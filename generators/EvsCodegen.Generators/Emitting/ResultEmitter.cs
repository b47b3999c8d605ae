using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// Emits the whole-response surface of the operations that have one (<see cref="OperationModel.Result"/>): one result
/// type per operation, with one factory per declared success answer, and the contract method returning it, whose
/// default answers the body method's result with its status. The client and the controller use both
/// (<c>ClientEmitter.Responses</c>, <c>ServerEmitter.Responses</c>).
/// </summary>
internal static class ResultEmitter
{
    /// <summary>Whether any operation of the surface has a result type (the file is emitted only then).</summary>
    public static bool HasResults(SurfaceModel surface) => surface.Operations.Any(o => o.Result is not null);

    /// <summary>The result types of a surface's operations, in operation order.</summary>
    public static string Emit(ApiContextModel context, SurfaceModel surface)
    {
        var w = SourceWriter.ForFile(context);
        var first = true;
        foreach (var operation in surface.Operations)
        {
            if (operation.Result is not { } result)
            {
                continue;
            }

            if (!first)
            {
                w.Line();
            }

            first = false;
            EmitType(w, context, operation, result);
        }

        return w.ToString();
    }

    private static void EmitType(SourceWriter w, ApiContextModel context, OperationModel operation, ResultModel result)
    {
        w.Line($"/// <summary>Every declared success answer of <c>{Text.Inline(operation.OperationId)}</c> ({operation.HttpMethod} {Text.Inline(operation.Path)}): status, headers and body. Built with one factory per status.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} sealed partial class {result.TypeName}");
        w.Line($"internal {result.TypeName}(int statusCode) => {ReservedNames.ResultStatusCode} = statusCode;");
        w.Line();
        w.Line("/// <summary>The HTTP status.</summary>");
        w.Line($"public int {ReservedNames.ResultStatusCode} {{ get; }}");
        foreach (var body in result.Cases.Where(c => c.BodyProperty is not null).GroupBy(c => c.BodyProperty))
        {
            var statuses = string.Join(", ", body.Select(c => c.Response.Status == "default" ? "successful (default)" : c.Response.Status));
            w.Line();
            w.Line($"/// <summary>The body of a {Text.Inline(statuses)} answer; null for the other statuses.</summary>");
            w.Line($"public {Signatures.ResponseBodyType(body.First().Response, true)} {body.Key} {{ get; internal init; }}");
        }

        foreach (var header in result.Headers)
        {
            w.Line();
            w.Line($"/// <summary>The <c>{Text.Inline(header.WireName)}</c> header{(string.IsNullOrWhiteSpace(header.Description) ? string.Empty : ": " + Text.Inline(header.Description).TrimEnd('.', ' '))}; null when not sent.</summary>");
            w.Line($"public {CSharp.TypeOf(header.Type, true)} {header.PropertyName} {{ get; internal init; }}");
        }

        foreach (var @case in result.Cases)
        {
            w.Line();
            EmitFactory(w, result, @case);
        }

        w.Line();
        var primary = result.Cases[0];
        var parameter = primary.BodyProperty is null ? string.Empty : $"{Signatures.ResponseBodyType(primary.Response, primary.Response.Type!.Nullable)} body";
        var initializer = primary.BodyProperty is null ? string.Empty : $" {{ {primary.BodyProperty} = body }}";
        w.Line($"internal static {result.TypeName} {ReservedNames.ResultFromBody}({parameter}) => new({Status(primary.Response)}){initializer};");
        w.Close();
    }

    private static void EmitFactory(SourceWriter w, ResultModel result, ResultCaseModel @case)
    {
        var response = @case.Response;
        var range = response.StatusCode == 0;
        var headers = Headers(result, response).ToList();
        var parameters = new List<string>();
        var assignments = new List<string>();
        w.Line(Text.Summary(response.Description, response.Status == "default" ? "A successful answer (the document's default)." : $"A {response.Status} answer."));
        if (range)
        {
            w.Line("/// <param name=\"statusCode\">The status, from 200 to 299.</param>");
            parameters.Add("int statusCode");
        }

        if (@case.BodyProperty is { } bodyProperty)
        {
            w.Line("/// <param name=\"body\">The body.</param>");
            parameters.Add($"{Signatures.ResponseBodyType(response, response.Type!.Nullable)} body");
            assignments.Add($"{bodyProperty} = body");
        }

        // Required headers first and non-null; optional ones last, null when not sent.
        foreach (var (header, required) in headers.OrderBy(h => h.Required ? 0 : 1))
        {
            w.Line($"/// <param name=\"{header.ParameterName.TrimStart('@')}\">The <c>{Text.Inline(header.WireName)}</c> header{(required ? string.Empty : "; null sends none")}.</param>");
            parameters.Add($"{CSharp.TypeOf(header.Type, !required)} {header.ParameterName}{(required ? string.Empty : " = null")}");
            assignments.Add($"{header.PropertyName} = {header.ParameterName}");
        }

        w.Line("/// <returns>The answer.</returns>");
        var construct = $"new({(range ? "statusCode" : Status(response))}){(assignments.Count == 0 ? string.Empty : " { " + string.Join(", ", assignments) + " }")}";
        if (range)
        {
            // Every case is a success answer: the 2XX range, or default standing for it when no 2xx is declared.
            construct = $"statusCode is >= 200 and <= 299 ? {construct} : throw new global::System.ArgumentOutOfRangeException(nameof(statusCode), statusCode, \"The status must be a 2xx status.\")";
        }

        w.Line($"public static {result.TypeName} {@case.FactoryName}({string.Join(", ", parameters)}) => {construct};");
    }

    /// <summary>The result's headers that <paramref name="response"/> declares, with whether it requires each.</summary>
    public static IEnumerable<(ResultHeaderModel Header, bool Required)> Headers(ResultModel result, ResponseModel response) =>
        result.Headers.Select(h => (h, Declared: response.Headers.FirstOrDefault(d => string.Equals(d.WireName, h.WireName, System.StringComparison.OrdinalIgnoreCase))))
            .Where(p => p.Declared is not null)
            .Select(p => (p.h, p.Declared!.Required));

    /// <summary>The status the default whole-response method and the exact factories answer with (200 for a <c>2XX</c> range or a <c>default</c> success answer).</summary>
    public static string Status(ResponseModel response) =>
        (response.StatusCode == 0 ? 200 : response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The contract's whole-response method: by default the body method's result with its status and no headers, so a
    /// backend written for the body method keeps working; a backend implements it to answer another declared status or headers.
    /// </summary>
    public static void EmitContractMethod(SourceWriter w, OperationModel operation)
    {
        if (operation.Result is not { } result)
        {
            return;
        }

        w.Line();
        var summary = operation.Summary ?? operation.Description;
        w.Line($"/// <summary>{(summary is null ? $"{operation.HttpMethod} {Text.Inline(operation.Path)}" : Text.Inline(summary))}: the whole answer (status, headers, body).</summary>");
        w.Line($"/// <remarks>By default, the result of <see cref=\"{operation.MethodName}{ReservedNames.AsyncSuffix}\"/> as a {(result.Cases[0].Response.Status == "default" ? Status(result.Cases[0].Response) : Text.Inline(result.Cases[0].Response.Status))} answer without headers; implement it to answer any declared status and headers.</remarks>");
        foreach (var argument in Signatures.Arguments(operation))
        {
            w.Line($"/// <param name=\"{argument.Name.TrimStart('@')}\">See <see cref=\"{operation.MethodName}{ReservedNames.AsyncSuffix}\"/>.</param>");
        }

        w.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        w.Line("/// <returns>The answer.</returns>");
        if (operation.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the OpenAPI document.\")]");
        }

        var arguments = string.Join(", ", Signatures.Arguments(operation).Select(a => a.Name).Concat(["cancellationToken"]));
        var call = $"await {operation.MethodName}{ReservedNames.AsyncSuffix}({arguments}).ConfigureAwait(false)";
        var signature = $"async {CSharp.Task}<{result.TypeName}> {result.MethodName}{ReservedNames.AsyncSuffix}({Signatures.ParameterList(operation, defaults: true)})";
        if (result.Cases[0].BodyProperty is null)
        {
            w.Open(signature);
            w.Line(call + ";");
            w.Line($"return {result.TypeName}.{ReservedNames.ResultFromBody}();");
            w.Close();
        }
        else
        {
            w.Line($"{signature} =>");
            w.Line($"    {result.TypeName}.{ReservedNames.ResultFromBody}({call});");
        }
    }
}
