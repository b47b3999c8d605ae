using EvsCodegen.Generators.Tests.Infrastructure;
using EvsCodegen.TestSupport;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The default-success document of the generated-code tests (operations that declare no 2xx answer), compared file by
/// file with Baselines/DefaultSuccess: <c>default</c> is the success answer there, so its content is the result type of
/// the contract and client methods, its headers the result type's, and it stays the declared error of the other statuses.
/// </summary>
public sealed class DefaultSuccessBaselineTests
{
    private static readonly string s_folder = Baselines.Folder("DefaultSuccess");

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create(
        "/repo/tests/default-success.yaml",
        File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "tests", "EvsCodegen.GeneratedCode.Tests", "Documents", "default-success.yaml")),
        "all;minimal",
        ns: "Test.DefaultSuccess")));

    [Fact]
    public void DefaultSuccessDocument_ReportsNothing()
    {
        Assert.Empty(s_run.Value.Diagnostics);
    }

    [Fact]
    public void DefaultSuccessDocument_GeneratedFilesMatchBaselines()
    {
        var sources = s_run.Value.Sources;
        Baselines.AssertMatch(s_folder, sources.Select(s => (s.HintName, s.Text)).ToList());
    }

    [Fact]
    public void DefaultSuccessDocument_GeneratedCodeCompilesWithoutWarnings()
    {
        var problems = GeneratorHarness.CompilerProblems(s_run.Value.OutputCompilation);

        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }
}
