using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>OpenAPI 3.2 read with the 3.1 rules, plus its <c>query</c> method and <c>additionalOperations</c>.</summary>
public sealed class OpenApi32ParsingTests
{
    private const string Document = """
        openapi: 3.2.0
        $self: https://example.com/api/openapi.yaml
        info: {title: Search, version: '1'}
        tags:
          - {name: search, kind: nav}
          - {name: advanced, parent: search, kind: nav}
        paths:
          /items:
            query:
              operationId: searchItems
              tags: [search]
              requestBody:
                required: true
                content:
                  application/json: {schema: {type: object, properties: {text: {type: [string, 'null']}}}}
              responses:
                '200': {description: found, content: {application/json: {schema: {type: array, items: {type: string}}}}}
            additionalOperations:
              PURGE:
                operationId: purgeItems
                tags: [advanced]
                responses: {'204': {description: purged}}
        """;

    [Fact]
    public void QueryAndAdditionalOperations_AreOperationsWithTheirMethods()
    {
        var result = Parse.Document(Document);

        Assert.Empty(result.Diagnostics);
        var operations = result.Model!.Surfaces.SelectMany(s => s.Operations).ToList();
        Assert.Equal([("searchItems", "QUERY"), ("purgeItems", "PURGE")], operations.Select(o => (o.OperationId, o.HttpMethod)));
        Assert.NotNull(operations[0].Body);

        // 3.1 rules apply: a type array with null is a nullable string.
        var request = result.Model.Object(operations[0].Body!.Type.TypeName!);
        Assert.True(request.Property("text").Type.Nullable);
    }

    [Fact]
    public void QueryMethod_IsSentByTheClientAndRoutedByTheServer()
    {
        var run = GeneratorHarness.Run(OpenApiFile.Create("/project/openapi/search.yaml", Document));

        Assert.Empty(run.Diagnostics);
        var sources = string.Join("\n", run.Sources.Select(s => s.Text));
        Assert.Contains("new global::System.Net.Http.HttpMethod(\"QUERY\")", sources, StringComparison.Ordinal);
        Assert.Contains("AcceptVerbs(\"QUERY\"", sources, StringComparison.Ordinal);
        Assert.Contains("AcceptVerbs(\"PURGE\"", sources, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryField_InA31Document_IsNotAnOperation()
    {
        var result = Parse.Document(Document.Replace("openapi: 3.2.0", "openapi: 3.1.0", StringComparison.Ordinal));

        // 3.1 has neither field: both are unknown keys of the path item, as in any reader of 3.1.
        Assert.Empty(result.Model!.Surfaces.SelectMany(s => s.Operations));
    }
}
