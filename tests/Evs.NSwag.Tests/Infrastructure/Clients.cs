using System.Net.Http.Headers;
using System.Text;
using Evs.NSwag.Client;
using Evs.Snapshots;

namespace Evs.NSwag.Tests.Infrastructure;

/// <summary>NSwag's client with the <c>HttpClient</c> it was given (NSwag's client does not own it).</summary>
internal sealed class PeerClient(EvsNSwagClient api, HttpClient http) : IDisposable
{
    public EvsNSwagClient Api { get; } = api;

    public void Dispose() => http.Dispose();
}

internal static class Clients
{
    /// <summary>
    /// NSwag's client for <paramref name="host"/>. NSwag does not send the document's apiKey scheme, so the token goes
    /// on the <c>HttpClient</c>; and its default base URL is the document's first server with <c>{region}</c> left
    /// unexpanded, so it is set explicitly.
    /// </summary>
    public static PeerClient NSwag(RunningHost host, string? token = Seed.MemberToken, string? contentType = null)
    {
        var http = new HttpClient(new ContentTypeOverride(contentType) { InnerHandler = new SocketsHttpHandler() });
        if (token is not null)
        {
            http.DefaultRequestHeaders.Add("X-Auth-Token", token);
        }

        return new PeerClient(new EvsNSwagClient(http) { BaseUrl = host.Address.ToString() }, http);
    }

    /// <summary>Our generated client for <paramref name="host"/>.</summary>
    public static SnapshotsApiClient Ours(RunningHost host, HttpClient http, string? token = Seed.MemberToken)
    {
        http.BaseAddress = host.Address;
        return new SnapshotsApiClient(http, new ApiClientOptions { AuthToken = token });
    }

    /// <summary>A raw PUT of <paramref name="json"/> to the demo snapshot, for bodies neither generated client would send.</summary>
    public static async Task<int> PutRawAsync(RunningHost host, string json)
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"v3/{Seed.Project}/snapshots/{Seed.SnapshotId}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Auth-Token", Seed.MemberToken);
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>Replaces the request's media type: the only way to make a generated client send a wrong one.</summary>
    private sealed class ContentTypeOverride(string? contentType) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (contentType is not null && request.Content is not null)
            {
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>A backend that fails unexpectedly, for the 500 answers.</summary>
internal sealed class FailingSnapshotsApi : ISnapshotsApi
{
    public Task<Evs.Snapshots.SnapshotResponse> ShowSnapshotAsync(string projectId, string snapshotId, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("backend down");

    public Task<Evs.Snapshots.SnapshotResponse> UpdateSnapshotAsync(string projectId, string snapshotId, Evs.Snapshots.UpdateSnapshotRequest body, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("backend down");
}
