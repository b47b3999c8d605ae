using EvsCodegen.Generators.Tests.Infrastructure;
using EvsCodegen.TestSupport;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The minimal-API flavour (<c>OpenApiEmit="models;minimal"</c>) of the EVS document and of the security and
/// base-path documents of the generated-code tests: the endpoints files are compared with Baselines/Minimal (route
/// group, one <c>RequestDelegate</c> per operation, security as endpoint metadata); the output compiles without
/// warnings in a project that has ASP.NET Core but not MVC.
/// </summary>
public sealed class MinimalApiBaselineTests
{
    private static readonly string s_folder = Baselines.Folder("Minimal");

    private static readonly string[] s_documents = ["evs-snapshots", "secure", "servers"];

    public static TheoryData<string> Documents => [.. s_documents];

    [Fact]
    public void MinimalFlavour_EndpointsFilesMatchBaselines()
    {
        var sources = s_documents.SelectMany(d => Run(d).Sources)
            .Where(s => s.HintName.Contains(".Endpoints.", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, sources.Count);
        Baselines.AssertMatch(s_folder, sources.Select(s => (s.HintName, s.Text)).ToList());
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void MinimalFlavour_WithoutMvc_EmitsNoController_ReportsNothing_AndCompilesWithoutWarnings(string document)
    {
        var run = Run(document, withoutMvc: true);

        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Sources, s => s.HintName.Contains(".Endpoints.", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains(".Controllers.", StringComparison.Ordinal) || s.HintName.Contains(".DependencyInjection.", StringComparison.Ordinal));
        var problems = GeneratorHarness.CompilerProblems(run.OutputCompilation);
        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }

    [Fact]
    public void MinimalFlavour_BesideTheController_BothCompile()
    {
        var run = GeneratorHarness.Run(OpenApiFile.Create("/repo/openapi/evs-snapshots.yaml", Text("evs-snapshots"), "all;minimal", ns: "Test.Both"));

        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Sources, s => s.HintName.Contains(".Controllers.", StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.HintName.Contains(".Endpoints.", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
    }

    [Fact]
    public void MinimalFlavour_WithoutTheServerRuntime_IsEvs1020_AndNoEndpointsAreEmitted()
    {
        var serverRuntime = typeof(EvsCodegen.Runtime.AspNetCore.ApiServerRuntime).Assembly.Location;
        var compilation = GeneratorHarness.CreateCompilation().WithReferences(GeneratorHarness.CreateCompilation().References
            .Where(r => (r as PortableExecutableReference)?.FilePath != serverRuntime));

        var run = GeneratorHarness.Run([OpenApiFile.Create(DiagnosticAssert.DocumentPath, Text("evs-snapshots"), "models;minimal")], null, compilation);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("EVS1020", diagnostic.Id);
        Assert.Contains("EvsCodegen.Runtime.AspNetCore", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains(".Endpoints.", StringComparison.Ordinal));
    }

    private static GeneratorRun Run(string document, bool withoutMvc = false)
    {
        var file = OpenApiFile.Create($"/repo/tests/{document}.yaml", Text(document), "models;minimal", ns: "Test.Minimal." + document.Replace("-", string.Empty, StringComparison.Ordinal));
        if (!withoutMvc)
        {
            return GeneratorHarness.Run(file);
        }

        // ASP.NET Core without its MVC assemblies: what the endpoints need, and nothing the controllers would.
        var references = GeneratorHarness.CreateCompilation().References
            .Where(r => (r as PortableExecutableReference)?.FilePath is not { } path || !Path.GetFileName(path).StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal));
        return GeneratorHarness.Run([file], null, GeneratorHarness.CreateCompilation().WithReferences(references));
    }

    private static string Text(string document) => File.ReadAllText(document == "evs-snapshots"
        ? Path.Combine(RepoPaths.RepoRoot, "openapi", "evs-snapshots.yaml")
        : Path.Combine(RepoPaths.RepoRoot, "tests", "EvsCodegen.GeneratedCode.Tests", "Documents", document + ".yaml"));
}
