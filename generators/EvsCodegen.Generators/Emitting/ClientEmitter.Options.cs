using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

internal static partial class ClientEmitter
{
    public static string EmitOptions(ApiContextModel context)
    {
        var w = SourceWriter.ForFile(context);
        w.Line("/// <summary>Settings every client call uses: the document's API keys, supplied once instead of per call.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} sealed partial class {ReservedNames.ClientOptions}");
        foreach (var key in context.ApiKeys)
        {
            w.Line(Text.Summary(key.Description, $"The API key sent as the {key.In} <c>{Text.Inline(key.ParameterName)}</c>."));
            w.Line($"/// <remarks>Security scheme <c>{Text.Inline(key.SchemeName)}</c>: sent as the {key.In} <c>{Text.Inline(key.ParameterName)}</c> when set, on every call whose security requirements name the scheme (every call when the document declares no <c>security</c>); a value the call itself puts there wins.</remarks>");
            w.Line($"public string? {key.PropertyName} {{ get; set; }}");
            w.Line();
        }

        const string Query = "global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>? query";
        w.Line("/// <summary>Adds every configured credential to a request (a header or query key already on the request wins).</summary>");
        w.Line("/// <param name=\"request\">The request.</param>");
        w.Line("/// <param name=\"query\">The query of the request; null when the operation has none and the document has no query API keys.</param>");
        w.Line($"internal void {ReservedNames.ApplyCredentials}(global::System.Net.Http.HttpRequestMessage request, {Query}) => {ReservedNames.ApplyCredentials}(request, query, all: true, default);");
        w.Line();
        w.Line("/// <summary>Adds the configured credentials of the named security schemes (those the operation's requirements name).</summary>");
        w.Line("/// <param name=\"request\">The request.</param>");
        w.Line("/// <param name=\"query\">The query of the request; null when the operation has none and the document has no query API keys.</param>");
        w.Line("/// <param name=\"schemes\">The names of the security schemes to send.</param>");
        w.Line($"internal void {ReservedNames.ApplyCredentials}(global::System.Net.Http.HttpRequestMessage request, {Query}, global::System.ReadOnlySpan<string> schemes) => {ReservedNames.ApplyCredentials}(request, query, all: false, schemes);");
        w.Line();
        w.Open($"private void {ReservedNames.ApplyCredentials}(global::System.Net.Http.HttpRequestMessage request, {Query}, bool all, global::System.ReadOnlySpan<string> schemes)");
        foreach (var key in context.ApiKeys)
        {
            var name = Text.Literal(key.ParameterName);
            w.Open($"if ({key.PropertyName} is not null && (all || global::System.MemoryExtensions.Contains(schemes, {Text.Literal(key.SchemeName)})))");
            switch (key.In)
            {
                case "header":
                    w.Open($"if (!request.Headers.Contains({name}))");
                    w.Line($"request.Headers.TryAddWithoutValidation({name}, {key.PropertyName});");
                    w.Close();
                    break;
                case "query":
                    // A query parameter of the same name given by the caller wins: the key is never sent twice.
                    w.Open($"if (query is not null && !query.Exists(static pair => pair.Key == {name}))");
                    w.Line($"query.Add(new({name}, {key.PropertyName}));");
                    w.Close();
                    break;
                default:
                    w.Line($"{RuntimeNames.Client.Type}.{RuntimeNames.Client.AddCookie}(request, {name}, {key.PropertyName});");
                    break;
            }

            w.Close();
        }

        w.Close();
        w.Close();
        return w.ToString();
    }
}
