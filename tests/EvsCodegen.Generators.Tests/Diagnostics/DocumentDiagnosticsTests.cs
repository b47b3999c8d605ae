using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS1xxx: documents that cannot be read, are of the wrong version, are malformed or exceed a limit.</summary>
public sealed class DocumentDiagnosticsTests
{
    [Fact]
    public void Evs1001_MalformedYaml_PointsAtTheOffendingCharacter()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a: x⟦: y
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1001", document.Position);

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("test-api.yaml", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs1001_DuplicateKey_PointsAtTheSecondKey()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            ⟦info: {title: U, version: '2'}
            paths: {}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1001", document.Position);

        Assert.Contains("'info' appears twice", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs1002_Swagger12_PointsAtTheSwaggerVersion()
    {
        // Swagger 2.0 is read (Swagger2ParsingTests); 1.2 had another shape altogether (resource listings).
        var document = MarkedText.Parse("""
            swagger: ⟦'1.2'
            info: {title: T, version: '1'}
            paths: {}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1002", document.Position);

        Assert.Contains("Swagger 1.2", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs1002_OpenApi40_PointsAtTheOpenApiVersion()
    {
        // 3.2 is read (OpenApi32ParsingTests); a later version may change anything.
        var document = MarkedText.Parse("""
            openapi: ⟦4.0.0
            info: {title: T, version: '1'}
            paths: {}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1002", document.Position);

        Assert.Contains("OpenAPI 4.0.0", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs1002_DocumentWithoutVersion_PointsAtTheDocumentStart()
    {
        var document = MarkedText.Parse("""
            ⟦info: {title: T, version: '1'}
            paths: {}
            """);

        DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1002", document.Position);
    }

    [Fact]
    public void Evs1003_PathNotStartingWithSlash_PointsAtThePathAndSkipsIt()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              ⟦pets:
                get:
                  responses: {'204': {description: done}}
            """);

        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, document.Text));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics, "EVS1003", document.Position);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains(".Clients.", StringComparison.Ordinal));
    }

    [Fact]
    public void Evs1003_SchemaThatIsNotAMapping_PointsAtTheSchema()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    name: ⟦just a string
            """);

        DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1003", document.Position);
    }

    [Fact]
    public void Evs1004_UnresolvedSchemaRef_PointsAtTheReference()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Owner:
                  type: object
                  properties:
                    pet: {$ref: ⟦'#/components/schemas/Missing'}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1004", document.Position);

        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs1004_UnresolvedResponseRef_PointsAtTheReference()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '404':
                      $ref: ⟦'#/components/responses/NotFound'
                    '204': {description: done}
            """);

        DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1004", document.Position);
    }

    [Fact]
    public void Evs1005_NestingDeeperThanTheLimit_PointsAtTheFirstLevelTooDeep()
    {
        // 300 nested flow sequences. The reader accepts 256 levels and the root mapping is the first, so the
        // 256th opening bracket, level 257, is reported.
        var text = "openapi: 3.0.3\nx-deep: " + new string('[', 300) + new string(']', 300) + "\n";

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(text), "EVS1005", (2, "x-deep: ".Length + 256));

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Evs1005_AliasesMultiplyingTheWork_StopWithinTheBudgetAndPointIntoTheAliasedList()
    {
        // One list of 20,000 distinct empty schemas, aliased by 201 objects through allOf: each object walks the
        // whole list, so the walk costs 201 x 20,000 steps, above the 4,000,000 budget, from a 64 KB document.
        const int Parts = 20_000;
        const int Objects = 201;
        const string ListPrefix = "x-parts: &parts [";
        var builder = new System.Text.StringBuilder("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n");
        builder.Append(ListPrefix).Append(string.Join(",", Enumerable.Repeat("{}", Parts))).Append("]\n");
        builder.Append("components:\n  schemas:\n");
        for (var i = 0; i < Objects; i++)
        {
            builder.Append("    Object").Append(i).Append(": {allOf: *parts}\n");
        }

        var diagnostics = DiagnosticAssert.Run(builder.ToString());

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("EVS1005", diagnostic.Id);
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal(4, start.Line + 1);
        Assert.InRange(start.Character + 1, ListPrefix.Length + 1, ListPrefix.Length + (Parts * 3));
    }
}
