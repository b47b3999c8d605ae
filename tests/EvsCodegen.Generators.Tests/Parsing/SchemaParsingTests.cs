using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>How schemas map to the model: references, composition, nullability and enums.</summary>
public sealed class SchemaParsingTests
{
    [Fact]
    public void Ref_ToAComponent_TypesThePropertyAsThatComponentAndBorrowsItsDescription()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Owner:
                  type: object
                  properties:
                    pet: {$ref: '#/components/schemas/Pet'}
                    viaAlias: {$ref: '#/components/schemas/PetAlias'}
                    kind: {$ref: '#/components/schemas/Pet~1Kind'}
                PetAlias:
                  $ref: '#/components/schemas/Pet'
                Pet:
                  type: object
                  description: A pet.
                  properties:
                    name: {type: string}
                Pet/Kind:
                  type: string
                  enum: [cat, dog]
            """);

        var owner = model.Object("Owner");
        Assert.Equal(new TypeRefModel(TypeRefKind.Object, TypeName: "Pet"), owner.Property("pet").Type);
        Assert.Equal("A pet.", owner.Property("pet").Description);
        Assert.Equal(new TypeRefModel(TypeRefKind.Object, TypeName: "Pet"), owner.Property("viaAlias").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.Enum, TypeName: "PetKind"), owner.Property("kind").Type);

        // An alias of another component is that component, not a type of its own.
        Assert.Equal(["Owner", "Pet", "PetKind"], model.Types.Select(t => t.Name));
    }

    [Fact]
    public void Ref_Unresolved_TypesThePropertyAsAnyValue()
    {
        var result = Parse.Document("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Owner:
                  type: object
                  properties:
                    pet: {$ref: '#/components/schemas/Missing'}
            """);

        Assert.Equal(TypeRefModel.AnyValue, result.Model!.Object("Owner").Property("pet").Type);
        Assert.Equal(["EVS1004"], result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void AllOf_MergesPropertiesAndRequiredKeysOfEveryPart()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Base:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string}
                    name: {type: string, description: base name}
                Derived:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - type: object
                      required: [extra]
                      properties:
                        name: {type: string, maxLength: 10, description: derived name}
                        extra: {type: integer, format: int32}
            """);

        var derived = model.Object("Derived");
        Assert.Equal([("id", true), ("name", false), ("extra", true)], derived.Properties.Select(p => (p.JsonName, p.Required)));

        // A key declared twice keeps its first position and its last schema.
        var name = derived.Property("name");
        Assert.Equal("derived name", name.Description);
        Assert.Equal(10, name.Constraints.MaxLength);
        Assert.Equal(new TypeRefModel(TypeRefKind.Int32), derived.Property("extra").Type);
    }

    [Fact]
    public void AllOf_WithASingleReference_IsThatTypeNotANewOne()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    base: {allOf: [{$ref: '#/components/schemas/Base'}], description: the base}
                Base:
                  type: object
                  properties:
                    id: {type: string}
            """);

        Assert.Equal(new TypeRefModel(TypeRefKind.Object, TypeName: "Base"), model.Object("Holder").Property("base").Type);
        Assert.Equal(["Holder", "Base"], model.Types.Select(t => t.Name));
    }

    [Fact]
    public void Nullable_InOpenApi30_MakesTheTypeNullable()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    plain: {type: string}
                    nullableString: {type: string, nullable: true}
                    nullableRef: {$ref: '#/components/schemas/Color', nullable: true}
                    nullableInt: {type: integer, nullable: true}
                Color:
                  type: string
                  enum: [red, green]
            """);

        var item = model.Object("Item");
        Assert.Equal(new TypeRefModel(TypeRefKind.String), item.Property("plain").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.String, Nullable: true), item.Property("nullableString").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.Enum, Nullable: true, TypeName: "Color"), item.Property("nullableRef").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.Int64, Nullable: true), item.Property("nullableInt").Type);
    }

    [Fact]
    public void TypeArrays_InOpenApi31_WithNullAreNullableAndWithSeveralTypesAreAUnion()
    {
        var result = Parse.Document("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    stringOrNull: {type: [string, 'null']}
                    onlyNull: {type: ['null']}
                    refOrNull: {oneOf: [{$ref: '#/components/schemas/Color'}, {type: 'null'}]}
                    stringOrInteger: {type: [string, integer]}
                Color:
                  type: string
                  enum: [red, green]
            """);

        var item = result.Model!.Object("Item");
        Assert.Equal(new TypeRefModel(TypeRefKind.String, Nullable: true), item.Property("stringOrNull").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.Any, Nullable: true, Schema: """{"type":["null"]}"""), item.Property("onlyNull").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.Enum, Nullable: true, TypeName: "Color"), item.Property("refOrNull").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.Object, TypeName: "ItemStringOrInteger"), item.Property("stringOrInteger").Type);
        Assert.Equal(
            [TypeRefKind.String, TypeRefKind.Int64],
            result.Model!.Types.OfType<UnionTypeModel>().Single(u => u.Name == "ItemStringOrInteger").Members.Select(m => m.Type.Kind));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void StringEnum_WithOddValues_GetsUniqueValidMemberNamesAndDropsDuplicates()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Odd:
                  type: string
                  enum: ['', 'a b', '1st', 'class', 'A', 'a', 'value', 'odd', 'x-y', 'a b', 'Grüße']
            """);

        var odd = model.Enum("Odd");
        Assert.False(odd.IsInteger);
        Assert.Equal(
            [
                ("Empty", ""), ("AB", "a b"), ("_1st", "1st"), ("Class", "class"), ("A", "A"), ("A2", "a"),
                ("Value2", "value"), ("Odd2", "odd"), ("XY", "x-y"), ("Grüße", "Grüße"),
            ],
            odd.Members.Select(m => (m.Name, m.Value)));
    }

    [Fact]
    public void IntegerEnum_NamesMembersByValueAndNormalizesThem()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Level:
                  type: integer
                  enum: [-1, 0, 1, 01]
            """);

        var level = model.Enum("Level");
        Assert.True(level.IsInteger);
        Assert.Equal([("ValueMinus1", "-1"), ("Value0", "0"), ("Value1", "1")], level.Members.Select(m => (m.Name, m.Value)));
    }

    [Fact]
    public void Enum_ListingNull_IsNullable()
    {
        var model = Parse.Model("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    size: {enum: [small, large, null]}
            """);

        Assert.Equal(new TypeRefModel(TypeRefKind.Enum, Nullable: true, TypeName: "ItemSize"), model.Object("Item").Property("size").Type);
        Assert.Equal(["small", "large"], model.Enum("ItemSize").Members.Select(m => m.Value));
    }

    [Fact]
    public void StringFormat_IsKeptForStringsThatStayStrings_AndOnlyForThem()
    {
        var model = Parse.AllModels("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /things:
                get:
                  parameters:
                    - {name: callback, in: query, schema: {type: string, format: uri}}
                  responses:
                    '204': {description: none}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    site: {type: string, format: uri}
                    mail: {type: [string, 'null'], format: email}
                    when: {type: string, format: date-time}
                    count: {type: integer, format: int32}
                    plain: {type: string}
            """);

        var thing = model.Object("Thing");
        Assert.Equal("uri", thing.Property("site").Constraints.StringFormat);
        Assert.Equal("email", thing.Property("mail").Constraints.StringFormat);
        Assert.Null(thing.Property("when").Constraints.StringFormat);
        Assert.Null(thing.Property("count").Constraints.StringFormat);
        Assert.Null(thing.Property("plain").Constraints.StringFormat);
        Assert.Equal("uri", model.Surfaces.Single().Operations.Single().Parameters.Single().Constraints.StringFormat);
    }

    [Fact]
    public void Constraints_OfASingleMemberAllOfWrapper_AreTheMembers_UnderTheWrappersOwn()
    {
        var model = Parse.Model("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Level: {type: number, enum: [1, 2, 3]}
                Code: {type: string, minLength: 2, maxLength: 8}
                Holder:
                  type: object
                  properties:
                    level: {nullable: true, allOf: [{$ref: '#/components/schemas/Level'}]}
                    code: {maxLength: 4, allOf: [{$ref: '#/components/schemas/Code'}]}
                    loop: {allOf: [{$ref: '#/components/schemas/Loop'}]}
                Loop: {allOf: [{$ref: '#/components/schemas/Loop'}]}
            """);

        var holder = model.Object("Holder");
        Assert.Equal(["1", "2", "3"], holder.Property("level").Constraints.AllowedNumbers);
        Assert.Equal((2, 4), (holder.Property("code").Constraints.MinLength, holder.Property("code").Constraints.MaxLength));
        Assert.Equal(ConstraintsModel.None, holder.Property("loop").Constraints);
    }

    [Fact]
    public void Constraints_OfAnAllOfOfConstraintOnlyMembers_Intersect_AndEveryPatternApplies()
    {
        var model = Parse.Model("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    letters: {type: string, allOf: [{pattern: '[abc]'}, {pattern: '[a-z]'}]}
                    sized: {type: string, maxLength: 9, allOf: [{minLength: 2, maxLength: 5}, {minLength: 3}]}
                    bounded: {type: integer, minimum: 0, allOf: [{exclusiveMinimum: 0}, {maximum: 10}, {maximum: 20}]}
            """);

        var holder = model.Object("Holder");
        var pattern = new System.Text.RegularExpressions.Regex(holder.Property("letters").Constraints.Pattern!);
        Assert.Matches(pattern, "zzb");
        Assert.DoesNotMatch(pattern, "zzz");
        Assert.DoesNotMatch(pattern, "B1");
        Assert.Equal((3, 5), (holder.Property("sized").Constraints.MinLength, holder.Property("sized").Constraints.MaxLength));
        var bounded = holder.Property("bounded").Constraints;
        Assert.Equal(("0", true, "10", false), (bounded.Minimum, bounded.ExclusiveMinimum, bounded.Maximum, bounded.ExclusiveMaximum));
    }
}

