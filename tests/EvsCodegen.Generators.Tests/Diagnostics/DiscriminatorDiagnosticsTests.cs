using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS1032: a union's discriminator cannot be fixed on one of its alternatives.</summary>
public sealed class DiscriminatorDiagnosticsTests
{
    [Fact]
    public void Evs1032_DiscriminatorPropertyNotAString_PointsAtTheDiscriminator()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Choice:
                  oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
                  discriminator: ⟦{propertyName: kind}
                A:
                  type: object
                  properties: {kind: {type: integer}}
                B:
                  type: object
                  properties: {kind: {type: string}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1032", document.Position);

        Assert.Equal("The discriminator 'kind' cannot be fixed on A: the property is not a non-null string (Int64); its value is neither set nor checked by A", diagnostic.GetMessage());
    }

    [Fact]
    public void Evs1032_TwoUnionsNamingOneTypeDifferently_PointsAtTheSecond_AndTheFirstIsKept()
    {
        var document = MarkedText.Parse("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                First:
                  oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
                  discriminator: {propertyName: kind, mapping: {a: '#/components/schemas/A'}}
                Second:
                  oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
                  discriminator: ⟦{propertyName: kind}
                A: {type: object, properties: {kind: {type: string}}}
                B: {type: object, properties: {kind: {type: string}}}
            """);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS1032", document.Position);

        Assert.Equal("The discriminator 'kind' cannot be fixed on A: Second names it 'A' but First names it 'a' (by 'kind'); it keeps the first, so Second writes a value its reader does not expect", diagnostic.GetMessage());
        var a = Parse.Model(document.Text).Object("A");
        Assert.Equal(["a"], a.Properties.Single(p => p.JsonName == "kind").DiscriminatorValues);
    }
}
