using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>
/// The controller's streams (docs/decisions.md, "Streams"): a binary request body handed to the implementation as the
/// request's stream, a stream of items written as it is produced, a binary answer copied from the implementation's
/// stream. The loops are the server runtime's, shared with every server flavour.
/// </summary>
internal static partial class ServerEmitter
{
    /// <summary>The content type check of a binary request body, which is read by the implementation, not here.</summary>
    private static void EmitStreamBodyCheck(SourceWriter w, BodyModel body)
    {
        var mediaType = Text.Literal(body.ContentType);
        w.Line(body.Required
            ? $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckContentType}(http, {mediaType});"
            : $"var hasBody = {RuntimeNames.Server.Type}.{RuntimeNames.Server.CheckOptionalContentType}(http, {mediaType});");
    }

    /// <summary>The binary request body as the request's stream; an absent optional body is null.</summary>
    private static void EmitStreamBody(SourceWriter w, BodyModel body)
    {
        var read = $"{RuntimeNames.Server.Type}.{RuntimeNames.Server.RequestBody}(http)";
        w.Line($"{Signatures.BodyType(body)} {body.Name} = {(body.Required ? read : $"hasBody ? {read} : null")};");
    }

    /// <summary>Whether the success answer is written from a stream: a stream of items or a binary body.</summary>
    private static bool IsStreamed(ResponseModel success) => success.Encoding.IsItemStream() || success.Encoding == BodyEncoding.Binary;

    /// <summary>Writes a stream of items or a binary answer (see <see cref="IsStreamed"/>).</summary>
    private static void EmitStreamedAnswer(SourceWriter w, ResponseModel success, TypeRefModel type, string call, string status)
    {
        var server = RuntimeNames.Server.Type;
        var mediaType = Text.Literal(success.ContentType ?? string.Empty);
        if (success.Encoding.IsItemStream())
        {
            // Not awaited: the sequence is enumerated by the writer, with the request's abort token.
            w.Line($"var items = {call};");
            var write = ClientEmitter.IsEventText(success) ? $"{server}.{RuntimeNames.Server.WriteEventStreamAsync}(http, {status}, items, {mediaType})"
                : success.Encoding == BodyEncoding.EventStream ? $"{server}.{RuntimeNames.Server.WriteEventStreamAsync}(http, {status}, items, {ClientEmitter.Writer(type)}, {mediaType})"
                : $"{server}.{RuntimeNames.Server.WriteJsonLinesAsync}(http, {status}, items, {ClientEmitter.Writer(type)}, {mediaType})";
            w.Line($"await {write}.ConfigureAwait(false);");
            return;
        }

        w.Line($"var result = await {call}.ConfigureAwait(false);");
        w.Line($"await {server}.{RuntimeNames.Server.WriteFileAsync}(http, {status}, result, {Text.Literal(success.ContentType ?? "application/octet-stream")}).ConfigureAwait(false);");
    }
}
