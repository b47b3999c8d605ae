using System.IO.Compression;
using Evs.Backend;
using Evs.Server;
using EvsCodegen.Packaging.Tests.Consumers;
using EvsCodegen.Packaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EvsCodegen.Packaging.Tests;

/// <summary>The generated client as a package: what it carries, and a fresh project using it against a running EVS server.</summary>
[Collection(PackagesCollection.Name)]
public sealed class ClientPackageTests(PackagesFixture packages)
{
    private const string Project = "0c2eba2c5af04d3f9e9d0d410b371fde";
    private const string Snapshot = "f9faf7df-fdc1-4093-9ef3-5cba06eef995";

    [Fact]
    public void ClientPackage_CarriesTheClientAssembly_AndDependsOnTheContractsRuntimeAndHttpClientFactory_NotOnTheGenerator()
    {
        using var package = ZipFile.OpenRead(packages.ClientPackage);

        Assert.Equal(["Evs.Client.nuspec", "lib/net10.0/Evs.Client.dll", "lib/net10.0/Evs.Client.xml"], PackageContent.Files(package));
        Assert.Equal(
            [$"Evs.Contracts {packages.Version}", $"EvsCodegen.Runtime {packages.Version}", "Microsoft.Extensions.Http 10.0.0"],
            PackageContent.Dependencies(PackageContent.Metadata(package)));
    }

    [Fact]
    public void ContractsPackage_CarriesTheModelsAssembly_AndDependsOnlyOnTheRuntime()
    {
        using var package = ZipFile.OpenRead(packages.ContractsPackage);

        Assert.Equal(["Evs.Contracts.nuspec", "lib/net10.0/Evs.Contracts.dll", "lib/net10.0/Evs.Contracts.xml"], PackageContent.Files(package));
        Assert.Equal([$"EvsCodegen.Runtime {packages.Version}"], PackageContent.Dependencies(PackageContent.Metadata(package)));
    }

    [Fact]
    public async Task FreshConsoleProject_ReferencingOnlyTheClientPackage_UpdatesTheDemoSnapshotOnARunningServer_AndReadsItBack()
    {
        var folder = packages.CreateConsumer("evs-client", EvsClientConsumer.Files(packages.Version));
        var build = DotNet.RunAsync(folder, "build", "--disable-build-servers");
        await using var app = EvsHost.Build(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"],
            SeedData.Default);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        (await build).AssertSucceeded();

        var run = (await DotNet.RunAsync(folder, Path.Combine("bin", "Debug", "net10.0", EvsClientConsumer.ProjectName + ".dll"), address)).AssertSucceeded();

        Assert.Equal(string.Join("\n", EvsClientConsumer.ExpectedOutput), string.Join("\n", run.Lines));
        var stored = app.Services.GetRequiredService<SnapshotStore>().Find(Project, Snapshot)!;
        Assert.Equal(EvsClientConsumer.NewName, stored.Name);
        Assert.Equal(EvsClientConsumer.NewDescription, stored.Description);
        await app.StopAsync();
    }
}
