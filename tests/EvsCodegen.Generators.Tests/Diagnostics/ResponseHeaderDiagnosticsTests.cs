using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS2020: a response header whose schema a header cannot carry as a typed value.</summary>
public sealed class ResponseHeaderDiagnosticsTests
{
    [Fact]
    public void Evs2020_ObjectResponseHeader_PointsAtItsSchema_AndIsText()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      headers:
                        X-Rate:
                          schema: ⟦{type: object, properties: {limit: {type: integer}}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2020", document.Position);

        Assert.Equal("The response header 'X-Rate' of 'getA' is an object, which a header cannot carry as a typed value yet; it is a string holding the header's text", diagnostic.GetMessage());
    }

    [Fact]
    public void Evs2020_ScalarAndEnumHeaders_AreNotReported()
    {
        var document = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      headers:
                        X-Count: {schema: {type: integer}}
                        X-Mode: {schema: {type: string, enum: [fast, slow]}}
                        X-Id: {schema: {type: string, format: uuid}}
            """;

        Assert.DoesNotContain(DiagnosticAssert.Run(document), d => d.Id == "EVS2020");
    }
}
