using EvsCodegen.Generators.Tests.Infrastructure;
using EvsCodegen.TestSupport;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The streams document of the generated-code tests (server-sent events with a 3.2 itemSchema and as text, JSON Lines,
/// a JSON text sequence, binary download, upload and an optional binary body), compared file by file with
/// Baselines/Streams: the async iterators of the client, the stream arguments and the runtime calls of the controller
/// are what reviewers read here.
/// </summary>
public sealed class StreamsBaselineTests
{
    private static readonly string s_folder = Baselines.Folder("Streams");

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create(
        "/repo/tests/streams.yaml",
        File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "tests", "EvsCodegen.GeneratedCode.Tests", "Documents", "streams.yaml")),
        ns: "Test.Streams")));

    [Fact]
    public void StreamsDocument_ReportsNothing_AndHasNoWholeResponseForStreams()
    {
        Assert.Empty(s_run.Value.Diagnostics);
        Assert.DoesNotContain(s_run.Value.Sources, s => s.HintName.Contains(".Results.", StringComparison.Ordinal));
    }

    [Fact]
    public void StreamsDocument_GeneratedFilesMatchBaselines()
    {
        var sources = s_run.Value.Sources;
        Baselines.AssertMatch(s_folder, sources.Select(s => (s.HintName, s.Text)).ToList());
    }

    [Fact]
    public void StreamsDocument_GeneratedCodeCompilesWithoutWarnings()
    {
        var problems = GeneratorHarness.CompilerProblems(s_run.Value.OutputCompilation);

        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }
}
