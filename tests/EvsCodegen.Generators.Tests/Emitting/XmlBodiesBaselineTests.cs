using EvsCodegen.Generators.Tests.Infrastructure;
using EvsCodegen.TestSupport;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The XML document of the generated-code tests (an operation declaring JSON and XML, XML-only requests and answers, a
/// root array of scalars), compared file by file with Baselines/XmlBodies: the shape descriptors, the client's
/// <c>Accept</c> and the runtime calls of client and controller are what reviewers read here (docs/decisions.md, "XML bodies").
/// </summary>
public sealed class XmlBodiesBaselineTests
{
    private static readonly string s_folder = Baselines.Folder("XmlBodies");

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create(
        "/repo/tests/xml-bodies.yaml",
        File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "tests", "EvsCodegen.GeneratedCode.Tests", "Documents", "xml-bodies.yaml")),
        ns: "Test.XmlBodies")));

    [Fact]
    public void XmlDocument_ReportsNothing()
    {
        Assert.Empty(s_run.Value.Diagnostics);
    }

    [Fact]
    public void XmlDocument_GeneratedFilesMatchBaselines()
    {
        var sources = s_run.Value.Sources;
        Baselines.AssertMatch(s_folder, sources.Select(s => (s.HintName, s.Text)).ToList());
    }

    [Fact]
    public void XmlDocument_GeneratedCodeCompilesWithoutWarnings()
    {
        var problems = GeneratorHarness.CompilerProblems(s_run.Value.OutputCompilation);

        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }
}
