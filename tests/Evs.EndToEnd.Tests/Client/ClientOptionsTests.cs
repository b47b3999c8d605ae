using Evs.Snapshots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Evs.EndToEnd.Tests;

/// <summary>The token is configured once (options, DI, configuration), never passed per call, and sent on every call.</summary>
public sealed class ClientOptionsTests
{
    [Fact]
    public void TheContract_HasNoTokenParameter()
    {
        var parameters = typeof(ISnapshotsApi).GetMethods().SelectMany(m => m.GetParameters()).Select(p => p.Name!).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["body", "cancellationToken", "projectId", "snapshotId"], parameters);
    }

    [Fact]
    public async Task TokenFromApiClientOptions_IsSentOnEveryCall()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var handler = new RecordingHandler();
        var client = new SnapshotsApiClient(new HttpClient(handler) { BaseAddress = server.BaseAddress }, new ApiClientOptions { AuthToken = EvsTestServer.MemberToken });

        await client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId);
        await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("a", null));
        await client.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request(null, "b"));
        await Assert.ThrowsAsync<ApiException>(() => client.ShowSnapshotAsync(EvsTestServer.Project, "missing"));

        Assert.Equal(
            [(HttpMethod.Get, EvsTestServer.MemberToken), (HttpMethod.Put, EvsTestServer.MemberToken), (HttpMethod.Put, EvsTestServer.MemberToken), (HttpMethod.Get, EvsTestServer.MemberToken)],
            handler.Sent);
    }

    [Fact]
    public async Task NoTokenConfigured_SendsNoHeader_AndIsUnauthorized()
    {
        await using var server = await EvsTestServer.StartAsync();
        using var handler = new RecordingHandler();
        var client = new SnapshotsApiClient(new HttpClient(handler) { BaseAddress = server.BaseAddress });

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId));

        Assert.Equal((401, "unauthorized"), (exception.StatusCode, exception.FaultName));
        Assert.Null(Assert.Single(handler.Sent).Token);
    }

    [Fact]
    public async Task TokenThroughDependencyInjection_AddSnapshotsApiClient_Works()
    {
        await using var server = await EvsTestServer.StartAsync();
        var services = new ServiceCollection();
        services.AddSnapshotsApiClient(server.BaseAddress, options => options.AuthToken = EvsTestServer.MemberToken);
        await using var provider = services.BuildServiceProvider();

        var api = provider.GetRequiredService<ISnapshotsApi>();
        var response = await api.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("through DI", null));

        Assert.IsType<SnapshotsApiClient>(api);
        Assert.Equal("through DI", response.Snapshot.Name);
    }

    [Fact]
    public async Task TokenFromConfiguration_IsBoundToApiClientOptions()
    {
        await using var server = await EvsTestServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Evs:AuthToken"] = EvsTestServer.ReaderToken }).Build();
        var services = new ServiceCollection();
        services.AddSnapshotsApiClient(server.BaseAddress);
        services.Configure<ApiClientOptions>(configuration.GetSection("Evs"));
        await using var provider = services.BuildServiceProvider();
        var api = provider.GetRequiredService<ISnapshotsApi>();

        var read = await api.ShowSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId);
        var denied = await Assert.ThrowsAsync<ApiException>(() => api.UpdateSnapshotAsync(EvsTestServer.Project, EvsTestServer.SnapshotId, UpdateSnapshotTests.Request("x", null)));

        Assert.Equal("snap-001", read.Snapshot.Name);
        Assert.Equal(403, denied.StatusCode);
    }
}
