using System.Linq;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>
/// Schemas past the inline thresholds take the forms whose compile time is linear in the schema (a key table and
/// chunk methods for objects, a static set for enums) and compile without errors or warnings. The sizes that show the
/// quadratic cost (5,000 to 20,000) are left to <c>tests/scripts/bench-compile-cost.sh</c> (docs/benchmarks.md).
/// </summary>
public sealed class LargeSchemaCorpusTests
{
    [Fact]
    public void WideObjectAndLargeEnums_TakeTheTableFormAndCompileWithoutWarnings()
    {
        var result = CorpusRunner.RunOne(new CorpusDocument("wide.yaml", "/hostile/wide.yaml", LargeSchemaDocuments.Wide(300), "Hostile.Wide", []), CorpusRunner.DefaultTimeout);

        var problems = result.CompilerErrors.Concat(result.CompilerWarnings).Select(CorpusReport.Describe).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(Outcome.Ok, result.Outcome);
        var sources = result.Sources.ToDictionary(s => s.Key, s => s.Value);
        var wide = sources.Single(s => s.Key.EndsWith(".Models.Wide.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("context.NextKey(ref reader, ref state, out var index)", wide, System.StringComparison.Ordinal);
        Assert.Contains("private static void ReadChunk4(", wide, System.StringComparison.Ordinal);
        Assert.DoesNotContain("ValueTextEquals", wide, System.StringComparison.Ordinal);
        foreach (var name in new[] { "Many", "ManyNumbers" })
        {
            var source = sources.Single(s => s.Key.EndsWith($".Models.{name}.g.cs", System.StringComparison.Ordinal)).Value;
            Assert.Contains("public bool IsKnown => s_known.Contains(Value);", source, System.StringComparison.Ordinal);
        }
    }
}
