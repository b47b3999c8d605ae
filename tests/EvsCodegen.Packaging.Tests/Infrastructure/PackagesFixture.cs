using System.Globalization;
using System.IO.Compression;
using System.Security;

namespace EvsCodegen.Packaging.Tests.Infrastructure;

/// <summary>
/// Packs the generator, the contracts and the client once per run into a temporary local feed, under a version no
/// cache has seen, and creates consumer projects beside it that restore from that feed and nuget.org.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    /// <summary>The README's packaging command packs this filter: the generator, the contracts and the client.</summary>
    private const string PackagesFilter = "EvsCodegen.Packages.slnf";

    public PackagesFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "evscodegen-packaging-" + Guid.NewGuid().ToString("N")[..12]);
        // A fresh version each run: the packages folder keeps a package by id and version, never re-reading the feed.
        Version = "0.1.0-ci." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The temporary folder everything lives in; deleted at the end.</summary>
    public string Root { get; }

    /// <summary>The version every package of this run carries.</summary>
    public string Version { get; }

    /// <summary>The local feed.</summary>
    public string Feed => Path.Combine(Root, "feed");

    public string GeneratorPackage => Package("EvsCodegen.Generators");

    public string ClientPackage => Package("Evs.Client");

    public string ContractsPackage => Package("Evs.Contracts");

    /// <summary>How long the packing took, for the report.</summary>
    internal IReadOnlyList<CommandResult> PackCommands { get; private set; } = [];

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        // A private artifacts folder: nothing is written to the repo's bin/obj, and parallel test runs do not collide.
        PackCommands = [(await DotNet.RunAsync(
            RepoPaths.RepoRoot,
            "pack", RepoPaths.InRepo(PackagesFilter), "-o", Feed, "--artifacts-path", Path.Combine(Root, "artifacts"),
            "-p:Version=" + Version, "--disable-build-servers")).AssertSucceeded()];
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("EVSCODEGEN_KEEP_PACKAGING_TEMP") != "1")
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; a failed cleanup must not fail the run.
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A consumer project folder holding <paramref name="files"/> and a NuGet.config that reads the local feed (our
    /// packages only) and nuget.org (everything else), with a private packages folder over the machine's as fallback.
    /// </summary>
    public string CreateConsumer(string name, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(Root, "consumers", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), NuGetConfig());
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, path))!);
            File.WriteAllText(Path.Combine(folder, path), text);
        }

        return folder;
    }

    /// <summary>A copy of the generator package without YamlDotNet.dll, as version <c>{Version}.noyaml</c>.</summary>
    public string CreateGeneratorPackageWithoutYamlDotNet()
    {
        var version = Version + ".noyaml";
        var target = Package("EvsCodegen.Generators").Replace(Version, version, StringComparison.Ordinal);
        using var source = ZipFile.OpenRead(GeneratorPackage);
        using var copy = ZipFile.Open(target, ZipArchiveMode.Create);
        foreach (var entry in source.Entries.Where(e => !e.FullName.EndsWith("YamlDotNet.dll", StringComparison.Ordinal)))
        {
            using var input = entry.Open();
            using var output = copy.CreateEntry(entry.FullName).Open();
            if (entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal))
            {
                using var reader = new StreamReader(input);
                using var writer = new StreamWriter(output);
                writer.Write(reader.ReadToEnd().Replace($"<version>{Version}</version>", $"<version>{version}</version>", StringComparison.Ordinal));
            }
            else
            {
                input.CopyTo(output);
            }
        }

        return version;
    }

    private string NuGetConfig()
    {
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Escape(Path.Combine(Root, "packages"))}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{Escape(Feed)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="EvsCodegen.*" />
                  <package pattern="Evs.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
              <fallbackPackageFolders>
                <clear />
                <add key="machine" value="{Escape(machinePackages)}" />
              </fallbackPackageFolders>
            </configuration>
            """;
    }

    private static string Escape(string value) => SecurityElement.Escape(value);
}

[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "Packages";
}
