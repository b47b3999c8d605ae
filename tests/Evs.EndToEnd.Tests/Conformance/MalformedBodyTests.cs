using System.Net;
using System.Text;

namespace Evs.EndToEnd.Tests;

/// <summary>400 badRequest for an empty body, malformed JSON, invalid UTF-8, duplicate keys and a URL project that is not the token's.</summary>
public sealed class MalformedBodyTests
{
    [Fact]
    public async Task EmptyBody_Is400_AndChangesNothing()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutBytesAsync([]);

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains("empty", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task EmptyChunkedBody_Is400()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutChunkedAsync([]);

        await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("{")]
    [InlineData("   ")]
    [InlineData("""{"snapshot": {"name": "a"}""")]
    [InlineData("""{"snapshot": {"name": 'a'}}""")]
    [InlineData("""{snapshot: {name: "a"}}""")]
    [InlineData("""{"snapshot": {"name": "a",}}""")]
    [InlineData("""{"snapshot": {"name": "a"}} x""")]
    [InlineData("""{"snapshot": {"name": "a"}}{"snapshot": {"name": "b"}}""")]
    [InlineData("// comment\n{\"snapshot\": {\"name\": \"a\"}}")]
    [InlineData("""{"snapshot": {"name": "a\x"}}""")]
    [InlineData("{\"snapshot\": {\"name\": \"a\ttab\"}}")]
    [InlineData("""{"snapshot": {"description": NaN}}""")]
    [InlineData("\uFEFF{\"snapshot\": {\"name\": \"a\"}}")]
    public async Task MalformedJson_Is400_AndChangesNothing(string body)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(body);

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains("not valid JSON", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task DeeplyNestedJson_Is400_Not500()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync("""{"snapshot": {"name": "a"}, "x": """ + new string('[', 5000) + new string(']', 5000) + "}");

        await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    public static TheoryData<string, byte[]> InvalidUtf8Bodies => new()
    {
        { "a byte that never starts UTF-8", Body([0xFF]) },
        { "a lone continuation byte", Body([0x80]) },
        { "an overlong encoding of '/'", Body([0xC0, 0xAF]) },
        { "a truncated three-byte sequence", Body([0xE4, 0xB8]) },
        { "an encoded surrogate (CESU-8)", Body([0xED, 0xA0, 0x80]) },
        { "a code point above U+10FFFF", Body([0xF4, 0x90, 0x80, 0x80]) },
        { "Latin-1 text", Body(Encoding.Latin1.GetBytes("café")) },
        { "invalid bytes outside any string", [.. "{\"snapshot\": {\"name\": \"a\"}}"u8, 0xFE] },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Bodies))]
    public async Task InvalidUtf8_Is400_AndChangesNothing(string what, byte[] body)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutBytesAsync(body);

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.True(message.Contains("UTF-8", StringComparison.Ordinal), $"{what}: {message}");
        await server.AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("""{"snapshot": {"name": "\uD800"}}""")]
    [InlineData("""{"snapshot": {"description": "\uDC00x"}}""")]
    [InlineData("""{"snapshot": {"name": "a\uDBFF"}}""")]
    public async Task EscapedUnpairedSurrogateInAValue_Is400_AndChangesNothing(string body)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(body);

        await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task EscapedSurrogatePairInAValue_IsAccepted()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync("""{"snapshot": {"name": "\uD83D\uDE00"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("😀", (await server.CreateClient().ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId)).Snapshot.Name);
    }

    [Theory]
    [InlineData("""{"snapshot": {"name": "a", "name": "b"}}""", "'name' appears more than once")]
    [InlineData("""{"snapshot": {"description": "a", "name": "x", "description": "b"}}""", "'description' appears more than once")]
    [InlineData("""{"snapshot": {"name": "a"}, "snapshot": {"name": "b"}}""", "'snapshot' appears more than once")]
    [InlineData("""{"snapshot": {"name": "a", "n\u0061me": "b"}}""", "'name' appears more than once")]
    public async Task DuplicateKeys_Are400_AndChangeNothing(string body, string expected)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync(body);

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains(expected, message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Theory]
    [InlineData(EvsTestServer.MemberToken, EvsTestServer.OtherProject, EvsTestServer.OtherSnapshotId)]
    [InlineData(EvsTestServer.MemberToken, EvsTestServer.OtherProject, EvsTestServer.SnapshotId)]
    [InlineData(EvsTestServer.MemberToken, "0C2EBA2C5AF04D3F9E9D0D410B371FDE", EvsTestServer.SnapshotId)]
    [InlineData(EvsTestServer.OtherToken, EvsTestServer.Project, EvsTestServer.SnapshotId)]
    public async Task UrlProjectThatIsNotTheTokensProject_Is400_AndChangesNothing(string token, string project, string snapshot)
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync("""{"snapshot": {"name": "stolen"}}""", token: token, path: RawHttp.SnapshotPath(project, snapshot));

        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
        Assert.Contains($"The project '{project}' in the URL is not the project of the token", message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task UrlProjectThatIsNotTheTokensProject_OnGet_Is400()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.GetSnapshotAsync(path: RawHttp.SnapshotPath(EvsTestServer.OtherProject, EvsTestServer.OtherSnapshotId));

        await response.AssertFaultAsync(HttpStatusCode.BadRequest, "badRequest", "EVS.5400");
    }

    private static byte[] Body(byte[] inName) => [.. "{\"snapshot\": {\"name\": \"a"u8, .. inName, .. "\"}}"u8];
}
