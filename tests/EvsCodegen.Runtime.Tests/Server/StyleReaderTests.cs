using System.Text;
using EvsCodegen.Runtime.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace EvsCodegen.Runtime.Tests.Server;

/// <summary>
/// The server half of OpenAPI's parameter styles and nested forms (ApiServerRuntime.StyledValues, StyledJson,
/// QueryObjectJson, ReadFormAsJsonAsync with a shape): the specification's style examples read back into the JSON the
/// schema's converter reads, and malformed text answered with 400.
/// </summary>
public sealed class StyleReaderTests
{
    private const string Rgb = """{"root":0,"objects":[{"properties":{"R":"int32","G":"int32","B":"int32"}}]}""";

    [Theory]
    [InlineData(ApiParameterStyle.Matrix, false, ";color=R,100,G,200,B,150")]
    [InlineData(ApiParameterStyle.Matrix, true, ";R=100;G=200;B=150")]
    [InlineData(ApiParameterStyle.Label, false, ".R,100,G,200,B,150")]
    [InlineData(ApiParameterStyle.Label, true, ".R=100.G=200.B=150")]
    [InlineData(ApiParameterStyle.Simple, false, "R,100,G,200,B,150")]
    [InlineData(ApiParameterStyle.Simple, true, "R=100,G=200,B=150")]
    [InlineData(ApiParameterStyle.Form, false, "R,100,G,200,B,150")]
    [InlineData(ApiParameterStyle.SpaceDelimited, false, "R 100 G 200 B 150")]
    [InlineData(ApiParameterStyle.PipeDelimited, false, "R|100|G|200|B|150")]
    public void StyledJson_ReadsTheSpecificationsObjectExamples(ApiParameterStyle style, bool explode, string text)
    {
        Assert.Equal("""{"R":100,"G":200,"B":150}""", Encoding.UTF8.GetString(ApiServerRuntime.StyledJson(new StringValues(text), "color", style, explode, Rgb, required: true)!));
    }

    [Theory]
    [InlineData(ApiParameterStyle.Matrix, false, ";color=blue,black,brown")]
    [InlineData(ApiParameterStyle.Matrix, true, ";color=blue;color=black;color=brown")]
    [InlineData(ApiParameterStyle.Label, false, ".blue,black,brown")]
    [InlineData(ApiParameterStyle.Label, true, ".blue.black.brown")]
    [InlineData(ApiParameterStyle.Simple, false, "blue,black,brown")]
    [InlineData(ApiParameterStyle.SpaceDelimited, false, "blue black brown")]
    [InlineData(ApiParameterStyle.PipeDelimited, false, "blue|black|brown")]
    public void StyledValues_ReadsTheSpecificationsArrayExamples(ApiParameterStyle style, bool explode, string text)
    {
        Assert.Equal(new string?[] { "blue", "black", "brown" }, ApiServerRuntime.StyledValues(new StringValues(text), "color", style, explode, array: true).ToArray());
    }

    [Theory]
    [InlineData(ApiParameterStyle.Matrix, ";color=blue")]
    [InlineData(ApiParameterStyle.Label, ".blue")]
    public void StyledValues_TakesTheScalarsPrefixOff(ApiParameterStyle style, string text)
    {
        Assert.Equal("blue", ApiServerRuntime.StyledValues(new StringValues(text), "color", style, explode: false, array: false).Single());
    }

    [Theory]
    [InlineData(ApiParameterStyle.Matrix, "blue", "The parameter 'color' must be written ';color=…' (matrix style).")]
    [InlineData(ApiParameterStyle.Matrix, ";other=blue", "The parameter 'color' must be written ';color=…' (matrix style).")]
    [InlineData(ApiParameterStyle.Label, "blue", "The parameter 'color' must start with '.' (label style).")]
    public void StyledValues_WithoutTheStylesPrefix_Is400(ApiParameterStyle style, string text, string message)
    {
        var exception = Assert.Throws<ApiException>(() => ApiServerRuntime.StyledValues(new StringValues(text), "color", style, explode: false, array: false));

        Assert.Equal((400, message), (exception.StatusCode, exception.Message));
    }

    [Theory]
    [InlineData("R,100,G", "The parameter 'color' must be name and value pairs.")]
    [InlineData("R,x", "The parameter 'color' is invalid: 'color[R]' must be a 32-bit integer.")]
    [InlineData("R,1,R,2", "The parameter 'color' is invalid: 'color[R]' is given more than once.")]
    public void StyledJson_Malformed_Is400(string text, string message)
    {
        var exception = Assert.Throws<ApiException>(() => ApiServerRuntime.StyledJson(new StringValues(text), "color", ApiParameterStyle.Form, explode: false, Rgb, required: true));

        Assert.Equal((400, message), (exception.StatusCode, exception.Message));
    }

    [Fact]
    public void StyledJson_Absent_IsNull_OrARequired400()
    {
        Assert.Null(ApiServerRuntime.StyledJson(default, "color", ApiParameterStyle.Simple, explode: false, Rgb, required: false));
        Assert.Equal(400, Assert.Throws<ApiException>(() => ApiServerRuntime.StyledJson(default, "color", ApiParameterStyle.Simple, explode: false, Rgb, required: true)).StatusCode);
    }

    [Theory]
    [InlineData(ApiParameterStyle.DeepObject, "?color[R]=100&color[G]=200&color[B]=150&other=1", """{"R":100,"G":200,"B":150}""")]
    [InlineData(ApiParameterStyle.Form, "?R=100&G=200&B=150&other=1", """{"R":100,"G":200,"B":150}""")]
    [InlineData(ApiParameterStyle.DeepObject, "?color%5BR%5D=%31", """{"R":1}""")]
    public void QueryObjectJson_ReadsTheSpecificationsExamples(ApiParameterStyle style, string query, string expected)
    {
        var http = TestHttp.Request();
        http.Request.QueryString = new QueryString(query);

        Assert.Equal(expected, Encoding.UTF8.GetString(ApiServerRuntime.QueryObjectJson(http, "color", style, Rgb, required: true, ["other"])!));
    }

    [Fact]
    public void QueryObjectJson_Map_TakesEveryKeyNoOtherParameterTakes()
    {
        var http = TestHttp.Request();
        http.Request.QueryString = new QueryString("?a=1&b=%C3%A9&page=2");

        Assert.Equal("""{"a":"1","b":"é"}""", Encoding.UTF8.GetString(ApiServerRuntime.QueryObjectJson(http, "m", ApiParameterStyle.Form, """{"root":0,"objects":[{"additional":"string"}]}""", required: false, ["page"])!));
    }

    [Fact]
    public void QueryObjectJson_NoKeys_IsNullWhenOptional_AndEmptyWhenRequired()
    {
        var http = TestHttp.Request();

        Assert.Null(ApiServerRuntime.QueryObjectJson(http, "color", ApiParameterStyle.DeepObject, Rgb, required: false, []));
        Assert.Equal("{}", Encoding.UTF8.GetString(ApiServerRuntime.QueryObjectJson(http, "color", ApiParameterStyle.DeepObject, Rgb, required: true, [])!));
    }

    private const string Charge = """
        {"root":0,"objects":[{"properties":{"amount":"int64","card":1,"items":[2],"tags":["string"],"ids":["int32"],"opts":"any","on":"boolean"}},
        {"properties":{"exp":"int32"}},{"properties":{"p":"string","q":"double"}}],
        "encoding":{"tags":{"style":"pipeDelimited","explode":false},"ids":{"style":"form","explode":false},"opts":{"contentType":"application/json; charset=utf-8"}}}
        """;

    [Theory]
    [InlineData("amount=5&items[0][p]=a%20b&items[1][q]=1.5&tags=x|y&ids=1,2&opts=%7B%22dry%22%3Atrue%7D&on=true",
        """{"amount":5,"items":[{"p":"a b"},{"q":1.5}],"tags":["x","y"],"ids":[1,2],"opts":{"dry":true},"on":true}""")]
    [InlineData("items[][p]=a&tags=x", """{"items":[{"p":"a"}],"tags":["x"]}""")]
    [InlineData("items[2][p]=c&items[0][p]=a", """{"items":[{"p":"a"},{"p":"c"}]}""")]
    [InlineData("extra[a][b]=1&extra[a][c]=2&more=1&more=2", """{"extra":{"a":{"b":"1","c":"2"}},"more":["1","2"]}""")]
    [InlineData("bad[=1", """{"bad[":"1"}""")]
    public async Task ReadFormAsJson_RebuildsNestedValues(string form, string expected)
    {
        Assert.Equal(expected, await ReadForm(form));
    }

    [Theory]
    [InlineData("amount=x", "The field 'amount' must be a 64-bit integer.")]
    [InlineData("amount=1&amount=2", "The field 'amount' is given more than once.")]
    [InlineData("items[0][p]=a&items[0][p]=b", "The field 'items[0][p]' is given more than once.")]
    [InlineData("items[a][p]=1", "The field 'items' must be an array (keys such as 'name[0]' or 'name[]').")]
    [InlineData("card=1", "The field 'card' must be an object (bracket keys such as 'name[key]').")]
    [InlineData("amount[x]=1", "The field 'amount' must be a single value.")]
    [InlineData("opts=%7B", "The field 'opts' must be JSON text.")]
    [InlineData("ids=1,x", "The field 'ids' must be a 32-bit integer.")]
    public async Task ReadFormAsJson_Malformed_Is400(string form, string message)
    {
        var exception = await Assert.ThrowsAsync<ApiException>(() => ReadForm(form));

        Assert.Equal((400, message), (exception.StatusCode, exception.Message));
    }

    [Fact]
    public async Task ReadFormAsJson_BinaryField_IsItsBase64Text_AsTheClientWritesIt()
    {
        const string Shape = """{"root":0,"objects":[{"properties":{"blob":"binary","blobs":["binary"]}}]}""";
        static async Task<string> Read(string form) =>
            Encoding.UTF8.GetString(await ApiServerRuntime.ReadFormAsJsonAsync(TestHttp.Request("application/x-www-form-urlencoded", form), Shape));

        Assert.Equal("""{"blob":"AAECf4D+/3Y=","blobs":["AQ==","Ag=="]}""", await Read("blob=AAECf4D%2B%2F3Y%3D&blobs=AQ%3D%3D&blobs=Ag%3D%3D"));
        var exception = await Assert.ThrowsAsync<ApiException>(() => Read("blob=%C3%A9"));
        Assert.Equal(400, exception.StatusCode);
    }

    [Fact]
    public async Task ReadFormAsJson_TooDeep_Is400()
    {
        var key = "a" + string.Concat(Enumerable.Repeat("[b]", 40));

        var exception = await Assert.ThrowsAsync<ApiException>(() => ReadForm(key + "=1"));

        Assert.Equal(400, exception.StatusCode);
    }

    [Fact]
    public void Shape_MalformedDescriptor_IsAnArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ApiValueShape.Parse("""{"root":"nope"}"""));
        Assert.Throws<ArgumentException>(() => ApiValueShape.Parse("""{"root":3}"""));
    }

    private static async Task<string> ReadForm(string form) =>
        Encoding.UTF8.GetString(await ApiServerRuntime.ReadFormAsJsonAsync(TestHttp.Request("application/x-www-form-urlencoded", form), Charge));
}
