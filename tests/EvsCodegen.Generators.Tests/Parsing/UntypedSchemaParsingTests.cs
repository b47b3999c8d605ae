using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>
/// Schemas typed exactly where their keywords allow (empty <c>allOf</c> members, enums of one JSON type,
/// <c>multipleOf</c>), and the schema a <c>JsonElement</c> value is held to: validation keywords only, references
/// bundled under <c>$defs</c>, cycles as references.
/// </summary>
public sealed class UntypedSchemaParsingTests
{
    private const string Header = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:

        """;

    [Fact]
    public void EmptyAllOfMembers_AreNeutral_AndKeywordOnlyMembers_DoNotMakeAnObject()
    {
        var result = Parse.Document(Header + """
                Holder:
                  type: object
                  properties:
                    first: {allOf: [{}, {type: number}]}
                    last: {allOf: [{type: integer}, {description: annotated}]}
                    both: {allOf: [{}, {}]}
                    bounds: {allOf: [{maximum: 30}, {minimum: 20}]}
            """);

        var holder = result.Model!.Object("Holder");
        Assert.Equal(new TypeRefModel(TypeRefKind.Double), holder.Property("first").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.Int64), holder.Property("last").Type);
        Assert.Equal(TypeRefModel.AnyValue, holder.Property("both").Type);
        Assert.Equal(new TypeRefModel(TypeRefKind.Any, Schema: """{"allOf":[{"maximum":30},{"minimum":20}]}"""), holder.Property("bounds").Type);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void EnumsWithoutType_TakeTheTypeOfTheirValues_AndOneBooleanIsEnforced()
    {
        var result = Parse.Document(Header + """
                Holder:
                  type: object
                  properties:
                    off: {enum: [false]}
                    either: {enum: [true, false]}
                    ratio: {enum: [0.5, 1.5]}
                    flagged: {type: boolean, const: true}
            """);

        var holder = result.Model!.Object("Holder");
        Assert.Equal((TypeRefKind.Boolean, (bool?)false), (holder.Property("off").Type.Kind, holder.Property("off").Constraints.AllowedBoolean));
        Assert.Equal((TypeRefKind.Boolean, (bool?)null), (holder.Property("either").Type.Kind, holder.Property("either").Constraints.AllowedBoolean));
        Assert.Equal(TypeRefKind.Double, holder.Property("ratio").Type.Kind);
        Assert.Equal(["0.5", "1.5"], holder.Property("ratio").Constraints.AllowedNumbers);
        Assert.True(holder.Property("flagged").Constraints.AllowedBoolean);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void MultipleOf_IsAConstraint_OnIntegersAndNumbers_AndNotPositiveIsIgnored()
    {
        var result = Parse.Document(Header + """
                Holder:
                  type: object
                  properties:
                    step: {type: number, multipleOf: 0.1}
                    count: {type: integer, multipleOf: 3}
                    zero: {type: integer, multipleOf: 0}
            """);

        var holder = result.Model!.Object("Holder");
        Assert.Equal(["0.1", "3", null], new[] { "step", "count", "zero" }.Select(p => holder.Property(p).Constraints.MultipleOf));
    }

    [Fact]
    public void KeywordOnlyNullAndNotSchemas_AreJsonElements_HeldToTheirValidationKeywords()
    {
        var result = Parse.Document(Header + """
                Holder:
                  type: object
                  properties:
                    short: {minLength: 2, maxLength: 4, description: text, example: ab, x-note: 1}
                    nothing: {type: 'null'}
                    notInteger: {not: {type: integer}}
                    pair: {type: object, oneOf: [{required: [a, b]}, {required: [a, c]}]}
                    anything: {description: only annotations}
            """);

        var holder = result.Model!.Object("Holder");
        Assert.Equal("""{"minLength":2,"maxLength":4}""", holder.Property("short").Type.Schema);
        Assert.Equal(new TypeRefModel(TypeRefKind.Any, Nullable: true, Schema: """{"type":"null"}"""), holder.Property("nothing").Type);
        Assert.Equal("""{"not":{"type":"integer"}}""", holder.Property("notInteger").Type.Schema);
        Assert.Equal("""{"type":"object","oneOf":[{"required":["a","b"]},{"required":["a","c"]}]}""", holder.Property("pair").Type.Schema);
        Assert.Null(holder.Property("anything").Type.Schema);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void References_AreBundledOnce_AndACycleIsAReference()
    {
        var result = Parse.Document(Header + """
                Holder:
                  type: object
                  properties:
                    tree: {$ref: '#/components/schemas/Tree'}
                    twice: {anyOf: [{$ref: '#/components/schemas/Small'}, {not: {$ref: '#/components/schemas/Small'}}]}
                Tree:
                  minimum: 0
                  contains: {$ref: '#/components/schemas/Tree'}
                Small: {maximum: 3}
            """);

        var holder = result.Model!.Object("Holder");
        Assert.Equal("""{"minimum":0,"contains":{"$ref":"#"}}""", holder.Property("tree").Type.Schema);
        Assert.Equal("""{"anyOf":[{"$ref":"#/$defs/d0"},{"not":{"$ref":"#/$defs/d0"}}],"$defs":{"d0":{"maximum":3}}}""", holder.Property("twice").Type.Schema);
    }

    [Fact]
    public void DataInTheSchema_IsJson_WithNumbersBooleansNullsAndEscapedText()
    {
        var result = Parse.Document(Header + """
                Holder:
                  type: object
                  properties:
                    value: {enum: [1, 2.50, true, null, '3', "h\u00e9\"llo", {a: [1]}]}
            """);

        Assert.Equal("""{"enum":[1,2.50,true,null,"3","h\u00e9\"llo",{"a":[1]}]}""", result.Model!.Object("Holder").Property("value").Type.Schema);
    }
}
