using System.Diagnostics;
using EvsCodegen.Generators.Emitting;
using EvsCodegen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsCodegen.Benchmarks.Generator;

/// <summary>
/// What item 1 generates per document (files, lines, characters, compiler errors) and the first-call times of a
/// fresh process, JIT included: <c>dotnet run -c Release --project tests/EvsCodegen.Benchmarks -- sizes</c>
/// </summary>
public static class SizeReport
{
    /// <summary>Prints one line per document.</summary>
    public static int Run()
    {
        Console.WriteLine("| document | bytes | files | lines | chars | compiler errors | first driver run (JIT incl.) | first compile |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var name in BenchDocuments.All)
        {
            var path = BenchDocuments.PathOf(name);
            var text = BenchDocuments.Read(name);
            var stopwatch = Stopwatch.StartNew();
            var driver = GeneratorHost.CreateDriver(GeneratorHost.Text(path, text), trackSteps: false).RunGenerators(GeneratorHost.CreateCompilation());
            var driverTime = stopwatch.Elapsed;
            var sources = driver.GetRunResult().Results[0].GeneratedSources;
            var model = DocumentParser.Parse(GeneratorHost.Input(path, text), CancellationToken.None).Model;
            var units = EmitUnits.Split(model).Count();

            stopwatch.Restart();
            var compilation = GeneratorHost.CreateCompilation(sources.Select(s => CSharpSyntaxTree.ParseText(s.SourceText.ToString(), GeneratorHost.ParseOptions, path: s.HintName)).ToArray());
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            var compileTime = stopwatch.Elapsed;
            var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var lines = sources.Sum(s => s.SourceText.Lines.Count);
            var chars = sources.Sum(s => s.SourceText.Length);
            Console.WriteLine($"| {BenchDocuments.FileOf(name)} | {text.Length} | {sources.Length} ({units} units) | {lines} | {chars} | {errors} | {driverTime.TotalMilliseconds:F0} ms | {compileTime.TotalMilliseconds:F0} ms |");
        }

        return 0;
    }
}
