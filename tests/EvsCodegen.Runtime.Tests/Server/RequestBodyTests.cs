using System.Text;
using EvsCodegen.Runtime.AspNetCore;
using Microsoft.AspNetCore.Http;

namespace EvsCodegen.Runtime.Tests.Server;

public sealed class RequestBodyTests
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    [InlineData("  application/json ;charset=UTF-8")]
    public void ContentType_WithParametersOrInAnotherCase_IsTheDocumentedOne(string contentType)
    {
        ApiServerRuntime.CheckContentType(TestHttp.Request(contentType), "application/json");
    }

    [Theory]
    [InlineData("text/plain", "The Content-Type must be application/json, not 'text/plain'.")]
    [InlineData("application/json-patch+json", "The Content-Type must be application/json, not 'application/json-patch+json'.")]
    [InlineData(null, "The Content-Type must be application/json, not '(none)'.")]
    public void ContentType_OtherOrMissing_Is415(string? contentType, string message)
    {
        var failure = Assert.Throws<ApiException>(() => ApiServerRuntime.CheckContentType(TestHttp.Request(contentType), "application/json; charset=utf-8"));

        Assert.Equal((415, message), (failure.StatusCode, failure.Message));
    }

    [Fact]
    public async Task Body_IsReadWhole_WithOrWithoutContentLength()
    {
        var declared = TestHttp.Request("application/json", "{\"a\":1}");
        var chunked = TestHttp.Request("application/json", Encoding.UTF8.GetBytes("{\"a\":2}"));
        chunked.Request.ContentLength = null;

        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(await ApiServerRuntime.ReadBodyAsync(declared)));
        Assert.Equal("{\"a\":2}", Encoding.UTF8.GetString(await ApiServerRuntime.ReadBodyAsync(chunked)));
    }

    [Fact]
    public async Task Body_LongerThanItsContentLength_IsReadUpToTheDeclaredLength()
    {
        var http = TestHttp.Request("application/json", Encoding.UTF8.GetBytes("{}trailing"), contentLength: 2);

        Assert.Equal("{}", Encoding.UTF8.GetString(await ApiServerRuntime.ReadBodyAsync(http)));
    }

    [Fact]
    public async Task Body_ShorterThanItsContentLength_Is400()
    {
        var http = TestHttp.Request("application/json", Encoding.UTF8.GetBytes("{}"), contentLength: 10);

        var failure = await Assert.ThrowsAsync<ApiException>(() => ApiServerRuntime.ReadBodyAsync(http).AsTask());

        Assert.Equal((400, "The request body is shorter than its Content-Length."), (failure.StatusCode, failure.Message));
    }

    [Fact]
    public async Task Body_ThatTheServerRefusesAsTooLarge_Is413()
    {
        var http = TestHttp.Request("application/json", [1]);
        http.Request.ContentLength = null;
        http.Request.Body = new ThrowingStream(new BadHttpRequestException("too large", 413));

        var failure = await Assert.ThrowsAsync<ApiException>(() => ApiServerRuntime.ReadBodyAsync(http).AsTask());

        Assert.Equal((413, "The request body is too large."), (failure.StatusCode, failure.Message));
    }

    [Theory]
    [InlineData("", true, "The request body is empty.")]
    [InlineData("{", true, "The request body is not valid JSON.")]
    [InlineData("{} {}", true, "The request body is not valid JSON.")]
    [InlineData("{'a': 1}", true, "The request body is not valid JSON.")]
    public void JsonSyntax_EmptyOrMalformed_Is400(string body, bool required, string message)
    {
        var failure = Assert.Throws<ApiException>(() => ApiServerRuntime.CheckJsonSyntax(Encoding.UTF8.GetBytes(body), required));

        Assert.Equal((400, message), (failure.StatusCode, failure.Message));
    }

    [Fact]
    public void JsonSyntax_InvalidUtf8_Is400_EvenInsideAString()
    {
        byte[] body = [(byte)'"', 0xC3, 0x28, (byte)'"'];

        var failure = Assert.Throws<ApiException>(() => ApiServerRuntime.CheckJsonSyntax(body, required: true));

        Assert.Equal("The request body is not valid UTF-8.", failure.Message);
    }

    [Fact]
    public void JsonSyntax_NestedDeeperThan64_Is400()
    {
        Assert.Throws<ApiException>(() => ApiServerRuntime.CheckJsonSyntax(Encoding.UTF8.GetBytes(new string('[', 65) + new string(']', 65)), required: true));
        ApiServerRuntime.CheckJsonSyntax(Encoding.UTF8.GetBytes(new string('[', 64) + new string(']', 64)), required: true);
    }

    [Fact]
    public void JsonSyntax_EmptyOptionalBody_IsAccepted()
    {
        ApiServerRuntime.CheckJsonSyntax([], required: false);
    }

    [Fact]
    public void ReadJson_IsStrict_AndItsFailuresAre400WithTheLocation()
    {
        var failure = Assert.Throws<ApiException>(() => ApiServerRuntime.ReadJson("""{"x": 1, "X": 2}"""u8.ToArray(), Json.JsonRead.ReadPoint));

        Assert.Equal((400, "Invalid value at 'X': the key 'X' is not allowed (keys are case-sensitive)."), (failure.StatusCode, failure.Message));
        Assert.Equal("The request body is not valid JSON.", Assert.Throws<ApiException>(() => ApiServerRuntime.ReadJson("""{"x": 1"""u8.ToArray(), Json.JsonRead.ReadPoint)).Message);
    }

    [Fact]
    public void ParseJson_ReadsAWellFormedValidBody_InOnePass()
    {
        var parsed = ApiServerRuntime.ParseJson("""{"x": 1, "tags": ["a", "é"]}"""u8.ToArray(), required: true, Json.JsonRead.ReadPoint);

        Assert.Equal(1, parsed.Value.X);
        Assert.Equal(["a", "é"], parsed.Value.Tags);
    }

    [Fact]
    public void ParseJson_HoldsASchemaProblem_UntilTheValueIsAskedFor()
    {
        // The contract checks interceptors and parameters before the body's schema: the 400 waits for the body's turn.
        var parsed = ApiServerRuntime.ParseJson("""{"x": 1, "X": 2}"""u8.ToArray(), required: true, Json.JsonRead.ReadPoint);

        var failure = Assert.Throws<ApiException>(() => parsed.Value);
        Assert.Equal((400, "Invalid value at 'X': the key 'X' is not allowed (keys are case-sensitive)."), (failure.StatusCode, failure.Message));
    }

    [Theory]
    [InlineData("""{"x": 1, "X": 2""", "The request body is not valid JSON.")]
    [InlineData("""{"x": "one", "tags": []} {}""", "The request body is not valid JSON.")]
    [InlineData("", "The request body is empty.")]
    public void ParseJson_SyntaxAnywhere_Is400AtOnce_EvenAfterASchemaProblem(string body, string message)
    {
        // The reader stops at the schema problem (X, "one"); the syntax error after it still answers first.
        var failure = Assert.Throws<ApiException>(() => ApiServerRuntime.ParseJson(Encoding.UTF8.GetBytes(body), required: true, Json.JsonRead.ReadPoint));

        Assert.Equal((400, message), (failure.StatusCode, failure.Message));
    }

    [Fact]
    public void ParseJson_InvalidUtf8_Is400AtOnce()
    {
        byte[] body = [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'];

        Assert.Equal("The request body is not valid UTF-8.", Assert.Throws<ApiException>(() => ApiServerRuntime.ParseJson(body, required: true, Json.JsonRead.ReadPoint)).Message);
    }

    [Fact]
    public void ParseJson_EmptyOptionalBody_IsDefault()
    {
        Assert.Null(ApiServerRuntime.ParseJson([], required: false, Json.JsonRead.ReadPoint).Value);
    }

    [Fact]
    public void ReadText_RequiresUtf8()
    {
        Assert.Equal("hé", ApiServerRuntime.ReadText("hé"u8.ToArray()));
        Assert.Equal(400, Assert.Throws<ApiException>(() => ApiServerRuntime.ReadText([0xFF])).StatusCode);
    }

    private sealed class ThrowingStream(Exception exception) : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw exception;

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw exception;
    }
}
