using EvsCodegen.Generators.Tests.Infrastructure;
using EvsCodegen.TestSupport;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The strict-unions document of the generated-code tests (<c>oneOf: [number, {}]</c>, <c>[integer, {minimum: 2}]</c>,
/// <c>[integer, number]</c> and their <c>anyOf</c> counterparts; errors under <c>4XX</c> and <c>default</c>), its model
/// files compared with Baselines/StrictUnions: an untyped alternative is read among the alternatives of every kind,
/// after the typed ones, so a strict <c>oneOf</c> read counts it as a match (docs/decisions.md, "Strict oneOf for
/// alternatives without a type").
/// </summary>
public sealed class StrictUnionsBaselineTests
{
    private static readonly string s_folder = Baselines.Folder("StrictUnions");

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create(
        "/repo/tests/strict-unions.yaml",
        File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "tests", "EvsCodegen.GeneratedCode.Tests", "Documents", "strict-unions.yaml")),
        ns: "Test.StrictUnions")));

    [Fact]
    public void StrictUnionsDocument_ReportsNothing()
    {
        Assert.Empty(s_run.Value.Diagnostics);
    }

    [Fact]
    public void StrictUnionsDocument_UntypedAlternative_IsAnOptionOfEveryKind_AfterTheTypedOnes()
    {
        var source = s_run.Value.Sources.Single(s => s.HintName.EndsWith(".Models.NumberOrAny.g.cs", StringComparison.Ordinal)).Text;

        Assert.Contains("s_group0 = [ReadOption0, ReadOption1];", source, StringComparison.Ordinal);
        Assert.Contains("s_names0 = [\"Number\", \"Json\"];", source, StringComparison.Ordinal);
        Assert.Contains("exactlyOne: true, fallback: null", source, StringComparison.Ordinal);
        Assert.DoesNotContain("fallback: ReadOption", source, StringComparison.Ordinal);
    }

    [Fact]
    public void StrictUnionsDocument_ModelFilesMatchBaselines()
    {
        var sources = s_run.Value.Sources.Where(s => s.HintName.Contains(".Models.", StringComparison.Ordinal)).ToList();
        Baselines.AssertMatch(s_folder, sources.Select(s => (s.HintName, s.Text)).ToList());
    }

    [Fact]
    public void StrictUnionsDocument_GeneratedCodeCompilesWithoutWarnings()
    {
        var problems = GeneratorHarness.CompilerProblems(s_run.Value.OutputCompilation);

        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }
}
