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
            w.Line($"/// <remarks>Security scheme <c>{Text.Inline(key.SchemeName)}</c>: sent as the {key.In} <c>{Text.Inline(key.ParameterName)}</c> on every call when set.</remarks>");
            w.Line($"public string? {key.PropertyName} {{ get; set; }}");
            w.Line();
        }

        w.Line("/// <summary>Adds the credentials to a request (a header already on the request wins).</summary>");
        w.Line("/// <param name=\"request\">The request.</param>");
        w.Line("/// <param name=\"query\">The query of the request; null when the operation has none and the document has no query API keys.</param>");
        w.Open($"internal void {ReservedNames.ApplyCredentials}(global::System.Net.Http.HttpRequestMessage request, global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>? query)");
        foreach (var key in context.ApiKeys)
        {
            var name = Text.Literal(key.ParameterName);
            w.Open($"if ({key.PropertyName} is not null)");
            switch (key.In)
            {
                case "header":
                    w.Open($"if (!request.Headers.Contains({name}))");
                    w.Line($"request.Headers.TryAddWithoutValidation({name}, {key.PropertyName});");
                    w.Close();
                    break;
                case "query":
                    w.Line($"query?.Add(new({name}, {key.PropertyName}));");
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
