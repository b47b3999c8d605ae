using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using YamlDotNet.RepresentationModel;

namespace EvsCodegen.Benchmarks.Generator;

/// <summary>
/// Whether the generated code's size, compile time and compiler memory grow linearly with the document (issue 15's
/// third target): keeps evenly spaced fractions of the document's operations with <c>OpenApiInclude</c> (one
/// <c>path:METHOD /path</c> entry per kept operation), generates, and emits the result in-process, printing per
/// fraction the operations kept, lines, lines per operation, the emit's seconds and the bytes the compiler allocated
/// (exact, unlike time on a shared machine). Linear growth shows as flat per-operation and per-line columns. The
/// document without a filter is measured twice: with the default <c>OpenApiModels</c> (only reached schemas when
/// client code is emitted) and with <c>OpenApiModels=all</c> (every component schema).
/// </summary>
internal static class CompileScalingReport
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static int Run(string[] args)
    {
        if (args.Length is < 1 or > 3 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: compile-scaling <document> [OpenApiEmit, default models;client] [fractions, default 0.125,0.25,0.5,1,all; 1 keeps every operation through the filter, all uses no filter, measured with the default OpenApiModels and with OpenApiModels=all]");
            return 2;
        }

        var emit = args.Length > 1 ? args[1] : "models;client";
        var names = (args.Length > 2 ? args[2] : "0.125,0.25,0.5,1,all").Split(',');
        // "all" is the document without a filter, measured with the default OpenApiModels and with every component schema.
        var fractions = names.Select(f => f == "all" ? double.PositiveInfinity : double.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var text = File.ReadAllText(args[0]);
        var operations = Operations(text);
        var document = GeneratorHost.Text(Path.GetFullPath(args[0]), text);

        // A first emit of a small fraction pays the compiler's JIT, so the measured ones compare like with like.
        Measure("(warm-up)", document, emit, operations, fractions.Min());
        // The filter and the default generate only the schemas operations reach; OpenApiModels=all adds the others.
        Console.WriteLine("fraction\toperations\tfiles\tlines\tlines/op\tgenerate s\temit s\temit ms/1k lines\tcompiler MB allocated\tallocated KB/line");
        foreach (var fraction in fractions)
        {
            Measure(double.IsPositiveInfinity(fraction) ? "all (no filter)" : fraction.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), document, emit, operations, fraction);
            if (double.IsPositiveInfinity(fraction))
            {
                Measure("all (no filter, OpenApiModels=all)", document, emit, operations, fraction, models: "all");
            }
        }

        return 0;
    }

    /// <summary>Every operation as an <c>OpenApiInclude</c> entry, in document order.</summary>
    private static List<string> Operations(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var entries = new List<string>();
        if (root.Children.TryGetValue(new YamlScalarNode("paths"), out var paths) && paths is YamlMappingNode pathMap)
        {
            foreach (var (path, item) in pathMap.Children)
            {
                if (item is not YamlMappingNode methods)
                {
                    continue;
                }

                foreach (var method in methods.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).Where(k => s_methods.Contains(k)))
                {
                    entries.Add($"path:{method.ToUpperInvariant()} {((YamlScalarNode)path).Value}");
                }
            }
        }

        return entries;
    }

    private static void Measure(string name, AdditionalText document, string emit, List<string> operations, double fraction, string? models = null)
    {
        // Evenly spaced: operation i is kept when the running count floor((i + 1) * fraction) steps up.
        var kept = double.IsPositiveInfinity(fraction) ? operations : operations.Where((_, i) => Math.Floor((i + 1) * fraction) > Math.Floor(i * fraction)).ToList();
        var generateClock = Stopwatch.StartNew();
        var driver = GeneratorHost.CreateDriver(document, emit, double.IsPositiveInfinity(fraction) ? null : string.Join(";", kept), models);
        driver = driver.RunGenerators(GeneratorHost.CreateCompilation());
        var generated = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList();
        var generateSeconds = generateClock.Elapsed.TotalSeconds;
        var lines = generated.Sum(s => s.SourceText.Lines.Count);
        var trees = generated.Select(s => s.SyntaxTree).ToArray();

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var compilation = GeneratorHost.CreateCompilation(trees);
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        var seconds = clock.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (errors > 0)
        {
            Console.WriteLine($"  {errors} errors; first: {result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error)}");
        }

        Console.WriteLine(string.Join('\t',
            name,
            kept.Count,
            generated.Count,
            lines,
            (lines / (double)Math.Max(1, kept.Count)).ToString("F0", System.Globalization.CultureInfo.InvariantCulture),
            generateSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
            seconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
            (seconds * 1000 / Math.Max(1, lines / 1000.0)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
            (allocated / (1024.0 * 1024)).ToString("F0", System.Globalization.CultureInfo.InvariantCulture),
            (allocated / 1024.0 / Math.Max(1, lines)).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
