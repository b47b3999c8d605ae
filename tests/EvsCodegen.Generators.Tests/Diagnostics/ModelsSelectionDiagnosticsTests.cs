using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Diagnostics;

/// <summary>EVS2070 (schemas the default <c>OpenApiModels</c> left out) and the option's own problems.</summary>
public sealed class ModelsSelectionDiagnosticsTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
        components:
          ⟦schemas:
            Pet: {type: object, properties: {name: {type: string}}}
            PushEvent: {type: object, properties: {ref: {type: string}}}
            Alias: {type: string}
            IssueEvent: {type: object, properties: {number: {type: integer}}}
        """;

    [Fact]
    public void Evs2070_UnreachedSchemasLeftOutByDefault_IsReportedAtComponentsSchemas_AsInfo()
    {
        var document = MarkedText.Parse(Document);

        var diagnostic = DiagnosticAssert.Single(DiagnosticAssert.Run(document.Text), "EVS2070", document.Position);

        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        // Alias would be no type of its own, so it is not counted as left out.
        Assert.Equal(
            "2 component schemas no operation reaches were not generated (e.g. PushEvent, IssueEvent); set OpenApiModels=\"all\" (or EvsCodegenModels) to generate them",
            diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("models;client;server", "all")]
    [InlineData("models;client;server", "reached")]
    [InlineData("models", null)]
    public void Evs2070_IsNotReported_WhenTheUserChoseOrOnlyModelsAreEmitted(string emit, string? models)
    {
        (string, string)[] metadata = models is null ? [] : [("OpenApiModels", models)];

        Assert.Empty(DiagnosticAssert.Run(MarkedText.Parse(Document).Text, emit, metadata));
    }

    [Fact]
    public void Evs2070_IsNotReported_WhenTheProjectPropertySaysAll_AndABadOneIsNamed()
    {
        var file = OpenApiFile.Create(DiagnosticAssert.DocumentPath, MarkedText.Parse(Document).Text);

        Assert.Empty(GeneratorHarness.Run([file], new Dictionary<string, string> { ["EvsCodegenModels"] = "all" }).Diagnostics);
        var invalid = Assert.Single(GeneratorHarness.Run([file], new Dictionary<string, string> { ["EvsCodegenModels"] = "every" }).Diagnostics, d => d.Id == "EVS2004");
        Assert.Contains("property 'EvsCodegenModels' of 'test-api.yaml' has the value 'every'", invalid.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evs2070_IsNotReported_WithAnOperationFilter()
    {
        Assert.Empty(DiagnosticAssert.Run(MarkedText.Parse(Document).Text, "models;client", ("OpenApiInclude", "op:listPets")));
    }

    [Fact]
    public void Evs2004_UnknownOpenApiModels_NamesTheMetadata_AndTheDefaultApplies()
    {
        var diagnostics = DiagnosticAssert.Run(MarkedText.Parse(Document).Text, "models;client", ("OpenApiModels", "some"));

        var invalid = Assert.Single(diagnostics, d => d.Id == "EVS2004");
        Assert.Contains("item metadata 'OpenApiModels' of 'test-api.yaml' has the value 'some'", invalid.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(diagnostics, d => d.Id == "EVS2070");
    }
}
