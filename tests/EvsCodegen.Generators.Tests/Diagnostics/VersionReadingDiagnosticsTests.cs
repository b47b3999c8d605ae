using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>Swagger 2.0 and OpenAPI 3.2 documents: what is not carried over or not generated is reported in the document's own text.</summary>
public sealed class VersionReadingDiagnosticsTests
{
    [Fact]
    public void Evs1050_TsvCollectionFormat_IsReportedAtTheFormat_AndTheOptionalParameterIsLeftOut()
    {
        var document = MarkedText.Parse("""
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - {name: tags, in: query, type: array, items: {type: string}, collectionFormat: ⟦tsv}
                  responses: {'204': {description: done}}
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "EVS1050");
        DiagnosticAssert.At(diagnostic, "EVS1050", document.Position);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith("'collectionFormat: tsv' of this Swagger 2.0 document: OpenAPI 3 has no tab-delimited style", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(run.Diagnostics, d => d.Id == "EVS2002" && d.GetMessage().Contains("'tabDelimited'", StringComparison.Ordinal));
        Assert.DoesNotContain("tags", run.Source("TestApi.Contracts.ITestApi.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs1050_TwoBodyParameters_IsReportedAtTheSecond()
    {
        var document = MarkedText.Parse("""
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /items:
                post:
                  operationId: addItem
                  parameters:
                    - {name: item, in: body, schema: {type: object, properties: {a: {type: string}}}}
                    - ⟦{name: other, in: body, schema: {type: string}}
                  responses: {'204': {description: done}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1050", document.Position);
        Assert.Contains("at most one body parameter", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs1004_UnresolvedDefinitionInSwagger2_PointsAtThe20Reference()
    {
        var document = MarkedText.Parse("""
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /items:
                get:
                  operationId: getItem
                  responses:
                    '200': {description: ok, schema: {$ref: ⟦'#/definitions/Missing'}}
            definitions:
              Item: {type: object, properties: {a: {type: string}}}
            """);

        // Models only: every definition is generated, so the unreached Item adds no EVS2070.
        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text, "models"), "EVS1004", document.Position);
        Assert.Contains("'#/components/schemas/Missing'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs1051_ItemSchemaOfARequestBody_IsReportedAtItemSchema_AndTheBodyIsAStream()
    {
        var document = MarkedText.Parse("""
            openapi: 3.2.0
            info: {title: T, version: '1'}
            paths:
              /events:
                post:
                  operationId: sendEvents
                  requestBody:
                    content:
                      application/jsonl:
                        ⟦itemSchema: {type: object, properties: {id: {type: string}}}
                  responses: {'204': {description: stored}}
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics, "EVS1051", document.Position);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("SendEventsAsync(global::System.IO.Stream? body = default", run.Source("TestApi.Contracts.ITestApi.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void ItemSchemaOfAStreamedResponse_IsGenerated_WithoutEvs1051()
    {
        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, """
            openapi: 3.2.0
            info: {title: T, version: '1'}
            paths:
              /events:
                get:
                  operationId: streamEvents
                  responses:
                    '200':
                      description: events
                      content:
                        application/jsonl:
                          itemSchema: {type: object, properties: {id: {type: string}}}
            """));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "EVS1051");
        Assert.Contains("global::System.Collections.Generic.IAsyncEnumerable<StreamEventsItem> StreamEventsAsync(", run.Source("TestApi.Contracts.ITestApi.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs1003_AdditionalOperationForAFixedMethod_IsReportedAtItsKey()
    {
        var document = MarkedText.Parse("""
            openapi: 3.2.0
            info: {title: T, version: '1'}
            paths:
              /items:
                additionalOperations:
                  ⟦POST: {operationId: postItem, responses: {'204': {description: done}}}
                  LINK: {operationId: linkItem, responses: {'204': {description: done}}}
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));

        DiagnosticAssert.Single(run.Diagnostics, "EVS1003", document.Position);
        var contract = run.Source("TestApi.Contracts.ITestApi.g.cs");
        Assert.Contains("LinkItemAsync(", contract, StringComparison.Ordinal);
        Assert.DoesNotContain("PostItemAsync(", contract, StringComparison.Ordinal);
    }
}
