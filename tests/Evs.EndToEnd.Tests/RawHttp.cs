using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Evs.EndToEnd.Tests;

/// <summary>Requests the generated client cannot express, and the checks every error answer must pass.</summary>
public static class RawHttp
{
    public static string SnapshotPath(string project = EvsTestServer.Project, string snapshot = EvsTestServer.SnapshotId) =>
        $"v3/{project}/snapshots/{snapshot}";

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string body, string? token = EvsTestServer.MemberToken, string? contentType = "application/json", string? path = null) =>
        client.PutBytesAsync(Encoding.UTF8.GetBytes(body), token, contentType, path);

    public static Task<HttpResponseMessage> PutBytesAsync(this HttpClient client, byte[] body, string? token = EvsTestServer.MemberToken, string? contentType = "application/json", string? path = null) =>
        client.SendBytesAsync(HttpMethod.Put, body, token, contentType, path);

    /// <summary>Any request; a null body sends none.</summary>
    public static async Task<HttpResponseMessage> SendBytesAsync(this HttpClient client, HttpMethod method, byte[]? body, string? token = EvsTestServer.MemberToken, string? contentType = "application/json", string? path = null)
    {
        using var request = new HttpRequestMessage(method, path ?? SnapshotPath());
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> GetSnapshotAsync(this HttpClient client, string? token = EvsTestServer.MemberToken, string? path = null) =>
        await client.SendBytesAsync(HttpMethod.Get, null, token, null, path);

    /// <summary>A PUT whose body is sent chunked, without Content-Length (the length is not known in advance).</summary>
    public static async Task<HttpResponseMessage> PutChunkedAsync(this HttpClient client, byte[] body, string? token = EvsTestServer.MemberToken, string? contentType = "application/json", string? path = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path ?? SnapshotPath());
        request.Content = new UnknownLengthContent(body);
        request.Headers.TransferEncodingChunked = true;
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (token is not null)
        {
            request.Headers.Add("X-Auth-Token", token);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Asserts the status and the EVS envelope: one key (the fault name) holding a non-empty message and a string code.</summary>
    public static async Task<(string Fault, string Code, string Message)> AssertFaultAsync(this HttpResponseMessage response, HttpStatusCode status, string fault, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var property = Assert.Single(document.RootElement.EnumerateObject());
        Assert.Equal(fault, property.Name);
        Assert.Equal(JsonValueKind.Object, property.Value.ValueKind);
        Assert.Equal(2, property.Value.EnumerateObject().Count());
        var message = property.Value.GetProperty("message");
        Assert.Equal(JsonValueKind.String, message.ValueKind);
        Assert.NotEmpty(message.GetString()!);
        Assert.Equal(JsonValueKind.String, property.Value.GetProperty("code").ValueKind);
        Assert.Equal(code, property.Value.GetProperty("code").GetString());
        return (property.Name, code, message.GetString()!);
    }

    public static MediaTypeHeaderValue Json => new("application/json");
}

/// <summary>A body whose length HttpClient cannot compute, so it goes out with Transfer-Encoding: chunked.</summary>
public sealed class UnknownLengthContent(byte[] body, int chunk = 8192) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < body.Length; offset += chunk)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(chunk, body.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
