using Evs.Snapshots;
using Microsoft.AspNetCore.Http;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// A response body is read up to a limit, never buffered whole: a success body over it is an <see cref="ApiException"/>
/// (refused from its Content-Length, or when reading passes the limit), an error body is cut at 64 KiB.
/// "Not buffered" is shown by the server: it could not write the whole body before the client hung up.
/// </summary>
public sealed class ClientResponseLimitTests
{
    private const int Large = 64 * 1024 * 1024;
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Streams <see cref="Large"/> bytes, counting what it wrote; after <paramref name="pauseAt"/> bytes it waits for the
    /// client to hang up (a client still reading would wait too, and get the rest after the pause).
    /// </summary>
    private sealed class Streamer(int status, bool contentLength, long pauseAt)
    {
        private long _written;

        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task AnswerAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            if (contentLength)
            {
                context.Response.ContentLength = Large;
            }

            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            var paused = false;
            try
            {
                while (_written < Large && !context.RequestAborted.IsCancellationRequested)
                {
                    if (!paused && _written >= pauseAt)
                    {
                        paused = true;
                        await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
                    }

                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    _written += chunk.Length;
                }
            }
            catch (Exception)
            {
                // The client hung up: Kestrel reports it as one of several exception types, any of them ends the stream.
            }
            finally
            {
                Done.TrySetResult(_written);
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SuccessBodyOverTheDefaultLimit_IsAnApiException_AndIsNotReadWhole(bool contentLength)
    {
        var streamer = new Streamer(200, contentLength, ApiClientRuntime.DefaultMaxResponseBodyBytes + (1 << 20));
        await using var server = await HostileServer.StartAsync(streamer.AnswerAsync);
        var client = new SnapshotsApiClient(new HttpClient { BaseAddress = server.BaseAddress });

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.ShowSnapshotAsync("p", "s")).WaitAsync(s_bound);

        Assert.Equal(200, exception.StatusCode);
        Assert.Contains($"response body larger than {ApiClientRuntime.DefaultMaxResponseBodyBytes} bytes", exception.Message, StringComparison.Ordinal);
        Assert.InRange(await streamer.Done.Task.WaitAsync(s_bound), 0, Large - 1);
    }

    [Fact]
    public async Task TheLimit_IsHttpClientMaxResponseContentBufferSize_WhenSet()
    {
        var streamer = new Streamer(200, contentLength: false, 1 << 20);
        await using var server = await HostileServer.StartAsync(streamer.AnswerAsync);
        var client = new SnapshotsApiClient(new HttpClient { BaseAddress = server.BaseAddress, MaxResponseContentBufferSize = 100_000 });

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.ShowSnapshotAsync("p", "s")).WaitAsync(s_bound);

        Assert.Contains("response body larger than 100000 bytes", exception.Message, StringComparison.Ordinal);
        Assert.InRange(await streamer.Done.Task.WaitAsync(s_bound), 0, Large - 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ErrorBodyOverTheLimit_IsCutAt64KiB(bool contentLength)
    {
        var streamer = new Streamer(500, contentLength, 1 << 20);
        await using var server = await HostileServer.StartAsync(streamer.AnswerAsync);
        var client = new SnapshotsApiClient(new HttpClient { BaseAddress = server.BaseAddress });

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.ShowSnapshotAsync("p", "s")).WaitAsync(s_bound);

        Assert.Equal(500, exception.StatusCode);
        Assert.Equal(ApiClientRuntime.MaxErrorBodyBytes, exception.RawResponseBody.Length);
        Assert.InRange(exception.Message.Length, 1, ApiException.MessageLimit);
        Assert.InRange(await streamer.Done.Task.WaitAsync(s_bound), 0, Large - 1);
    }

    [Fact]
    public async Task BodyUnderTheLimit_IsReadAsBefore()
    {
        await using var server = await HostileServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(HostileServer.SnapshotJson);
        });
        var client = new SnapshotsApiClient(new HttpClient { BaseAddress = server.BaseAddress, MaxResponseContentBufferSize = HostileServer.SnapshotJson.Length });

        var snapshot = await client.ShowSnapshotAsync("p", "s");

        Assert.Equal("snap-001", snapshot.Snapshot.Name);
    }
}
