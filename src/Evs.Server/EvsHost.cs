using Evs.Backend;
using Evs.Snapshots;
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

    /// <summary>
    /// The server flavour <c>--flavour mvc|minimal</c> (configuration key <c>flavour</c>) asks for: the generated controller
    /// by default, the minimal-API endpoints in a build without MVC (<c>EvsServerFlavour=minimal</c>, Native AOT).
    /// Any other value is an <see cref="ArgumentException"/>.
    /// </summary>
    public static EvsServerFlavour ReadFlavour(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration["flavour"];
#if EVS_MINIMAL_ONLY
        return string.IsNullOrEmpty(value) || string.Equals(value, "minimal", StringComparison.OrdinalIgnoreCase) ? EvsServerFlavour.Minimal
            : throw new ArgumentException($"--flavour: '{value}' is not available, this build has the minimal-API endpoints only (EvsServerFlavour=minimal)");
#else
        return string.IsNullOrEmpty(value) || string.Equals(value, "mvc", StringComparison.OrdinalIgnoreCase) ? EvsServerFlavour.Mvc
            : string.Equals(value, "minimal", StringComparison.OrdinalIgnoreCase) ? EvsServerFlavour.Minimal
            : throw new ArgumentException($"--flavour: '{value}' is not a flavour, use mvc or minimal");
#endif
    }

    /// <summary>Builds the application; <paramref name="configure"/> lets tests replace services.</summary>
    public static WebApplication Build(string[] args, SeedData seed, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(RemoveSeedArguments(args));
        var flavour = ReadFlavour(builder.Configuration);
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
        builder.Services.AddEvsEmulator(seed, flavour);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.Use(KestrelErrorEnvelope.MarkApplicationAsync);
        app.UseMiddleware<EvsRequestGuard>();
        // After the guard, so its order of answers (413, then 401, then 404) stays; the actions' [ApiSecurity] needs both.
        app.UseAuthentication();
        app.UseAuthorization();
#if EVS_MINIMAL_ONLY
        app.MapSnapshotsApi();
#else
        if (flavour == EvsServerFlavour.Minimal)
        {
            app.MapSnapshotsApi();
        }
        else
        {
            app.MapControllers();
        }
#endif
        return app;
    }

    private static string[] RemoveSeedArguments(string[] args)
    {
        args = Array.FindAll(args, arg => !arg.StartsWith("--seed=", StringComparison.Ordinal));
        var index = Array.IndexOf(args, "--seed");
        return index < 0 ? args : [.. args.Take(index), .. args.Skip(index + 2)];
    }
}

/// <summary>Which generated server serves the emulator.</summary>
public enum EvsServerFlavour
{
    /// <summary>The generated MVC controller (the default of the JIT build).</summary>
    Mvc,

    /// <summary>The generated minimal-API endpoints (the only flavour of the Native AOT build).</summary>
    Minimal,
}
