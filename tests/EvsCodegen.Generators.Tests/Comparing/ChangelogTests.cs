using EvsCodegen.Generators.Tests.Infrastructure;

namespace EvsCodegen.Generators.Tests.Comparing;

/// <summary>The Markdown the OpenApiChangelog target collects: a comment-only generated file, only when asked for.</summary>
public sealed class ChangelogTests
{
    [Fact]
    public void ChangelogBuild_WritesTheChangesGroupedByLevelInsteadOfReportingThem()
    {
        var current = Gate.Edit(("      enum: [available, sold]", "      enum: [available, sold, pending]"), ("      operationId: getPet\n", "      operationId: getPet\n      deprecated: true\n"), ("        tag: {type: string}\n", string.Empty));

        var run = GeneratorHarness.Run(
            [OpenApiFile.Create(DiagnosticAssert.DocumentPath, current.Text, "models"), OpenApiFile.Fragment(Gate.ShippedPath, Gate.Shipped)],
            new Dictionary<string, string> { ["EvsCodegenChangelog"] = "true" });

        Assert.DoesNotContain(run.Diagnostics, d => d.Id.StartsWith("EVS30", StringComparison.Ordinal));
        var markdown = string.Join("\n", run.Source("test-api.OpenApiChangelog.g.cs").Split('\n').Where(l => l.StartsWith("//|", StringComparison.Ordinal)).Select(l => l.Length > 4 ? l[4..] : string.Empty));
        var errors = markdown.IndexOf("Breaking (error)", StringComparison.Ordinal);
        var warnings = markdown.IndexOf("Possibly breaking (warning)", StringComparison.Ordinal);
        var infos = markdown.IndexOf("Informational", StringComparison.Ordinal);
        Assert.True(errors > 0 && warnings > errors && infos > warnings, markdown);
        Assert.Contains("- EVS3004 (line ", markdown, StringComparison.Ordinal);
        Assert.Contains("- EVS3008 (line ", markdown, StringComparison.Ordinal);
        Assert.Contains("- EVS3017 (line ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void OrdinaryBuild_AddsNoChangelogFile()
    {
        var run = GeneratorHarness.Run(OpenApiFile.Create(DiagnosticAssert.DocumentPath, Gate.Shipped, "models"), OpenApiFile.Fragment(Gate.ShippedPath, Gate.Shipped));

        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("Changelog", StringComparison.Ordinal));
    }
}
