namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The generated client's shape for parameters: an operation without a query builds no query list. What the client
/// puts on the wire and the controller reads back is tested on the built code in
/// <c>tests/EvsCodegen.GeneratedCode.Tests/Parameters/ParameterWireTests.cs</c>.
/// </summary>
public sealed class ParameterWireTests
{
    private const string NoQueryDocument = """
        openapi: 3.0.3
        info: {title: No query, version: '1'}
        paths:
          /items/{item_id}:
            get:
              tags: [Items]
              operationId: getItem
              parameters:
                - {name: item_id, in: path, required: true, schema: {type: string}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}
        """;

    [Fact]
    public void OperationWithoutQuery_BuildsNoQueryList()
    {
        var run = GeneratorHarness.Run(OpenApiFile.Create("no-query.yaml", NoQueryDocument));
        var client = run.Sources.Single(s => s.HintName.EndsWith(".Clients.ItemsApiClient.g.cs", StringComparison.Ordinal)).Text;

        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain("var query", client, StringComparison.Ordinal);
        // No security list applies either, so no credentials are looked up.
        Assert.DoesNotContain("ApplyCredentialsAsync", client, StringComparison.Ordinal);
    }
}
