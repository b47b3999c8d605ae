using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

internal static partial class ClientEmitter
{
    public static string EmitRuntime(ApiContextModel context)
    {
        var w = new SourceWriter();
        w.Line(CSharp.Header);
        w.Line($"namespace {context.Namespace};");
        w.Line();
        w.Line("/// <summary>Settings every client call uses: the document's API keys, supplied once instead of per call.</summary>");
        w.Line(CSharp.GeneratedCode);
        w.Open($"{CSharp.Access(context)} sealed partial class ApiClientOptions");
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
        w.Open("internal void Apply(global::System.Net.Http.HttpRequestMessage request, global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>? query)");
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
                    w.Line($"ApiClientRuntime.AddCookie(request, {name}, {key.PropertyName});");
                    break;
            }

            w.Close();
        }

        w.Close();
        w.Close();
        w.Line();
        w.Line(ClientRuntimeSource.Replace("ACCESS", "internal"));
        return w.ToString();
    }

    private const string ClientRuntimeSource = """
        /// <summary>Helpers the generated clients share.</summary>
        [global::System.CodeDom.Compiler.GeneratedCode("EvsCodegen", "0.1.0")]
        ACCESS static partial class ApiClientRuntime
        {
            /// <summary>The absolute URI of a call: base address (with a trailing slash ensured), relative path and query.</summary>
            public static global::System.Uri BuildUri(global::System.Net.Http.HttpClient client, string relativePath, global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>? query)
            {
                var baseAddress = client.BaseAddress ?? throw new global::System.InvalidOperationException("Set HttpClient.BaseAddress to the server's root before calling the API.");
                var root = baseAddress.AbsoluteUri.EndsWith("/", global::System.StringComparison.Ordinal) ? baseAddress : new global::System.Uri(baseAddress.AbsoluteUri + "/");
                if (query is null || query.Count == 0)
                {
                    return new global::System.Uri(root, relativePath);
                }

                var builder = new global::System.Text.StringBuilder(relativePath);
                for (var i = 0; i < query.Count; i++)
                {
                    builder.Append(i == 0 ? '?' : '&');
                    builder.Append(global::System.Uri.EscapeDataString(query[i].Key)).Append('=').Append(global::System.Uri.EscapeDataString(query[i].Value));
                }

                return new global::System.Uri(root, builder.ToString());
            }

            /// <summary>Adds a cookie to the request's Cookie header.</summary>
            public static void AddCookie(global::System.Net.Http.HttpRequestMessage request, string name, string value)
            {
                var pair = name + "=" + global::System.Uri.EscapeDataString(value);
                if (request.Headers.TryGetValues("Cookie", out var existing))
                {
                    pair = string.Join("; ", existing) + "; " + pair;
                    request.Headers.Remove("Cookie");
                }

                request.Headers.TryAddWithoutValidation("Cookie", pair);
            }

            /// <summary>A body of bytes with a content type.</summary>
            public static global::System.Net.Http.HttpContent Bytes(byte[] body, string mediaType)
            {
                var content = new global::System.Net.Http.ByteArrayContent(body);
                content.Headers.ContentType = mediaType.IndexOf(';') < 0
                    ? new global::System.Net.Http.Headers.MediaTypeHeaderValue(mediaType)
                    : global::System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
                return content;
            }

            /// <summary>Reads a success body; one that does not match the document becomes an <see cref="ApiException"/>.</summary>
            public static T ReadJson<T>(int statusCode, byte[] content, ApiJsonReadFunc<T> read)
            {
                try
                {
                    return ApiJsonReader.Deserialize(content, read, strict: false);
                }
                catch (global::System.Text.Json.JsonException exception)
                {
                    throw new ApiException(statusCode, "The response body does not match the document: " + exception.Message, null, null, global::System.Text.Encoding.UTF8.GetString(content, 0, global::System.Math.Min(content.Length, 4096)), exception);
                }
            }
        }
        """;
}
