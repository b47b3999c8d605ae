using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>
/// EVS2050 and the default <c>OpenApiEmit</c>: server code only where ASP.NET Core MVC is referenced; asked for
/// explicitly in a project without it, a positioned error instead of CS0234s inside generated files.
/// </summary>
public sealed class ServerWithoutAspNetCoreDiagnosticsTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
        components:
          schemas:
            Thing: {type: object, properties: {name: {type: string}, kind: {type: string, enum: [a, b]}}}
        """;

    [Fact]
    public void Evs2050_ServerAskedForWithoutAspNetCore_IsReportedAtTheDocumentsStart_AndNoControllerIsEmitted()
    {
        var run = Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document, "models;client;server"), aspNetCore: false);

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics.Where(d => d.Id == "EVS2050").ToList(), "EVS2050", (1, 1));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("Microsoft.AspNetCore.Mvc", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.AspNetCore.App", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains(".Controllers.", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
    }

    [Fact]
    public void Evs2050_DefaultEmit_InAConsoleProjectWithoutAspNetCore_EmitsModelsAndClient_AndCompilesClean()
    {
        var run = Run(DefaultEmit(), aspNetCore: false);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "EVS2050" or "EVS1020");
        Assert.Contains(run.Sources, s => s.HintName.Contains(".Clients.", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains(".Controllers.", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
    }

    [Fact]
    public void Evs2050_DefaultEmit_WithAspNetCore_StillEmitsTheController()
    {
        var run = Run(DefaultEmit(), aspNetCore: true);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "EVS2050");
        Assert.Contains(run.Sources, s => s.HintName.Contains(".Controllers.", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
    }

    private static OpenApiFile DefaultEmit()
    {
        var file = OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document);
        return file with { Metadata = file.Metadata.Where(m => m.Key != "OpenApiEmit").ToDictionary(m => m.Key, m => m.Value) };
    }

    /// <summary>A console-like project: .NET and the client runtime, without the ASP.NET Core shared framework and server runtime.</summary>
    private static GeneratorRun Run(OpenApiFile file, bool aspNetCore)
    {
        var aspNetCoreFolder = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Mvc.ControllerBase).Assembly.Location)!;
        var serverRuntime = typeof(EvsCodegen.Runtime.AspNetCore.ApiServerRuntime).Assembly.Location;
        var references = GeneratorHarness.CreateCompilation().References
            .Where(r => aspNetCore || ((r as PortableExecutableReference)?.FilePath is { } path
                && !string.Equals(Path.GetDirectoryName(path), aspNetCoreFolder, StringComparison.Ordinal) && path != serverRuntime));
        var compilation = GeneratorHarness.CreateCompilation().WithReferences(references);
        return GeneratorHarness.Run([file], null, compilation);
    }
}
