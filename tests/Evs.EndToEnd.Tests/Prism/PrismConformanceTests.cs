using System.Net;
using System.Text;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// Representative EVS traffic (successful PUT and GET, then each documented error status) through Prism in front of the
/// real host: Prism checks each request and answer against <c>openapi/evs-snapshots.yaml</c> and reports what does not
/// conform in its <c>sl-violations</c> header, which must never appear. The requests are valid by the document (Prism
/// would answer an invalid one itself), so every error here is the server's own answer and Prism checks its shape.
/// 413 and 415 cannot be driven through Prism: it answers a foreign media type itself (422 citing 415) and re-serializes
/// a JSON body compactly, so a padded body arrives under the limit; <c>PrismCannotCarry_A415OrA413ToTheServer</c> pins that, and their
/// envelope is the one Prism checks on 400, 401, 403 and 404 here (the same <c>ApiFaults</c> table writes all of them).
/// </summary>
public sealed class PrismConformanceTests
{
    public static TheoryData<string, HttpStatusCode> Traffic => new()
    {
        { "PUT name and description", HttpStatusCode.OK },
        { "PUT name only", HttpStatusCode.OK },
        { "GET", HttpStatusCode.OK },
        { "GET after PUT", HttpStatusCode.OK },
        { "PUT 86 Han characters (x-max-bytes)", HttpStatusCode.BadRequest },
        { "PUT with an unknown token", HttpStatusCode.Unauthorized },
        { "GET with an unknown token", HttpStatusCode.Unauthorized },
        { "PUT with a reader token", HttpStatusCode.Forbidden },
        { "PUT to another project", HttpStatusCode.BadRequest },
        { "GET an unknown snapshot", HttpStatusCode.NotFound },
        { "PUT an unknown snapshot", HttpStatusCode.NotFound },
        { "GET with no snapshot of that id in this project", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Traffic))]
    public async Task Traffic_ThroughPrism_ConformsToTheDocument(string request, HttpStatusCode expected)
    {
        await using var server = await EvsTestServer.StartAsync();
        await using var prism = await PrismProxy.StartAsync(OpenApiDocumentTests.DocumentPath, server.BaseAddress);
        using var http = new HttpClient { BaseAddress = prism.Address, Timeout = TimeSpan.FromSeconds(60) };

        if (request == "GET after PUT")
        {
            using var put = await http.PutAsync("""{"snapshot": {"name": "snap-002"}}""");
            Assert.Empty(Violations(put));
        }

        using var response = await SendAsync(http, request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(Violations(response).Count == 0, $"{request}: Prism reports {string.Join(" ", Violations(response))}\n{body}");
        Assert.True(expected == response.StatusCode, $"{request}: expected {(int)expected}, got {(int)response.StatusCode} {body}");
    }

    [Fact]
    public async Task PrismCannotCarry_A415OrA413ToTheServer()
    {
        await using var server = await EvsTestServer.StartAsync();
        await using var prism = await PrismProxy.StartAsync(OpenApiDocumentTests.DocumentPath, server.BaseAddress);
        using var http = new HttpClient { BaseAddress = prism.Address, Timeout = TimeSpan.FromSeconds(60) };

        using var textPlain = await http.PutAsync("""{"snapshot": {"name": "x"}}""", contentType: "text/plain");
        using var padded = await http.PutBytesAsync(Encoding.UTF8.GetBytes(Bodies.PaddedToSize("""{"snapshot": {"name": "sized"}}""", Bodies.MaxBodyBytes + 1)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, textPlain.StatusCode);
        Assert.Contains("Supported content types: application/json", await textPlain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, padded.StatusCode);
        Assert.Empty(Violations(padded));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string request) => request switch
    {
        "PUT name and description" => http.PutAsync("""{"snapshot": {"name": "snap-002", "description": "Weekly backup 每周"}}"""),
        "PUT name only" => http.PutAsync("""{"snapshot": {"name": "snap-003"}}"""),
        "GET" or "GET after PUT" => http.GetSnapshotAsync(),
        "PUT 86 Han characters (x-max-bytes)" => http.PutAsync(Bodies.Update("\"" + new string('中', 86) + "\"", null)),
        "PUT with an unknown token" => http.PutAsync("""{"snapshot": {"name": "x"}}""", token: "not-a-token"),
        "GET with an unknown token" => http.GetSnapshotAsync(token: "not-a-token"),
        "PUT with a reader token" => http.PutAsync("""{"snapshot": {"name": "x"}}""", token: EvsTestServer.ReaderToken),
        "PUT to another project" => http.PutAsync("""{"snapshot": {"name": "x"}}""", path: RawHttp.SnapshotPath(EvsTestServer.OtherProject, EvsTestServer.OtherSnapshotId)),
        "GET an unknown snapshot" => http.GetSnapshotAsync(path: RawHttp.SnapshotPath(snapshot: "00000000-0000-0000-0000-000000000000")),
        "PUT an unknown snapshot" => http.PutAsync("""{"snapshot": {"name": "x"}}""", path: RawHttp.SnapshotPath(snapshot: "00000000-0000-0000-0000-000000000000")),
        "GET with no snapshot of that id in this project" => http.GetSnapshotAsync(path: RawHttp.SnapshotPath(snapshot: EvsTestServer.OtherSnapshotId)),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request, null),
    };

    private static List<string> Violations(HttpResponseMessage response) =>
        response.Headers.TryGetValues("sl-violations", out var values) ? [.. values] : [];
}
