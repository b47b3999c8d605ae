using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// The client's streamed answers (docs/decisions.md, "Streams"): a stream of items as an async iterator reading each
/// item as it arrives, a binary body as an unbuffered <c>ApiFile</c>. The loops are the runtime's; the method calls them.
/// </summary>
internal static partial class ClientEmitter
{
    /// <summary>Whether a streamed event's item is its data text rather than JSON (a string item of server-sent events).</summary>
    internal static bool IsEventText(ResponseModel response) =>
        response.Encoding == BodyEncoding.EventStream && response.Type is { Kind: TypeRefKind.String };

    /// <summary>Emits the method of an operation whose success answer is a stream of items or a binary body; false for the others.</summary>
    private static bool EmitStreamedOperation(SourceWriter w, ApiContextModel context, OperationModel operation)
    {
        if (operation.Success is not { Type: not null } success || !(success.Encoding.IsItemStream() || success.Encoding == BodyEncoding.Binary))
        {
            return false;
        }

        var parameters = Signatures.ParameterList(operation, defaults: true);
        if (success.Encoding.IsItemStream())
        {
            // The token is the enumerator's too: WithCancellation on the sequence reaches the request and the reading.
            parameters = parameters.Replace($"{CSharp.CancellationToken} cancellationToken = default", $"[{CSharp.EnumeratorCancellation}] {CSharp.CancellationToken} cancellationToken = default");
        }

        w.Open($"public async {Signatures.TaskType(operation)} {operation.MethodName}Async({parameters})");
        EmitRequest(w, context, operation, disposesRequest: true);
        var client = RuntimeNames.Client.Type;
        var errors = ErrorReaders(operation) ?? "null";
        var credential = SecuritySendsCredentials(context, operation.Security) ? "credential, " : string.Empty;
        var send = $"await {client}.{RuntimeNames.Client.SendForStreamAsync}(_httpClient, request, {RuntimeEmitter.FaultsTable}, {credential}{errors}, cancellationToken).ConfigureAwait(false);";
        if (success.Encoding == BodyEncoding.Binary)
        {
            // The file owns the response: nothing is read until the caller reads its stream.
            w.Line("var response = " + send);
            w.Line($"return await {client}.{RuntimeNames.Client.ReadFileAsync}(response, cancellationToken).ConfigureAwait(false);");
            w.Close();
            return true;
        }

        // The response lives as long as the enumeration: disposed when it ends, is broken off or fails.
        w.Line("using var response = " + send);
        var items = IsEventText(success) ? $"{client}.{RuntimeNames.Client.ReadEventStreamTextAsync}(response, cancellationToken)"
            : success.Encoding == BodyEncoding.EventStream ? $"{client}.{RuntimeNames.Client.ReadEventStreamAsync}<{ReadType(success)}>(response, {BodyReader(operation, success)}, cancellationToken)"
            : $"{client}.{RuntimeNames.Client.ReadJsonLinesAsync}<{ReadType(success)}>(response, {BodyReader(operation, success)}, cancellationToken)";
        // The extension spelled out: generated files carry no usings.
        w.Open($"await foreach (var item in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait({items}, false))");
        w.Line("yield return item;");
        w.Close();
        w.Close();
        return true;
    }
}
