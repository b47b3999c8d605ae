using System.Text.Json;

namespace EvsCodegen.Runtime.Tests.Client;

public sealed class ApiClientRuntimeTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080/")]
    public void BuildUri_FromTheRoot(string baseAddress)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseAddress) };

        Assert.Equal("http://127.0.0.1:5080/v3/p/snapshots/s", ApiClientRuntime.BuildUri(client, "v3/p/snapshots/s", null).AbsoluteUri);
    }

    [Theory]
    [InlineData("http://host/api")]
    [InlineData("http://host/api/")]
    public void BuildUri_KeepsABasePath_WithOrWithoutItsTrailingSlash(string baseAddress)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseAddress) };

        Assert.Equal("http://host/api/pets/1", ApiClientRuntime.BuildUri(client, "pets/1", []).AbsoluteUri);
    }

    [Fact]
    public void BuildUri_EscapesQueryNamesAndValues_InOrder()
    {
        using var client = new HttpClient { BaseAddress = new Uri("http://host/") };
        List<KeyValuePair<string, string>> query = [new("a b", "x&y=z"), new("tag", "é/?#"), new("tag", "")];

        var uri = ApiClientRuntime.BuildUri(client, "pets", query);

        Assert.Equal("http://host/pets?a%20b=x%26y%3Dz&tag=%C3%A9%2F%3F%23&tag=", uri.AbsoluteUri);
    }

    [Fact]
    public void BuildUri_WithoutABaseAddress_SaysWhatToSet()
    {
        using var client = new HttpClient();

        var failure = Assert.Throws<InvalidOperationException>(() => ApiClientRuntime.BuildUri(client, "pets", null));

        Assert.Contains("BaseAddress", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildUri_WithoutABaseAddress_UsesTheDocumentsServerUrl_KeepingItsPath()
    {
        using var client = new HttpClient();

        Assert.Equal("https://api.example.com/v2/pets?a=1", ApiClientRuntime.BuildUri(client, "pets", [new("a", "1")], "https://api.example.com/v2").AbsoluteUri);
    }

    [Fact]
    public void BuildUri_ABaseAddress_WinsOverTheDocumentsServerUrl()
    {
        using var client = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/v2/") };

        Assert.Equal("http://127.0.0.1:9/v2/pets", ApiClientRuntime.BuildUri(client, "pets", null, "https://api.example.com/v2").AbsoluteUri);
    }

    [Fact]
    public void AddCookie_JoinsCookiesInOneHeader_WithValuesEscaped()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://host/");

        ApiClientRuntime.AddCookie(request, "session", "a b;c");
        ApiClientRuntime.AddCookie(request, "lang", "fr");

        Assert.Equal(["session=a%20b%3Bc; lang=fr"], request.Headers.GetValues("Cookie"));
    }

    [Fact]
    public async Task Bytes_CarryTheMediaType_WithItsParameters()
    {
        using var plain = ApiClientRuntime.Bytes([1, 2, 3], "application/octet-stream");
        using var text = ApiClientRuntime.Bytes("hé"u8.ToArray(), "text/plain; charset=utf-8");

        Assert.Equal(("application/octet-stream", null), (plain.Headers.ContentType!.MediaType, plain.Headers.ContentType.CharSet));
        Assert.Equal(("text/plain", "utf-8"), (text.Headers.ContentType!.MediaType, text.Headers.ContentType.CharSet));
        Assert.Equal(new byte[] { 1, 2, 3 }, await plain.ReadAsByteArrayAsync());
    }

    [Fact]
    public void ReadJson_IsLenient_AboutKeysTheSchemaDoesNotDeclare_ButRefusesARepeatedKey()
    {
        var value = ApiClientRuntime.ReadJson(new ApiResponse(200, "application/json", """{"x": 1, "extra": true}"""u8.ToArray()), Json.JsonRead.ReadPoint);
        var repeated = Assert.Throws<ApiException>(() => ApiClientRuntime.ReadJson(new ApiResponse(200, "application/json", """{"x": 1, "x": 2}"""u8.ToArray()), Json.JsonRead.ReadPoint));

        Assert.Equal(1, value.X);
        Assert.Contains("appears more than once", repeated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJson_OfABodyThatDoesNotMatch_IsAnApiExceptionWithTheStatusAndBody()
    {
        var body = """{"x": "one"}"""u8.ToArray();

        var failure = Assert.Throws<ApiException>(() => ApiClientRuntime.ReadJson(new ApiResponse(200, "application/json", body), Json.JsonRead.ReadPoint));

        Assert.Equal(200, failure.StatusCode);
        Assert.Equal("The response body does not match the document: Invalid value at 'x': expected a 32-bit integer, got a string.", failure.Message);
        Assert.Equal("""{"x": "one"}""", failure.ResponseBody);
        Assert.IsAssignableFrom<JsonException>(failure.InnerException);
    }
}
