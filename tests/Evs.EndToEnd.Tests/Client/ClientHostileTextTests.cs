using System.Net;
using System.Text;
using Evs.Snapshots;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// What a server says reaches logs through <see cref="ApiException"/>: its text is bounded and its control,
/// bidirectional and line-breaking characters are escaped, so it cannot forge log lines or reorder what is shown.
/// A success body declared as JSON must say so, and must not repeat a key.
/// </summary>
public sealed class ClientHostileTextTests
{
    private const string Forged = "denied\r\n2026-11-29 INFO user=admin login ok\u001b[2K\u202Egnp.exe\u2066\u0085\u2028";

    private static SnapshotsApiClient Client(HttpStatusCode status, string body, string? mediaType) =>
        new(new HttpClient(StubHandler.Answer(status, body, mediaType)) { BaseAddress = new Uri("http://127.0.0.1:9/") });

    private static void AssertLogSafe(string? text, int limit)
    {
        Assert.NotNull(text);
        Assert.InRange(text.Length, 0, limit);
        Assert.DoesNotContain(text, c => char.IsControl(c) || c is '\u2028' or '\u2029' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
    }

    [Fact]
    public async Task ForgedLinesAndBidiInTheEnvelope_AreEscaped_InMessageCodeAndFaultName()
    {
        var body = $$$"""{"itemNotFound{{{Json(Forged)}}}": {"message": "{{{Json(Forged)}}}", "code": "{{{Json(Forged)}}}"}}""";

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(HttpStatusCode.NotFound, body, "application/json").ShowSnapshotAsync("p", "s"));

        AssertLogSafe(exception.Message, ApiException.MessageLimit);
        AssertLogSafe(exception.Code, ApiException.NameLimit);
        AssertLogSafe(exception.FaultName, ApiException.NameLimit);
        AssertLogSafe(exception.ResponseBody, ApiException.ResponseBodyLimit + 100);
        Assert.StartsWith("denied\\u000D\\u000A2026-11-29 INFO", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\\u202Egnp.exe\\u2066", exception.Code, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(body), exception.RawResponseBody.ToArray());
    }

    [Fact]
    public async Task HugeServerText_IsBounded()
    {
        var huge = new string('m', 30_000); // twice, still under the 64 KiB read of an error body
        var body = $$$"""{"badRequest": {"message": "{{{huge}}}", "code": "{{{huge}}}"}}""";

        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(HttpStatusCode.BadRequest, body, "application/json").ShowSnapshotAsync("p", "s"));

        Assert.Equal(ApiException.MessageLimit, exception.Message.Length);
        Assert.EndsWith("…", exception.Message, StringComparison.Ordinal);
        Assert.Equal(ApiException.NameLimit, exception.Code!.Length);
    }

    [Fact]
    public async Task ForgedLinesInABodyThatIsNotTheEnvelope_AreEscaped()
    {
        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(HttpStatusCode.BadGateway, Forged, "text/plain").ShowSnapshotAsync("p", "s"));

        AssertLogSafe(exception.Message, ApiException.MessageLimit);
        AssertLogSafe(exception.ResponseBody, ApiException.ResponseBodyLimit);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task JsonSuccessBody_WithAnotherMediaTypeOrNone_IsAnApiException_NamingIt(string? mediaType)
    {
        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(HttpStatusCode.OK, HostileServer.SnapshotJson, mediaType).ShowSnapshotAsync("p", "s"));

        Assert.Equal(200, exception.StatusCode);
        Assert.Contains(mediaType is null ? "no Content-Type" : "Content-Type '" + mediaType + "'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("text/json")]
    [InlineData("application/vnd.evs+json")]
    public async Task JsonSuccessBody_WithAJsonMediaType_IsRead(string mediaType)
    {
        var snapshot = await Client(HttpStatusCode.OK, HostileServer.SnapshotJson, mediaType).ShowSnapshotAsync("p", "s");

        Assert.Equal("snap-001", snapshot.Snapshot.Name);
    }

    [Theory]
    [InlineData(HostileServer.SnapshotJson + "DUPLICATE", "snapshot")]
    [InlineData("""{"snapshot":{"id":"f9faf7df-fdc1-4093-9ef3-5cba06eef995","status":"available","name":"snap-001","name":"admin","created_at":"2013-02-25T03:56:53.081642","updated_at":"2026-11-28T04:08:19.288408","metadata":{},"volume_id":"v","size":1}}""", "name")]
    [InlineData("""{"snapshot":{"id":"f9faf7df-fdc1-4093-9ef3-5cba06eef995","status":"available","name":"n","created_at":"2013-02-25T03:56:53.081642","updated_at":"2026-11-28T04:08:19.288408","metadata":{"k":"1","k":"2"},"volume_id":"v","size":1}}""", "k")]
    public async Task DuplicateKeyInAResponse_IsAnApiException(string body, string key)
    {
        // The first case repeats the whole snapshot: {"snapshot": {…}, "snapshot": {…}}.
        body = body.Replace("}}DUPLICATE", "}," + HostileServer.SnapshotJson[1..], StringComparison.Ordinal);
        var exception = await Assert.ThrowsAsync<ApiException>(() => Client(HttpStatusCode.OK, body, "application/json").ShowSnapshotAsync("p", "s"));

        Assert.Contains($"the key '{key}' appears more than once", exception.Message, StringComparison.Ordinal);
    }

    private static string Json(string text) => System.Text.Json.JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
}
