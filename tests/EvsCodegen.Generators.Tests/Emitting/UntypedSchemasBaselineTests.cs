using EvsCodegen.Generators.Tests.Infrastructure;
using EvsCodegen.TestSupport;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The untyped-schemas document of the generated-code tests (keyword-only schemas, <c>type: null</c>, <c>not</c>, a
/// <c>oneOf</c> of required lists, a self-referencing schema, an empty <c>allOf</c> member, one-boolean enums,
/// <c>multipleOf</c>), its model and controller files compared with Baselines/UntypedSchemas: the schema literals the
/// converters check <c>JsonElement</c> values against, and the body readers holding a body's own keywords.
/// </summary>
public sealed class UntypedSchemasBaselineTests
{
    private static readonly string s_folder = Baselines.Folder("UntypedSchemas");

    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(OpenApiFile.Create(
        "/repo/tests/untyped-schemas.yaml",
        File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "tests", "EvsCodegen.GeneratedCode.Tests", "Documents", "untyped-schemas.yaml")),
        ns: "Test.UntypedSchemas")));

    [Fact]
    public void UntypedSchemasDocument_ReportsNothing_EveryKeywordIsEnforced()
    {
        Assert.Empty(s_run.Value.Diagnostics);
    }

    [Fact]
    public void UntypedSchemasDocument_ModelAndControllerFilesMatchBaselines()
    {
        var sources = s_run.Value.Sources.Where(s => s.HintName.Contains(".Models.", StringComparison.Ordinal) || s.HintName.Contains(".Controllers.", StringComparison.Ordinal)).ToList();
        Baselines.AssertMatch(s_folder, sources.Select(s => (s.HintName, s.Text)).ToList());
    }

    [Fact]
    public void UntypedSchemasDocument_GeneratedCodeCompilesWithoutWarnings()
    {
        var problems = GeneratorHarness.CompilerProblems(s_run.Value.OutputCompilation);

        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }
}
