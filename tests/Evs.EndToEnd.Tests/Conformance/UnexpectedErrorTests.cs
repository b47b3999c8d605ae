using System.Net;
using Evs.Backend;
using Evs.Snapshots;
using EvsCodegen.Runtime.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evs.EndToEnd.Tests;

/// <summary>An unexpected exception is 500 computeFault with a generic message: no exception text, type or stack trace.</summary>
// Each test replaces a service of the host to make it fail.
[Trait("Category", EvsTestServer.InProcessTrait)]
public sealed class UnexpectedErrorTests
{
    private const string Secret = "SECRET-connection-string=Server=db;Password=hunter2";

    [Fact]
    public async Task BackendThrowingOnUpdate_Is500ComputeFault_WithoutInternals()
    {
        await using var server = await EvsTestServer.StartAsync(services => services.AddScoped<ISnapshotsApi, ThrowingSnapshotsApi>());
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync("""{"snapshot": {"name": "x"}}""");

        await AssertGenericComputeFaultAsync(response);
    }

    [Fact]
    public async Task BackendThrowingOnShow_Is500ComputeFault_WithoutInternals()
    {
        await using var server = await EvsTestServer.StartAsync(services => services.AddScoped<ISnapshotsApi, ThrowingSnapshotsApi>());
        using var http = server.CreateHttpClient();

        using var response = await http.GetSnapshotAsync();

        await AssertGenericComputeFaultAsync(response);
    }

    [Fact]
    public async Task FailureBeforeTheController_InTheHostsOwnPipeline_Is500ComputeFault_WithoutInternals()
    {
        await using var server = await EvsTestServer.StartAsync(services => services.AddScoped<CallerContext>(_ => throw new InvalidOperationException(Secret)));
        using var http = server.CreateHttpClient();

        using var response = await http.PutAsync("""{"snapshot": {"name": "x"}}""");

        await AssertGenericComputeFaultAsync(response);
    }

    [Fact]
    public async Task GeneratedClient_SeesComputeFault_AsTypedException_AndTheServerKeepsServing()
    {
        var throwing = true;
        await using var server = await EvsTestServer.StartAsync(services => services.AddScoped<ISnapshotsApi>(provider =>
            throwing ? new ThrowingSnapshotsApi() : ActivatorUtilities.CreateInstance<InMemorySnapshotsApi>(provider)));
        var client = server.CreateClient();

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("x", null)));
        throwing = false;
        var read = await client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId);

        Assert.Equal((500, "computeFault", "EVS.5500"), (exception.StatusCode, exception.FaultName, exception.Code));
        Assert.Equal(ApiServerRuntime.InternalErrorMessage, exception.Message);
        Assert.Equal("snap-001", read.Snapshot.Name);
    }

    private static async Task AssertGenericComputeFaultAsync(HttpResponseMessage response)
    {
        var (_, _, message) = await response.AssertFaultAsync(HttpStatusCode.InternalServerError, "computeFault", "EVS.5500");
        Assert.Equal(ApiServerRuntime.InternalErrorMessage, message);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var leak in new[] { "SECRET", "hunter2", "InvalidOperationException", "Exception", " at ", ".cs:line", "Evs.EndToEnd" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(response.Headers, header => header.Value.Any(v => v.Contains("SECRET", StringComparison.Ordinal)));
    }

    private sealed class ThrowingSnapshotsApi : ISnapshotsApi
    {
        public Task<SnapshotResponse> ShowSnapshotAsync(string projectId, string snapshotId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Secret);

        public Task<SnapshotResponse> UpdateSnapshotAsync(string projectId, string snapshotId, UpdateSnapshotRequest body, CancellationToken cancellationToken = default) =>
            Task.FromException<SnapshotResponse>(new InvalidOperationException(Secret));
    }
}
