using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>
/// Unions of any alternatives in the model: <c>oneOf</c>/<c>anyOf</c> of scalars, arrays and objects, type arrays,
/// <c>const</c>, <c>prefixItems</c> and <c>not</c>; null alternatives make the value nullable, never a union.
/// </summary>
public sealed class UnionParsingTests
{
    private const string Header = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:

        """;

    [Fact]
    public void AnyOf_StringOrObject_IsAUnionWithOneMemberPerAlternative()
    {
        var result = Parse.Document(Header + """
                Customer:
                  type: object
                  properties:
                    id: {type: string}
                CustomerRef:
                  anyOf:
                    - {type: string, maxLength: 40}
                    - $ref: '#/components/schemas/Customer'
            """);

        var union = Union(result.Model!, "CustomerRef");
        Assert.Equal("anyOf", union.Keyword);
        Assert.False(union.ExactlyOne);
        Assert.Equal(["String", "Customer"], union.Members.Select(m => m.Name));
        Assert.Equal([JsonKinds.String, JsonKinds.Object], union.Members.Select(m => m.Kinds));
        Assert.Equal(40, union.Members[0].Constraints.MaxLength);
        Assert.Equal(new TypeRefModel(TypeRefKind.Object, TypeName: "Customer"), union.Members[1].Type);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void OneOf_OfScalarsAndArrays_NamesMembersByKind()
    {
        var model = Parse.Model(Header + """
                Mixed:
                  oneOf:
                    - {type: integer}
                    - {type: number}
                    - {type: boolean}
                    - {type: string, format: date-time}
                    - {type: array, items: {type: string}}
                    - {type: object, additionalProperties: {type: integer}}
            """);

        var union = Union(model, "Mixed");
        Assert.True(union.ExactlyOne);
        Assert.Equal(["Integer", "Number", "Boolean", "DateTime", "StringList", "IntegerMap"], union.Members.Select(m => m.Name));
        Assert.Equal([JsonKinds.Number, JsonKinds.Number, JsonKinds.Boolean, JsonKinds.String, JsonKinds.Array, JsonKinds.Object], union.Members.Select(m => m.Kinds));
    }

    [Theory]
    [InlineData("oneOf: [{type: string}, {type: 'null', description: none}]")]
    [InlineData("anyOf: [{type: string}, {const: null}]")]
    [InlineData("oneOf: [{type: string}, {enum: [null]}]")]
    [InlineData("type: [string, 'null']")]
    public void NullAlternatives_MakeTheValueNullable_NotAUnion(string schema)
    {
        var result = Parse.Document(Header + "    Name:\n      " + schema + "\n" + """
                Holder:
                  type: object
                  properties:
                    name: {$ref: '#/components/schemas/Name'}
            """);

        var model = result.Model!;
        Assert.Equal(new TypeRefModel(TypeRefKind.String, Nullable: true), model.Object("Holder").Property("name").Type);
        Assert.DoesNotContain(model.Types, t => t is UnionTypeModel);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void OneOf_OfOnlyNull_IsNullOnly_WithoutDiagnostic()
    {
        var result = Parse.Document(Header + """
                Holder:
                  type: object
                  properties:
                    nothing:
                      oneOf:
                        - oneOf: [{type: 'null'}]
            """);

        // Null only: typed as a nullable JsonElement that strict reads hold to the schema (any other value is refused).
        Assert.Equal(new TypeRefModel(TypeRefKind.Any, Nullable: true, Schema: """{"oneOf":[{"oneOf":[{"type":"null"}]}]}"""), result.Model!.Object("Holder").Property("nothing").Type);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void TypeArray_OfSeveralTypes_IsANullableAnyOfUnion_AndIntegerBesideNumberIsTheNumber()
    {
        var result = Parse.Document(Header + """
                Holder:
                  type: object
                  properties:
                    code: {type: [string, integer, 'null'], maxLength: 5, minimum: 1}
                    amount: {type: [integer, number]}
            """);

        var model = result.Model!;
        var holder = model.Object("Holder");
        Assert.True(holder.Property("code").Type.Nullable);
        var union = Union(model, holder.Property("code").Type.TypeName!);
        Assert.Equal("anyOf", union.Keyword);
        Assert.Equal([TypeRefKind.String, TypeRefKind.Int64], union.Members.Select(m => m.Type.Kind));
        Assert.Equal((5, "1"), (union.Members[0].Constraints.MaxLength, union.Members[1].Constraints.Minimum));
        Assert.Equal(new TypeRefModel(TypeRefKind.Double), holder.Property("amount").Type);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Const_StringIsAnEnumOfOneValue_NumberIsChecked_BooleanIsChecked()
    {
        var result = Parse.Document(Header + """
                Holder:
                  type: object
                  properties:
                    mode: {const: fast}
                    level: {const: 3}
                    ratio: {const: 0.5}
                    flag: {const: true}
                    shape: {const: {a: 1}}
            """);

        var model = result.Model!;
        var holder = model.Object("Holder");
        Assert.Equal(["fast"], model.Enum(holder.Property("mode").Type.TypeName!).Members.Select(m => m.Value));
        Assert.Equal(["3"], model.Enum(holder.Property("level").Type.TypeName!).Members.Select(m => m.Value));
        Assert.Equal(TypeRefKind.Double, holder.Property("ratio").Type.Kind);
        Assert.Equal(["0.5"], holder.Property("ratio").Constraints.AllowedNumbers);
        Assert.Equal(TypeRefKind.Boolean, holder.Property("flag").Type.Kind);
        Assert.True(holder.Property("flag").Constraints.AllowedBoolean);
        Assert.Equal(new TypeRefModel(TypeRefKind.Any, Schema: """{"const":{"a":1}}"""), holder.Property("shape").Type);
        Assert.Equal(["EVS2001"], result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void PrefixItems_IsAnArrayOfAUnionOfThePositions_ReportedAsNotEnforced()
    {
        var result = Parse.Document(Header + """
                Pair:
                  type: array
                  prefixItems:
                    - {type: string}
                    - {type: integer}
            """);

        var pair = result.Model!.Types.OfType<UnionTypeModel>().Single();
        Assert.Equal(["String", "Integer"], pair.Members.Select(m => m.Name));
        Assert.Equal(["EVS2060"], result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Not_DoesNotShapeTheType_AndIsReportedAsNotEnforced()
    {
        var result = Parse.Document(Header + """
                Holder:
                  type: object
                  properties:
                    role: {type: string, not: {enum: [admin]}}
            """);

        Assert.Equal(new TypeRefModel(TypeRefKind.String), result.Model!.Object("Holder").Property("role").Type);
        Assert.Equal(["EVS2060"], result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void NumberEnum_IsTypedAndEnforced_WithoutDiagnostic()
    {
        var result = Parse.Document(Header + """
                Holder:
                  type: object
                  properties:
                    scale: {type: number, enum: [0.5, 1, 2]}
            """);

        Assert.Equal(["0.5", "1", "2"], result.Model!.Object("Holder").Property("scale").Constraints.AllowedNumbers);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void OneOf_WithOnlyUntypedAlternatives_IsJsonElementHeldToTheSchema_WithoutDiagnostic()
    {
        var result = Parse.Document(Header + """
                Holder:
                  type: object
                  properties:
                    anything:
                      oneOf:
                        - {minimum: 1, description: one}
                        - {maximum: 10, example: 3}
            """);

        // Any JSON value may match, so JsonElement is exact; annotations are left out of the schema the server checks.
        Assert.Equal(new TypeRefModel(TypeRefKind.Any, Schema: """{"oneOf":[{"minimum":1},{"maximum":10}]}"""), result.Model!.Object("Holder").Property("anything").Type);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void AnAlternativeThatIsTheUnionItself_IsLeftOut()
    {
        var result = Parse.Document(Header + """
                Tree:
                  anyOf:
                    - {type: string}
                    - {type: boolean}
                    - $ref: '#/components/schemas/Tree'
            """);

        Assert.Equal(["String", "Boolean"], Union(result.Model!, "Tree").Members.Select(m => m.Name));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void AParameterOrHeaderOfAUnionOfScalars_TravelsAsItsText()
    {
        var result = Parse.Document("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - {name: X-Ref, in: header, required: true, schema: {oneOf: [{type: string}, {type: integer}]}}
                    - {name: ids, in: query, schema: {type: array, items: {type: [string, integer]}}}
                  responses:
                    '204':
                      description: none
                      headers:
                        X-Count: {schema: {anyOf: [{type: string}, {type: integer}]}}
            """);

        var operation = result.Model!.Surfaces.SelectMany(s => s.Operations).Single();
        Assert.Equal(
            [new TypeRefModel(TypeRefKind.String), new TypeRefModel(TypeRefKind.Array, Item: new TypeRefModel(TypeRefKind.String))],
            operation.Parameters.Select(p => p.Type with { ItemConstraints = null }));
        Assert.Empty(result.Diagnostics);
    }

    private static UnionTypeModel Union(ApiModel model, string name) => model.Types.OfType<UnionTypeModel>().Single(t => t.Name == name);
}
