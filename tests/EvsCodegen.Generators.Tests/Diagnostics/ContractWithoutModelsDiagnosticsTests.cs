using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>
/// EVS2051: client or server code needs the document's models in its namespace, from the same compilation or a
/// referenced assembly; split any other way it is one positioned error naming the options, not CS0246s in generated files.
/// </summary>
public sealed class ContractWithoutModelsDiagnosticsTests
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
            Thing: {type: object, properties: {name: {type: string}}}
        """;

    [Fact]
    public void Evs2051_ClientWithoutModels_IsReportedAtTheDocumentsStart_NamingTheOptions_AndNoClientIsEmitted()
    {
        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document, "client"));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics.Where(d => d.Id == "EVS2051").ToList(), "EVS2051", (1, 1));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage();
        Assert.Contains("OpenApiEmit", message, StringComparison.Ordinal);
        Assert.Contains("OpenApiNamespace", message, StringComparison.Ordinal);
        Assert.Contains("'Test.Api'", message, StringComparison.Ordinal);
        Assert.Empty(run.Sources);
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
    }

    [Fact]
    public void Evs2051_ServerWithoutModels_IsReported_AndNoControllerIsEmitted()
    {
        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document, "server"));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics.Where(d => d.Id == "EVS2051").ToList(), "EVS2051", (1, 1));
        Assert.Contains("server code", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
    }

    [Fact]
    public void Evs2051_ModelsOfAReferencedProject_InTheSameNamespace_AreEnough()
    {
        var run = GeneratorHarness.Run([OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document, "client;server")], null, WithContracts("Test.Api", "public"));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "EVS2051");
        Assert.Contains(run.Sources, s => s.HintName.Contains(".Clients.", StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.HintName.Contains(".Controllers.", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
    }

    [Fact]
    public void Evs2051_ModelsOfAReferencedProject_InAnotherNamespace_AreReported()
    {
        var run = GeneratorHarness.Run([OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document, "client")], null, WithContracts("Other.Api", "public"));

        DiagnosticAssert.Single(run.Diagnostics.Where(d => d.Id == "EVS2051").ToList(), "EVS2051", (1, 1));
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
    }

    [Fact]
    public void Evs2051_ModelsOfAnotherDocument_InTheSameNamespace_AreReported_NamingTheMissingContract()
    {
        var run = GeneratorHarness.Run([OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document, "client")], null, WithContracts("Test.Api", "public", "/contracts/other.yaml"));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics.Where(d => d.Id == "EVS2051").ToList(), "EVS2051", (1, 1));
        Assert.Contains("ITestApi", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
    }

    [Fact]
    public void Evs2051_InternalModelsOfAReferencedProject_AreReported_NamingTheAccessibility()
    {
        var run = GeneratorHarness.Run([OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document, "client")], null, WithContracts("Test.Api", "internal"));

        var diagnostic = DiagnosticAssert.Single(run.Diagnostics.Where(d => d.Id == "EVS2051").ToList(), "EVS2051", (1, 1));
        Assert.Contains("OpenApiAccessibility", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
    }

    [Fact]
    public void Evs2051_ModelsAndClientInOneProject_AreNotReported()
    {
        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, Document, "models;client"));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "EVS2051");
        Assert.Empty(GeneratorHarness.CompilerProblems(run.OutputCompilation));
    }

    /// <summary>A consuming compilation referencing a contracts project that emitted the document's models into <paramref name="ns"/>.</summary>
    private static Compilation WithContracts(string ns, string accessibility, string path = "/contracts/test-api.yaml")
    {
        var contracts = GeneratorHarness.Run(OpenApiFile.Create(path, Document, "models", ns, ("OpenApiAccessibility", accessibility)));
        Assert.Empty(GeneratorHarness.CompilerProblems(contracts.OutputCompilation));
        var reference = contracts.OutputCompilation.WithAssemblyName("Contracts").ToMetadataReference();
        return GeneratorHarness.CreateCompilation().AddReferences(reference);
    }
}
