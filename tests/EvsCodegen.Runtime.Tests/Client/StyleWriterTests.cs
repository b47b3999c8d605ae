using System.Text;

namespace EvsCodegen.Runtime.Tests.Client;

/// <summary>
/// The client half of OpenAPI's parameter styles (ApiClientRuntime.AddQuery, StyledText, FormBody), checked against the
/// style examples of the OpenAPI 3.1 specification (color = "blue", ["blue","black","brown"],
/// {"R":100,"G":200,"B":150}), plus percent-encoding of reserved characters and non-ASCII text.
/// </summary>
public sealed class StyleWriterTests
{
    private const string Blue = "\"blue\"";
    private const string Colors = """["blue","black","brown"]""";
    private const string Rgb = """{"R":100,"G":200,"B":150}""";

    [Theory]
    [InlineData(ApiParameterStyle.Matrix, false, Blue, ";color=blue")]
    [InlineData(ApiParameterStyle.Matrix, false, Colors, ";color=blue,black,brown")]
    [InlineData(ApiParameterStyle.Matrix, false, Rgb, ";color=R,100,G,200,B,150")]
    [InlineData(ApiParameterStyle.Matrix, true, Blue, ";color=blue")]
    [InlineData(ApiParameterStyle.Matrix, true, Colors, ";color=blue;color=black;color=brown")]
    [InlineData(ApiParameterStyle.Matrix, true, Rgb, ";R=100;G=200;B=150")]
    [InlineData(ApiParameterStyle.Matrix, false, "[]", ";color")]
    [InlineData(ApiParameterStyle.Label, false, Blue, ".blue")]
    [InlineData(ApiParameterStyle.Label, false, Colors, ".blue,black,brown")]
    [InlineData(ApiParameterStyle.Label, false, Rgb, ".R,100,G,200,B,150")]
    [InlineData(ApiParameterStyle.Label, true, Blue, ".blue")]
    [InlineData(ApiParameterStyle.Label, true, Colors, ".blue.black.brown")]
    [InlineData(ApiParameterStyle.Label, true, Rgb, ".R=100.G=200.B=150")]
    [InlineData(ApiParameterStyle.Label, false, "[]", ".")]
    [InlineData(ApiParameterStyle.Simple, false, Blue, "blue")]
    [InlineData(ApiParameterStyle.Simple, false, Colors, "blue,black,brown")]
    [InlineData(ApiParameterStyle.Simple, false, Rgb, "R,100,G,200,B,150")]
    [InlineData(ApiParameterStyle.Simple, true, Colors, "blue,black,brown")]
    [InlineData(ApiParameterStyle.Simple, true, Rgb, "R=100,G=200,B=150")]
    public void StyledText_WritesTheSpecificationsExamples(ApiParameterStyle style, bool explode, string json, string expected)
    {
        Assert.Equal(expected, ApiClientRuntime.StyledText("color", Encoding.UTF8.GetBytes(json), style, explode, escape: true));
    }

    [Theory]
    [InlineData(ApiParameterStyle.Form, false, Blue, "color=blue")]
    [InlineData(ApiParameterStyle.Form, false, Colors, "color=blue,black,brown")]
    [InlineData(ApiParameterStyle.Form, false, Rgb, "color=R,100,G,200,B,150")]
    [InlineData(ApiParameterStyle.Form, true, Blue, "color=blue")]
    [InlineData(ApiParameterStyle.Form, true, Colors, "color=blue&color=black&color=brown")]
    [InlineData(ApiParameterStyle.Form, true, Rgb, "R=100&G=200&B=150")]
    [InlineData(ApiParameterStyle.SpaceDelimited, false, Colors, "color=blue%20black%20brown")]
    [InlineData(ApiParameterStyle.SpaceDelimited, false, Rgb, "color=R%20100%20G%20200%20B%20150")]
    [InlineData(ApiParameterStyle.PipeDelimited, false, Colors, "color=blue|black|brown")]
    [InlineData(ApiParameterStyle.PipeDelimited, false, Rgb, "color=R|100|G|200|B|150")]
    [InlineData(ApiParameterStyle.DeepObject, true, Rgb, "color[R]=100&color[G]=200&color[B]=150")]
    [InlineData(ApiParameterStyle.DeepObject, true, """{"a":{"b":[1,{"c":true}]},"n":null}""", "color[a][b][0]=1&color[a][b][1][c]=true")]
    [InlineData(ApiParameterStyle.Form, true, """{"a":{"b":1},"t":["x","y"]}""", "a[b]=1&t=x&t=y")]
    public void AddQuery_WritesTheSpecificationsExamples(ApiParameterStyle style, bool explode, string json, string expected)
    {
        Assert.Equal("http://h/p?" + expected, Query("color", json, style, explode));
    }

    [Fact]
    public void AddQuery_EscapesReservedCharactersAndNonAscii_InsideValues_ButNotTheDelimiters()
    {
        Assert.Equal("http://h/p?c%20d=a%2Cb,%C3%A9%26%3D%7C", Query("c d", """["a,b","é&=|"]""", ApiParameterStyle.Form, explode: false));
        Assert.Equal("http://h/p?c=a%7Cb|%F0%9F%98%80", Query("c", """["a|b","😀"]""", ApiParameterStyle.PipeDelimited, explode: false));
        Assert.Equal("http://h/p?c[k%5D%20%C3%A9]=%5B1%5D", Query("c", """{"k] é":"[1]"}""", ApiParameterStyle.DeepObject, explode: true));
    }

    [Fact]
    public void StyledText_EscapesAPathButNotAHeader()
    {
        var json = Encoding.UTF8.GetBytes("""{"a b":"é/,"}""");

        Assert.Equal(";a%20b=%C3%A9%2F%2C", ApiClientRuntime.StyledText("x", json, ApiParameterStyle.Matrix, explode: true, escape: true));
        Assert.Equal("a b,é/,", ApiClientRuntime.StyledText("x", json, ApiParameterStyle.Simple, explode: false, escape: false));
    }

    [Fact]
    public void BuildUri_EscapesPlainPairs_AndKeepsEscapedOnesAsTheyAre()
    {
        using var client = new HttpClient { BaseAddress = new Uri("http://h/") };
        var query = new ApiQuery { new("a b", "c,d") };
        query.AddEscaped("e", "f,g");

        Assert.Equal("http://h/p?a%20b=c%2Cd&e=f,g", ApiClientRuntime.BuildUri(client, "p", query).OriginalString);
    }

    [Fact]
    public async Task FormBody_NestsObjectsAndArrays_AndFollowsEachPropertysEncoding()
    {
        const string shape = """{"root":"any","encoding":{"tags":{"style":"pipeDelimited","explode":false},"expand":{"style":"deepObject"},"opts":{"contentType":"application/json"},"ids":{"style":"form","explode":false}}}""";
        var json = """{"amount":5,"card":{"exp":{"month":1}},"items":[{"p":"a b"},{"p":"é"}],"tags":["x","y|z"],"expand":["c","d"],"opts":{"dry":true},"ids":[1,2],"list":["u","v"],"none":null}""";

        using var content = ApiClientRuntime.FormBody(Encoding.UTF8.GetBytes(json), shape, "application/x-www-form-urlencoded");

        Assert.Equal("application/x-www-form-urlencoded", content.Headers.ContentType!.MediaType);
        Assert.Equal(
            "amount=5&card[exp][month]=1&items[0][p]=a%20b&items[1][p]=%C3%A9&tags=x|y%7Cz&expand[0]=c&expand[1]=d&opts=%7B%22dry%22%3Atrue%7D&ids=1,2&list=u&list=v",
            await content.ReadAsStringAsync());
    }

    private static string Query(string name, string json, ApiParameterStyle style, bool explode)
    {
        using var client = new HttpClient { BaseAddress = new Uri("http://h/") };
        var query = new ApiQuery();
        ApiClientRuntime.AddQuery(query, name, Encoding.UTF8.GetBytes(json), style, explode);
        return ApiClientRuntime.BuildUri(client, "p", query).OriginalString;
    }
}
