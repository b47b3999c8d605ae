using System;
using System.Collections.Generic;
using System.Linq;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>The <c>--round-trip</c> command: runs, prints the table, every finding and the summary, and sets the exit code.</summary>
internal static class RoundTripMain
{
    /// <summary>Runs the command; <paramref name="prism"/> is null for <c>--no-prism</c> and empty when Prism was not found.</summary>
    public static int Run(IReadOnlyList<CorpusDocument> documents, string folder, string? prism, string? markdown, string? expectedFile, int parallelism, TimeSpan generationTimeout)
    {
        if (prism is { Length: 0 })
        {
            Console.Error.WriteLine("error: " + PrismProxy.MissingMessage);
            return 2;
        }

        Console.WriteLine(RoundTripReport.Header);
        var results = new RoundTripRunner(prism) { GenerationTimeout = generationTimeout }.Run(documents, parallelism);
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
        Console.WriteLine(RoundTripReport.Summary(results));
        return status;
    }
}
