using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>Emits a typed <c>HttpClient</c> client implementing a surface's contract.</summary>
internal static partial class ClientEmitter
{
    public static string Emit(ApiContextModel context, SurfaceModel surface)
    {
        var w = SourceWriter.ForFile(context);
        w.Line($"/// <summary>Calls {Text.Inline(context.Title)} over HTTP. Set <c>HttpClient.BaseAddress</c> to the server's root.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} sealed partial class {surface.ClientName} : {surface.InterfaceName}");
        w.Line("private readonly global::System.Net.Http.HttpClient _httpClient;");
        w.Line("private readonly ApiClientOptions _options;");
        w.Line();
        w.Line("/// <summary>Creates a client over <paramref name=\"httpClient\"/> with default options.</summary>");
        w.Line("/// <param name=\"httpClient\">The HTTP client; its <c>BaseAddress</c> is the server's root.</param>");
        w.Line($"public {surface.ClientName}(global::System.Net.Http.HttpClient httpClient)");
        w.Line("    : this(httpClient, new ApiClientOptions())");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>Creates a client over <paramref name=\"httpClient\"/> with <paramref name=\"options\"/> (credentials sent on every call).</summary>");
        w.Line("/// <param name=\"httpClient\">The HTTP client; its <c>BaseAddress</c> is the server's root.</param>");
        w.Line("/// <param name=\"options\">Credentials and other settings.</param>");
        w.Open($"public {surface.ClientName}(global::System.Net.Http.HttpClient httpClient, ApiClientOptions options)");
        w.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
        w.Line("_options = options ?? throw new global::System.ArgumentNullException(nameof(options));");
        w.Close();
        foreach (var operation in surface.Operations)
        {
            w.Line();
            EmitOperation(w, operation, context.ApiKeys.Any(k => k.In == "query"));
            EmitWithResponse(w, operation, context.ApiKeys.Any(k => k.In == "query"));
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitOperation(SourceWriter w, OperationModel operation, bool queryKeys)
    {
        w.Line("/// <inheritdoc/>");
        if (operation.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the OpenAPI document.\")]");
        }

        w.Open($"public async {Signatures.TaskType(operation)} {operation.MethodName}Async({Signatures.ParameterList(operation, defaults: true)})");
        EmitRequest(w, operation, queryKeys);

        // The runtime owns redirects, body limits and error answers: every non-success answer is an ApiException there.
        var send = SendCall(operation, readHeaders: false);
        w.Line(operation.Success?.Type is null ? send : "var response = " + send);
        EmitResult(w, operation);
        w.Close();
    }

    /// <summary>The statements building the request of <paramref name="operation"/>: arguments checked, parameters, credentials, URI and body.</summary>
    private static void EmitRequest(SourceWriter w, OperationModel operation, bool queryKeys)
    {
        foreach (var argument in Signatures.Arguments(operation).Where(a => !a.Optional && !a.Type.EndsWith("?", System.StringComparison.Ordinal) && !IsValueTypeArgument(a)))
        {
            w.Line($"global::System.ArgumentNullException.ThrowIfNull({argument.Name});");
        }

        // The query list exists only when something can go in it: a query parameter or a query API key.
        var query = queryKeys || operation.Parameters.Any(p => p.Location == ParameterLocation.Query);
        if (query)
        {
            w.Line("var query = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();");
        }

        w.Line($"using var request = new global::System.Net.Http.HttpRequestMessage({Method(operation.HttpMethod)}, (global::System.Uri?)null);");
        foreach (var parameter in operation.Parameters.Where(p => p.Location != ParameterLocation.Path))
        {
            EmitParameter(w, parameter);
        }

        w.Line($"_options.Apply(request, {(query ? "query" : "null")});");
        w.Line($"request.RequestUri = {RuntimeNames.Client.Type}.{RuntimeNames.Client.BuildUri}(_httpClient, {PathExpression(operation)}, {(query ? "query" : "null")});");
        if (operation.Body is { } body)
        {
            EmitBody(w, body);
        }
    }

    /// <summary>The shared <c>HttpMethod</c> instance for standard methods (no allocation per call).</summary>
    private static string Method(string method) => method switch
    {
        "GET" or "PUT" or "POST" or "DELETE" or "HEAD" or "OPTIONS" or "TRACE" or "PATCH" =>
            "global::System.Net.Http.HttpMethod." + method.Substring(0, 1) + method.Substring(1).ToLowerInvariant(),
        _ => $"new global::System.Net.Http.HttpMethod({Text.Literal(method)})",
    };

    private static bool IsValueTypeArgument(Signatures.Argument argument) =>
        argument.Parameter is { } p ? CSharp.IsValueType(p.Type) : argument.Body is { } b && CSharp.IsValueType(b.Type);

    private static string PathExpression(OperationModel operation)
    {
        var parts = new System.Collections.Generic.List<string>();
        foreach (var segment in PathTemplate.Segments(operation.Path.TrimStart('/')))
        {
            if (!segment.IsParameter)
            {
                parts.Add(Text.Literal(segment.Text));
                continue;
            }

            var parameter = operation.Parameters.First(p => p.Location == ParameterLocation.Path && p.WireName == segment.Text);
            parts.Add($"global::System.Uri.EscapeDataString({FormatValue(parameter.Type, parameter.Name)})");
        }

        return parts.Count == 0 ? "\"\"" : string.Join(" + ", parts);
    }

    private static string FormatValue(TypeRefModel type, string e) => type.Kind == TypeRefKind.Array
        ? $"string.Join(\",\", global::System.Linq.Enumerable.Select({e}, static item => {ParameterText.Format(type.Item!, "item")}))"
        : ParameterText.Format(type, e);

    private static void EmitParameter(SourceWriter w, ParameterModel parameter)
    {
        var nullable = CSharp.MayBeNull(parameter.Type, parameter.Required);
        var value = nullable && CSharp.IsValueType(parameter.Type) ? parameter.Name + ".Value" : parameter.Name;
        if (nullable)
        {
            w.Open($"if ({parameter.Name} is not null)");
        }

        var wire = Text.Literal(parameter.WireName);
        switch (parameter.Location)
        {
            case ParameterLocation.Query when parameter.Type.Kind == TypeRefKind.Array && parameter.Explode:
                w.Open($"foreach (var item in {value})");
                w.Line($"query.Add(new({wire}, {ParameterText.Format(parameter.Type.Item!, "item")}));");
                w.Close();
                break;
            case ParameterLocation.Query:
                w.Line($"query.Add(new({wire}, {FormatValue(parameter.Type, value)}));");
                break;
            case ParameterLocation.Header:
                w.Line($"request.Headers.TryAddWithoutValidation({wire}, {FormatValue(parameter.Type, value)});");
                break;
            case ParameterLocation.Cookie:
                w.Line($"{RuntimeNames.Client.Type}.{RuntimeNames.Client.AddCookie}(request, {wire}, {FormatValue(parameter.Type, value)});");
                break;
        }

        if (nullable)
        {
            w.Close();
        }
    }

    private static void EmitBody(SourceWriter w, BodyModel body)
    {
        var mayBeNull = CSharp.MayBeNull(body.Type, body.Required);
        if (mayBeNull)
        {
            w.Open($"if ({body.Name} is not null)");
        }

        var value = mayBeNull && CSharp.IsValueType(body.Type) ? body.Name + ".Value" : body.Name;
        var mediaType = Text.Literal(body.ContentType);
        switch (body.Encoding)
        {
            case BodyEncoding.Json:
                w.Line($"request.Content = {RuntimeNames.Client.Type}.{RuntimeNames.Client.Bytes}({RuntimeNames.Value.Type}.{RuntimeNames.Value.Serialize}({value}, {Writer(body.Type)}), {mediaType});");
                break;
            case BodyEncoding.Text:
                w.Line($"request.Content = {RuntimeNames.Client.Type}.{RuntimeNames.Client.Bytes}(global::System.Text.Encoding.UTF8.GetBytes({value}), {mediaType});");
                break;
            case BodyEncoding.Form:
                EmitForm(w, body, value);
                break;
            case BodyEncoding.Multipart:
                EmitMultipart(w, body, value);
                break;
            default:
                w.Line($"request.Content = {RuntimeNames.Client.Type}.{RuntimeNames.Client.Bytes}({value}, {mediaType});");
                break;
        }

        if (mayBeNull)
        {
            w.Close();
        }
    }

    /// <summary>The body's properties as form fields: each non-null value, arrays as repeated fields.</summary>
    private static void EmitForm(SourceWriter w, BodyModel body, string value)
    {
        w.Line("var form = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();");
        EmitFields(w, body, value, (field, wire, e) => $"form.Add(new({wire}, {ParameterText.Format(field.Type, e)}));");
        w.Line("request.Content = new global::System.Net.Http.FormUrlEncodedContent(form);");
    }

    /// <summary>The body's properties as multipart parts: scalars as text parts, bytes as file parts named after the field.</summary>
    private static void EmitMultipart(SourceWriter w, BodyModel body, string value)
    {
        w.Line("var form = new global::System.Net.Http.MultipartFormDataContent();");
        EmitFields(w, body, value, (field, wire, e) => field.Type.Kind == TypeRefKind.Bytes
            ? $"form.Add(new global::System.Net.Http.ByteArrayContent({e}), {wire}, {wire});"
            : $"form.Add(new global::System.Net.Http.StringContent({ParameterText.Format(field.Type, e)}), {wire});");
        w.Line("request.Content = form;");
    }

    /// <summary>One statement per value of each form field: skipped when null, repeated for arrays.</summary>
    private static void EmitFields(SourceWriter w, BodyModel body, string value, System.Func<FormFieldModel, string, string, string> add)
    {
        var index = 0;
        foreach (var field in body.FormFields)
        {
            var wire = Text.Literal(field.WireName);
            var access = $"{value}.{field.PropertyName}";
            if (field.IsArray)
            {
                w.Open($"foreach (var item in {access}{(field.Nullable ? " ?? []" : string.Empty)})");
                w.Line(add(field, wire, "item"));
                w.Close();
            }
            else if (field.Nullable || !CSharp.IsValueType(field.Type))
            {
                var local = "field" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                w.Open($"if ({access} is {{ }} {local})");
                w.Line(add(field, wire, local));
                w.Close();
            }
            else
            {
                w.Line(add(field, wire, access));
            }

            index++;
        }
    }

    private static void EmitResult(SourceWriter w, OperationModel operation)
    {
        if (operation.Success?.Type is not { } type)
        {
            return;
        }

        switch (operation.Success.Encoding)
        {
            case BodyEncoding.Json:
                w.Line($"return {RuntimeNames.Client.Type}.{RuntimeNames.Client.ReadJson}(response, {Reader(type)});");
                break;
            case BodyEncoding.Text:
                w.Line("return global::System.Text.Encoding.UTF8.GetString(response.Body);");
                break;
            default:
                w.Line("return response.Body;");
                break;
        }
    }

    /// <summary>A write delegate for a value of <paramref name="type"/>: a converter method group or a lambda.</summary>
    internal static string Writer(TypeRefModel type)
    {
        if (type.Kind is TypeRefKind.Object or TypeRefKind.Enum && !type.Nullable)
        {
            return CSharp.ConverterOf(type.TypeName!) + ".WriteValue";
        }

        var body = new SourceWriter();
        JsonCode.Write(body, type, "value", type.Nullable, 0);
        return $"static ({CSharp.Utf8JsonWriter} writer, {CSharp.TypeOf(type, type.Nullable)} value) =>\n{{\n{Indent(body.ToString())}}}";
    }

    /// <summary>A read delegate for a value of <paramref name="type"/>.</summary>
    internal static string Reader(TypeRefModel type)
    {
        if (type.Kind is TypeRefKind.Object or TypeRefKind.Enum && !type.Nullable)
        {
            return CSharp.ConverterOf(type.TypeName!) + ".ReadValue";
        }

        var body = new SourceWriter();
        body.Line($"{CSharp.TypeOf(type, type.Nullable)} result;");
        new JsonCode().Read(body, type, ConstraintsModel.None, "result", 0);
        body.Line("return result;");
        return $"static (ref {CSharp.Utf8JsonReader} reader, {RuntimeNames.Reader.Type} context) =>\n{{\n{Indent(body.ToString())}}}";
    }

    private static string Indent(string text) =>
        string.Join("\n", text.TrimEnd('\n').Split('\n').Select(line => line.Length == 0 ? line : "    " + line)) + "\n";
}
