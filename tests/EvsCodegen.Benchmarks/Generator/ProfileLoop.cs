using System.Diagnostics;
using EvsCodegen.Generators.Emitting;
using EvsCodegen.Generators.Parsing;

namespace EvsCodegen.Benchmarks.Generator;

/// <summary>
/// Runs one generator stage in a loop for a profiler (e.g. <c>dotnet-trace collect -- dotnet EvsCodegen.Benchmarks.dll
/// loop parse unit-test-spec 10</c>): <c>loop yaml|parse|emit &lt;document&gt; [seconds=10]</c>.
/// </summary>
public static class ProfileLoop
{
    /// <summary>Loops the stage and prints the mean time per run.</summary>
    public static int Run(string[] args)
    {
        var stage = args.ElementAtOrDefault(0) ?? "parse";
        var document = args.ElementAtOrDefault(1) ?? BenchDocuments.UnitTestSpec;
        var seconds = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var input = GeneratorHost.Input(BenchDocuments.PathOf(document), BenchDocuments.Read(document));
        var model = DocumentParser.Parse(input, CancellationToken.None).Model;
        var runs = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            if (stage == "yaml")
            {
                var parser = new YamlDotNet.Core.Parser(new StringReader(input.Text));
                while (parser.MoveNext())
                {
                }
            }
            else if (stage == "parse")
            {
                DocumentParser.Parse(input, CancellationToken.None);
            }
            else
            {
                foreach (var unit in EmitUnits.Split(model))
                {
                    Emitter.Emit(unit);
                }
            }

            runs++;
        }

        Console.WriteLine($"{stage} {document}: {runs} runs, {stopwatch.Elapsed.TotalMilliseconds / runs:F2} ms per run");
        return 0;
    }
}
