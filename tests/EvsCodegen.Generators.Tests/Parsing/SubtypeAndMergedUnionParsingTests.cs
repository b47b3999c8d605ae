using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>
/// The discriminator shapes beyond <c>allOf: [$ref, {properties}]</c>: <c>oneOf</c>/<c>anyOf</c> beside <c>properties</c>
/// (a union of merged records), a component that only refers to a discriminated base, a discriminated base without
/// properties, and a derived schema narrowing the discriminator to an enum.
/// </summary>
public sealed class SubtypeAndMergedUnionParsingTests
{
    private const string Header = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Apple:
              type: object
              required: [seeds]
              properties:
                seeds: {type: integer}
            Banana:
              type: object
              properties:
                length: {type: number}
        """;

    [Fact]
    public void OneOfBesideProperties_WithAnEnumDiscriminatorAndMapping_IsAUnionOfMergedRecords()
    {
        var result = Parse.Document(Header + """

                Kind: {type: string, enum: [APPLE, BANANA]}
                Fruit:
                  type: object
                  required: [kind]
                  properties:
                    kind: {$ref: '#/components/schemas/Kind'}
                    color: {type: string}
                  oneOf:
                    - $ref: '#/components/schemas/Apple'
                    - $ref: '#/components/schemas/Banana'
                  discriminator:
                    propertyName: kind
                    mapping: {APPLE: '#/components/schemas/Apple', BANANA: Banana}
            """);

        Assert.Empty(result.Diagnostics);
        var fruit = Assert.IsType<UnionTypeModel>(result.Model!.Types.Single(t => t.Name == "Fruit"));
        Assert.Equal("oneOf", fruit.Keyword);
        Assert.Equal(["FruitApple", "FruitBanana"], fruit.Members.Select(m => m.Type.TypeName));
        Assert.Equal(["APPLE", "BANANA"], fruit.Members.Select(m => m.DiscriminatorValues[0]));
        var apple = result.Model.Object("FruitApple");
        Assert.Equal(["kind", "color", "seeds"], apple.Properties.Select(p => p.JsonName));
        Assert.Equal(TypeRefKind.Enum, apple.Property("kind").Type.Kind);
        Assert.Equal(("kind", "APPLE"), (apple.InheritedDiscriminator, apple.DiscriminatorValues[0]));
        Assert.Null(apple.BaseType);
        Assert.True(apple.Property("seeds").Required);

        // The alternatives stay as generated elsewhere.
        Assert.Equal(["seeds"], result.Model.Object("Apple").Properties.Select(p => p.JsonName));
        Assert.Null(result.Model.Object("Apple").InheritedDiscriminator);
    }

    [Fact]
    public void AnyOfBesideProperties_InlineAlternativesWithoutDiscriminator_AreNamedByPosition_AndAStringDiscriminatorIsAConstant()
    {
        var result = Parse.Document(Header + """

                Contact:
                  properties:
                    name: {type: string}
                  anyOf:
                    - required: [email]
                      properties: {email: {type: string}}
                    - required: [phone]
                      properties: {phone: {type: string}}
                  additionalProperties: false
                Shape:
                  type: object
                  properties:
                    shapeType: {type: string}
                  oneOf:
                    - $ref: '#/components/schemas/Apple'
                    - $ref: '#/components/schemas/Banana'
                  discriminator:
                    propertyName: shapeType
            """);

        Assert.Empty(result.Diagnostics);
        var contact = Assert.IsType<UnionTypeModel>(result.Model!.Types.Single(t => t.Name == "Contact"));
        Assert.Equal("anyOf", contact.Keyword);
        Assert.Equal(["ContactOption1", "ContactOption2"], contact.Members.Select(m => m.Type.TypeName));
        Assert.Equal(AdditionalPropertiesKind.Forbid, result.Model.Object("ContactOption2").AdditionalProperties);
        Assert.Equal(["name", "phone"], result.Model.Object("ContactOption2").Properties.Select(p => p.JsonName));
        var shapeApple = result.Model.Object("ShapeApple");
        Assert.Equal(["Apple"], shapeApple.Property("shapeType").DiscriminatorValues);
        Assert.True(shapeApple.Property("shapeType").Required);
    }

    [Fact]
    public void MergedRecordNames_DoNotCollideWithComponents_AndANullableAlternativeMakesTheUnionNullable()
    {
        var result = Parse.Document(Header + """

                FruitApple: {type: object, properties: {other: {type: string}}}
                Fruit:
                  properties:
                    color: {type: string}
                  oneOf:
                    - $ref: '#/components/schemas/Apple'
                    - {$ref: '#/components/schemas/Banana'}
                    - type: object
                      nullable: true
                      properties:
                        name: {type: string}
                Holder:
                  type: object
                  properties:
                    fruits:
                      type: array
                      items: {$ref: '#/components/schemas/Fruit'}
            """);

        Assert.Empty(result.Diagnostics);
        var fruit = Assert.IsType<UnionTypeModel>(result.Model!.Types.Single(t => t.Name == "Fruit"));
        var names = fruit.Members.Select(m => m.Type.TypeName!).ToList();
        Assert.DoesNotContain("FruitApple", names);
        Assert.Equal(3, names.Distinct().Count());
        Assert.Equal(["other"], result.Model.Object("FruitApple").Properties.Select(p => p.JsonName));
        Assert.True(result.Model.Object("Holder").Property("fruits").Type.Item!.Nullable);
    }

    [Theory]
    [InlineData("oneOf")]
    [InlineData("anyOf")]
    public void OneAlternativeBesideProperties_IsMergedLikeAnAllOfPart(string keyword)
    {
        var result = Parse.Document(Header + """

                Tagged:
                  type: object
                  properties:
                    tag: {type: string}
                  
            """ + keyword + """
            :
                    - $ref: '#/components/schemas/Apple'
                    - type: 'null'
            """);

        Assert.Empty(result.Diagnostics);
        var tagged = result.Model!.Object("Tagged");
        Assert.Equal(["seeds", "tag"], tagged.Properties.Select(p => p.JsonName));
        Assert.True(tagged.Property("seeds").Required);
    }

    [Fact]
    public void AnAlternativeThatIsNotAnObject_BesideProperties_StillReportsEvs2001()
    {
        var result = Parse.Document(Header + """

                Odd:
                  properties:
                    color: {type: string}
                  oneOf:
                    - $ref: '#/components/schemas/Apple'
                    - type: string
            """);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("EVS2001", diagnostic.Id);
        Assert.Contains("an alternative is not an object", diagnostic.Arguments[1], StringComparison.Ordinal);
        Assert.Equal(["color"], result.Model!.Object("Odd").Properties.Select(p => p.JsonName));
    }

    [Fact]
    public void AComponentThatOnlyRefersToADiscriminatedBase_IsADerivedRecord_OtherwiseAnAlias()
    {
        var result = Parse.Document(Header + """

                A:
                  type: object
                  required: [t]
                  properties:
                    t: {type: string}
                  discriminator:
                    propertyName: t
                    mapping: {b: '#/components/schemas/B'}
                B:
                  allOf:
                    - $ref: '#/components/schemas/A'
                C:
                  allOf:
                    - $ref: '#/components/schemas/B'
                AppleAlias:
                  allOf:
                    - $ref: '#/components/schemas/Apple'
            """);

        Assert.Empty(result.Diagnostics);
        var model = result.Model!;
        Assert.Equal(("A", "B"), (model.Object("B").BaseType, model.Object("C").BaseType));
        Assert.Equal([("B", "b"), ("C", "C")], model.Object("A").Derived.Select(d => (d.TypeName, d.DiscriminatorValues[0])));
        Assert.DoesNotContain(model.Types, t => t.Name == "AppleAlias");
    }

    [Fact]
    public void ADiscriminatedBaseWithoutProperties_IsARecordWhenSomethingDerives_ElseAMapWithEvs2001()
    {
        var result = Parse.Document(Header + """

                Car:
                  type: object
                  required: [carType]
                  discriminator: {propertyName: carType}
                CarType: {type: string, enum: [Truck, Van]}
                Truck:
                  type: object
                  allOf:
                    - $ref: '#/components/schemas/Car'
                  required: [carType]
                  properties:
                    carType: {$ref: '#/components/schemas/CarType'}
                Lonely:
                  type: object
                  discriminator: {propertyName: kind}
                Holder:
                  type: object
                  properties:
                    lonely: {$ref: '#/components/schemas/Lonely'}
            """);

        var model = result.Model!;
        Assert.Empty(model.Object("Car").Properties);
        Assert.Equal("carType", model.Object("Car").Discriminator);
        Assert.Equal(("Car", "carType", "Truck"), (model.Object("Truck").BaseType, model.Object("Truck").InheritedDiscriminator, model.Object("Truck").DiscriminatorValues[0]));
        Assert.Equal(TypeRefKind.Map, model.Object("Holder").Property("lonely").Type.Kind);
        Assert.Equal("EVS2001", Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("[hound]", "hound")]
    [InlineData("[beagle, hound]", "hound,beagle")]
    [InlineData("[beagle]", "beagle")]
    public void ADerivedSchemaNarrowingTheDiscriminatorToAnEnum_DerivesAndAcceptsTheEnumsValues_WritingOneThatNamesIt(string values, string accepted)
    {
        var result = Parse.Document(Header + """

                Animal:
                  type: object
                  required: [animalType]
                  properties:
                    animalType: {type: string}
                  discriminator:
                    propertyName: animalType
                    mapping: {hound: '#/components/schemas/Hound'}
                Hound:
                  allOf:
                    - $ref: '#/components/schemas/Animal'
                    - type: object
                      required: [animalType]
                      properties:
                        animalType: {type: string, enum: 
            """ + values + "}");

        Assert.Empty(result.Diagnostics);
        var hound = result.Model!.Object("Hound");
        Assert.Equal("Animal", hound.BaseType);
        Assert.Equal(TypeRefKind.String, hound.Property("animalType").Type.Kind);
        Assert.Equal(("animalType", accepted), (hound.InheritedDiscriminator, string.Join(",", hound.DiscriminatorValues)));
    }
}
