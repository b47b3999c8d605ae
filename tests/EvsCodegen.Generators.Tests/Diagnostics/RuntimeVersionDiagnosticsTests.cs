using EvsCodegen.Generators.Emitting;
using EvsCodegen.Generators.Parsing;
using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS1020: the generated code needs the runtime of the generator's version, and says so when it is not there.</summary>
public sealed class RuntimeVersionDiagnosticsTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                '200': {description: ok}
        """;

    private static readonly string s_runtimePath = typeof(EvsCodegen.Runtime.ApiJsonReader).Assembly.Location;
    private static readonly string s_aspNetCorePath = typeof(EvsCodegen.Runtime.AspNetCore.ApiServerRuntime).Assembly.Location;

    [Fact]
    public void Evs1020_ProjectWithBothRuntimes_GetsNoRuntimeDiagnostic()
    {
        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "EVS1020");
    }

    [Fact]
    public void Evs1020_ProjectWithoutTheRuntime_IsToldWhichPackageAndVersionToAdd_AtTheDocumentsStart()
    {
        var run = Run("models;client", without: [s_runtimePath, s_aspNetCorePath]);

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics.Where(d => d.Id == "EVS1020").ToList(), "EVS1020", (1, 1));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains($"calls EvsCodegen.Runtime {CSharp.Version}: the project does not reference it; add the package EvsCodegen.Runtime {CSharp.Version}", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs1020_ServerCodeWithoutTheAspNetCoreRuntime_NamesThatPackage_AndClientCodeDoesNotNeedIt()
    {
        var server = Run("models;server", without: [s_aspNetCorePath]);
        var client = Run("models;client", without: [s_aspNetCorePath]);

        var diagnostic = Assert.Single(server.Diagnostics, d => d.Id == "EVS1020");
        Assert.Contains("calls EvsCodegen.Runtime.AspNetCore", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(client.Diagnostics, d => d.Id == "EVS1020");
    }

    [Theory]
    [InlineData("0.1.0")]
    [InlineData("1.2.0")]
    public void Evs1020_RuntimeOfAnotherMajorOrMinorVersion_IsNamedWithBothVersions(string referenced)
    {
        var fake = CSharpCompilation.Create(
            "EvsCodegen.Runtime",
            [CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{referenced}.0\")]")],
            GeneratorHarness.CreateCompilation().References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var run = Run("models", without: [s_runtimePath], extra: fake.ToMetadataReference());

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "EVS1020");
        Assert.Contains($"the project references version {referenced}; reference EvsCodegen.Runtime {CSharp.Version}", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.2.0", "0.2.0", true)]
    [InlineData("0.2.0", "0.2.7", true)]
    [InlineData("0.2.3", "0.2.1", false)]
    [InlineData("0.2.0", "0.3.0", false)]
    [InlineData("0.2.0", "1.2.0", false)]
    [InlineData("0.2.0", "unknown", false)]
    public void Evs1020_Compatibility_IsSameMajorAndMinor_WithAPatchNoOlderThanTheGenerators(string generator, string runtime, bool compatible)
    {
        Assert.Equal(compatible, RuntimeCheck.IsCompatible(generator, runtime));
    }

    private static GeneratorRun Run(string emit, string[] without, MetadataReference? extra = null)
    {
        var references = GeneratorHarness.CreateCompilation().References
            .Where(r => !without.Contains((r as PortableExecutableReference)?.FilePath))
            .Concat(extra is null ? [] : [extra]);
        var compilation = GeneratorHarness.CreateCompilation().WithReferences(references);
        return GeneratorHarness.Run([OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document, emit)], null, compilation);
    }
}
