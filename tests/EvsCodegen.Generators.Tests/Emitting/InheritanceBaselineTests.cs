using EvsCodegen.Generators.Tests.Infrastructure;
using EvsCodegen.TestSupport;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The inheritance document of the generated-code tests (<c>allOf</c> with one <c>$ref</c> base derives, a base with a
/// discriminator reads and writes its derived records, two <c>$ref</c> bases merge), its model files compared with
/// Baselines/Inheritance: the record declarations and the dispatch in the converters are what reviewers read here.
/// </summary>
public sealed class InheritanceBaselineTests
{
    private static readonly string s_folder = Baselines.Folder("Inheritance");

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create(
        "/repo/tests/inheritance.yaml",
        File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "tests", "EvsCodegen.GeneratedCode.Tests", "Documents", "inheritance.yaml")),
        ns: "Test.Inheritance")));

    [Fact]
    public void InheritanceDocument_ReportsOnlyTheKeywordsItDoesNotEnforce()
    {
        Assert.Empty(s_run.Value.Diagnostics);
    }

    [Fact]
    public void InheritanceDocument_ModelFilesMatchBaselines()
    {
        var sources = s_run.Value.Sources.Where(s => s.HintName.Contains(".Models.", StringComparison.Ordinal)).ToList();
        Baselines.AssertMatch(s_folder, sources.Select(s => (s.HintName, s.Text)).ToList());
    }

    [Fact]
    public void InheritanceDocument_GeneratedCodeCompilesWithoutWarnings()
    {
        var problems = GeneratorHarness.CompilerProblems(s_run.Value.OutputCompilation);

        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }
}
