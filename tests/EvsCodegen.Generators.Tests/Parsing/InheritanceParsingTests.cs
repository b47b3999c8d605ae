using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>
/// <c>allOf</c> with exactly one <c>$ref</c> base derives, and merges where a C# record cannot derive: several bases,
/// a base property redefined by the derived schema, a base that keeps additional properties.
/// </summary>
public sealed class InheritanceParsingTests
{
    private const string Header = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
        """;

    [Fact]
    public void OneRefBase_Derives_KeepingEveryPropertyAndMarkingTheInheritedOnes()
    {
        var model = Parse.Model(Header + """

                Pet:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: object
                      properties:
                        barks: {type: boolean}
            """);

        var dog = model.Object("Dog");
        Assert.Equal("Pet", dog.BaseType);
        Assert.Equal(["name"], dog.InheritedKeys);
        Assert.Equal(["name", "barks"], dog.Properties.Select(p => p.JsonName));
        Assert.Equal(["Dog"], model.Object("Pet").Derived.Select(d => d.TypeName));
        Assert.Null(model.Object("Pet").Discriminator);
    }

    [Theory]
    [InlineData("        - $ref: '#/components/schemas/Stamp'")]
    [InlineData("      properties:\n        name: {type: integer}")]
    public void TwoBases_OrARedefinedBaseProperty_Merge(string extra)
    {
        var model = Parse.Model(Header + """

                Stamp:
                  type: object
                  properties:
                    tag: {type: string}
                Pet:
                  type: object
                  properties:
                    name: {type: string}
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Pet'

            """ + extra);

        // The merged record holds the second base's key, or the redefined (integer) name.
        Assert.Null(model.Object("Dog").BaseType);
        Assert.Empty(model.Object("Pet").Derived);
        Assert.Contains(model.Object("Dog").Properties, p => p.JsonName == "tag" || p.Type.Kind == TypeRefKind.Int64);
    }

    [Fact]
    public void BaseKeepingAdditionalProperties_Merges()
    {
        var model = Parse.Model(Header + """

                Pet:
                  type: object
                  properties:
                    name: {type: string}
                  additionalProperties: {type: string}
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                  properties:
                    barks: {type: boolean}
            """);

        Assert.Null(model.Object("Dog").BaseType);
    }

    [Fact]
    public void Discriminator_NamesDescendantsByMappingElseSchemaName_AndFixesTheirValue()
    {
        var model = Parse.Model(Header + """

                Pet:
                  type: object
                  required: [petType]
                  properties:
                    petType: {type: string}
                  discriminator:
                    propertyName: petType
                    mapping:
                      doggo: Dog
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                  properties:
                    barks: {type: boolean}
                Puppy:
                  allOf:
                    - $ref: '#/components/schemas/Dog'
                  properties:
                    weeks: {type: integer}
            """);

        var pet = model.Object("Pet");
        Assert.Equal("petType", pet.Discriminator);
        Assert.Equal(["Dog:True:doggo", "Puppy:False:Puppy"], pet.Derived.Select(d => $"{d.TypeName}:{d.Direct}:{string.Join(",", d.DiscriminatorValues)}").Order(StringComparer.Ordinal));
        Assert.Equal(("petType", "doggo"), (model.Object("Dog").InheritedDiscriminator, model.Object("Dog").DiscriminatorValues.Single()));
        Assert.Equal(("Dog", "petType"), (model.Object("Puppy").BaseType, model.Object("Dog").Discriminator));
    }

    [Fact]
    public void EnumDiscriminator_IsFixedOnEachDerivedRecord_AndTheGeneratedCodeWritesAndChecksIt()
    {
        const string document = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Animal:
                  type: object
                  required: [petType]
                  properties:
                    petType: {type: string, enum: [Dog, Catty]}
                  discriminator:
                    propertyName: petType
                    mapping: {Catty: '#/components/schemas/Cat'}
                Dog:
                  allOf: [{$ref: '#/components/schemas/Animal'}, {type: object, properties: {bark: {type: string}}}]
                Cat:
                  allOf: [{$ref: '#/components/schemas/Animal'}, {type: object, properties: {meow: {type: string}}}]
            """;

        var model = Parse.Model(document);
        Assert.Equal(("petType", "Catty"), (model.Object("Cat").InheritedDiscriminator, model.Object("Cat").DiscriminatorValues.Single()));
        Assert.Equal(("petType", "Dog"), (model.Object("Dog").InheritedDiscriminator, model.Object("Dog").DiscriminatorValues.Single()));

        var run = GeneratorHarness.Run(OpenApiFile.Create("/repo/animals.yaml", document, emit: "models", ns: "Test.Animals"));
        Assert.True(GeneratorHarness.CompilerProblems(run.OutputCompilation).Count == 0, GeneratorHarness.Describe(GeneratorHarness.CompilerProblems(run.OutputCompilation)));
        var cat = run.Sources.Single(s => s.HintName.EndsWith(".Models.Cat.g.cs", StringComparison.Ordinal)).Text;
        // Written as the record's own value whatever the property holds; another value is refused on read (by its wire text).
        Assert.Contains("\"Catty\");", cat, StringComparison.Ordinal);
        Assert.Contains(".Value is not (\"Catty\")", cat, StringComparison.Ordinal);
    }
}
