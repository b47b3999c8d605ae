using System.Text;
using Evs.Backend;
using Evs.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace Evs.NSwag.Tests.Infrastructure;

/// <summary>The demo data plus a reader token and a second project, shared by both hosts.</summary>
internal static class Seed
{
    public const string Project = "0c2eba2c5af04d3f9e9d0d410b371fde";
    public const string OtherProject = "11111111111111111111111111111111";
    public const string SnapshotId = "f9faf7df-fdc1-4093-9ef3-5cba06eef995";
    public const string MemberToken = "demo-token";
    public const string ReaderToken = "demo-reader";
    public const string OtherToken = "other-token";

    public const string Json = """
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
             "metadata": {"k": "v"}, "created_at": "2013-02-25T03:56:53.081642", "updated_at": null}
          ]
        }
        """;

    public static SeedData Data => SeedData.Parse(Encoding.UTF8.GetBytes(Json), "NSwag test seed");
}

/// <summary>A host on 127.0.0.1 with a free port.</summary>
internal sealed class RunningHost(WebApplication app, Uri address) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public Uri Address { get; } = address;

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<RunningHost> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningHost(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

internal static class Hosts
{
    private static readonly string[] s_quiet = ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"];

    /// <summary>Our server: the generated controller over the in-memory backend, exactly as the emulator runs it.</summary>
    public static Task<RunningHost> StartOursAsync(Action<IServiceCollection>? configure = null) =>
        RunningHost.StartAsync(EvsHost.Build(s_quiet, Seed.Data, configure));

    /// <summary>
    /// NSwag's controller over the same in-memory backend, hosted as NSwag expects (MVC with the Newtonsoft.Json
    /// formatters), behind the emulator's own request guard (413, 401, unknown routes, 500). What the generated
    /// controller does itself and NSwag's does not (error envelope, model-state answers, project scope) is added by
    /// <see cref="NSwagBackend"/> and <see cref="EvsErrorFilter"/>, as a user of NSwag would have to.
    /// </summary>
    /// <param name="configureJson">Changes to NSwag's JSON settings, e.g. the document's timestamp format.</param>
    public static Task<RunningHost> StartNSwagAsync(Action<JsonSerializerSettings>? configureJson = null)
    {
        var builder = WebApplication.CreateSlimBuilder(s_quiet);
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = EvsHost.MaxBodyBytes);
        builder.Services
            .AddControllers(options => options.Filters.Add<EvsErrorFilter>())
            .AddApplicationPart(typeof(Server.EvsNSwagController).Assembly)
            .AddNewtonsoftJson(options => configureJson?.Invoke(options.SerializerSettings));
        builder.Services.AddSingleton(new SnapshotStore(Seed.Data));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CallerContext>();
        builder.Services.AddScoped<Evs.Snapshots.ISnapshotsApi, InMemorySnapshotsApi>();
        builder.Services.AddScoped<Server.IEvsNSwagController, NSwagBackend>();
        var app = builder.Build();
        app.UseMiddleware<EvsRequestGuard>();
        app.MapControllers();
        return RunningHost.StartAsync(app);
    }
}
