using System.Reflection;
using Evs.Backend;
using Evs.Server;
using Evs.Snapshots;
using EvsCodegen.Runtime.AspNetCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvsCodegen.Benchmarks.Server;

/// <summary>The three servers of item 5, each on 127.0.0.1 with a free port, over the same backend and request guard.</summary>
public static class BenchHosts
{
    /// <summary>The host names the load test accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["generated", "minimal", "minimal-secured", "minimal-document", "nswag", "generated-runtime-minimal", "generated-minimal", "secured-generated-endpoints", "generated-minimal-no-interceptor"];

    private static readonly string[] s_args = ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"];

    /// <summary>Starts a host by name and returns it with its base address.</summary>
    public static Task<(WebApplication App, Uri BaseAddress)> StartAsync(string name) => StartAsync(name, configure: null);

    /// <summary>
    /// Starts a host by name with <paramref name="configure"/> applied to its services last (the in-process report
    /// replaces the server with one that calls the application directly); for the hosts <c>generated-minimal</c> and
    /// <c>minimal-secured</c> only.
    /// </summary>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(string name, Action<IServiceCollection>? configure)
    {
        if (name.StartsWith("variant:", StringComparison.Ordinal))
        {
            var variant = BuildVariant(EndpointVariants.Parse(name["variant:".Length..]), configure);
            await variant.StartAsync().ConfigureAwait(false);
            return (variant, new Uri(variant.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/"));
        }

        if (configure is not null && name is not ("generated-minimal" or "minimal-secured" or "minimal-document" or "secured-generated-endpoints" or "generated-minimal-no-interceptor"))
        {
            throw new ArgumentException($"Host '{name}' takes no service configuration.", nameof(name));
        }

        var app = name switch
        {
            // The EVS host itself: generated controller and runtime. Controllers come only from its assembly (this
            // runner's assembly holds NSwag's controller for the same route).
            "generated" => EvsHost.Build(s_args, SeedData.Default, services => OnlyControllersFrom(services, typeof(EvsHost).Assembly)),
            "minimal" => BuildMinimal(),
            "minimal-secured" => BuildMinimalSecured(configure, generatedEndpoints: false),
            // The same with the document's other operation on the route (GET), as the generated endpoints serve it.
            "minimal-document" => BuildMinimalDocument(configure),
            "secured-generated-endpoints" => BuildMinimalSecured(configure, generatedEndpoints: true),
            "nswag" => BuildNSwag(),
            "generated-runtime-minimal" => BuildGeneratedRuntimeMinimal(),
            // The EVS host with the generated minimal-API endpoints (OpenApiEmit "minimal"), the Native AOT build's flavour.
            "generated-minimal" => EvsHost.Build([.. s_args, "--flavour", "minimal"], SeedData.Default, configure),
            // Diagnostic: the same without the emulator's project-scope interceptor (the interceptor's share of the time;
            // the project check is then not made).
            "generated-minimal-no-interceptor" => EvsHost.Build([.. s_args, "--flavour", "minimal"], SeedData.Default, services =>
            {
                services.RemoveAll<IApiRequestInterceptor>();
                configure?.Invoke(services);
            }),
            _ => throw new ArgumentException($"Unknown host '{name}'; use {string.Join(", ", Names)} or variant:<steps> (EndpointVariants).", nameof(name)),
        };
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address + "/"));
    }

    /// <summary>The limit: a hand-written minimal-API endpoint doing the generated controller's checks in one pass.</summary>
    private static WebApplication BuildMinimal()
    {
        var builder = CreateBuilder();
        var app = builder.Build();
        app.UseMiddleware<EvsRequestGuard>();
        app.MapPut("/v3/{project_id}/snapshots/{snapshot_id}", HandWrittenEndpoint.UpdateSnapshotAsync);
        return app;
    }

    /// <summary>
    /// The hand-written endpoint doing the generated host's work around it, so the ratio to <c>generated-minimal</c> is
    /// like for like: Kestrel's error envelope (connection middleware and marker), the guard, authentication with the
    /// emulator's <c>authToken</c> scheme, and authorization of the document's requirement (<c>apiKey:authToken</c>) with
    /// its 401/403 answers in the error shape, in <see cref="EvsHost.Build"/>'s order.
    /// </summary>
    /// <remarks>
    /// With <paramref name="generatedEndpoints"/> (host <c>secured-generated-endpoints</c>, diagnostic), the same host
    /// serves the generated minimal-API endpoints and the emulator's project-scope interceptor instead of the hand-written
    /// endpoint: what separates it from <c>minimal-secured</c> is the endpoint alone, from <c>generated-minimal</c> the host.
    /// </remarks>
    private static WebApplication BuildMinimalSecured(Action<IServiceCollection>? configure, bool generatedEndpoints)
    {
        var app = BuildSecuredHost(configure, withInterceptor: generatedEndpoints);
        if (generatedEndpoints)
        {
            app.MapSnapshotsApi();
        }
        else
        {
            app.MapPut("/v3/{project_id}/snapshots/{snapshot_id}", HandWrittenEndpoint.UpdateSnapshotAsync)
                .WithMetadata(new ApiSecurityAttribute(typeof(ApiFaults), "apiKey:authToken"));
        }

        return app;
    }

    /// <summary>
    /// <c>minimal-secured</c> serving the whole document as the generated endpoints do: the hand-written update and the
    /// hand-written show on the same route, so routing chooses by method for both servers (the load test sends only the
    /// update; serving a second method on the route costs the pipeline about 1.5–2 %, docs/benchmarks.md section 8).
    /// </summary>
    private static WebApplication BuildMinimalDocument(Action<IServiceCollection>? configure)
    {
        var app = BuildMinimalSecured(configure, generatedEndpoints: false);
        app.MapGet("/v3/{project_id}/snapshots/{snapshot_id}", HandWrittenEndpoint.ShowSnapshotAsync)
            .WithMetadata(new ApiSecurityAttribute(typeof(ApiFaults), "apiKey:authToken"));
        return app;
    }

    /// <summary>
    /// The host of <c>minimal-secured</c> and its diagnostic variants, without endpoints: the EVS error envelope for
    /// Kestrel's own answers, the request guard, token authentication and authorization, and (for generated endpoints)
    /// the emulator's project-scope interceptor.
    /// </summary>
    private static WebApplication BuildSecuredHost(Action<IServiceCollection>? configure, bool withInterceptor)
    {
        var builder = CreateBuilder();
        builder.WebHost.ConfigureKestrel(options => options.ConfigureEndpointDefaults(KestrelErrorEnvelope.Attach));
        builder.Services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, EvsTokenAuthenticationHandler>(EvsTokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddApiSecurityAnswers();
        if (withInterceptor)
        {
            // As the generated host (Add…Endpoints): the mappings may take the list of singletons once.
            builder.Services.AddSingleton<IApiRequestInterceptor, ProjectScopeInterceptor>().AddApiEndpointServices();
        }

        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.Use(KestrelErrorEnvelope.MarkApplicationAsync);
        app.UseMiddleware<EvsRequestGuard>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Diagnostic: <c>minimal-secured</c>'s host with the project-scope interceptor, serving the generated endpoint's body
    /// with <paramref name="steps"/> done the hand-written way (<see cref="EndpointVariants"/>).
    /// </summary>
    private static WebApplication BuildVariant(EndpointVariants.Steps steps, Action<IServiceCollection>? configure)
    {
        var app = BuildSecuredHost(configure, withInterceptor: true);
        if ((steps & EndpointVariants.Steps.AlsoGet) != 0)
        {
            app.MapMethods("/v3/{project_id}/snapshots/{snapshot_id}", ["GET"], new RequestDelegate(http => Task.CompletedTask))
                .WithMetadata(new ApiSecurityAttribute(typeof(ApiFaults), "apiKey:authToken"));
        }

        var interceptors = ApiRequestInterceptors.For(app);
        app.MapMethods("/v3/{project_id}/snapshots/{snapshot_id}", ["PUT"], new RequestDelegate(http => EndpointVariants.UpdateSnapshotAsync(http, steps, interceptors)))
            .WithMetadata(new ApiSecurityAttribute(typeof(ApiFaults), "apiKey:authToken"));
        return app;
    }

    /// <summary>The generated controller's action body as a minimal-API endpoint (diagnostic: MVC's share).</summary>
    private static WebApplication BuildGeneratedRuntimeMinimal()
    {
        var builder = CreateBuilder();
        builder.Services.AddSingleton<IApiRequestInterceptor, ProjectScopeInterceptor>();
        var app = builder.Build();
        app.UseMiddleware<EvsRequestGuard>();
        app.MapPut("/v3/{project_id}/snapshots/{snapshot_id}", GeneratedRuntimeEndpoint.UpdateSnapshotAsync);
        return app;
    }

    /// <summary>NSwag's partial controller (MVC model binding with System.Text.Json) over the same backend.</summary>
    private static WebApplication BuildNSwag()
    {
        var builder = CreateBuilder();
        builder.Services.AddControllers().ConfigureApplicationPartManager(manager => Only(manager, typeof(BenchHosts).Assembly));
        builder.Services.AddScoped<NSwagServer.INSwagSnapshotsController, NSwagImplementation>();
        var app = builder.Build();
        app.UseMiddleware<EvsRequestGuard>();
        app.MapControllers();
        return app;
    }

    /// <summary>What <see cref="EvsHost.Build"/> configures besides the controller: Kestrel limits and the backend.</summary>
    private static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder(s_args);
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = EvsHost.MaxBodyBytes);
        builder.Services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        builder.Services.AddSingleton(new SnapshotStore(SeedData.Default));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CallerContext>();
        builder.Services.AddScoped<ISnapshotsApi, InMemorySnapshotsApi>();
        return builder;
    }

    private static void OnlyControllersFrom(IServiceCollection services, Assembly assembly)
    {
        var manager = services.Select(d => d.ImplementationInstance).OfType<ApplicationPartManager>().Single();
        Only(manager, assembly);
    }

    private static void Only(ApplicationPartManager manager, Assembly assembly)
    {
        foreach (var part in manager.ApplicationParts.OfType<AssemblyPart>().Where(p => p.Assembly != assembly).ToList())
        {
            manager.ApplicationParts.Remove(part);
        }

        if (!manager.ApplicationParts.OfType<AssemblyPart>().Any())
        {
            manager.ApplicationParts.Add(new AssemblyPart(assembly));
        }
    }
}
