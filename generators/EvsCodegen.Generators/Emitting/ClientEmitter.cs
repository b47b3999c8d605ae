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
            if (SharesRequest(operation))
            {
                EmitSharedOperation(w, context, operation);
            }
            else
            {
                EmitOperation(w, context, operation);
                EmitWithResponse(w, context, operation);
            }

            EmitBodyReaders(w, operation);
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitOperation(SourceWriter w, ApiContextModel context, OperationModel operation)
    {
        w.Line("/// <inheritdoc/>");
        if (operation.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the OpenAPI document.\")]");
        }

        if (EmitStreamedOperation(w, context, operation))
        {
            return;
        }

        // A call that sends credentials awaits them; the others return the runtime's task (no state machine of their own).
        var awaits = SecuritySendsCredentials(context, operation.Security);
        w.Open($"public {(awaits ? "async " : string.Empty)}{Signatures.TaskType(operation)} {operation.MethodName}Async({Signatures.ParameterList(operation, defaults: true)})");
        EmitRequest(w, context, operation, disposesRequest: awaits);

        // The runtime owns redirects, body limits and error answers: every non-success answer is an ApiException there.
        var send = SendExpression(context, operation, readHeaders: "false");
        if (!awaits && operation.Success?.Type is null)
        {
            w.Line($"return {send};");
        }
        else if (!awaits)
        {
            w.Line($"var answer = {send};");
            w.Line($"return {Continuation(operation, "answer")};");
        }
        else if (operation.Success is { Type: not null } success)
        {
            w.Line($"var response = await {send}.ConfigureAwait(false);");
            w.Line($"return {ReadResult(operation, success)};");
        }
        else
        {
            w.Line($"await {send}.ConfigureAwait(false);");
        }

        w.Close();
    }

    /// <summary>
    /// The body method's result from the task of its answer, <paramref name="send"/>: the task itself when there is no
    /// body, else the runtime's continuation reading it.
    /// </summary>
    private static string Continuation(OperationModel operation, string send) => operation.Success switch
    {
        { Type: null } or null => send,
        { Encoding: BodyEncoding.Json, Xml: null } success => $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.ReadJsonAsync}<{ReadType(success)}>({send}, {BodyReader(operation, success)})",
        var success => $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.ReadAsync}<{ReadType(success)}>({send}, static response => {ReadResult(operation, success)})",
    };

    /// <summary>The statements building the request of <paramref name="operation"/>: arguments checked, parameters, credentials, URI and body.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="context">The document.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="disposesRequest">Whether the method disposes the request itself (it awaits the send); else the runtime's send does.</param>
    private static void EmitRequest(SourceWriter w, ApiContextModel context, OperationModel operation, bool disposesRequest)
    {
        foreach (var argument in Signatures.Arguments(operation).Where(a => !a.Optional && !a.Type.EndsWith("?", System.StringComparison.Ordinal) && !IsValueTypeArgument(a)))
        {
            w.Line($"global::System.ArgumentNullException.ThrowIfNull({argument.Name});");
        }

        // The query list exists only when something can go in it: a query parameter or a query API key.
        var query = SecurityUsesQuery(context, operation.Security) || operation.Parameters.Any(p => p.Location == ParameterLocation.Query);
        var credentials = SecuritySendsCredentials(context, operation.Security);
        if (query)
        {
            // A styled query parameter writes pairs already escaped, so its delimiters stay literal (ApiQuery).
            w.Line(operation.Parameters.Any(p => p.Location == ParameterLocation.Query && p.Encoding is { IsJson: false })
                ? $"var query = new {RuntimeNames.Client.Query}();"
                : "var query = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();");
        }

        w.Line($"{(disposesRequest ? "using " : string.Empty)}var request = new global::System.Net.Http.HttpRequestMessage({Method(operation.HttpMethod)}, (global::System.Uri?)null);");
        foreach (var parameter in operation.Parameters.Where(p => p.Location != ParameterLocation.Path))
        {
            EmitParameter(w, parameter);
        }

        if (credentials)
        {
            w.Line($"var credential = await _options.{ReservedNames.ApplyCredentials}(_httpClient, request, {(query ? "query" : "null")}, {operation.Security.ToString(System.Globalization.CultureInfo.InvariantCulture)}, cancellationToken).ConfigureAwait(false);");
        }

        // Without a BaseAddress on the HttpClient, the document's absolute server URL is the address (docs/decisions.md).
        var serverUrl = context.Server?.AbsoluteUrl is { } url ? ", " + Text.Literal(url) : string.Empty;
        w.Line($"request.RequestUri = {RuntimeNames.Client.Type}.{RuntimeNames.Client.BuildUri}(_httpClient, {PathExpression(operation)}, {(query ? "query" : "null")}{serverUrl});");
        if (operation.Body is { } body)
        {
            EmitBody(w, body);
        }

        if (XmlCode.Accept(operation) is { } accept)
        {
            // An answer declared as XML: the server is told what the client reads, JSON first where both are declared.
            w.Line($"request.Headers.TryAddWithoutValidation(\"Accept\", {Text.Literal(accept)});");
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
            parts.Add(parameter.Encoding is { } encoding ? ParameterText.StyledText(parameter, encoding, parameter.Name, escape: true) : $"global::System.Uri.EscapeDataString({FormatValue(parameter.Type, parameter.Name)})");
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
        if (parameter.Encoding is { } encoding)
        {
            // Objects, other styles and JSON content: the value's JSON, written in its style by the runtime.
            w.Line(parameter.Location switch
            {
                ParameterLocation.Query when !encoding.IsJson => $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.AddQuery}(query, {wire}, {ParameterText.Json(parameter, value)}, {ParameterText.Style(encoding)}, {(parameter.Explode ? "true" : "false")});",
                ParameterLocation.Query => $"query.Add(new({wire}, {ParameterText.StyledText(parameter, encoding, value, escape: false)}));",
                ParameterLocation.Header => $"request.Headers.TryAddWithoutValidation({wire}, {ParameterText.StyledText(parameter, encoding, value, escape: false)});",
                _ => $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.AddCookie}(request, {wire}, {ParameterText.StyledText(parameter, encoding, value, escape: false)});",
            });
        }
        else
        {
            EmitPlainParameter(w, parameter, wire, value);
        }

        if (nullable)
        {
            w.Close();
        }
    }

    private static void EmitPlainParameter(SourceWriter w, ParameterModel parameter, string wire, string value)
    {
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
    }

    private static void EmitBody(SourceWriter w, BodyModel body)
    {
        // A required JSON body whose schema allows null is always sent: null travels as the JSON literal `null`.
        var sendsNull = body.Required && body.Type.Nullable && body.Encoding == BodyEncoding.Json;
        var mayBeNull = CSharp.MayBeNull(body.Type, body.Required) && !sendsNull;
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
                // The body's JSON as fields: nested values as bracket keys, each property in its encoding (runtime FormBody).
                w.Line($"request.Content = {RuntimeNames.Client.Type}.{RuntimeNames.Client.FormBody}({RuntimeNames.Value.Type}.{RuntimeNames.Value.Serialize}({value}, {Writer(body.Type)}), {Text.Literal(body.Shape ?? "{\"root\":\"any\"}")}, {mediaType});");
                break;
            case BodyEncoding.Multipart:
                EmitMultipart(w, body, value);
                break;
            case BodyEncoding.Xml when body.Xml is { } xml:
                w.Line($"request.Content = {XmlCode.ClientBody(body, xml, value)};");
                break;
            default:
                // Sent from the caller's stream as it is read, never buffered; the caller keeps the stream.
                w.Line($"request.Content = {RuntimeNames.Client.Type}.{RuntimeNames.Client.StreamBody}({value}, {mediaType});");
                break;
        }

        if (mayBeNull)
        {
            w.Close();
        }
    }

    /// <summary>
    /// The body's properties as multipart parts: scalars as text parts, bytes as file parts named after the field, each
    /// with a quoted <c>Content-Disposition</c> name written by the runtime (RFC 7578).
    /// </summary>
    private static void EmitMultipart(SourceWriter w, BodyModel body, string value)
    {
        w.Line("var form = new global::System.Net.Http.MultipartFormDataContent();");
        EmitFields(w, body, value, MultipartPart);
        w.Line("request.Content = form;");
    }

    /// <summary>
    /// The statement adding one value of a multipart field: a JSON part (an object, or an <c>encoding</c> with a JSON
    /// media type), a file part (the <c>encoding</c>'s media type when the file names none), or a text part.
    /// </summary>
    private static string MultipartPart(FormFieldModel field, string wire, string e)
    {
        var contentType = field.ContentType is { } declared ? Text.Literal(declared) : "null";
        return field.IsJson ? $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.AddFormJson}(form, {wire}, {RuntimeNames.Value.Type}.{RuntimeNames.Value.Serialize}({e}, {Writer(field.Type)}), {contentType});"
            : field.IsBase64 ? $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.AddFormText}(form, {wire}, global::System.Convert.ToBase64String({e}));"
            : field.Type.Kind != TypeRefKind.Bytes ? $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.AddFormText}(form, {wire}, {ParameterText.Format(field.Type, e)});"
            : field.ContentType is null ? $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.AddFormFile}(form, {wire}, {e});"
            : $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.AddFormFile}(form, {wire}, {e}, {contentType});";
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

    /// <summary>The success body of <paramref name="operation"/> read from <c>response</c> as its method's result.</summary>
    private static string ReadResult(OperationModel operation, ResponseModel success) => ReadBody(operation, success, "response.Body");

    /// <summary>
    /// The body of <paramref name="response"/> read from <c>response</c>: JSON or XML as its type, text as a string, and
    /// other bytes as <paramref name="bytes"/> (the body method's raw bytes, the whole-response method's <c>ApiFile</c>).
    /// </summary>
    private static string ReadBody(OperationModel operation, ResponseModel response, string bytes) => response.Encoding switch
    {
        BodyEncoding.Json or BodyEncoding.Xml when response.Xml is { } xml => XmlCode.ClientRead(response, xml, Reader(response.Type!)),
        BodyEncoding.Json => ReadJson(operation, response),
        BodyEncoding.Text => "global::System.Text.Encoding.UTF8.GetString(response.Body)",
        _ => bytes,
    };

    /// <summary>A write delegate for a value of <paramref name="type"/>: a converter method group or a lambda.</summary>
    internal static string Writer(TypeRefModel type)
    {
        if (type.Kind is TypeRefKind.Object or TypeRefKind.Enum && !type.Nullable)
        {
            return CSharp.WriteValueOf(type);
        }

        var body = new SourceWriter();
        JsonCode.Write(body, type, "value", type.Nullable, 0);
        return $"static ({CSharp.Utf8JsonWriter} writer, {CSharp.TypeOf(type, type.Nullable)} value) =>\n{{\n{Indent(body.ToString())}}}";
    }

    /// <summary>A read delegate for a value of <paramref name="type"/> (the server's reads and XML bodies; the client names its JSON read methods).</summary>
    internal static string Reader(TypeRefModel type, ConstraintsModel? constraints = null)
    {
        if (type.Kind is TypeRefKind.Object or TypeRefKind.Enum && !type.Nullable)
        {
            return CSharp.ReadValueOf(type);
        }

        // A lambda has no class to hold compiled patterns: the runtime caches them by their text.
        var body = new SourceWriter();
        body.Line($"{CSharp.TypeOf(type, type.Nullable)} result;");
        new JsonCode(cachedPatterns: true).Read(body, type, constraints ?? ConstraintsModel.None, "result", 0);
        body.Line("return result;");
        return $"static (ref {CSharp.Utf8JsonReader} reader, {RuntimeNames.Reader.Type} context) =>\n{{\n{Indent(body.ToString())}}}";
    }

    private static string Indent(string text) =>
        string.Join("\n", text.TrimEnd('\n').Split('\n').Select(line => line.Length == 0 ? line : "    " + line)) + "\n";
}
