using System.Text.Json;

namespace EvsCodegen.Runtime.Tests.Json;

/// <summary>
/// <see cref="ApiJsonSchema"/>: JSON Schema evaluation of the values generated code keeps as <c>JsonElement</c>
/// (keywords apply only to values of their type, applicators, references and cycles), the location of a violation, and
/// <see cref="ApiJsonReader.CheckSchema"/> and <see cref="ApiConstraints.MultipleOf{T}(T, double)"/>.
/// </summary>
public sealed class ApiJsonSchemaTests
{
    [Theory]
    [InlineData("""{"minLength":2}""", "5", true)]
    [InlineData("""{"minLength":2}""", "\"a\"", false)]
    [InlineData("""{"maxLength":2}""", "\"\\ud83d\\ude00\\ud83d\\ude00\"", true)]
    [InlineData("""{"pattern":"a+"}""", "\"xaay\"", true)]
    [InlineData("""{"pattern":"^a*$"}""", "\"abc\"", false)]
    [InlineData("""{"type":"null"}""", "null", true)]
    [InlineData("""{"type":"null"}""", "0", false)]
    [InlineData("""{"type":"integer"}""", "1.0", true)]
    [InlineData("""{"type":"integer"}""", "1.5", false)]
    [InlineData("""{"type":["string","null"]}""", "null", true)]
    [InlineData("""{"type":"string","nullable":true}""", "null", true)]
    [InlineData("""{"not":{"type":"integer"}}""", "\"x\"", true)]
    [InlineData("""{"not":{"type":"integer"}}""", "1", false)]
    [InlineData("""{"not":{}}""", "null", false)]
    [InlineData("""{"enum":[false]}""", "0", false)]
    [InlineData("""{"enum":[1]}""", "1.0", true)]
    [InlineData("""{"const":{"a":[1,2]}}""", """{"a":[1,2.0]}""", true)]
    [InlineData("""{"oneOf":[{"required":["a","b"]},{"required":["a","c"]}]}""", """{"a":1,"b":1}""", true)]
    [InlineData("""{"oneOf":[{"required":["a","b"]},{"required":["a","c"]}]}""", """{"a":1,"b":1,"c":1}""", false)]
    [InlineData("""{"oneOf":[{"required":["a","b"]},{"required":["a","c"]}]}""", "\"not an object\"", false)]
    [InlineData("""{"anyOf":[{"maxLength":2},{"minLength":5}]}""", "\"abc\"", false)]
    [InlineData("""{"allOf":[{"maximum":30},{"minimum":20}]}""", "25", true)]
    [InlineData("""{"allOf":[{"maximum":30},{"minimum":20}]}""", "35", false)]
    [InlineData("""{"exclusiveMinimum":1}""", "1", false)]
    [InlineData("""{"minimum":1,"exclusiveMinimum":true}""", "1", false)]
    [InlineData("""{"multipleOf":0.1}""", "0.3", true)]
    [InlineData("""{"multipleOf":0.123456789}""", "1e308", false)]
    [InlineData("""{"uniqueItems":true}""", "[1,1.0]", false)]
    [InlineData("""{"minItems":1,"items":{"type":"string"}}""", "[\"a\"]", true)]
    [InlineData("""{"prefixItems":[{"type":"integer"}],"items":false}""", "[1,2]", false)]
    [InlineData("""{"maxProperties":0}""", "{}", true)]
    [InlineData("""{"maxProperties":0}""", "[1]", true)]
    [InlineData("""{"properties":{"foo":{"not":{}}}}""", """{"bar":1}""", true)]
    [InlineData("""{"properties":{"foo":{"not":{}}}}""", """{"foo":1}""", false)]
    [InlineData("""{"additionalProperties":false,"patternProperties":{"^x":{}}}""", """{"xa":1}""", true)]
    [InlineData("""{"propertyNames":{"maxLength":2}}""", """{"abc":1}""", false)]
    [InlineData("""{"format":"date"}""", "\"2021-02-30\"", false)]
    [InlineData("""{"format":"email"}""", "\"not an email\"", true)]
    public void Evaluate_FollowsJsonSchema(string schema, string value, bool valid)
    {
        Assert.Equal(valid, new ApiJsonSchema(schema).IsValid(Element(value)));
    }

    [Fact]
    public void References_ResolveInTheSchema_AndCyclesEnd()
    {
        var tree = new ApiJsonSchema("""{"$defs":{"node":{"type":"object","required":["v"],"properties":{"next":{"$ref":"#/$defs/node"}}}},"$ref":"#/$defs/node"}""");
        var loop = new ApiJsonSchema("""{"allOf":[{"$ref":"#"}]}""");

        Assert.True(tree.IsValid(Element("""{"v":1,"next":{"v":2,"next":{"v":3}}}""")));
        Assert.False(tree.IsValid(Element("""{"v":1,"next":{"v":2,"next":{}}}""")));
        Assert.False(loop.IsValid(Element("1")));
    }

    [Fact]
    public void Validate_SaysWhereInsideTheValue()
    {
        var schema = new ApiJsonSchema("""{"properties":{"list":{"items":{"properties":{"name":{"maxLength":1}}}}}}""");

        var problem = schema.Validate(Element("""{"list":[{"name":"a"},{"name":"abc"}]}"""), out var path);

        Assert.Equal("expected at most 1 characters, got 3", problem);
        Assert.Equal(["list", 1, "name"], path);
    }

    [Fact]
    public void CheckSchema_OnAStrictRead_FailsAtTheValuesLocation()
    {
        var context = new ApiJsonReader(strict: true);
        context.Push("outer");

        var failure = Assert.Throws<ApiJsonException>(() => context.CheckSchema(Element("""{"a":[true]}"""), """{"properties":{"a":{"items":{"type":"null"}}}}"""));

        Assert.Equal(("outer.a[0]", "expected null, got a boolean"), (failure.Location, failure.Problem));
    }

    [Fact]
    public void Of_ParsesOnce_PerStringInstance()
    {
        const string Text = """{"minimum":1}""";

        Assert.Same(ApiJsonSchema.Of(Text), ApiJsonSchema.Of(Text));
    }

    [Theory]
    [InlineData(0.3, 0.1, true)]
    [InlineData(0.35, 0.1, false)]
    [InlineData(4.5, 1.5, true)]
    public void MultipleOf_Doubles_InDecimalWhereTheyFit(double value, double divisor, bool valid)
    {
        Assert.Equal(valid, ApiConstraints.MultipleOf(value, divisor) is null);
    }

    [Fact]
    public void MultipleOf_Integers_AreExact()
    {
        Assert.Null(ApiConstraints.MultipleOf(9_007_199_254_740_993L, 1.0));
        Assert.NotNull(ApiConstraints.MultipleOf(9_007_199_254_740_993L, 2.0));
        Assert.Null(ApiConstraints.MultipleOf(0L, 0.123456789));
        Assert.Equal("expected a multiple of 3", ApiConstraints.MultipleOf(4, 3.0));
    }

    private static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
