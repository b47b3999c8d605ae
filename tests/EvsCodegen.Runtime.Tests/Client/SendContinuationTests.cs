using System.Net;
using System.Text;

namespace EvsCodegen.Runtime.Tests.Client;

/// <summary>
/// The runtime half of methods without a state machine of their own (docs/decisions.md, "Cheap-to-compile client
/// methods"): <c>SendAsync</c> disposes the request it was given, <c>ReadJsonAsync</c>/<c>ReadAsync</c> continue the send.
/// </summary>
public sealed class SendContinuationTests
{
    private static readonly ApiFaultTable s_faults = new(false);

    [Fact]
    public async Task SendAsync_DisposesTheRequest_WhenTheCallEnds()
    {
        using var client = new HttpClient(new Answer(HttpStatusCode.OK, "{\"a\":1}")) { BaseAddress = new Uri("http://host/") };
        var content = new Probe();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("http://host/x")) { Content = content };

        await ApiClientRuntime.SendAsync(client, request, s_faults, null, readHeaders: false, default);

        Assert.True(content.Disposed);
    }

    [Fact]
    public async Task SendAsync_DisposesTheRequest_WhenTheAnswerIsAnError()
    {
        using var client = new HttpClient(new Answer(HttpStatusCode.NotFound, "{}")) { BaseAddress = new Uri("http://host/") };
        var content = new Probe();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("http://host/x")) { Content = content };

        var exception = await Assert.ThrowsAsync<ApiException>(() => ApiClientRuntime.SendAsync(client, request, s_faults, null, readHeaders: false, default));

        Assert.Equal(404, exception.StatusCode);
        Assert.True(content.Disposed);
    }

    [Fact]
    public async Task ReadJsonAsync_ReadsTheBodyOfTheAnswer()
    {
        using var client = new HttpClient(new Answer(HttpStatusCode.OK, "[1,2,3]")) { BaseAddress = new Uri("http://host/") };
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://host/x"));

        var sum = await ApiClientRuntime.ReadJsonAsync<int>(
            ApiClientRuntime.SendAsync(client, request, s_faults, default),
            static (ref System.Text.Json.Utf8JsonReader reader, ApiJsonReader context) =>
            {
                var total = 0;
                while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.Number)
                {
                    total += reader.GetInt32();
                }

                return total;
            });

        Assert.Equal(6, sum);
    }

    [Fact]
    public async Task ReadAsync_TurnsTheAnswerIntoTheResult_AndAFailedSendStaysFailed()
    {
        using var client = new HttpClient(new Answer(HttpStatusCode.Accepted, "done")) { BaseAddress = new Uri("http://host/") };

        var status = await ApiClientRuntime.ReadAsync<string>(
            ApiClientRuntime.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, new Uri("http://host/x")), s_faults, default),
            static response => response.StatusCode + ":" + Encoding.UTF8.GetString(response.Body));
        using var failing = new HttpClient(new Answer(HttpStatusCode.InternalServerError, "{}")) { BaseAddress = new Uri("http://host/") };
        var failed = ApiClientRuntime.ReadAsync<int>(
            ApiClientRuntime.SendAsync(failing, new HttpRequestMessage(HttpMethod.Get, new Uri("http://host/x")), s_faults, default),
            static response => throw new InvalidOperationException("not reached"));

        Assert.Equal("202:done", status);
        Assert.Equal(500, (await Assert.ThrowsAsync<ApiException>(() => failed)).StatusCode);
    }

    private sealed class Answer(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request });
    }

    private sealed class Probe() : ByteArrayContent([1])
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
