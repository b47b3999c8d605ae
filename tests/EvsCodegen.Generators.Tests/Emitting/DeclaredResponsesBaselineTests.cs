using EvsCodegen.Generators.Tests.Infrastructure;
using EvsCodegen.TestSupport;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The declared-responses document of the generated-code tests (headers, several success statuses, problem+json and a
/// custom error schema), compared file by file with Baselines/Responses: the result types, the whole-response methods
/// and the typed error readers and writers are what reviewers read here.
/// </summary>
public sealed class DeclaredResponsesBaselineTests
{
    private static readonly string s_folder = Baselines.Folder("Responses");

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create(
        "/repo/tests/responses.yaml",
        File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "tests", "EvsCodegen.GeneratedCode.Tests", "Documents", "responses.yaml")),
        ns: "Test.Responses")));

    [Fact]
    public void ResponsesDocument_EmitsOneResultsFileForTheSurface_AndReportsNothing()
    {
        Assert.Contains("Responses.Results.ITasksApi.g.cs", s_run.Value.Sources.Select(s => s.HintName));
        Assert.Empty(s_run.Value.Diagnostics);
    }

    [Fact]
    public void ResponsesDocument_GeneratedFilesMatchBaselines()
    {
        var sources = s_run.Value.Sources;
        Baselines.AssertMatch(s_folder, sources.Select(s => (s.HintName, s.Text)).ToList());
    }

    [Fact]
    public void ResponsesDocument_GeneratedCodeCompilesWithoutWarnings()
    {
        var problems = GeneratorHarness.CompilerProblems(s_run.Value.OutputCompilation);

        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }
}
