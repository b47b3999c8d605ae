using System.Text;
using Evs.Backend;
using Evs.Server;
using Evs.Snapshots;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Evs.EndToEnd.Tests;

/// <summary>
/// The real host (Kestrel) on 127.0.0.1 with a free port, over its own store: in-process in the flavour
/// <see cref="FlavourVariable"/> names, or the executable <see cref="ExecutableVariable"/> names, one process per test.
/// </summary>
public sealed class EvsTestServer : IAsyncDisposable
{
    public const string Project = "0c2eba2c5af04d3f9e9d0d410b371fde";
    public const string OtherProject = "11111111111111111111111111111111";
    public const string SnapshotId = "f9faf7df-fdc1-4093-9ef3-5cba06eef995";
    public const string OtherSnapshotId = "22222222-0000-0000-0000-000000000002";
    public const string MemberToken = "demo-token";
    public const string ReaderToken = "demo-reader";
    public const string OtherToken = "other-token";

    /// <summary>The demo data plus a second project with its own snapshot and token.</summary>
    public const string SeedJson = """
        {
          "tokens": [
            {"token": "demo-token", "project_id": "0c2eba2c5af04d3f9e9d0d410b371fde", "roles": ["member"]},
            {"token": "demo-reader", "project_id": "0c2eba2c5af04d3f9e9d0d410b371fde", "roles": ["reader"]},
            {"token": "other-token", "project_id": "11111111111111111111111111111111", "roles": ["member"]}
          ],
          "snapshots": [
            {"project_id": "0c2eba2c5af04d3f9e9d0d410b371fde",
             "id": "f9faf7df-fdc1-4093-9ef3-5cba06eef995", "volume_id": "5aa119a8-d25b-45a7-8d1b-88e127885635",
             "name": "snap-001", "description": "Daily backup", "status": "available", "size": 1,
             "metadata": {}, "created_at": "2013-02-25T03:56:53.081642", "updated_at": null},
            {"project_id": "11111111111111111111111111111111",
             "id": "22222222-0000-0000-0000-000000000002", "volume_id": "33333333-0000-0000-0000-000000000003",
             "name": "other", "description": "", "status": "available", "size": 10,
             "metadata": {"k": "v"}, "created_at": "2020-01-01T00:00:00.000000", "updated_at": null}
          ]
        }
        """;

    /// <summary>
    /// The environment variable naming an emulator executable (e.g. <c>artifacts/evs-aot/Evs.Server</c>, the Native AOT
    /// build): each test then starts that process with its seed file instead of an in-process host.
    /// </summary>
    public const string ExecutableVariable = "EVS_TEST_EXECUTABLE";

    /// <summary>The environment variable choosing the in-process host's server flavour (<c>mvc</c>, the default, or <c>minimal</c>).</summary>
    public const string FlavourVariable = "EVS_TEST_FLAVOUR";

    /// <summary>The xunit trait of tests that replace the host's services, which a separate executable cannot have.</summary>
    public const string InProcessTrait = "InProcess";

    private readonly WebApplication? _app;
    private readonly ServerProcess? _process;
    private readonly string? _seedFile;
    private string? _initialState;

    private EvsTestServer(WebApplication? app, ServerProcess? process, string? seedFile, Uri baseAddress)
    {
        _app = app;
        _process = process;
        _seedFile = seedFile;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The server's store, to read state without a request (fuzzing reads it thousands of times); in-process hosts only.</summary>
    public SnapshotStore Store => (_app ?? throw new NotSupportedException($"The store of an external emulator ({ExecutableVariable}) cannot be read in-process."))
        .Services.GetRequiredService<SnapshotStore>();

    public static async Task<EvsTestServer> StartAsync(Action<IServiceCollection>? configure = null, string? seedJson = null)
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable);
        var server = string.IsNullOrEmpty(executable) ? await StartInProcessAsync(configure, seedJson) : await StartExecutableAsync(executable, configure, seedJson);
        // Only the default seed and services have the snapshots AssertUnchangedAsync reads (a replaced backend may be
        // deliberately broken or slow).
        server._initialState = seedJson is null && configure is null ? await server.ReadStateAsync() : null;
        return server;
    }

    private static async Task<EvsTestServer> StartInProcessAsync(Action<IServiceCollection>? configure, string? seedJson)
    {
        var seed = SeedData.Parse(Encoding.UTF8.GetBytes(seedJson ?? SeedJson), "test seed");
        var flavour = Environment.GetEnvironmentVariable(FlavourVariable) is { Length: > 0 } value ? value : "mvc";
        var app = EvsHost.Build(["--urls", "http://127.0.0.1:0", "--flavour", flavour, "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"], seed, configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EvsTestServer(app, null, null, new Uri(address + "/"));
    }

    /// <summary>The emulator executable as users run it, with the test's seed in a file of its own.</summary>
    private static async Task<EvsTestServer> StartExecutableAsync(string executable, Action<IServiceCollection>? configure, string? seedJson)
    {
        if (configure is not null)
        {
            throw new NotSupportedException($"This test replaces the host's services, which an external emulator ({ExecutableVariable}={executable}) cannot have; filter it out with Category!={InProcessTrait}.");
        }

        var seedFile = Path.Combine(Path.GetTempPath(), $"evs-test-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seedFile, seedJson ?? SeedJson);
        var process = ServerProcess.StartExecutable(executable, "--seed", seedFile, "--Logging:LogLevel:Default=Warning");
        try
        {
            return new EvsTestServer(null, process, seedFile, await process.WaitUntilListeningAsync(TimeSpan.FromSeconds(30)));
        }
        catch
        {
            await process.DisposeAsync();
            File.Delete(seedFile);
            throw;
        }
    }

    /// <summary>
    /// Reads both seeded snapshots back over HTTP (GET, as a client would) and asserts that they are byte for byte what
    /// they were when the server started: a failed request changes nothing, in this project or another.
    /// </summary>
    public async Task AssertUnchangedAsync()
    {
        Assert.NotNull(_initialState);
        Assert.Equal(_initialState, await ReadStateAsync());
    }

    /// <summary>The raw JSON a GET of a snapshot answers (200 expected).</summary>
    public async Task<string> GetSnapshotJsonAsync(string project = Project, string snapshot = SnapshotId, string token = MemberToken)
    {
        using var http = CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, RawHttp.SnapshotPath(project, snapshot));
        request.Headers.Add("X-Auth-Token", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {request.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text;
    }

    private async Task<string?> ReadStateAsync()
    {
        var own = await TryGetSnapshotJsonAsync(Project, SnapshotId, MemberToken);
        var other = await TryGetSnapshotJsonAsync(OtherProject, OtherSnapshotId, OtherToken);
        return own is null || other is null ? null : own + "\n" + other;
    }

    private async Task<string?> TryGetSnapshotJsonAsync(string project, string snapshot, string token)
    {
        using var http = CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, RawHttp.SnapshotPath(project, snapshot));
        request.Headers.Add("X-Auth-Token", token);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
    }

    /// <summary>A raw client (no token) for requests the generated client cannot express.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    /// <summary>The generated client with a token supplied once through options.</summary>
    public SnapshotsApiClient CreateClient(string? token = MemberToken) =>
        new(CreateHttpClient(), new ApiClientOptions { AuthToken = token });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        if (_seedFile is not null)
        {
            File.Delete(_seedFile);
        }
    }
}
