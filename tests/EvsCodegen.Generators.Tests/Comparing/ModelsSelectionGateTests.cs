using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Comparing;

/// <summary>
/// The gate parses the baseline with the document's own options, <c>OpenApiModels</c> included, so it compares like
/// with like: a schema that stops being reached is judged at the place that stopped reaching it.
/// </summary>
public sealed class ModelsSelectionGateTests
{
    private static IReadOnlyList<string> Changes(string current, string? models) =>
        GeneratorHarness.Run(
            OpenApiFile.Create(DiagnosticAssert.DocumentPath, current, "models;client", "Test.Api", models is null ? [] : [("OpenApiModels", models)]),
            OpenApiFile.Fragment(Gate.ShippedPath, Gate.Shipped))
        .Diagnostics.Where(d => d.Id.StartsWith("EVS30", StringComparison.Ordinal))
        .Select(d => d.Id + " " + d.GetMessage())
        .ToList();

    [Fact]
    public void SchemaNoLongerReached_IsReportedAsTheRemovalThatUnreachedIt_AsWithAll()
    {
        // Status was reached only through Pet.status: without it, the default no longer generates the Status type.
        var current = Gate.Edit(("        status: {$ref: '#/components/schemas/Status'}\n", string.Empty));

        var byDefault = Changes(current.Text, models: null);

        Assert.Contains(byDefault, c => c.StartsWith("EVS3004", StringComparison.Ordinal) && c.EndsWith("[/components/schemas/Pet/properties/status]", StringComparison.Ordinal));
        Assert.Equal(Changes(current.Text, "all"), byDefault);
    }

    [Fact]
    public void RemovingASchemaNoOperationReaches_IsNoBreak_WhateverTheSelection()
    {
        var shippedWithExtra = Gate.Shipped + "\n    Unused: {type: object, properties: {x: {type: string}}}\n";
        // Pet.tag goes too, a break the gate must see: proof that the baseline was read.
        var current = Gate.Edit(("        tag: {type: string}\n", string.Empty)).Text;

        foreach (var models in new[] { null, "all" })
        {
            var changes = GeneratorHarness.Run(
                OpenApiFile.Create(DiagnosticAssert.DocumentPath, current, "models;client", "Test.Api", models is null ? [] : [("OpenApiModels", models)]),
                OpenApiFile.Fragment(Gate.ShippedPath, shippedWithExtra))
                .Diagnostics.Where(d => d.Id.StartsWith("EVS30", StringComparison.Ordinal))
                .Select(d => d.GetMessage())
                .ToList();

            Assert.All(changes, c => Assert.EndsWith("[/components/schemas/Pet/properties/tag]", c, StringComparison.Ordinal));
            Assert.NotEmpty(changes);
        }
    }
}
