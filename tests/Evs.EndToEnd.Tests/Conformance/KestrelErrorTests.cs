using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// Requests Kestrel refuses while reading the request head, before any middleware runs (bad or repeated
/// Content-Length, a NUL in a header, a request line or headers over Kestrel's limits): the status Kestrel chose, in
/// the EVS envelope like every other error.
/// </summary>
public sealed class KestrelErrorTests
{
    public static TheoryData<string, string, string[], int> Refused => new()
    {
        { "Content-Length not a number", RawHttp.SnapshotPath(), ["Content-Length: abc"], 400 },
        { "two different Content-Length values", RawHttp.SnapshotPath(), ["Content-Length: 2", "Content-Length: 3"], 400 },
        { "NUL in a header value", RawHttp.SnapshotPath(), ["X-Note: a\0b"], 400 },
        { "request line over 8 KiB", "v3/" + new string('a', 9000), [], 414 },
        { "headers over 32 KiB", RawHttp.SnapshotPath(), ["X-Note: " + new string('a', 40_000)], 431 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task RequestKestrelRefusesBeforeThePipeline_KeepsItsStatus_InTheEvsEnvelope(string what, string path, string[] headers, int status)
    {
        await using var server = await EvsTestServer.StartAsync();

        var response = await RawSocket.SendAsync(server.BaseAddress, "PUT", path, ["X-Auth-Token: demo-token", "Content-Type: application/json", .. headers], (_, _) => Task.CompletedTask);

        Assert.True(status == response.Status, $"{what}: expected {status}, got {response.Status}");
        await response.ToMessage().AssertFaultAsync((HttpStatusCode)status, "badRequest", "EVS.5400");
        Assert.Equal("close", response.Headers["connection"]);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task RefusedRequest_PipelinedAfterAGoodOne_LeavesTheGoodAnswerIntact_AndGetsTheEnvelope()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port, timeout.Token);
        var stream = tcp.GetStream();
        var host = server.BaseAddress.Authority;
        var requests = $"GET /{RawHttp.SnapshotPath()} HTTP/1.1\r\nHost: {host}\r\nX-Auth-Token: demo-token\r\n\r\n"
            + $"GET /{RawHttp.SnapshotPath()} HTTP/1.1\r\nHost: {host}\r\nX-Auth-Token: demo-token\r\nContent-Length: 1, 2\r\n\r\n";

        await stream.WriteAsync(Encoding.ASCII.GetBytes(requests), timeout.Token);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        var text = Encoding.UTF8.GetString(received.ToArray());

        var second = text.IndexOf("HTTP/1.1 400 ", StringComparison.Ordinal);
        Assert.True(text.StartsWith("HTTP/1.1 200 ", StringComparison.Ordinal) && second > 0, text);
        Assert.Contains("\"name\":\"snap-001\"", text[..second], StringComparison.Ordinal);
        var end = text.IndexOf("\r\n\r\n", second, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json", text[second..end], StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("{\"badRequest\":{", text[(end + 4)..], StringComparison.Ordinal);
    }
}
