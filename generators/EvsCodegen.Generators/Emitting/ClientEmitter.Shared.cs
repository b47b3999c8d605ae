using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// What an operation's client methods share, so that big documents stay cheap to compile (issue 15): one private method
/// building and sending the request for the body method and the whole-response method, and one private static method
/// per inline JSON body read, named by the operation and status, instead of the same lambda in each method.
/// Generic runtime helpers get explicit type arguments, so the compiler never infers through a reader's body.
/// </summary>
internal static partial class ClientEmitter
{
    /// <summary>
    /// Whether the body method and the whole-response method share one request method: every operation with a
    /// whole-response method except a binary answer, whose body method streams it (<c>SendForStreamAsync</c>).
    /// </summary>
    private static bool SharesRequest(OperationModel operation) =>
        operation.Result is not null && operation.Success is not { Type: not null, Encoding: BodyEncoding.Binary };

    /// <summary>
    /// The body method and the whole-response method as calls of the shared request method, which builds and sends the
    /// request, each continued by the runtime with its own read (the body, or the function reading the whole response).
    /// </summary>
    private static void EmitSharedOperation(SourceWriter w, ApiContextModel context, OperationModel operation)
    {
        var result = operation.Result!;
        var success = operation.Success!;
        var send = SharedRequestName(operation);
        var arguments = string.Concat(Signatures.Arguments(operation).Select(a => a.Name + ", "));
        var parameters = Signatures.ParameterList(operation, defaults: true);

        EmitHeader(w, operation);
        w.Line($"public {Signatures.TaskType(operation)} {operation.MethodName}{ReservedNames.AsyncSuffix}({parameters}) =>");
        w.Line($"    {Continuation(operation, $"{send}({arguments}{ReservedNames.ReadHeadersParameter}: false, cancellationToken)")};");
        w.Line();
        EmitHeader(w, operation);
        w.Line($"public {CSharp.Task}<{result.TypeName}> {result.MethodName}{ReservedNames.AsyncSuffix}({parameters}) =>");
        w.Line($"    {RuntimeNames.Client.Type}.{RuntimeNames.Client.ReadAsync}<{result.TypeName}>({send}({arguments}{ReservedNames.ReadHeadersParameter}: true, cancellationToken), {ResponseReaderName(operation)});");
        w.Line();

        // Credentials are awaited before the send, so that method is async and disposes its request; else the runtime's send does.
        var awaits = SecuritySendsCredentials(context, operation.Security);
        var ownParameters = string.Concat(Signatures.Arguments(operation).Select(a => $"{a.Type} {a.Name}, "));
        w.Open($"private {(awaits ? "async " : string.Empty)}{CSharp.Task}<{RuntimeNames.Client.Response}> {send}({ownParameters}bool {ReservedNames.ReadHeadersParameter}, {CSharp.CancellationToken} cancellationToken)");
        EmitRequest(w, context, operation, disposesRequest: awaits);
        var call = SendExpression(context, operation, ReservedNames.ReadHeadersParameter);
        w.Line(awaits ? $"return await {call}.ConfigureAwait(false);" : $"return {call};");
        w.Close();
        w.Line();
        w.Open($"private static {result.TypeName} {ResponseReaderName(operation)}({RuntimeNames.Client.Response} response)");
        EmitResponseSwitch(w, operation, result);
        w.Close();
    }

    private static void EmitHeader(SourceWriter w, OperationModel operation)
    {
        w.Line("/// <inheritdoc/>");
        if (operation.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the OpenAPI document.\")]");
        }
    }

    /// <summary>The runtime's <c>ReadJson</c> of <paramref name="response"/>'s body, its type argument spelled out.</summary>
    private static string ReadJson(OperationModel operation, ResponseModel response) =>
        $"{RuntimeNames.Client.Type}.{RuntimeNames.Client.ReadJson}<{ReadType(response)}>(response, {BodyReader(operation, response)})";

    /// <summary>The C# type a JSON body of <paramref name="response"/> is read as.</summary>
    private static string ReadType(ResponseModel response) => CSharp.TypeOf(response.Type!, response.Type!.Nullable);

    /// <summary>Whether a body of <paramref name="type"/> is read by its converter rather than by a method of the client.</summary>
    private static bool HasConverter(TypeRefModel type) => type.Kind is TypeRefKind.Object or TypeRefKind.Enum && !type.Nullable;

    /// <summary>The read function of <paramref name="response"/>'s JSON body: its type's converter, else the client's static read method.</summary>
    private static string BodyReader(OperationModel operation, ResponseModel response) =>
        HasConverter(response.Type!) ? CSharp.ReadValueOf(response.Type!) : BodyReaderName(operation, response);

    /// <summary>
    /// One private static method per inline JSON body the operation's methods read (success, whole-response cases,
    /// declared errors and streamed items), each read once whichever methods use it.
    /// </summary>
    private static void EmitBodyReaders(SourceWriter w, OperationModel operation)
    {
        var read = new List<ResponseModel>();
        if (operation.Success is { Type: not null } success && (success.Encoding == BodyEncoding.Json || (success.Encoding.IsItemStream() && !IsEventText(success))))
        {
            read.Add(success);
        }

        read.AddRange(operation.Result?.Cases.Select(c => c.Response).Where(r => r.Type is not null && r.Encoding == BodyEncoding.Json) ?? []);
        read.AddRange(ErrorArms(operation).Select(arm => arm.Response).Where(r => r.IsDeclaredError));
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var response in read.Where(r => !HasConverter(r.Type!)))
        {
            var name = BodyReaderName(operation, response);
            if (!seen.Add(name))
            {
                continue;
            }

            var type = ReadType(response);
            w.Line();
            w.Open($"private static {type} {name}(ref {CSharp.Utf8JsonReader} reader, {RuntimeNames.Reader.Type} context)");
            w.Line($"{type} result;");
            new JsonCode(cachedPatterns: true).Read(w, response.Type!, ConstraintsModel.None, "result", 0);
            w.Line("return result;");
            w.Close();
        }
    }

    private static string SharedRequestName(OperationModel operation) => ReservedNames.SharedRequestMethod(operation.MethodName);

    private static string ResponseReaderName(OperationModel operation) => ReservedNames.ResponseReaderMethod(operation.MethodName);

    private static string BodyReaderName(OperationModel operation, ResponseModel response) => ReservedNames.BodyReaderMethod(operation.MethodName, response.Status);
}
