using Evs.Backend;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Evs.Server;

/// <summary>Builds the emulator host: the generated controller, the in-memory backend and the EVS request rules.</summary>
public static class EvsHost
{
    /// <summary>Cinder's request body limit, in bytes.</summary>
    public const int MaxBodyBytes = 114_688;

    /// <summary>Where the host serves its OpenAPI document.</summary>
    public const string DocumentPath = "/openapi/evs-snapshots.yaml";

    /// <summary>The default address (the document's local server).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The seed named by <c>--seed &lt;path&gt;</c>, or the built-in demo data.</summary>
    public static SeedData ReadSeed(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        // "--seed=<path>" must not fall through to the configuration system and start the demo data instead.
        var inline = Array.Find(args, arg => arg.StartsWith("--seed=", StringComparison.Ordinal));
        if (inline is not null)
        {
            return inline.Length > "--seed=".Length ? SeedData.LoadFile(inline["--seed=".Length..]) : throw new SeedException("(none)", "--seed needs a file path");
        }

        var index = Array.IndexOf(args, "--seed");
        if (index < 0)
        {
            return SeedData.Default;
        }

        if (index + 1 >= args.Length || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new SeedException("(none)", "--seed needs a file path");
        }

        return SeedData.LoadFile(args[index + 1]);
    }

    /// <summary>Builds the application; <paramref name="configure"/> lets tests replace services.</summary>
    public static WebApplication Build(string[] args, SeedData seed, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(RemoveSeedArguments(args));
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(options =>
        {
            options.Limits.MaxRequestBodySize = MaxBodyBytes;
            // Endpoint defaults reach the endpoints made from --urls as well as configured ones.
            options.ConfigureEndpointDefaults(KestrelErrorEnvelope.Attach);
        });
        builder.Services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        builder.Services.AddEvsEmulator(seed);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.Use(KestrelErrorEnvelope.MarkApplicationAsync);
        app.UseMiddleware<EvsRequestGuard>();
        // After the guard, so its order of answers (413, then 401, then 404) stays; the actions' [ApiSecurity] needs both.
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        return app;
    }

    private static string[] RemoveSeedArguments(string[] args)
    {
        args = Array.FindAll(args, arg => !arg.StartsWith("--seed=", StringComparison.Ordinal));
        var index = Array.IndexOf(args, "--seed");
        return index < 0 ? args : [.. args.Take(index), .. args.Skip(index + 2)];
    }
}
