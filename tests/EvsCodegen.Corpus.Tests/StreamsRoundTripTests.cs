using System;
using System.Linq;
using System.Threading.Tasks;
using EvsCodegen.Corpus.RoundTrip;
using EvsCodegen.TestSupport;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>
/// Issue 17's "done when": a document with server-sent events, JSON Lines and binary operations
/// (tests/EvsCodegen.GeneratedCode.Tests/Documents/streams.yaml) round-trips through the generated client and each
/// generated server flavour. Without Prism, which re-encodes binary parts (a known defect of its proxy).
/// </summary>
public sealed class StreamsRoundTripTests
{
    [Theory]
    [InlineData("mvc")]
    [InlineData("minimal")]
    public async Task StreamsDocument_RoundTrips_WithoutFindings(string flavourName)
    {
        var flavour = Assert.Single(RoundTripMain.ParseFlavours(flavourName)!);
        var document = CorpusRunner.Discover(RepoPaths.InRepo("tests", "EvsCodegen.GeneratedCode.Tests", "Documents")).Single(d => d.Name == "streams.yaml");

        var result = await new RoundTripRunner(prism: null, TimeSpan.FromMinutes(5), flavour).RunAsync(document);

        Assert.True(result.Findings.Count == 0, $"{flavourName}: " + string.Join("\n", result.Findings));
        Assert.Equal(result.Operations, result.Driven);
        Assert.True(result.Operations >= 3, $"{result.Operations} operations");
        Assert.True(result.RoundTrips >= result.Operations, $"{result.RoundTrips} round trips");
        Assert.True(result.RejectedInvalid > 0, "no invalid request was probed");
        Assert.Equal(0, result.Count(FindingKind.Mismatch) + result.Count(FindingKind.AcceptedInvalid) + result.Count(FindingKind.ServerError));
    }
}
