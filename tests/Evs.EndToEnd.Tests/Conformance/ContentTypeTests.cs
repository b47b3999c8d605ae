using System.Net;

namespace Evs.EndToEnd.Tests;

/// <summary>Content-Type: <c>application/json</c> with or without parameters is accepted; missing or anything else is 415.</summary>
public sealed class ContentTypeTests
{
    private const string ValidBody = """{"snapshot": {"name": "typed"}}""";

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    public async Task JsonMediaType_WithOrWithoutParameters_IsAccepted(string contentType)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(ValidBody, contentType: contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"name\":\"typed\"", await server.GetSnapshotJsonAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("text/json")]
    [InlineData("application/xml")]
    [InlineData("application/jsonx")]
    [InlineData("application/json-patch+json")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/octet-stream")]
    public async Task MissingOrForeignMediaType_Is415_AndChangesNothing(string? contentType)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(ValidBody, contentType: contentType);

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.UnsupportedMediaType, "badMediaType", "EVS.5400");
        Assert.Contains("application/json", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task MissingContentType_OnAChunkedBody_Is415()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutChunkedAsync(System.Text.Encoding.UTF8.GetBytes(ValidBody), contentType: null);

        await response.AssertFaultAsync(HttpStatusCode.UnsupportedMediaType, "badMediaType", "EVS.5400");
        await server.AssertUnchangedAsync();
    }
}
