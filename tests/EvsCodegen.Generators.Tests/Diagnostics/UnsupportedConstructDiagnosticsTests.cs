using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>Constructs found by the corpus runner that the generated code does not apply: each is a positioned warning, the rest generates.</summary>
public sealed class UnsupportedConstructDiagnosticsTests
{
    [Fact]
    public void Evs2006_Webhooks_PointAtTheKey_AndSecuritySchemesAreNoLongerReported()
    {
        // EVS2006 is narrowed to webhooks: security schemes have EVS2010-EVS2012, for what the client truly cannot send.
        var document = MarkedText.Parse("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            security: [{bearer: []}]
            paths:
              /ping:
                get:
                  operationId: ping
                  responses: {'204': {description: done}}
            ⟦webhooks:
              newPet:
                post: {responses: {'200': {description: ok}}}
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
                key: {type: apiKey, in: header, name: X-Key}
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics, "EVS2006", document.Position);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith("'webhooks' is not supported yet", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("public string? Key { get; set; }", run.Source("TestApi.ClientOptions.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public string? BearerToken { get; set; }", run.Source("TestApi.ClientOptions.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs2002_SecondRequestMediaType_PointsAtItAndTheOperationGeneratesForJson()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /pets:
                post:
                  operationId: addPet
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {name: {type: string}}}
                      ⟦text/csv:
                        schema: {type: string}
                  responses: {'204': {description: done}}
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics, "EVS2002", document.Position);
        Assert.Equal("Operation 'addPet': the request body is accepted only as 'application/json'; 'text/csv' is not supported yet", diagnostic.GetMessage());
        Assert.Contains("AddPetAsync(", run.Source("TestApi.Contracts.ITestApi.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs2002_XmlAlternativeOfAMap_PointsAtItAndSaysWhy_AndTheOperationGeneratesForJson()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /labels:
                post:
                  operationId: addLabels
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, additionalProperties: {type: string}}
                      ⟦application/xml:
                        schema: {type: object, additionalProperties: {type: string}}
                  responses: {'204': {description: done}}
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics, "EVS2002", document.Position);
        Assert.Equal("Operation 'addLabels': the body is read and written only as 'application/json'; 'application/xml' is not supported: the body is a map (additionalProperties), which the XML Object cannot express", diagnostic.GetMessage());
        Assert.Contains("AddLabelsAsync(", run.Source("TestApi.Contracts.ITestApi.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs2002_XmlOnlyBodyWithAnUntypedProperty_SkipsTheOperation_AndNamesTheProperty()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /notes:
                put:
                  operationId: putNote
                  requestBody:
                    content:
                      ⟦application/xml:
                        schema: {$ref: '#/components/schemas/Note'}
                  responses: {'204': {description: done}}
            components:
              schemas:
                Note:
                  type: object
                  properties:
                    text: {type: string}
                    extra: {}
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics, "EVS2002", document.Position);
        Assert.Equal("Operation 'putNote': request bodies of type 'application/xml' are not supported here; the operation is skipped: property 'extra' of 'Note' has no type (JsonElement), which the XML Object cannot express", diagnostic.GetMessage());
    }

    [Fact]
    public void Evs1005_AliasBomb_PointsAtTheAliasThatPassesTheExpansionLimit()
    {
        // Each level lists the previous one ten times: level n stands for about 1.1 x 10^n nodes, so the list of
        // level 6, on line 11, passes the 10,000,000-node limit within its own aliases.
        var builder = new System.Text.StringBuilder("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\nx-bomb:\n  l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n");
        for (var level = 1; level < 9; level++)
        {
            builder.Append($"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        }

        var diagnostic = Assert.Single(DiagnosticAssert.Run(builder.ToString()));

        Assert.Equal("EVS1005", diagnostic.Id);
        Assert.Contains("aliases expand it to more than 10000000 nodes", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(11, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }
}
