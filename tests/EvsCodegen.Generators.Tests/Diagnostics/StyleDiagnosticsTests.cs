using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS2040: a style OpenAPI does not define for a parameter's location or for a form field.</summary>
public sealed class StyleDiagnosticsTests
{
    [Fact]
    public void Evs2040_HeaderWithFormStyle_IsReportedAtTheStyle_AndTheParameterIsKept()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /things:
                get:
                  operationId: list
                  parameters:
                    - {name: X-Count, in: header, style: ⟦form, schema: {type: integer}}
                  responses: {'204': {description: done}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2040", document.Position);

        Assert.Equal("'X-Count' uses the style 'form', which OpenAPI does not define for header parameters; 'simple' is used", diagnostic.GetMessage());
        Assert.Single(Parse.Model(document.Text).Surfaces.Single().Operations.Single().Parameters);
    }

    [Fact]
    public void Evs2040_FormFieldWithMatrixStyle_IsReportedAtTheStyle()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /things:
                post:
                  operationId: add
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: {type: object, properties: {tags: {type: array, items: {type: string}}}}
                        encoding: {tags: {style: ⟦matrix}}
                  responses: {'204': {description: done}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2040", document.Position);

        Assert.Equal("'tags' uses the style 'matrix', which OpenAPI does not define for form fields; 'form' is used", diagnostic.GetMessage());
    }
}
