using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// Emits an ASP.NET Core controller per surface. Each action checks the request against the document (media type,
/// JSON syntax, schema) and answers failures in the document's error envelope, then delegates to the contract.
/// </summary>
internal static partial class ServerEmitter
{
    public static string Emit(ApiContextModel context, SurfaceModel surface)
    {
        var w = SourceWriter.ForFile(context);
        w.Line($"/// <summary>Serves {Text.Inline(context.Title)} by delegating to an <see cref=\"{surface.InterfaceName}\"/> from dependency injection.</summary>");
        w.Line(CSharp.GeneratedCode);
        // Visible to ApiExplorer (MVC shows only controllers that opt in); the actions' attributes describe each operation.
        w.Line("[global::Microsoft.AspNetCore.Mvc.ApiExplorerSettings(IgnoreApi = false)]");
        w.Open($"{CSharp.Access(context)} sealed partial class {surface.ControllerName} : global::Microsoft.AspNetCore.Mvc.ControllerBase");
        w.Line($"private readonly {surface.InterfaceName} _api;");
        w.Line();
        w.Line("/// <summary>Creates the controller over the backend that implements the contract.</summary>");
        w.Line("/// <param name=\"api\">The backend.</param>");
        w.Line($"public {surface.ControllerName}({surface.InterfaceName} api) => _api = api ?? throw new global::System.ArgumentNullException(nameof(api));");
        foreach (var operation in surface.Operations)
        {
            w.Line();
            EmitAction(w, context, operation);
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitAction(SourceWriter w, ApiContextModel context, OperationModel operation)
    {
        var tokens = RouteTokens(operation);
        w.Line(Text.Summary(operation.Summary ?? operation.Description, $"{operation.HttpMethod} {Text.Inline(operation.Path)}"));
        w.Line("/// <returns>A task that completes when the answer is written.</returns>");
        w.Line($"[global::Microsoft.AspNetCore.Mvc.AcceptVerbs({Text.Literal(operation.HttpMethod)}, Route = {Text.Literal(RouteTemplate(context.Server?.BasePath ?? string.Empty, operation, tokens))})]");
        EmitSecurity(w, context, operation);
        EmitDescription(w, context, operation);
        w.Open($"public async {CSharp.Task} {operation.MethodName}Async()");
        w.Line("var http = HttpContext;");
        EmitHandlerBody(w, operation, tokens, "_api", $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.InterceptAsync}");
        w.Close();
    }

    /// <summary>
    /// The body of an operation's request handler, shared by the controller's action and the minimal-API endpoint
    /// (<see cref="MinimalApiEmitter"/>): with <c>http</c> in scope, it reads and checks the request, calls the contract
    /// through <paramref name="api"/> and writes the answer, and answers any failure in the document's error shape.
    /// <paramref name="intercept"/> is the method that runs the request interceptors (taking <c>http</c> and the operationId).
    /// A new kind of body or answer is one more branch here, and both flavours have it.
    /// </summary>
    internal static void EmitHandlerBody(SourceWriter w, OperationModel operation, Dictionary<string, string> tokens, string api, string intercept)
    {
        w.Open("try");
        if (operation.Body is { Encoding: BodyEncoding.Binary } streamed)
        {
            EmitStreamBodyCheck(w, streamed);
        }
        else if (operation.Body is { FormTypeName: not null } multipart)
        {
            EmitMultipartFormCheck(w, multipart);
        }
        else if (operation.Body is { Required: true, Xml: null, Encoding: BodyEncoding.Json } json && ParsesAhead(json))
        {
            // A required JSON body is read and parsed in one call, in the server's request buffers when they hold it whole.
            w.Line($"{RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckContentType}(http, {Text.Literal(json.ContentType)});");
            w.Line($"var parsed = await {RuntimeNames.Server.Type}.{RuntimeNames.Server.ReadJsonBodyAsync}(http, required: true, {ClientEmitter.Reader(json.Type, json.Constraints)}).ConfigureAwait(false);");
        }
        else if (operation.Body is { } body)
        {
            // The fields of a form become the JSON the schema's converter reads, so a form is validated exactly as JSON is.
            var read = body.Encoding == BodyEncoding.Form
                ? $"await {RuntimeNames.Server.Type}.{RuntimeNames.Server.ReadFormAsJsonAsync}(http, {Text.Literal(body.Shape ?? "{\"root\":\"any\"}")}).ConfigureAwait(false)"
                : body.Encoding.IsForm()
                ? $"await {RuntimeNames.Server.Type}.{RuntimeNames.Server.ReadFormAsJsonAsync}(http, {FormKinds(body)}).ConfigureAwait(false)"
                : $"await {RuntimeNames.Server.Type}.{RuntimeNames.Server.ReadBodyAsync}(http).ConfigureAwait(false)";
            if (body.Xml is { } xml)
            {
                // XML becomes the JSON the schema's converter reads, so an XML body is validated exactly as JSON is.
                w.Line($"var payload = {XmlCode.ServerRead(body, xml)};");
            }
            else if (body.Required)
            {
                w.Line($"{RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckContentType}(http, {Text.Literal(body.ContentType)});");
                w.Line($"var payload = {read};");
            }
            else
            {
                // An optional body may be absent altogether (no Content-Type, no content): the implementation gets null.
                w.Line($"var payload = {RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckOptionalContentType}(http, {Text.Literal(body.ContentType)}) ? {read} : global::System.Array.Empty<byte>();");
            }

            if (ParsesAhead(body))
            {
                // One strict pass: syntax problems answer now, a schema problem waits for the body's turn (ApiJsonBody).
                w.Line($"var parsed = {RuntimeNames.Server.Type}.{RuntimeNames.Server.ParseJson}(payload, required: {(body.Required ? "true" : "false")}, {ClientEmitter.Reader(body.Type, body.Constraints)});");
            }
            else if (body.Encoding.IsSchemaObject())
            {
                w.Line($"{RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckJsonSyntax}(payload, required: {(body.Required ? "true" : "false")});");
            }
        }

        w.Line($"await {intercept}(http, {Text.Literal(operation.OperationId)}).ConfigureAwait(false);");
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Encoding is { } encoding && ParameterText.ReadsJson(parameter, encoding))
            {
                EmitJsonParameter(w, parameter, encoding, Source(parameter, tokens), operation);
            }
            else
            {
                EmitParameter(w, parameter, tokens);
            }
        }

        if (operation.Body is { Encoding: BodyEncoding.Binary } streamedBody)
        {
            EmitStreamBody(w, streamedBody);
        }
        else if (operation.Body is { FormTypeName: not null } multipartBody)
        {
            EmitMultipartFormBody(w, multipartBody);
        }
        else if (operation.Body is { } requestBody)
        {
            var type = CSharp.TypeOf(requestBody.Type, CSharp.MayBeNull(requestBody.Type, requestBody.Required));
            var read = requestBody.AlternativeShapes.Count > 0 ? FormUnionRead(requestBody)
                : ParsesAhead(requestBody) ? $"parsed.{RuntimeNames.JsonBody.Value}"
                : requestBody.Encoding.IsSchemaObject() ? $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ReadJson}(payload, {ClientEmitter.Reader(requestBody.Type, requestBody.Constraints)})"
                : requestBody.Encoding == BodyEncoding.Text ? $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ReadText}(payload)"
                : "payload";
            // default(T?) is null for an absent optional body; a bare 'default' would take the read value's type (false, 0).
            w.Line(requestBody.Required ? $"{type} {requestBody.Name} = {read};" : $"{type} {requestBody.Name} = payload.Length == 0 ? default({type}) : {read};");
        }

        var arguments = string.Join(", ", Signatures.Arguments(operation).Select(a => a.Name).Concat(["http.RequestAborted"]));
        var call = $"{api}.{operation.MethodName}Async({arguments})";
        var success = operation.Success;
        var statusText = operation.SuccessStatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Result is { } whole)
        {
            EmitResultAnswer(w, whole, arguments, api);
        }
        else if (success is { Type: { } streamedType } && IsStreamed(success))
        {
            EmitStreamedAnswer(w, success, streamedType, call, statusText);
        }
        else if (success?.Type is { } resultType)
        {
            w.Line($"var result = await {call}.ConfigureAwait(false);");
            var write = success.Encoding switch
            {
                BodyEncoding.Json or BodyEncoding.Xml when success.Xml is { } xml => XmlCode.ServerWrite(success, xml, statusText, "result", resultType),
                BodyEncoding.Json => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.WriteJsonAsync}(http, {statusText}, result, {ClientEmitter.Writer(resultType)}{JsonMediaType(success)})",
                BodyEncoding.Text => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.WriteAsync}(http, {statusText}, global::System.Text.Encoding.UTF8.GetBytes(result), {Text.Literal(success.ContentType ?? "text/plain")})",
                _ => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.WriteAsync}(http, {statusText}, result, {Text.Literal(success.ContentType ?? "application/octet-stream")})",
            };
            w.Line($"await {write}.ConfigureAwait(false);");
        }
        else
        {
            w.Line($"await {call}.ConfigureAwait(false);");
            w.Line($"http.Response.StatusCode = {statusText};");
        }

        w.Close();
        w.Open("catch (global::System.Exception exception)");
        w.Line($"await {RuntimeNames.Server.Type}.{RuntimeNames.Server.WriteFailureAsync}(http, exception, {FaultsTable}{ErrorWriters(operation)}{ErrorMediaTypes(operation)}).ConfigureAwait(false);");
        w.Close();
    }

    /// <summary>
    /// Whether the body is JSON (or becomes the JSON its converter reads) read in one strict pass before the interceptors,
    /// its schema problem answered in the body's turn; a form of alternative shapes is checked for syntax and read later.
    /// </summary>
    private static bool ParsesAhead(BodyModel body) => body.Encoding.IsSchemaObject() && body.AlternativeShapes.Count == 0;

    /// <summary>
    /// The media type argument of a JSON answer: none for plain <c>application/json</c>, else the document's media type
    /// as declared (<c>application/json;charset=utf-8</c>, <c>application/problem+json</c>), so the answer says what the
    /// document promises.
    /// </summary>
    private static string JsonMediaType(ResponseModel success) =>
        success.ContentType is { } declared && !string.Equals(declared, "application/json", System.StringComparison.Ordinal) ? ", " + Text.Literal(declared) : string.Empty;

    /// <summary>
    /// The media type of each error answer, as a function of its status, when the operation declares one other than
    /// <c>application/json</c> that the server writes (a JSON type, a text type); empty when every error is plain JSON.
    /// Exact statuses come first, then <c>4XX</c>/<c>5XX</c>, then <c>default</c>, as OpenAPI resolves them.
    /// </summary>
    private static string ErrorMediaTypes(OperationModel operation)
    {
        // The statuses resolve as the client's error readers and the server's declared writers do (ClientEmitter.ErrorArms).
        var arms = ClientEmitter.ErrorArms(operation).Select(arm => (arm.Pattern, MediaType: WrittenMediaType(arm.Response))).ToList();
        if (arms.All(a => a.MediaType is null))
        {
            return string.Empty;
        }

        var cases = arms.Select(a => $"{a.Pattern} => {(a.MediaType is null ? "null" : Text.Literal(a.MediaType))}").ToList();
        if (!arms.Any(a => a.Pattern == "_"))
        {
            cases.Add("_ => null");
        }

        return $", static status => status switch {{ {string.Join(", ", cases)} }}";
    }

    /// <summary>
    /// The declared media type the fault table's error answer is written in, when the server writes it and it is not plain
    /// <c>application/json</c> (an XML error is written by its declared writer, <see cref="ErrorWriters"/>).
    /// </summary>
    private static string? WrittenMediaType(ResponseModel response) =>
        response.ContentType is { } declared && ErrorAnswers.IsWritable(response) && response.Encoding != BodyEncoding.Xml
            && !string.Equals(declared, "application/json", System.StringComparison.Ordinal) ? declared : null;

    /// <summary>The document's fault table, which every answer of the controller is written with.</summary>
    private const string FaultsTable = RuntimeEmitter.FaultsTable;

    /// <summary>
    /// A function from a form field's name to its declared kind (see <c>ApiServerRuntime.ReadFormAsJsonAsync</c>): how its
    /// text becomes JSON and whether it repeats; null for a name the schema does not declare.
    /// </summary>
    internal static string FormKinds(BodyModel body)
    {
        var cases = body.FormFields.Select(field =>
        {
            // A format: byte part is base64 text, which the converter reads as JSON reads it.
            var kind = field.IsJson ? "Json" : field.IsBase64 ? "String" : field.Type.Kind switch
            {
                TypeRefKind.Boolean => "Boolean",
                TypeRefKind.Int32 => "Int32",
                TypeRefKind.Int64 => "Int64",
                TypeRefKind.Float or TypeRefKind.Double => "Double",
                TypeRefKind.Decimal => "Decimal",
                TypeRefKind.Bytes => "Binary",
                _ => "String",
            };
            return $"{Text.Literal(field.WireName)} => new {RuntimeNames.Server.FormField}({RuntimeNames.Server.FormValueKind}.{kind}, {(field.IsArray ? "true" : "false")}), ";
        });
        return $"static name => name switch {{ {string.Concat(cases)}_ => ({RuntimeNames.Server.FormField}?)null }}";
    }

    /// <summary>The raw values of a parameter at its location.</summary>
    private static string Source(ParameterModel parameter, Dictionary<string, string> tokens)
    {
        var wire = Text.Literal(parameter.WireName);
        return parameter.Location switch
        {
            ParameterLocation.Path => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.Route}(http, {Text.Literal(tokens[parameter.WireName])})",
            ParameterLocation.Query => $"http.Request.Query[{wire}]",
            ParameterLocation.Header => $"http.Request.Headers[{wire}]",
            _ => $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.Cookie}(http, {wire})",
        };
    }

    /// <summary>
    /// A parameter read through its JSON (an object, a deepObject array, JSON content): the runtime turns the text back
    /// into JSON and the schema's strict converter reads it, so it is validated as a body is.
    /// </summary>
    private static void EmitJsonParameter(SourceWriter w, ParameterModel parameter, ParameterEncodingModel encoding, string source, OperationModel operation)
    {
        var wire = Text.Literal(parameter.WireName);
        var required = parameter.Required ? "true" : "false";
        var style = ParameterText.Style(encoding);
        string json;
        if (encoding.IsJson)
        {
            json = $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.JsonText}({source}, {wire}, required: {required})";
        }
        else if (parameter.Location == ParameterLocation.Query && (encoding.Style == ParameterStyle.DeepObject || (encoding.Style == ParameterStyle.Form && parameter.Explode)))
        {
            var others = operation.Parameters.Where(p => p.Location == ParameterLocation.Query && p != parameter).Select(p => Text.Literal(p.WireName));
            json = $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.QueryObjectJson}(http, {wire}, {style}, {Text.Literal(encoding.Shape!)}, required: {required}, [{string.Join(", ", others)}])";
        }
        else
        {
            json = $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.StyledJson}({source}, {wire}, {style}, {(parameter.Explode ? "true" : "false")}, {Text.Literal(encoding.Shape!)}, required: {required})";
        }

        var type = CSharp.TypeOf(parameter.Type, CSharp.MayBeNull(parameter.Type, parameter.Required));
        w.Line($"var {Raw(parameter)} = {json};");
        var read = $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.ReadParameterJson}({Raw(parameter)}, {ClientEmitter.Reader(parameter.Type)}, {wire})";
        w.Line($"{type} {parameter.Name} = {Raw(parameter)} is null ? {(parameter.Required ? "default!" : $"default({type})")} : {read};");
    }

    private static void EmitParameter(SourceWriter w, ParameterModel parameter, Dictionary<string, string> tokens)
    {
        var wire = Text.Literal(parameter.WireName);
        var source = Source(parameter, tokens);
        if (parameter.Encoding is { } styled)
        {
            // Another style: the runtime takes its prefix and delimiters off, leaving one value per item.
            source = $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.StyledValues}({source}, {wire}, {ParameterText.Style(styled)}, {(parameter.Explode ? "true" : "false")}, array: {(parameter.Type.Kind == TypeRefKind.Array ? "true" : "false")})";
        }
        var type = CSharp.TypeOf(parameter.Type, CSharp.MayBeNull(parameter.Type, parameter.Required));
        var required = parameter.Required ? "true" : "false";
        if (parameter.Type.Kind == TypeRefKind.Array)
        {
            w.Line($"var {Raw(parameter)} = {RuntimeNames.Server.Type}.{RuntimeNames.Server.Values}({source}, {wire}, required: {required});");
            var item = parameter.Type.Item!;
            var split = (parameter.Explode && parameter.Location == ParameterLocation.Query) || parameter.Encoding is not null ? Raw(parameter) : $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.Split}({Raw(parameter)})";
            var parseItem = Constrained(item, parameter.Type.ItemConstraints ?? ConstraintsModel.None, ParameterText.Parse(item, "item", parameter.WireName), wire);
            var list = $"global::System.Linq.Enumerable.ToList(global::System.Linq.Enumerable.Select({split}, static item => {parseItem}))";
            if (parameter.Constraints.MinItems is not null || parameter.Constraints.MaxItems is not null)
            {
                list = $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckCount}({list}, {wire}, {JsonCode.Int(parameter.Constraints.MinItems)}, {JsonCode.Int(parameter.Constraints.MaxItems)})";
            }

            // A required array is never null: an absent one is empty (Values has already answered 400 when it must).
            var absent = parameter.Required ? "[]" : "null";
            w.Line($"{type} {parameter.Name} = {Raw(parameter)} is null ? {absent} : {list};");
            return;
        }

        w.Line($"var {Raw(parameter)} = {RuntimeNames.Server.Type}.{RuntimeNames.Server.Value}({source}, {wire}, required: {required});");
        var parse = Constrained(parameter.Type, parameter.Constraints, ParameterText.Parse(parameter.Type, Raw(parameter), parameter.WireName), wire);

        // default(T?) is null for an absent optional value; a bare 'default' would take the parsed value's type (0, false).
        var absentValue = parameter.Required ? "default!" : $"default({type})";
        w.Line($"{type} {parameter.Name} = {Raw(parameter)} is null ? {absentValue} : {parse};");
    }

    /// <summary>
    /// <paramref name="parsed"/> held to the schema's validation keywords by the runtime (the checks the strict JSON
    /// reader uses), so a value the document forbids is a 400 answer that never reaches the implementation.
    /// </summary>
    private static string Constrained(TypeRefModel type, ConstraintsModel c, string parsed, string wire)
    {
        if (type.Kind == TypeRefKind.String && (c.MinLength is not null || c.MaxLength is not null || c.Pattern is not null))
        {
            var pattern = c.Pattern is null ? "null" : Text.Literal(c.Pattern);
            return $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckString}({parsed}, {wire}, {JsonCode.Int(c.MinLength)}, {JsonCode.Int(c.MaxLength)}, {pattern})";
        }

        if (type.Kind == TypeRefKind.Boolean && c.AllowedBoolean is bool allowed)
        {
            return $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckBoolean}({parsed}, {wire}, {JsonCode.Bool(allowed)})";
        }

        if (type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal)
        {
            if (c.Minimum is not null || c.Maximum is not null)
            {
                parsed = $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckNumber}({parsed}, {wire}, {JsonCode.Number(c.Minimum)}, {JsonCode.Number(c.Maximum)}, {JsonCode.Bool(c.ExclusiveMinimum)}, {JsonCode.Bool(c.ExclusiveMaximum)})";
            }

            if (c.AllowedNumbers.Count > 0)
            {
                parsed = $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckAllowedNumber}({parsed}, {wire}, {JsonCode.AllowedNumbers(c)})";
            }

            if (c.MultipleOf is not null)
            {
                parsed = $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckMultipleOf}({parsed}, {wire}, {JsonCode.Number(c.MultipleOf)})";
            }
        }

        return parsed;
    }

    private static string Raw(ParameterModel parameter) => "raw_" + parameter.Name.TrimStart('@');

    /// <summary>
    /// The route token of each path parameter, by wire name: the document's name when it is a valid route parameter
    /// name (so route values read as the document says), else its C# name, which always is. Route parameter names
    /// compare ignoring case, so a name that another token already took (<c>{X}</c> beside <c>{x}</c>) gets a number.
    /// </summary>
    internal static Dictionary<string, string> RouteTokens(OperationModel operation)
    {
        var path = operation.Parameters.Where(p => p.Location == ParameterLocation.Path).ToList();
        var taken = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var tokens = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var parameter in path.Where(p => IsRouteName(p.WireName)))
        {
            if (taken.Add(parameter.WireName))
            {
                tokens[parameter.WireName] = parameter.WireName;
            }
        }

        foreach (var parameter in path.Where(p => !tokens.ContainsKey(p.WireName)))
        {
            var token = parameter.Name.TrimStart('@');
            for (var i = 2; !taken.Add(token); i++)
            {
                token = parameter.Name.TrimStart('@') + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            tokens[parameter.WireName] = token;
        }

        return tokens;
    }

    private static bool IsRouteName(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '_'));

    /// <summary>The route of an operation: the servers' base path (docs/decisions.md), then the operation's path template.</summary>
    internal static string RouteTemplate(string basePath, OperationModel operation, Dictionary<string, string> tokens)
    {
        var template = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Path))
        {
            template = template.Replace("{" + parameter.WireName + "}", "\u0001" + tokens[parameter.WireName] + "\u0002");
        }

        // Placeholders become route tokens.
        return RoutePrefix(basePath) + Escape(template).Replace('\u0001', '{').Replace('\u0002', '}');
    }

    /// <summary>The servers' base path as a route template prefix (a minimal-API route group's).</summary>
    internal static string RoutePrefix(string basePath) => Escape(basePath);

    // Braces in literal text are escaped for the route parser.
    private static string Escape(string text) => text.Replace("{", "{{").Replace("}", "}}");
}
