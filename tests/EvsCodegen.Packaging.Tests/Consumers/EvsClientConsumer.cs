namespace EvsCodegen.Packaging.Tests.Consumers;

/// <summary>
/// A console app that references only the Evs.Client package (Evs.Contracts and Microsoft.Extensions.Http come
/// with it), registers the client with the generated <c>AddSnapshotsApiClient</c> and updates the demo snapshot on the
/// server whose address it is given.
/// </summary>
internal static class EvsClientConsumer
{
    public const string ProjectName = "Evs.Client.Consumer";
    public const string NewName = "renamed-by-package";
    public const string NewDescription = "Updated through the Evs.Client package";

    public static readonly string[] ExpectedOutput =
    [
        $"updated {NewName} | {NewDescription} | updated_at set: True",
        $"read {NewName} | {NewDescription} | available",
        "missing 404 itemNotFound EVS.5404",
        "reader 403 forbidden",
        "requests 3",
    ];

    public static IReadOnlyDictionary<string, string> Files(string clientVersion) => new Dictionary<string, string>
    {
        [ProjectName + ".csproj"] = $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- Hermetic: no vulnerability look-ups during restore. -->
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Evs.Client" Version="{{clientVersion}}" />
              </ItemGroup>
            </Project>
            """,
        ["Program.cs"] = $$"""
            using Evs.Snapshots;
            using EvsCodegen.Runtime;
            using Microsoft.Extensions.DependencyInjection;

            const string Project = "0c2eba2c5af04d3f9e9d0d410b371fde";
            const string Snapshot = "f9faf7df-fdc1-4093-9ef3-5cba06eef995";
            var server = new Uri(args[0]);
            var counter = new RequestCounter();

            var services = new ServiceCollection();
            services.AddSnapshotsApiClient(server, options => options.AuthToken = "demo-token").AddHttpMessageHandler(() => counter);
            await using var provider = services.BuildServiceProvider();
            var api = provider.GetRequiredService<ISnapshotsApi>();

            var updated = await api.UpdateSnapshotAsync(Project, Snapshot, new UpdateSnapshotRequest
            {
                Snapshot = new UpdateSnapshotOption { Name = "{{NewName}}", Description = "{{NewDescription}}" },
            });
            Console.WriteLine($"updated {updated.Snapshot.Name} | {updated.Snapshot.Description} | updated_at set: {updated.Snapshot.UpdatedAt is not null}");
            var read = await api.ShowSnapshotAsync(Project, Snapshot);
            Console.WriteLine($"read {read.Snapshot.Name} | {read.Snapshot.Description} | {read.Snapshot.Status}");
            try
            {
                await api.ShowSnapshotAsync(Project, "no-such-snapshot");
            }
            catch (ApiException exception)
            {
                Console.WriteLine($"missing {exception.StatusCode} {exception.FaultName} {exception.Code}");
            }

            // Without DI: the client class itself, over an HttpClient the caller made, with a token of role reader.
            using var http = new HttpClient { BaseAddress = server };
            var reader = new SnapshotsApiClient(http, new ApiClientOptions { AuthToken = "demo-reader" });
            try
            {
                await reader.UpdateSnapshotAsync(Project, Snapshot, new UpdateSnapshotRequest { Snapshot = new UpdateSnapshotOption { Name = "nope" } });
            }
            catch (ApiException exception)
            {
                Console.WriteLine($"reader {exception.StatusCode} {exception.FaultName}");
            }

            Console.WriteLine($"requests {counter.Count}");

            internal sealed class RequestCounter : DelegatingHandler
            {
                private int _count;

                public int Count => _count;

                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    Interlocked.Increment(ref _count);
                    return base.SendAsync(request, cancellationToken);
                }
            }
            """,
    };
}
