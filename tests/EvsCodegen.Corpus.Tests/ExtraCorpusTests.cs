using System;
using System.Linq;
using EvsCodegen.TestSupport;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>
/// The real documents of <c>tests/corpus-extra</c> (see its README for sources and licenses) through the corpus runner:
/// each generates every operation it declares, and what is generated compiles without errors or warnings.
/// </summary>
public sealed class ExtraCorpusTests
{
    // Kubernetes' 4 MB description generates about 195,000 lines; compiling them on a shared two-core machine takes
    // longer than the runner's default per-document budget, which is meant for ordinary documents.
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public void ExtraCorpus_GeneratesEveryOperationAndCompilesWithoutWarnings()
    {
        var documents = CorpusRunner.Discover(RepoPaths.InRepo("tests", "corpus-extra"));
        var results = CorpusRunner.Run(documents, s_timeout, parallelism: 1);

        var kubernetes = Assert.Single(results, r => r.Name == "kubernetes-v1.13.4.swagger.json");
        Assert.Equal(Outcome.Ok, kubernetes.Outcome);
        Assert.False(kubernetes.HasGeneratorErrors);
        Assert.Equal((1014, 1014), (kubernetes.GeneratedOperations, kubernetes.DocumentedOperations!.Value));
        Assert.True(kubernetes.Types > 500, $"{kubernetes.Types} types");
        Assert.All(results, r => Assert.Equal((r.Name, Outcome.Ok), (r.Name, r.Outcome)));
        Assert.All(results, r => Assert.Empty(r.CompilerWarnings.Select(CorpusReport.Describe)));
    }
}
