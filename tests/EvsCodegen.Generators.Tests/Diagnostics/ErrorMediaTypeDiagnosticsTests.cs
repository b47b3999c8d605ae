using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS1031: an error response declares only media types the server cannot write.</summary>
public sealed class ErrorMediaTypeDiagnosticsTests
{
    [Fact]
    public void Evs1031_ErrorWithOnlyUnwritableTypes_PointsAtTheMediaType()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '204': {description: done}
                    '406':
                      description: refused
                      content:
                        ⟦application/problem+xml: {}
                        text/html: {schema: {type: object, properties: {a: {type: string}}}}
                        text/event-stream: {schema: {type: string}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1031", document.Position);

        Assert.Equal("The 406 response of getA declares only application/problem+xml, text/html, text/event-stream, which the server cannot write; its errors are answered as application/json", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("application/problem+json")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("'*/*'")]
    [InlineData("text/html")]
    [InlineData("text/markdown")]
    [InlineData("application/problem+xml")]
    [InlineData("text/xml")]
    public void Evs1031_IsNotReported_ForAMediaTypeTheServerWrites(string mediaType)
    {
        var diagnostics = DiagnosticAssert.Run("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '204': {description: done}
                    '4XX':
                      description: refused
                      content:
                        MEDIA: {schema: {$ref: '#/components/schemas/Message'}}
                    default:
                      description: failed
                      content:
                        application/xml: {schema: {type: string}}
                        MEDIA: {schema: {type: string}}
            components:
              schemas:
                Message: {type: string, maxLength: 256}
            """.Replace("MEDIA", mediaType, StringComparison.Ordinal));

        Assert.DoesNotContain(diagnostics, d => d.Id == "EVS1031");
    }

    [Fact]
    public void Evs1031_IsNotReported_ForAnXmlErrorWithAnObjectSchema()
    {
        var diagnostics = DiagnosticAssert.Run("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '204': {description: done}
                    '406':
                      description: refused
                      content:
                        application/problem+xml: {schema: {type: object, properties: {title: {type: string}}}}
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id is "EVS1031" or "EVS2002");
    }

    [Fact]
    public void Evs1031_IsNotReported_ForASuccessResponse()
    {
        var diagnostics = DiagnosticAssert.Run("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: done
                      content: {application/xml: {schema: {type: string}}}
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id == "EVS1031");
    }
}
