using System.Net;
using System.Text;
using System.Text.Json;
using Evs.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// Every error answer, one per documented status, is the keyed envelope with a non-empty message and a string code,
/// under <c>Content-Type: application/json</c>, with the fault name and code of the contract's table.
/// </summary>
public sealed class ErrorEnvelopeTests
{
    [Theory]
    [InlineData(400, "badRequest", "EVS.5400")]
    [InlineData(401, "unauthorized", "EVS.5401")]
    [InlineData(403, "forbidden", "EVS.5403")]
    [InlineData(404, "itemNotFound", "EVS.5404")]
    [InlineData(413, "overLimit", "EVS.5400")]
    [InlineData(415, "badMediaType", "EVS.5400")]
    public Task EveryDocumentedError_IsTheEnvelope_WithJsonContentTypeAndStringCode(int status, string fault, string code) => AssertEnvelopeAsync(status, fault, code);

    // A 500 needs a backend that fails, which only an in-process host can be given.
    [Fact]
    [Trait("Category", EvsTestServer.InProcessTrait)]
    public Task InternalError_IsTheEnvelope_WithJsonContentTypeAndStringCode() => AssertEnvelopeAsync(500, "computeFault", "EVS.5500");

    private static async Task AssertEnvelopeAsync(int status, string fault, string code)
    {
        await using var server = await EvsTestServer.StartAsync(status == 500 ? services => services.AddScoped<ISnapshotsApi, BrokenApi>() : null);
        using var http = server.CreateHttpClient();
        var body = """{"snapshot": {"name": "x"}}""";

        using var response = status switch
        {
            400 => await http.PutAsync("""{"snapshot": {"name": 1}}"""),
            401 => await http.PutAsync(body, token: null),
            403 => await http.PutAsync(body, token: EvsTestServer.ReaderToken),
            404 => await http.PutAsync(body, path: RawHttp.SnapshotPath(snapshot: "missing")),
            413 => await http.PutAsync(Bodies.PaddedToSize(body, Bodies.MaxBodyBytes + 1)),
            415 => await http.PutAsync(body, contentType: "text/plain"),
            _ => await http.PutAsync(body),
        };

        await response.AssertFaultAsync((HttpStatusCode)status, fault, code);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Encoding.UTF8.GetByteCount(await response.Content.ReadAsStringAsync()), response.Content.Headers.ContentLength);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["message", "code"], document.RootElement.GetProperty(fault).EnumerateObject().Select(p => p.Name));
    }

    private sealed class BrokenApi : ISnapshotsApi
    {
        public Task<SnapshotResponse> ShowSnapshotAsync(string projectId, string snapshotId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<SnapshotResponse> UpdateSnapshotAsync(string projectId, string snapshotId, UpdateSnapshotRequest body, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
