using EvsCodegen.Generators.Tests.Infrastructure;
using EvsCodegen.TestSupport;

namespace EvsCodegen.Generators.Tests.Emitting;

/// <summary>
/// The subtypes and merged-unions documents of the generated-code tests, their model files compared with
/// Baselines/Subtypes and Baselines/MergedUnions: a discriminated base without properties, a component that only refers
/// to a discriminated base, a discriminator narrowed to an enum, and <c>oneOf</c>/<c>anyOf</c> beside <c>properties</c>
/// as a union of merged records.
/// </summary>
public sealed class SubtypeBaselineTests
{
    private static readonly Lazy<GeneratorRun> s_subtypes = new(() => Run("subtypes.yaml", "Test.Subtypes"));

    private static readonly Lazy<GeneratorRun> s_merged = new(() => Run("merged-unions.yaml", "Test.MergedUnions"));

    public static TheoryData<string> Documents => ["Subtypes", "MergedUnions"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_ReportsNothing(string document)
    {
        Assert.Empty(RunOf(document).Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_ModelFilesMatchBaselines(string document)
    {
        var sources = RunOf(document).Sources.Where(s => s.HintName.Contains(".Models.", StringComparison.Ordinal)).ToList();
        Baselines.AssertMatch(Baselines.Folder(document), sources.Select(s => (s.HintName, s.Text)).ToList());
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_GeneratedCodeCompilesWithoutWarnings(string document)
    {
        var problems = GeneratorHarness.CompilerProblems(RunOf(document).OutputCompilation);

        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }

    private static GeneratorRun RunOf(string document) => document == "Subtypes" ? s_subtypes.Value : s_merged.Value;

    private static GeneratorRun Run(string file, string ns) => GeneratorHarness.Run(OpenApiFile.Create(
        "/repo/tests/" + file,
        File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "tests", "EvsCodegen.GeneratedCode.Tests", "Documents", file)),
        ns: ns));
}
