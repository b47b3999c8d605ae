using System;
using System.Collections.Generic;
using System.Linq;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>The <c>--round-trip</c> command: runs, prints the table, every finding and the summary, and sets the exit code.</summary>
internal static class RoundTripMain
{
    /// <summary>
    /// Runs the command once per server flavour (<c>--flavour</c>; each gets its own table, findings and summary, the
    /// summaries prefixed with the flavour when there are several); <paramref name="prism"/> is null for <c>--no-prism</c>
    /// and empty when Prism was not found. The exit code is the worst of the flavours'.
    /// </summary>
    public static int Run(IReadOnlyList<CorpusDocument> documents, string folder, string? prism, string? markdown, string? expectedFile, int parallelism, TimeSpan? generationTimeout = null, IReadOnlyList<RoundTripFlavour>? flavours = null)
    {
        if (prism is { Length: 0 })
        {
            Console.Error.WriteLine("error: " + PrismProxy.MissingMessage);
            return 2;
        }

        flavours ??= [RoundTripFlavour.Mvc];
        var status = 0;
        var summaries = new List<string>();
        foreach (var flavour in flavours)
        {
            if (flavours.Count > 1)
            {
                Console.WriteLine($"== server flavour: {Name(flavour)}");
            }

            // The markdown section describes the first flavour only (the controllers, unless only minimal was asked for).
            var (flavourStatus, summary) = RunFlavour(documents, folder, prism, flavour == flavours[0] ? markdown : null, expectedFile, parallelism, generationTimeout, flavour);
            status = Math.Max(status, flavourStatus);
            summaries.Add(flavours.Count > 1 ? $"{Name(flavour)}: {summary}" : summary);
            Console.WriteLine();
        }

        if (flavours.Count > 1)
        {
            summaries.ForEach(Console.WriteLine);
        }

        return status;
    }

    /// <summary>The flavour as <c>--flavour</c> spells it.</summary>
    public static string Name(RoundTripFlavour flavour) => flavour == RoundTripFlavour.Minimal ? "minimal" : "mvc";

    /// <summary>The flavours <c>--flavour</c> names (<c>mvc</c>, <c>minimal</c> or <c>both</c>); null for another word.</summary>
    public static IReadOnlyList<RoundTripFlavour>? ParseFlavours(string text) => text switch
    {
        "mvc" => [RoundTripFlavour.Mvc],
        "minimal" => [RoundTripFlavour.Minimal],
        "both" => [RoundTripFlavour.Mvc, RoundTripFlavour.Minimal],
        _ => null,
    };

    private static (int Status, string Summary) RunFlavour(IReadOnlyList<CorpusDocument> documents, string folder, string? prism, string? markdown, string? expectedFile, int parallelism, TimeSpan? generationTimeout, RoundTripFlavour flavour)
    {
        Console.WriteLine(RoundTripReport.Header);
        var results = new RoundTripRunner(prism, generationTimeout, flavour).Run(documents, parallelism);
        foreach (var result in results)
        {
            Console.WriteLine(RoundTripReport.Row(result));
        }

        Console.WriteLine();
        foreach (var finding in results.SelectMany(r => r.Findings))
        {
            Console.WriteLine(finding);
        }

        if (markdown is not null)
        {
            RoundTripReport.WriteSection(markdown, RoundTripReport.Section(results, folder.Replace('\\', '/')));
        }

        var status = RoundTripReport.Failures(results).Any() ? 1 : 0;
        if (expectedFile is not null)
        {
            var (newOnes, fixedOnes) = RoundTripReport.Compare(results, RoundTripReport.ReadExpected(expectedFile));
            Console.WriteLine();
            Console.WriteLine($"against {expectedFile}: {newOnes.Count} new failures, {fixedOnes.Count} expected failures that no longer happen");
            foreach (var finding in newOnes)
            {
                Console.WriteLine("new: " + finding);
            }

            foreach (var key in fixedOnes)
            {
                Console.WriteLine("fixed: " + key);
            }

            status = newOnes.Count + fixedOnes.Count == 0 ? 0 : 1;
            if (Environment.GetEnvironmentVariable("EVSCODEGEN_UPDATE_EXPECTED") == "1")
            {
                RoundTripReport.WriteExpected(expectedFile, results);
                Console.WriteLine($"rewrote {expectedFile} (EVSCODEGEN_UPDATE_EXPECTED=1): give each new 'to triage' entry its reason");
            }
        }

        Console.WriteLine();
        Console.WriteLine(RoundTripReport.Details(results));
        var summary = RoundTripReport.Summary(results);
        Console.WriteLine(summary);
        return (status, summary);
    }
}
