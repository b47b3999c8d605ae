using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsCodegen.Generators.Tests.Comparing;

/// <summary>The gate runs beside emission: C# edits re-run nothing, a baseline edit re-compares but re-emits nothing.</summary>
public sealed class GateCachingTests
{
    [Fact]
    public void EditingUnrelatedCSharpFile_LeavesTheCompareStepCached()
    {
        var (driver, _, shipped) = Start();
        var compilation = GeneratorHarness.CreateCompilation("namespace App; public static class A { }");
        driver = driver.RunGenerators(compilation);

        var result = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; internal static class C { }", GeneratorHarness.ParseOptions))).GetRunResult().Results.Single();

        Assert.NotEmpty(Reasons(result, TrackingNames.Compare));
        foreach (var step in new[] { TrackingNames.Baselines, TrackingNames.Compare, TrackingNames.CompareDiagnostics })
        {
            Assert.All(Reasons(result, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }

        _ = shipped;
    }

    [Fact]
    public void EditingOnlyTheBaseline_RecomparesWithoutReparsingOrReemitting()
    {
        var (driver, compilation, shipped) = Start();
        var edited = Gate.Shipped.Replace("      enum: [cat, dog]", "      enum: [cat, dog, fish]", StringComparison.Ordinal);

        var run = driver.ReplaceAdditionalText(shipped, new InMemoryAdditionalText(Gate.ShippedPath, edited)).RunGenerators(compilation);
        var result = run.GetRunResult().Results.Single();

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Baselines));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Compare));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.Parsed));
        Assert.All(Reasons(result, TrackingNames.Units), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Contains(run.GetRunResult().Diagnostics, d => d.Id == "EVS3007");
    }

    [Fact]
    public void ChangelogBuild_CSharpEditLeavesTheChangelogCached_BaselineEditRewritesIt()
    {
        var (driver, compilation, shipped) = Start(new Dictionary<string, string> { ["EvsCodegenChangelog"] = "true" });

        var afterCSharpEdit = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; internal static class C { }", GeneratorHarness.ParseOptions)));
        var cached = afterCSharpEdit.GetRunResult().Results.Single();
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(cached, TrackingNames.Changelog));

        var edited = Gate.Shipped.Replace("      enum: [cat, dog]", "      enum: [cat, dog, fish]", StringComparison.Ordinal);
        var run = afterCSharpEdit.ReplaceAdditionalText(shipped, new InMemoryAdditionalText(Gate.ShippedPath, edited)).RunGenerators(compilation);
        var result = run.GetRunResult().Results.Single();

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Changelog));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.Parsed));
        var changelog = Assert.Single(result.GeneratedSources, s => s.HintName.EndsWith(".OpenApiChangelog.g.cs", StringComparison.Ordinal));
        Assert.Contains("EVS3007", changelog.SourceText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.GetRunResult().Diagnostics, d => d.Id.StartsWith("EVS30", StringComparison.Ordinal));
    }

    private static (GeneratorDriver Driver, Compilation Compilation, AdditionalText Shipped) Start(IReadOnlyDictionary<string, string>? globalProperties = null)
    {
        var files = new[] { OpenApiFile.Create(DiagnosticAssert.DocumentPath, Gate.Shipped, "models"), OpenApiFile.Fragment(Gate.ShippedPath, Gate.Shipped) };
        var texts = files.Select(f => f.ToAdditionalText()).ToList();
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(texts, GeneratorHarness.OptionsProvider(files, globalProperties)).RunGenerators(compilation);
        return (driver, compilation, texts[1]);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var steps)
            ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray()
            : [];
}
