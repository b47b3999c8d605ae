using System;
using System.Globalization;
using System.IO;
using EvsCodegen.Corpus;

// dotnet run --project tests/EvsCodegen.Corpus -- <folder> [--markdown <file>] [--dump <dir>] [--timeout <seconds>] [--parallel <n>]
string? folder = null;
string? markdown = null;
string? dump = null;
var timeout = CorpusRunner.DefaultTimeout;
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
        case "--parallel" when i + 1 < args.Length:
            parallelism = int.Parse(args[++i], CultureInfo.InvariantCulture);
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
Console.WriteLine(CorpusReport.Header);
var results = CorpusRunner.Run(documents, timeout, parallelism);
foreach (var result in results)
{
    Console.WriteLine(CorpusReport.Row(result));
}

Console.WriteLine();
if (markdown is not null)
{
    File.WriteAllText(markdown, CorpusReport.Markdown(results, folder.Replace('\\', '/')));
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
    Console.Error.WriteLine("usage: dotnet run --project tests/EvsCodegen.Corpus -- <folder> [--markdown <file>] [--dump <dir>] [--timeout <seconds>] [--parallel <n>]");
    return 2;
}
