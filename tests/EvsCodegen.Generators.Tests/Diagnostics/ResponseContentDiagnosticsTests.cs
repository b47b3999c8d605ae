using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS2007: content declared on a response whose status cannot carry any.</summary>
public sealed class ResponseContentDiagnosticsTests
{
    [Fact]
    public void Evs2007_ContentOnA204Response_PointsAtTheContent()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '204':
                      description: done
                      content: ⟦{application/json: {schema: {type: object}}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2007", document.Position);

        Assert.Equal("A 204 response cannot carry content (RFC 9110); its content is ignored and the answer has no body", diagnostic.GetMessage());
    }
}
