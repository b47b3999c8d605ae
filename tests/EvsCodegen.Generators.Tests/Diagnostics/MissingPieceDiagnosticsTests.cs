using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>
/// EVS1008-EVS1010: pieces the OpenAPI specification requires (per version) that a document lacks, and a
/// <c>required</c> key no object can hold; each a positioned warning naming the rule while the rest generates.
/// </summary>
public sealed class MissingPieceDiagnosticsTests
{
    [Fact]
    public void Evs1008_OperationWithoutResponses_In30_PointsAtTheMethod()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                ⟦get:
                  operationId: getA
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics, "EVS1008", document.Position);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("The operation 'GET /a' has no 'responses', which OpenAPI 3.0 requires; the operation returns no result", diagnostic.GetMessage());
        Assert.Contains(run.Sources, s => s.Text.Contains("GetAAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void Evs1008_OperationWithoutResponses_In31_IsValid()
    {
        const string Document = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
            """;

        Assert.Empty(DiagnosticAssert.Run(Document));
    }

    [Theory]
    [InlineData("3.0.3")]
    [InlineData("3.1.0")]
    public void Evs1008_DocumentWithoutInfo_PointsAtTheDocumentStart(string version)
    {
        var document = MarkedText.Parse($"""
            ⟦openapi: {version}
            paths: {"{}"}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1008", document.Position);

        Assert.StartsWith($"The document has no 'info', which OpenAPI {version.Substring(0, 3)} requires", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{title: T}", "version")]
    [InlineData("{version: '1'}", "title")]
    [InlineData("{description: d}", "title")]
    public void Evs1008_InfoWithoutTitleOrVersion_PointsAtInfo(string info, string missing)
    {
        var document = MarkedText.Parse($"""
            openapi: 3.0.3
            ⟦info: {info}
            paths: {"{}"}
            """);

        var diagnostics = DiagnosticAssert.Run(document.Text);

        var diagnostic = Assert.Single(diagnostics, d => d.GetMessage().Contains($"'{missing}'", StringComparison.Ordinal));
        DiagnosticAssert.At(diagnostic, "EVS1008", document.Position);
        Assert.All(diagnostics, d => Assert.Equal("EVS1008", d.Id));
    }

    [Theory]
    [InlineData("⟦{name: id, in: path, schema: {type: string}}")]
    [InlineData("{name: id, in: path, required: ⟦false, schema: {type: string}}")]
    public void Evs1009_PathParameterWithoutRequiredTrue_PointsAtTheParameter_AndStillBindsIt(string parameter)
    {
        var document = MarkedText.Parse($$$"""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a/{id}:
                get:
                  operationId: getA
                  parameters:
                    - {{{parameter}}}
                  responses: {'204': {description: done}}
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics, "EVS1009", document.Position);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("'required: true'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(run.Sources, s => s.Text.Contains("GetAAsync(string id,", StringComparison.Ordinal));
    }

    [Fact]
    public void Evs1010_RequiredKeyThatAdditionalPropertiesFalseForbids_PointsAtTheKey()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  additionalProperties: false
                  required: [name, ⟦nmae]
                  properties:
                    name: {type: string}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1010", document.Position);

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("'nmae'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'additionalProperties: false' (line 8)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs1010_RequiredKeyForbiddenByAClosedAllOfPart_PointsAtTheKey()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Closed:
                  type: object
                  additionalProperties: false
                  properties:
                    id: {type: string}
                Item:
                  allOf:
                    - $ref: '#/components/schemas/Closed'
                    - required: [⟦extra]
            """);

        DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1010", document.Position);
    }

    [Fact]
    public void Evs1010_RequiredKeyForbiddenByUnevaluatedProperties_In31_PointsAtTheKey()
    {
        var document = MarkedText.Parse("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  unevaluatedProperties: false
                  required: [⟦missing]
                  properties:
                    id: {type: string}
            """);

        // The keyword itself is not enforced (EVS2001 at it); the key it forbids is still reported.
        var diagnostic = Assert.Single(DiagnosticAssert.Run(document.Text), d => d.Id == "EVS1010");
        DiagnosticAssert.At(diagnostic, "EVS1010", document.Position);

        Assert.Contains("unevaluatedProperties", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("additionalProperties: true")]
    [InlineData("additionalProperties: {type: string}")]
    [InlineData("description: open by default")]
    [InlineData("additionalProperties: false\n      patternProperties: {'^x': {type: string}}")]
    public void Evs1010_RequiredKeyThatMayArriveAsAnAdditionalProperty_IsValid(string openness)
    {
        var document = $"""
            openapi: 3.0.3
            info: {"{"}title: T, version: '1'{"}"}
            paths: {"{}"}
            components:
              schemas:
                Item:
                  type: object
                  {openness}
                  required: [name, extra]
                  properties:
                    name: {"{"}type: string{"}"}
            """;

        Assert.DoesNotContain(DiagnosticAssert.Run(document), d => d.Id == "EVS1010");
    }

    [Fact]
    public void Evs1010_RequiredKeyDeclaredByAnAllOfSibling_IsValid()
    {
        const string Document = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Base:
                  type: object
                  properties:
                    id: {type: string}
                Item:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - type: object
                      additionalProperties: false
                      required: [id]
                      properties:
                        id: {type: string}
            """;

        Assert.Empty(DiagnosticAssert.Run(Document));
    }

    [Theory]
    [InlineData("openapi: 3.0.3\ninfo:\n  title: T\n⟦\tversion: '1'\npaths: {}\n")]
    [InlineData("openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths:\n  /a:\n  ⟦\tget: {}\n")]
    [InlineData("openapi: 3.0.3\r\ninfo:\r\n⟦\ttitle: T\r\n")]
    public void Evs1001_TabInIndentation_PointsAtTheTab(string marked)
    {
        var document = MarkedText.Parse(marked);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1001", document.Position);

        Assert.Contains("tab", diagnostic.GetMessage(), StringComparison.OrdinalIgnoreCase);
    }
}
