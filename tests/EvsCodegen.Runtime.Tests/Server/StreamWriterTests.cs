using System.Runtime.CompilerServices;
using System.Text.Json;
using EvsCodegen.Runtime.AspNetCore;
using Microsoft.AspNetCore.Http;

namespace EvsCodegen.Runtime.Tests.Server;

/// <summary>The server's stream writers and the request body stream, on <see cref="DefaultHttpContext"/>.</summary>
public sealed class StreamWriterTests
{
    private static readonly Action<Utf8JsonWriter, int> s_number = static (writer, value) => writer.WriteNumberValue(value);

    [Fact]
    public async Task EventStream_WritesOneDataEventPerItem_WithTheStreamHeaders()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteEventStreamAsync(http, 200, Items(1, 2, 3), s_number);

        Assert.Equal("data: 1\n\ndata: 2\n\ndata: 3\n\n", TestHttp.ResponseText(http));
        Assert.Equal((200, "text/event-stream", "no-cache"), (http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.CacheControl.ToString()));
    }

    [Fact]
    public async Task EventStream_OfText_SplitsLineBreaksIntoDataLines()
    {
        var http = TestHttp.Request();

        await ApiServerRuntime.WriteEventStreamAsync(http, 200, Texts("a\r\nb\rc", "", "é"));

        Assert.Equal("data: a\ndata: b\ndata: c\n\ndata: \n\ndata: é\n\n", TestHttp.ResponseText(http));
    }

    [Fact]
    public async Task JsonLines_WriteALineEach_AndJsonSeq_PrefixesTheRecordSeparator()
    {
        var lines = TestHttp.Request();
        var sequence = TestHttp.Request();

        await ApiServerRuntime.WriteJsonLinesAsync(lines, 200, Items(1, 22), s_number);
        await ApiServerRuntime.WriteJsonLinesAsync(sequence, 200, Items(1, 22), s_number, "application/json-seq");

        Assert.Equal("1\n22\n", TestHttp.ResponseText(lines));
        Assert.Equal("\u001e1\n\u001e22\n", TestHttp.ResponseText(sequence));
        Assert.Equal("application/json-seq", sequence.Response.ContentType);
    }

    [Fact]
    public async Task AFailureBeforeTheFirstItem_PropagatesBeforeAnythingIsWritten()
    {
        var http = TestHttp.Request();

        var error = await Assert.ThrowsAsync<ApiException>(() => ApiServerRuntime.WriteEventStreamAsync(http, 200, Failing(), s_number));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal(string.Empty, TestHttp.ResponseText(http));
        Assert.Null(http.Response.ContentType);
    }

    [Fact]
    public async Task ItemsAreEnumeratedWithTheRequestAbortToken()
    {
        using var aborted = new CancellationTokenSource();
        var http = TestHttp.Request();
        http.RequestAborted = aborted.Token;
        CancellationToken seen = default;

        await ApiServerRuntime.WriteJsonLinesAsync(http, 200, Capture(token => seen = token), s_number);

        Assert.Equal(aborted.Token, seen);
    }

    [Fact]
    public async Task File_IsCopiedWithItsTypeLengthAndName_AndDisposed()
    {
        var http = TestHttp.Request();
        var content = new MemoryStream([1, 2, 3]);

        await ApiServerRuntime.WriteFileAsync(http, 200, new ApiFile(content, null, null, "report \"final\".pdf"), "application/pdf");

        Assert.Equal([1, 2, 3], ((MemoryStream)http.Response.Body).ToArray());
        Assert.Equal(("application/pdf", 3L), (http.Response.ContentType, http.Response.ContentLength));
        Assert.StartsWith("attachment; filename=\"report \\\"final\\\".pdf\"; filename*=UTF-8''", http.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.False(content.CanRead);
    }

    [Fact]
    public async Task RequestBody_OverTheServerLimit_IsA413ApiException()
    {
        var http = TestHttp.Request("application/octet-stream");
        http.Request.Body = new ThrowingStream(new BadHttpRequestException("too large", 413));

        var error = await Assert.ThrowsAsync<ApiException>(() => ApiServerRuntime.RequestBody(http).ReadAsync(new byte[16]).AsTask());

        Assert.Equal(413, error.StatusCode);
    }

    private static async IAsyncEnumerable<int> Items(params int[] values)
    {
        foreach (var value in values)
        {
            await Task.Yield();
            yield return value;
        }
    }

    private static async IAsyncEnumerable<string> Texts(params string[] values)
    {
        foreach (var value in values)
        {
            await Task.Yield();
            yield return value;
        }
    }

    private static async IAsyncEnumerable<int> Failing()
    {
        await Task.Yield();
        throw new ApiException(409, "Busy.");
#pragma warning disable CS0162 // An async iterator needs a yield to be one.
        yield break;
#pragma warning restore CS0162
    }

    private static async IAsyncEnumerable<int> Capture(Action<CancellationToken> capture, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        capture(cancellationToken);
        await Task.Yield();
        yield return 1;
    }

    private sealed class ThrowingStream(Exception exception) : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw exception;
    }
}
