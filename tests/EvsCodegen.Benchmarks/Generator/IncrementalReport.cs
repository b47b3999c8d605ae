using System.Diagnostics;
using EvsCodegen.Generators;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Benchmarks.Generator;

/// <summary>
/// Item 2's evidence: runs the driver warm after (a) an unrelated C# edit and (b) one schema's description edit,
/// and prints the reason Roslyn gives for every output of every tracked step, the regenerated files and the median
/// time of each warm run. <c>dotnet run -c Release --project tests/EvsCodegen.Benchmarks -- incremental</c>
/// </summary>
public static class IncrementalReport
{
    private const int Runs = 21;

    private static readonly string[] s_steps = typeof(TrackingNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    /// <summary>Prints the report; returns 1 when an unrelated edit re-executed a step.</summary>
    public static int Run()
    {
        var failed = false;
        foreach (var name in new[] { BenchDocuments.Evs, BenchDocuments.UnitTestSpec })
        {
            var (before, after, schema) = BenchDocuments.DescriptionEdit(name);
            var path = BenchDocuments.PathOf(name);
            var original = GeneratorHost.Text(path, before);
            var edited = GeneratorHost.Text(path, after);
            var compilation = GeneratorHost.CreateCompilation(GeneratorHost.ConsumerFile(1));
            var editedCompilation = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), GeneratorHost.ConsumerFile(2));

            var cold = Time(() => GeneratorHost.CreateDriver(original, trackSteps: true).RunGenerators(compilation));
            var warm = GeneratorHost.CreateDriver(original, trackSteps: true).RunGenerators(compilation);
            var firstSources = Sources(warm);
            Console.WriteLine($"## {BenchDocuments.FileOf(name)}: {firstSources.Count} generated files; cold driver run (median of {Runs}) {cold.TotalMilliseconds:F2} ms");

            var afterCSharpEdit = warm.RunGenerators(editedCompilation);
            var reasons = Reasons(afterCSharpEdit);
            var executed = reasons.Where(r => r.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified or IncrementalStepRunReason.Removed).ToList();
            failed |= executed.Count > 0;
            // A new compilation per run, as every keystroke makes one (a reused one would answer lookups from its cache).
            var editedTree = editedCompilation.SyntaxTrees.First();
            var csharpTime = Time(() => warm.RunGenerators(compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), editedTree)));
            Console.WriteLine($"### (a) unrelated C# edit: median {csharpTime.TotalMilliseconds:F3} ms ({cold / csharpTime:F0}x faster than cold)");
            PrintReasons(reasons);
            Console.WriteLine(executed.Count == 0 ? "no output New, Modified or Removed: every step Cached, or re-run to an equal value (Unchanged)" : $"CHANGED OUTPUTS: {executed.Count}");
            var unchanged = reasons.Where(r => r.Reason == IncrementalStepRunReason.Unchanged).Select(r => r.Step).Distinct().ToList();
            if (unchanged.Count > 0)
            {
                Console.WriteLine($"steps that ran again on the edit (input changed, output equal): {string.Join(", ", unchanged)}");
            }

            var afterDescriptionEdit = warm.ReplaceAdditionalText(original, edited).RunGenerators(compilation);
            var descriptionTime = Time(() => warm.ReplaceAdditionalText(original, edited).RunGenerators(compilation));
            var lookup = Time(() =>
            {
                // What a CompilationProvider step that looks up two types pays on every edit: a new compilation, no cache.
                var fresh = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), editedTree);
                _ = fresh.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions");
                _ = fresh.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions");
                return warm;
            });
            Console.WriteLine($"two GetTypeByMetadataName calls on a fresh compilation ({compilation.References.Count()} references): median {lookup.TotalMilliseconds:F3} ms");
            Console.WriteLine($"### (b) description of schema {schema} edited: median {descriptionTime.TotalMilliseconds:F2} ms ({descriptionTime / cold:P0} of cold)");
            PrintReasons(Reasons(afterDescriptionEdit));
            var secondSources = Sources(afterDescriptionEdit);
            var changed = secondSources.Where(s => !firstSources.TryGetValue(s.Key, out var text) || text != s.Value).Select(s => s.Key).ToList();
            Console.WriteLine($"files whose text changed: {changed.Count} of {secondSources.Count}: {string.Join(", ", changed)}");
            var units = afterDescriptionEdit.GetRunResult().Results[0].TrackedSteps[TrackingNames.Units]
                .SelectMany(s => s.Outputs)
                .Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
                .Select(o => ((EvsCodegen.Generators.Emitting.EmitUnitModel)o.Value).HintName)
                .ToList();
            Console.WriteLine($"Units outputs Modified/New (re-emitted): {units.Count}: {string.Join(", ", units)}");
            Console.WriteLine();
        }

        return failed ? 1 : 0;
    }

    private static List<(string Step, IncrementalStepRunReason Reason)> Reasons(GeneratorDriver driver)
    {
        // The generator's own steps (TrackingNames), not Roslyn's input nodes: the edit itself shows there as Modified.
        return driver.GetRunResult().Results[0].TrackedSteps
            .Where(step => s_steps.Contains(step.Key))
            .OrderBy(step => Array.IndexOf(s_steps, step.Key))
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs).Select(output => (step.Key, output.Reason)))
            .ToList();
    }

    private static void PrintReasons(List<(string Step, IncrementalStepRunReason Reason)> reasons)
    {
        foreach (var group in reasons.GroupBy(r => r.Step))
        {
            var counts = group.GroupBy(r => r.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
            Console.WriteLine($"  {group.Key,-12} {string.Join(", ", counts)}");
        }
    }

    private static Dictionary<string, string> Sources(GeneratorDriver driver) =>
        driver.GetRunResult().Results[0].GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    private static TimeSpan Time(Func<GeneratorDriver> run)
    {
        run();
        var times = new List<TimeSpan>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            run();
            times.Add(stopwatch.Elapsed);
        }

        times.Sort();
        return times[Runs / 2];
    }
}
