using System.Net;
using System.Text;

namespace Evs.EndToEnd.Tests;

/// <summary>Body size: over 114,688 bytes is 413 overLimit whether or not Content-Length is sent; exactly the limit is fine.</summary>
public sealed class BodySizeTests
{
    private const string ValidBody = """{"snapshot": {"name": "sized"}}""";

    private static byte[] Sized(int size) => Encoding.UTF8.GetBytes(Bodies.PaddedToSize(ValidBody, size));

    [Fact]
    public async Task ExactlyTheLimit_WithContentLength_IsAccepted()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutBytesAsync(Sized(Bodies.MaxBodyBytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"name\":\"sized\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneByteOverTheLimit_WithContentLength_Is413_AndChangesNothing()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutBytesAsync(Sized(Bodies.MaxBodyBytes + 1));

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.RequestEntityTooLarge, "overLimit", "EVS.5400");
        Assert.Contains("114688", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task ContentLengthOverTheLimit_Is413_BeforeTheBodyIsSent()
    {
        await using var server = await EvsTestServer.StartAsync();

        // Only the headers go out: the answer must come from Content-Length alone, without waiting for 200,000 bytes.
        var response = await RawSocket.SendAsync(server.BaseAddress, "PUT", RawHttp.SnapshotPath(), ["X-Auth-Token: demo-token", "Content-Type: application/json", "Content-Length: 200000"], (_, _) => Task.CompletedTask);

        await response.ToMessage().AssertFaultAsync(HttpStatusCode.RequestEntityTooLarge, "overLimit", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task ExactlyTheLimit_Chunked_IsAccepted()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutChunkedAsync(Sized(Bodies.MaxBodyBytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OneByteOverTheLimit_ChunkedWithoutContentLength_Is413_AndChangesNothing()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutChunkedAsync(Sized(Bodies.MaxBodyBytes + 1));

        await response.AssertFaultAsync(HttpStatusCode.RequestEntityTooLarge, "overLimit", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    [Theory]
    [InlineData(Bodies.MaxBodyBytes + 1, 4096)]
    [InlineData(Bodies.MaxBodyBytes + 1, 1)]
    [InlineData(1_048_576, 65536)]
    public async Task OverTheLimit_ChunkedOverARawSocket_Is413_AndTheServerKeepsServing(int size, int chunk)
    {
        await using var server = await EvsTestServer.StartAsync();

        // Exactly these headers: no Content-Length, so only counting the chunks can find the size.
        var response = await RawSocket.SendAsync(server.BaseAddress, "PUT", RawHttp.SnapshotPath(), ["X-Auth-Token: demo-token", "Content-Type: application/json", "Transfer-Encoding: chunked"], RawSocket.Chunked(Sized(size), chunk));

        await response.ToMessage().AssertFaultAsync(HttpStatusCode.RequestEntityTooLarge, "overLimit", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task ExactlyTheLimit_ChunkedOverARawSocket_IsAccepted()
    {
        await using var server = await EvsTestServer.StartAsync();

        var response = await RawSocket.SendAsync(server.BaseAddress, "PUT", RawHttp.SnapshotPath(), ["X-Auth-Token: demo-token", "Content-Type: application/json", "Transfer-Encoding: chunked"], RawSocket.Chunked(Sized(Bodies.MaxBodyBytes), 1000));

        Assert.True(response.Status == 200, response.Text);
        Assert.Contains("\"name\":\"sized\"", response.Text, StringComparison.Ordinal);
    }
}
