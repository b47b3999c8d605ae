using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS2001 for a base's discriminator stays only where no schema derives from the base; beside properties, only for a union with an alternative that is not an object.</summary>
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
    public void Evs2001_OneOfBesidePropertiesWithAnAlternativeThatIsNotAnObject_PointsAtTheKeyword()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Id:
                  type: string
                Pet:
                  type: object
                  properties:
                    name: {type: string}
                  ⟦oneOf:
                    - $ref: '#/components/schemas/Id'
                    - type: object
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2001", document.Position);

        Assert.Contains("an alternative is not an object", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OneOfOfObjectsBesideProperties_AndABaseWithoutPropertiesThatIsDerivedFrom_ReportNoEvs2001()
    {
        var diagnostics = DiagnosticAssert.Run("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Fruit:
                  properties:
                    color: {type: string}
                  oneOf:
                    - {type: object, properties: {seeds: {type: integer}}}
                    - {type: object, properties: {length: {type: number}}}
                Car:
                  type: object
                  discriminator:
                    propertyName: carType
                Truck:
                  allOf:
                    - $ref: '#/components/schemas/Car'
                  required: [carType]
                  properties:
                    carType: {type: string}
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id == "EVS2001");
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
