using System.Diagnostics;
using Evs.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace Evs.EndToEnd.Tests;

/// <summary>Cancellation tokens and <see cref="HttpClient.Timeout"/> are honoured by the generated client, and reach the server.</summary>
public sealed class ClientCancellationTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AlreadyCancelledToken_ThrowsAtOnce_AndSendsNothing()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var handler = new RecordingHandler();
        var client = new SnapshotsApiClient(new HttpClient(handler) { BaseAddress = server.BaseAddress }, new ApiClientOptions { AuthToken = EvsTestServer.MemberToken });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("x", null), new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, new CancellationToken(canceled: true)));

        Assert.Empty(handler.Sent);
        await server.AssertUnchangedAsync();
    }

    [Fact]
    public async Task TokenCancelledMidFlight_AgainstASlowHandler_Throws()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new StubHandler(async (_, cancellationToken) =>
        {
            entered.SetResult();
            await Task.Delay(s_bound, cancellationToken);
            throw new TimeoutException("the cancellation never arrived");
        });
        var client = new SnapshotsApiClient(new HttpClient(slow) { BaseAddress = new Uri("http://127.0.0.1:9/") });
        using var cancellation = new CancellationTokenSource();

        var call = client.ShowSnapshotAsync("p", "s", cancellation.Token);
        await entered.Task.WaitAsync(s_bound);
        var watch = Stopwatch.StartNew();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TokenCancelledMidFlight_OverRealHttp_Throws_AndAbortsTheRequestOnTheServer(bool put)
    {
        var gate = new SlowApi.Gate();
        await using var server = await EvsTestServer.StartAsync(services => services.AddSingleton(gate).AddScoped<ISnapshotsApi, SlowApi>());
        var client = server.CreateClient();
        using var cancellation = new CancellationTokenSource();

        var call = put
            ? client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("x", null), cancellation.Token)
            : client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, cancellation.Token);
        // Mid-flight: the server is working on the request and the client is waiting for the answer.
        await gate.Entered.Task.WaitAsync(s_bound);
        var watch = Stopwatch.StartNew();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call).WaitAsync(s_bound);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.True(await Task.WhenAny(gate.Aborted.Task, Task.Delay(s_bound)) == gate.Aborted.Task, "the server did not see the request aborted");
    }

    [Fact]
    public async Task HttpClientTimeout_IsHonoured_AsATimeout()
    {
        var gate = new SlowApi.Gate();
        await using var server = await EvsTestServer.StartAsync(services => services.AddSingleton(gate).AddScoped<ISnapshotsApi, SlowApi>());
        var client = new SnapshotsApiClient(new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) }, new ApiClientOptions { AuthToken = EvsTestServer.MemberToken });
        var watch = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId)).WaitAsync(s_bound);

        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        await gate.Aborted.Task.WaitAsync(s_bound);
    }

    /// <summary>A backend that answers only when the request is aborted (or after the test's bound).</summary>
    private sealed class SlowApi(SlowApi.Gate gate) : ISnapshotsApi
    {
        public Task<SnapshotResponse> ShowSnapshotAsync(string projectId, string snapshotId, CancellationToken cancellationToken = default) => WaitAsync(cancellationToken);

        public Task<SnapshotResponse> UpdateSnapshotAsync(string projectId, string snapshotId, UpdateSnapshotRequest body, CancellationToken cancellationToken = default) => WaitAsync(cancellationToken);

        private async Task<SnapshotResponse> WaitAsync(CancellationToken cancellationToken)
        {
            gate.Entered.TrySetResult();
            try
            {
                await Task.Delay(s_bound, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                gate.Aborted.TrySetResult();
                throw;
            }

            throw new TimeoutException("the request was never aborted");
        }

        public sealed class Gate
        {
            public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
