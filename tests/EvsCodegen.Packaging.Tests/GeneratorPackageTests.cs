using System.IO.Compression;
using System.Xml.Linq;
using EvsCodegen.Packaging.Tests.Consumers;
using EvsCodegen.Packaging.Tests.Infrastructure;

namespace EvsCodegen.Packaging.Tests;

/// <summary>The generator package, as a project outside the repository uses it: restored from a feed, run by the real build.</summary>
[Collection(PackagesCollection.Name)]
public sealed class GeneratorPackageTests(PackagesFixture packages)
{
    private static readonly string[] s_generatorLoadFailures = ["CS8784", "CS8785"];

    [Fact]
    public void GeneratorPackage_HoldsTheGeneratorAndYamlDotNetAsAnalyzers_AndTheOptionsPropsAndTargets_AndNothingElse()
    {
        using var package = ZipFile.OpenRead(packages.GeneratorPackage);

        Assert.Equal(
            ["EvsCodegen.Generators.nuspec", "README.md", "analyzers/dotnet/cs/EvsCodegen.Generators.dll", "analyzers/dotnet/cs/YamlDotNet.dll", "build/EvsCodegen.Generators.props", "build/EvsCodegen.Generators.targets"],
            PackageContent.Files(package));
    }

    [Fact]
    public void GeneratorPackage_DependsOnTheRuntimeOfExactlyItsOwnVersion_AndNothingElse()
    {
        using var package = ZipFile.OpenRead(packages.GeneratorPackage);
        var metadata = PackageContent.Metadata(package);

        // Adding the generator brings the runtime its generated code calls; the generator checks that version (EVS1020).
        Assert.Equal([$"EvsCodegen.Runtime [{packages.Version}]"], PackageContent.Dependencies(metadata));
        Assert.Equal("MIT", PackageContent.Value(metadata, "license"));
        Assert.Equal("README.md", PackageContent.Value(metadata, "readme"));
    }

    [Fact]
    public void RuntimePackages_CarryTheirAssembliesForNet8AndNet10()
    {
        foreach (var id in new[] { "EvsCodegen.Runtime", "EvsCodegen.Runtime.AspNetCore" })
        {
            using var package = ZipFile.OpenRead(packages.Package(id));
            var files = PackageContent.Files(package);
            Assert.Contains($"lib/net8.0/{id}.dll", files);
            Assert.Contains($"lib/net10.0/{id}.dll", files);
        }
    }

    [Fact]
    public void GeneratorPackage_PropsMakeEveryOptionVisibleToTheGenerator()
    {
        using var package = ZipFile.OpenRead(packages.GeneratorPackage);
        using var stream = package.GetEntry("build/EvsCodegen.Generators.props")!.Open();
        var items = XDocument.Load(stream).Descendants().ToList();

        Assert.Equal(
            ["EvsCodegenAccessibility", "EvsCodegenChangelog", "EvsCodegenEmit", "EvsCodegenModels", "EvsCodegenNamespace", "RootNamespace"],
            items.Where(e => e.Name.LocalName == "CompilerVisibleProperty").Select(e => (string)e.Attribute("Include")!).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["OpenApi", "OpenApiAcceptedBreaks", "OpenApiAccessibility", "OpenApiBaseline", "OpenApiClientName", "OpenApiContractName", "OpenApiEmit", "OpenApiExclude", "OpenApiInclude", "OpenApiModels", "OpenApiNamespace"],
            items.Where(e => e.Name.LocalName == "CompilerVisibleItemMetadata" && (string?)e.Attribute("Include") == "AdditionalFiles")
                .Select(e => (string)e.Attribute("MetadataName")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FreshWebProject_BuildsWithThePackedGenerator_AndItsGeneratedClientCallsItsGeneratedServer()
    {
        var folder = packages.CreateConsumer("todos", TodoConsumer.Files(packages.Version, packages.Version));

        var build = (await DotNet.RunAsync(folder, "build", "--disable-build-servers")).AssertSucceeded();

        // The generator loaded with what the package ships: no load or run failure, and every file generated.
        Assert.DoesNotContain(s_generatorLoadFailures, code => build.Output.Contains(code, StringComparison.Ordinal));
        var generated = Path.Combine(folder, "obj", "Debug", "net10.0", "generated", "EvsCodegen.Generators", "EvsCodegen.Generators.OpenApiGenerator");
        Assert.Equal(TodoConsumer.ExpectedGeneratedFiles, Directory.GetFiles(generated).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var run = (await DotNet.RunAsync(folder, Path.Combine("bin", "Debug", "net10.0", TodoConsumer.ProjectName + ".dll"))).AssertSucceeded();
        Assert.Equal(string.Join("\n", TodoConsumer.ExpectedOutput), string.Join("\n", run.Lines));
    }

    [Fact]
    public async Task GeneratorPackageWithoutYamlDotNet_FailsTheConsumersBuild_NamingTheMissingAssembly()
    {
        var version = packages.CreateGeneratorPackageWithoutYamlDotNet();
        var folder = packages.CreateConsumer("todos-without-yamldotnet", TodoConsumer.Files(version, packages.Version));

        var build = await DotNet.RunAsync(folder, "build", "--disable-build-servers");

        // The control for the test above: a package missing a dependency is caught by the same checks.
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(s_generatorLoadFailures, code => build.Output.Contains(code, StringComparison.Ordinal));
        Assert.Contains("Could not load file or assembly 'YamlDotNet", build.Output, StringComparison.Ordinal);
    }
}
