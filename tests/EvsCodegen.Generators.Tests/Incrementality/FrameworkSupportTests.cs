using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Incrementality;

/// <summary>
/// The dependency-injection registrations are emitted only when the consumer references what they call, decided
/// from the references (not the compilation), and follow a change of the references on the next run.
/// </summary>
public sealed class FrameworkSupportTests
{
    private const string ClientRegistration = "EvsSnapshots.DependencyInjection.SnapshotsApiClient.g.cs";
    private const string ServerRegistration = "EvsSnapshots.DependencyInjection.SnapshotsApiController.g.cs";

    [Theory]
    [InlineData("Microsoft.Extensions.Http", false, true)]
    [InlineData("Microsoft.AspNetCore.Mvc", true, false)]
    public void RegistrationNeedingAMissingAssembly_IsNotEmitted(string missing, bool client, bool server)
    {
        var run = GeneratorHarness.Run([OpenApiFile.Evs()], null, Without(GeneratorHarness.CreateCompilation(), missing));
        var hints = run.Sources.Select(s => s.HintName).ToList();

        Assert.Equal(client, hints.Contains(ClientRegistration));
        Assert.Equal(server, hints.Contains(ServerRegistration));
        Assert.Contains("EvsSnapshots.Clients.SnapshotsApiClient.g.cs", hints);
    }

    [Fact]
    public void AddingTheReference_AddsTheRegistrationOnTheNextRun()
    {
        var full = GeneratorHarness.CreateCompilation();
        var without = Without(full, "Microsoft.Extensions.Http");
        var driver = GeneratorHarness.CreateDriver([OpenApiFile.Evs()]).RunGenerators(without);
        Assert.DoesNotContain(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith(ClientRegistration, StringComparison.Ordinal));

        driver = driver.RunGenerators(full);

        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith(ClientRegistration, StringComparison.Ordinal));
    }

    [Fact]
    public void AnInMemoryReference_IsRecognisedByItsAssemblyName()
    {
        // A project reference in an IDE is a compilation, not a file.
        var http = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Microsoft.Extensions.Http").ToMetadataReference();

        var support = EvsCodegen.Generators.Parsing.FrameworkSupportReader.Classify(http);

        Assert.True(support.HttpClientFactory);
        Assert.False(support.Mvc);
    }

    private static Compilation Without(Compilation compilation, string assembly) =>
        compilation.RemoveReferences(compilation.References.OfType<PortableExecutableReference>()
            .Where(r => string.Equals(Path.GetFileNameWithoutExtension(r.FilePath), assembly, StringComparison.OrdinalIgnoreCase)));
}
