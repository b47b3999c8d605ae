using System.Net;
using System.Text;

namespace Evs.EndToEnd.Tests;

/// <summary>An in-process stand-in for whatever sits between a client and EVS (a proxy, a gateway): answers without a network.</summary>
public sealed class StubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public static StubHandler Answer(HttpStatusCode status, string body, string? mediaType, string? reason = null) => new((_, _) =>
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)), ReasonPhrase = reason };
        if (mediaType is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        }

        return Task.FromResult(response);
    });

    public int Calls { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        return respond(request, cancellationToken);
    }
}

/// <summary>Passes requests on to the real network, recording each request that got an answer and optionally changing it first.</summary>
public sealed class RecordingHandler(Action<HttpRequestMessage>? change = null) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<(HttpMethod Method, string? Token)> _sent = [];

    public IReadOnlyList<(HttpMethod Method, string? Token)> Sent
    {
        get { lock (_sent) { return [.. _sent]; } }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        change?.Invoke(request);
        var response = await base.SendAsync(request, cancellationToken);
        lock (_sent)
        {
            _sent.Add((request.Method, request.Headers.TryGetValues("X-Auth-Token", out var values) ? string.Join(",", values) : null));
        }

        return response;
    }
}
