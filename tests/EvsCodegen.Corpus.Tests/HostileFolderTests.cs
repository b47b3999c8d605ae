using System.Linq;
using EvsCodegen.TestSupport;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>
/// The checked-in hostile documents of <c>tests/hostile</c> (malformed path templates, nullable items, names that meet
/// generated members, lone surrogates, 10,000-character names, bidi and control characters) through the corpus
/// runner: no crash, no hang, no runner error, and what is generated compiles without errors or warnings.
/// </summary>
public sealed class HostileFolderTests
{
    [Fact]
    public void HostileFolder_GeneratesWithoutCrashHangOrCompileProblem()
    {
        var documents = CorpusRunner.Discover(RepoPaths.InRepo("tests", "hostile"));
        var results = CorpusRunner.Run(documents, CorpusRunner.DefaultTimeout, parallelism: 2);

        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.Equal((r.Name, Outcome.Ok), (r.Name, r.Outcome)));
        Assert.All(results, r => Assert.Empty(r.CompilerWarnings.Select(CorpusReport.Describe)));
        // Every document but the one whose lone surrogates make it unreadable (EVS1001 at the escape) generates code.
        Assert.Equal(4, results.Count(r => r.GeneratedOperations > 0));
    }
}
