using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EvsCodegen.Corpus;
using EvsCodegen.Corpus.RoundTrip;

// dotnet run --project tests/EvsCodegen.Corpus -- <folder> [--markdown <file>] [--dump <dir>] [--timeout <seconds>] [--compile-timeout <seconds>] [--parallel <n>]
//   [--round-trip [--prism <path> | --no-prism] [--expected <file>] [--only <document>] [--flavour mvc|minimal|both] (--timeout applies to generation)]
string? folder = null;
var roundTrip = false;
var noPrism = false;
string? prism = null;
string? expected = null;
string? only = null;
string? markdown = null;
IReadOnlyList<RoundTripFlavour>? flavours = null;
string? dump = null;
var timeout = CorpusRunner.DefaultTimeout;
var compileTimeout = CorpusRunner.DefaultCompileTimeout;
var parallelism = Environment.ProcessorCount;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--markdown" when i + 1 < args.Length:
            markdown = args[++i];
            break;
        case "--dump" when i + 1 < args.Length:
            dump = args[++i];
            break;
        case "--timeout" when i + 1 < args.Length:
            timeout = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture));
            break;
        case "--compile-timeout" when i + 1 < args.Length:
            compileTimeout = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture));
            break;
        case "--parallel" when i + 1 < args.Length:
            parallelism = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--round-trip":
            roundTrip = true;
            break;
        case "--no-prism":
            noPrism = true;
            break;
        case "--prism" when i + 1 < args.Length:
            prism = args[++i];
            break;
        case "--expected" when i + 1 < args.Length:
            expected = args[++i];
            break;
        case "--flavour" when i + 1 < args.Length:
            flavours = RoundTripMain.ParseFlavours(args[++i]);
            if (flavours is null)
            {
                return Usage($"--flavour takes mvc, minimal or both, not '{args[i]}'");
            }

            break;
        case "--only" when i + 1 < args.Length:
            only = args[++i];
            break;
        default:
            if (args[i].StartsWith("--", StringComparison.Ordinal) || folder is not null)
            {
                return Usage($"unexpected argument '{args[i]}'");
            }

            folder = args[i];
            break;
    }
}

if (folder is null || !Directory.Exists(folder))
{
    return Usage(folder is null ? "no folder given" : $"the folder '{folder}' does not exist");
}

var documents = CorpusRunner.Discover(folder);
if (only is not null)
{
    documents = documents.Where(d => d.Name.Contains(only, StringComparison.Ordinal)).ToList();
}

if (roundTrip)
{
    return RoundTripMain.Run(documents, folder, noPrism ? null : PrismProxy.Locate(prism, Environment.CurrentDirectory) ?? "", markdown, expected, Math.Min(parallelism, 2), timeout, flavours);
}

Console.WriteLine(CorpusReport.Header);
var results = CorpusRunner.Run(documents, timeout, parallelism, compileTimeout: compileTimeout);
foreach (var result in results)
{
    Console.WriteLine(CorpusReport.Row(result));
}

Console.WriteLine();
if (markdown is not null)
{
    // The generator table is rewritten; the history of measured changes (written by hand) and a round-trip section a
    // --round-trip run wrote into the same file are kept.
    var previous = File.Exists(markdown) ? File.ReadAllText(markdown) : string.Empty;
    var keptSections = Kept(previous, CorpusReport.HistoryStartMarker, CorpusReport.HistoryEndMarker) + Kept(previous, RoundTripReport.StartMarker, RoundTripReport.EndMarker);
    File.WriteAllText(markdown, CorpusReport.Markdown(results, folder.Replace('\\', '/')).TrimEnd('\n') + "\n" + keptSections);
}

if (dump is not null)
{
    CorpusReport.Dump(results, dump);
}

Console.WriteLine(CorpusReport.Summary(results));
return CorpusReport.IsGreen(results) ? 0 : 1;

static int Usage(string problem)
{
    Console.Error.WriteLine($"error: {problem}");
    Console.Error.WriteLine("usage: dotnet run --project tests/EvsCodegen.Corpus -- <folder> [--markdown <file>] [--dump <dir>] [--timeout <seconds>] [--compile-timeout <seconds>] [--parallel <n>] [--round-trip [--prism <path> | --no-prism] [--expected <file>] [--only <document>] [--flavour mvc|minimal|both] (--timeout applies to generation)]");
    return 2;
}

static string Kept(string text, string startMarker, string endMarker)
{
    var start = text.IndexOf(startMarker, StringComparison.Ordinal);
    var end = text.IndexOf(endMarker, StringComparison.Ordinal);
    return start >= 0 && end > start ? "\n" + text[start..(end + endMarker.Length)] + "\n" : string.Empty;
}
