using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS1030: a server variable without a default.</summary>
public sealed class ServerDiagnosticsTests
{
    [Fact]
    public void Evs1030_ServerVariableWithoutDefault_PointsAtTheUrl()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers:
              - url: ⟦https://api.example.com/{version}/x
                variables:
                  version: {description: no default}
            paths: {}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1030", document.Position);

        Assert.Equal("The server variable 'version' of 'https://api.example.com/{version}/x' has no default (OpenAPI requires one); it is left out of the base path", diagnostic.GetMessage());
    }
}
