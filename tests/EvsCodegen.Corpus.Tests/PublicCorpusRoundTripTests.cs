using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvsCodegen.Corpus.RoundTrip;
using EvsCodegen.TestSupport;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>
/// The README's <c>--round-trip</c> run over the public corpus, once per test class, through Prism. Generation gets five minutes per document (not the runner's 30 s): on a loaded machine a slow generation must not read as a hang and drop the document's listed failures. Prism is required:
/// without it the fixture fails with the command that installs it.
/// </summary>
public sealed class PublicCorpusRoundTripFixture
{
    /// <summary>The checked-in known generator defects, one per line with its reason.</summary>
    public static readonly string ExpectedFile = Path.Combine(RepoPaths.RepoRoot, "tests", "EvsCodegen.Corpus.Tests", "RoundTrip.expected-failures.tsv");

    public PublicCorpusRoundTripFixture()
    {
        var prism = PrismProxy.Locate(null, RepoPaths.RepoRoot) ?? throw new InvalidOperationException(PrismProxy.MissingMessage);
        Results = new RoundTripRunner(prism, TimeSpan.FromMinutes(5)).Run(CorpusRunner.Discover(RepoPaths.RequirePublicCorpus()), 2);
        Expected = RoundTripReport.ReadExpected(ExpectedFile);
    }

    internal IReadOnlyList<RoundTripResult> Results { get; }

    public IReadOnlyDictionary<string, string> Expected { get; }
}

public sealed class PublicCorpusRoundTripTests(PublicCorpusRoundTripFixture corpus) : IClassFixture<PublicCorpusRoundTripFixture>
{
    public static TheoryData<string> Documents() => [.. CorpusRunner.Discover(RepoPaths.RequirePublicCorpus()).Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_RoundTrips_ExceptForItsListedKnownDefects(string document)
    {
        var result = corpus.Results.Single(r => r.Name == document);
        var (newOnes, fixedOnes) = RoundTripReport.Compare([result], corpus.Expected);

        Assert.True(
            newOnes.Count + fixedOnes.Count == 0,
            $"{RoundTripReport.Summary([result])}\nNew failures (fix them, or list them with a reason in {PublicCorpusRoundTripFixture.ExpectedFile}):\n"
            + string.Join("\n", newOnes) + "\nListed failures that no longer happen (remove them from the file):\n" + string.Join("\n", fixedOnes));
    }

    [Fact]
    public void EveryListedKnownDefect_NamesADocumentOfTheCorpus_AndGivesAReason()
    {
        var documents = corpus.Results.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var problems = corpus.Expected.Where(e => !documents.Contains(e.Key.Split(" | ")[0]) || string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ToList();
        Assert.Empty(problems);
    }
}
