using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The client's cheap-to-compile method shapes (docs/decisions.md, "Cheap-to-compile client methods"): no <c>async</c>
/// method unless credentials are awaited, one shared request method per operation with a whole-response method, one
/// static read method per inline body, and the shared method's parameter and locals reserved against document names.
/// </summary>
public sealed class ClientMethodShapeTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Shapes, version: '1'}
        paths:
          /items:
            get:
              tags: [Items]
              operationId: listItems
              parameters:
                - {name: readHeaders, in: query, schema: {type: boolean}}
                - {name: answer, in: query, schema: {type: string}}
              responses:
                '200':
                  description: items
                  headers: {X-Total: {schema: {type: integer}}}
                  content: {application/json: {schema: {type: array, items: {type: string}}}}
                '400':
                  description: bad
                  content: {application/json: {schema: {type: array, items: {type: integer}}}}
            delete:
              tags: [Items]
              operationId: clearItems
              responses:
                '204': {description: done}
          /keyed:
            get:
              tags: [Items]
              operationId: keyed
              security: [{key: []}]
              responses:
                '200': {description: ok, content: {text/plain: {schema: {type: string}}}}
        components:
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}
        """;

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create("shapes.yaml", Document, emit: "models;client")));

    private static string Client => s_run.Value.Sources.Single(s => s.HintName.Contains(".Clients.", StringComparison.Ordinal)).Text;

    [Fact]
    public void GeneratedClient_Compiles_WithoutWarnings()
    {
        var problems = s_run.Value.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void OnlyTheCallThatAwaitsCredentials_IsAnAsyncMethod()
    {
        var asyncMethods = Client.Split('\n').Where(l => l.Contains(" async ", StringComparison.Ordinal)).ToList();

        Assert.Single(asyncMethods);
        Assert.Contains("KeyedAsync(", asyncMethods[0], StringComparison.Ordinal);
        Assert.Contains("return global::EvsCodegen.Runtime.ApiClientRuntime.SendAsync(", Client, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOperationWithAWholeResponseMethod_BuildsItsRequestOnce_AndReadsEachInlineBodyInOneMethod()
    {
        var client = Client;

        Assert.Equal(1, Count(client, "query.Add(new(\"readHeaders\""));
        Assert.Equal(1, Count(client, "private global::System.Threading.Tasks.Task<global::EvsCodegen.Runtime.ApiResponse> SendListItemsRequest("));
        Assert.Equal(1, Count(client, "ReadListItems200(ref "));
        Assert.Equal(1, Count(client, "ReadListItems400(ref "));
        Assert.Equal(1, Count(client, "ReadJson<global::System.Collections.Generic.IReadOnlyList<string>>(response, ReadListItems200)"));
        Assert.Equal(1, Count(client, "ReadJsonAsync<global::System.Collections.Generic.IReadOnlyList<string>>(SendListItemsRequest("));
        Assert.Equal(1, Count(client, "DeclaredError<global::System.Collections.Generic.IReadOnlyList<long>>(error, ReadListItems400)"));
        Assert.DoesNotContain("static (ref", client, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentParameters_NamedLikeTheSharedMethodsOwn_AreNumbered()
    {
        Assert.Contains("bool? readHeaders2 = default, string? answer2 = default", Client, StringComparison.Ordinal);
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
