using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Comparing;

/// <summary>Changes that keep every client in the field and all compiled code working: the gate stays silent.</summary>
public sealed class CompatibleChangeTests
{
    [Fact]
    public void UnchangedDocument_ReportsNothing() =>
        Assert.Empty(Gate.Run(Gate.Shipped));

    [Fact]
    public void AddingAnOptionalParameter_ReportsNothing() =>
        Assert.Empty(Gate.Run(Gate.Edit(("schema: {type: string}}\n", "schema: {type: string}}\n        - {name: verbose, in: query, schema: {type: boolean}}\n")).Text));

    [Fact]
    public void AddingAnOptionalRequestProperty_ReportsNothing() =>
        Assert.Empty(Gate.Run(Gate.Edit(("        note: {type: string, nullable: true}\n", "        note: {type: string, nullable: true}\n        age: {type: integer}\n")).Text));

    [Fact]
    public void AddingAnOperation_ReportsNothing() =>
        Assert.Empty(Gate.Run(Gate.Edit(("components:\n", "  /health:\n    get:\n      operationId: health\n      responses: {'204': {description: up}}\ncomponents:\n")).Text));

    [Fact]
    public void AddingAnEnumValueToARequestOnlyEnum_ReportsNothing() =>
        Assert.Empty(Gate.Run(Gate.Edit(("      enum: [cat, dog]", "      enum: [cat, dog, bird]")).Text));

    [Fact]
    public void RemovingAnEnumValueFromAResponseOnlyEnum_ReportsNothing() =>
        Assert.Empty(Gate.Run(Gate.Edit(("      enum: [available, sold]", "      enum: [available]")).Text));

    [Fact]
    public void LooseningARequestBound_ReportsNothing() =>
        Assert.Empty(Gate.Run(Gate.Edit(("        name: {type: string, maxLength: 50}", "        name: {type: string, maxLength: 60}")).Text));

    [Fact]
    public void TighteningAResponseBound_ReportsNothing() =>
        Assert.Empty(Gate.Run(Gate.Edit(("        id: {type: string, maxLength: 36}", "        id: {type: string, maxLength: 32}")).Text));

    [Fact]
    public void DocumentWithoutBaseline_ReportsNothing() =>
        Assert.DoesNotContain(
            GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, Gate.Edit(("      enum: [cat, dog]", "      enum: [cat]")).Text, "models")).Diagnostics,
            d => d.Id.StartsWith("EVS30", StringComparison.Ordinal));

    [Fact]
    public void SeverityConfiguredForTheId_AppliesToGateDiagnostics()
    {
        // What `dotnet_diagnostic.EVS3008.severity = error` in a global .editorconfig, or <WarningsAsErrors>, becomes.
        var compilation = GeneratorHarness.CreateCompilation();
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([KeyValuePair.Create("EVS3008", ReportDiagnostic.Error), KeyValuePair.Create("EVS3018", ReportDiagnostic.Suppress)]));
        var current = Gate.Edit(("      enum: [available, sold]", "      enum: [available, sold, pending]"), ("        tag: {type: string}\n", string.Empty));

        var diagnostics = GeneratorHarness.Run(
            [OpenApiFile.Create(DiagnosticAssert.DocumentPath, current.Text, "models"), OpenApiFile.Fragment(Gate.ShippedPath, Gate.Shipped)],
            null,
            compilation).Diagnostics;

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, d => d.Id == "EVS3008").Severity);
        Assert.Contains(diagnostics, d => d.Id == "EVS3004");
        Assert.DoesNotContain(diagnostics, d => d.Id == "EVS3018");
    }
}
