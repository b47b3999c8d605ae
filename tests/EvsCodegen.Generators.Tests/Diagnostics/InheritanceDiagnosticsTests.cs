using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS2001 for a base's discriminator stays only where no schema derives from the base.</summary>
public sealed class InheritanceDiagnosticsTests
{
    [Fact]
    public void Evs2001_DiscriminatorWithoutDerivedSchema_PointsAtTheDiscriminatorKey()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    petType: {type: string}
                  ⟦discriminator:
                    propertyName: petType
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2001", document.Position);

        Assert.Contains("no schema derives from this one", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void DiscriminatedBaseWithADerivedSchema_ReportsNoEvs2001()
    {
        var diagnostics = DiagnosticAssert.Run("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [petType]
                  properties:
                    petType: {type: string}
                  discriminator:
                    propertyName: petType
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                  properties:
                    lives: {type: integer}
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id == "EVS2001");
    }
}
