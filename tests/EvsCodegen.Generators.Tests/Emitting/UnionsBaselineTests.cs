using EvsCodegen.Generators.Tests.Infrastructure;
using EvsCodegen.TestSupport;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The unions document of the generated-code tests (an id or the expanded object, scalars told apart by kind, format,
/// pattern and enum, objects without a discriminator, a type array, <c>const</c>, <c>prefixItems</c>, <c>not</c>),
/// its model files compared with Baselines/Unions: the union records and their converters are what reviewers read here.
/// </summary>
public sealed class UnionsBaselineTests
{
    private static readonly string s_folder = Baselines.Folder("Unions");

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create(
        "/repo/tests/unions.yaml",
        File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "tests", "EvsCodegen.GeneratedCode.Tests", "Documents", "unions.yaml")),
        ns: "Test.Unions")));

    [Fact]
    public void UnionsDocument_ReportsOnlyTheKeywordsItDoesNotEnforce()
    {
        Assert.Equal(["EVS2060", "EVS2060"], s_run.Value.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void UnionsDocument_ModelFilesMatchBaselines()
    {
        var sources = s_run.Value.Sources.Where(s => s.HintName.Contains(".Models.", StringComparison.Ordinal)).ToList();
        Baselines.AssertMatch(s_folder, sources.Select(s => (s.HintName, s.Text)).ToList());
    }

    [Fact]
    public void UnionsDocument_GeneratedCodeCompilesWithoutWarnings()
    {
        var problems = GeneratorHarness.CompilerProblems(s_run.Value.OutputCompilation);

        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }
}
