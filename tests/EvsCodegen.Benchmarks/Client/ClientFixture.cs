using System.Net;
using System.Net.Http.Headers;
using Evs.Snapshots;
using HandRequest = EvsCodegen.Benchmarks.Client.HandUpdateSnapshotRequest;

namespace EvsCodegen.Benchmarks.Client;

/// <summary>The three clients of item 4 and one UpdateSnapshot call for each, over any handler.</summary>
public sealed class ClientFixture : IDisposable
{
    public const string Project = "0c2eba2c5af04d3f9e9d0d410b371fde";
    public const string SnapshotId = "f9faf7df-fdc1-4093-9ef3-5cba06eef995";
    public const string Token = "demo-token";

    /// <summary>The answer the server gives to the call, byte for byte.</summary>
    public static readonly byte[] ResponseBody = """
        {"snapshot":{"id":"f9faf7df-fdc1-4093-9ef3-5cba06eef995","status":"available","name":"snap-001","description":"Daily backup","created_at":"2013-02-25T03:56:53.081642","updated_at":"2024-05-01T10:20:30.123456","metadata":{},"volume_id":"5aa119a8-d25b-45a7-8d1b-88e127885635","size":1}}
        """u8.ToArray();

    private static readonly UpdateSnapshotRequest s_generatedBody = new() { Snapshot = new UpdateSnapshotOption { Name = "snap-001", Description = "Daily backup" } };
    private static readonly HandRequest s_handBody = new(new HandUpdateSnapshotOption("snap-001", "Daily backup"));
    private static readonly NSwagClient.UpdateSnapshotRequest s_nswagBody = new() { Snapshot = new NSwagClient.UpdateSnapshotOption { Name = "snap-001", Description = "Daily backup" } };

    private static readonly byte[] s_requestBytes = """{"snapshot":{"name":"snap-001","description":"Daily backup"}}"""u8.ToArray();

    private readonly HttpClient _http;
    private readonly HttpClient _nswagHttp;
    private readonly SnapshotsApiClient _generated;
    private readonly HandWrittenClient _hand;
    private readonly TunedGeneratedClient _tuned;
    private readonly NSwagClient.NSwagSnapshotsClient _nswag;

    /// <summary>Clients over <paramref name="handler"/> (not disposed with the clients) and <paramref name="baseAddress"/>.</summary>
    public ClientFixture(HttpMessageHandler handler, Uri baseAddress)
    {
        _http = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress };
        // NSwag ignores the document's apiKey scheme: its users set the header once on the HttpClient.
        _nswagHttp = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress };
        _nswagHttp.DefaultRequestHeaders.TryAddWithoutValidation("X-Auth-Token", Token);
        _generated = new SnapshotsApiClient(_http, new ApiClientOptions { AuthToken = Token });
        _hand = new HandWrittenClient(_http, Token);
        _tuned = new TunedGeneratedClient(_http, Token);
        _nswag = new NSwagClient.NSwagSnapshotsClient(_nswagHttp);
    }

    public async Task<int> HandWrittenAsync() => (await _hand.UpdateSnapshotAsync(Project, SnapshotId, s_handBody).ConfigureAwait(false)).Snapshot.Size;

    public async Task<int> GeneratedAsync() => (await _generated.UpdateSnapshotAsync(Project, SnapshotId, s_generatedBody).ConfigureAwait(false)).Snapshot.Size;

    public async Task<int> GeneratedTunedAsync() => (await _tuned.UpdateSnapshotAsync(Project, SnapshotId, s_generatedBody).ConfigureAwait(false)).Snapshot.Size;

    /// <summary>
    /// Not a client: the same request with its body bytes prebuilt and the response drained, no JSON at all. What
    /// <c>HttpClient</c> and the handler cost on their own, the floor under every client's figures.
    /// </summary>
    public async Task<int> TransportOnlyAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("v3/" + Project + "/snapshots/" + SnapshotId, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("X-Auth-Token", Token);
        request.Content = new ByteArrayContent(s_requestBytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        await response.Content.CopyToAsync(Stream.Null).ConfigureAwait(false);
        return (int)response.StatusCode;
    }

    public async Task<int> NSwagAsync() => (await _nswag.UpdateSnapshotAsync(s_nswagBody, Project, SnapshotId).ConfigureAwait(false)).Snapshot.Size;

    public void Dispose()
    {
        _http.Dispose();
        _nswagHttp.Dispose();
    }
}

/// <summary>
/// No network: consumes the request body as a socket would and answers with <see cref="ClientFixture.ResponseBody"/>.
/// </summary>
public sealed class CannedHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var body = new ByteArrayContent(ClientFixture.ResponseBody);
        body.Headers.ContentType = s_json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = body, RequestMessage = request };
    }
}
