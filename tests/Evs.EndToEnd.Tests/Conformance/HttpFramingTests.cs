using System.Net;
using System.Text;

namespace Evs.EndToEnd.Tests;

/// <summary>Bodies whose HTTP framing is broken are bad requests (400 in the envelope), never 500.</summary>
public sealed class HttpFramingTests
{
    [Theory]
    [InlineData("zz\r\n{}\r\n0\r\n\r\n")]
    [InlineData("2\r\n{}XX0\r\n\r\n")]
    [InlineData("-1\r\n{}\r\n0\r\n\r\n")]
    public async Task MalformedChunkedFraming_Is400_Not500(string framing)
    {
        await using var server = await EvsTestServer.StartAsync();

        var response = await RawSocket.SendAsync(server.BaseAddress, "PUT", RawHttp.SnapshotPath(), ["X-Auth-Token: demo-token", "Content-Type: application/json", "Transfer-Encoding: chunked"], async (stream, cancellationToken) => await stream.WriteAsync(Encoding.ASCII.GetBytes(framing), cancellationToken));

        var (_, _, message) = await response.ToMessage().AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.StartsWith("The request body cannot be read", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }
}
