using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsCodegen.Benchmarks.Generator;

/// <summary>
/// Where the compile time of one real document's generated code goes (issue 15): runs the generator on the file, then
/// emits the generated code in-process several times, whole and cut down (no XML docs, models only, models without
/// their converters, enum files only), printing each variant's lines and emit seconds. The SDK's
/// analyzers are not part of it (the big-spec script measures those); each variant is emitted once.
/// </summary>
internal static class CompileCostFileReport
{
    private static readonly CSharpParseOptions s_parse = new(LanguageVersion.Latest, DocumentationMode.Parse);

    public static int Run(string[] args)
    {
        // --save <folder> writes the generated files there, so a later generator's output can be compared with them in one process (variant dir:<folder>).
        string? save = null;
        var saveAt = Array.IndexOf(args, "--save");
        if (saveAt >= 0 && saveAt + 1 < args.Length)
        {
            save = args[saveAt + 1];
            args = [.. args.Take(saveAt), .. args.Skip(saveAt + 2)];
        }

        if (args.Length is < 1 or > 3 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: compile-cost-file <document> [OpenApiEmit, default models;client] [variants, in order, repeatable: all,annotations,nodocs,models,noconverters,enums,dir:<folder of .cs files>,enumsdir:<folder>] [--save <folder>]");
            return 2;
        }

        var emit = args.Length > 1 ? args[1] : "models;client";
        var clock = Stopwatch.StartNew();
        var driver = GeneratorHost.CreateDriver(GeneratorHost.Text(Path.GetFullPath(args[0]), File.ReadAllText(args[0])), emit);
        driver = driver.RunGenerators(GeneratorHost.CreateCompilation());
        var generated = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList();
        Console.WriteLine($"generate\t{clock.Elapsed.TotalSeconds:F2}s\tfiles={generated.Count}");
        var sources = generated.Select(s => (Hint: s.HintName, Text: s.SourceText.ToString())).ToList();
        if (save is not null)
        {
            Directory.CreateDirectory(save);
            foreach (var (hint, text) in sources)
            {
                File.WriteAllText(Path.Combine(save, hint), text);
            }
        }

        static bool IsModel(string hint) => hint.Contains(".Models.", StringComparison.Ordinal);
        static bool IsEnum(string text) => text.Contains("readonly partial struct", StringComparison.Ordinal);
        var noDocs = new Regex(@"^\s*///.*\n", RegexOptions.Multiline);
        var converter = new Regex(@"\n/// <summary>Reads and writes [\s\S]*$");
        var converterAttribute = new Regex(@"^\[global::System\.Text\.Json\.Serialization\.JsonConverter\(.*\n", RegexOptions.Multiline);

        var variants = new Dictionary<string, Func<IEnumerable<string>>>
        {
            ["all"] = () => sources.Select(s => s.Text),
            ["annotations"] = () => sources.Select(s => s.Text.Replace("#nullable enable\n", "#nullable enable annotations\n", StringComparison.Ordinal)),
            ["nodocs"] = () => sources.Select(s => noDocs.Replace(s.Text, string.Empty)),
            ["models"] = () => sources.Where(s => IsModel(s.Hint)).Select(s => s.Text),
            ["noconverters"] = () => sources.Where(s => IsModel(s.Hint)).Select(s => converterAttribute.Replace(converter.Replace(s.Text, "\n"), string.Empty)),
            ["enums"] = () => sources.Where(s => IsModel(s.Hint) && IsEnum(s.Text)).Select(s => s.Text),
        };

        // A first emit of the smallest variant pays the compiler's JIT, so the measured ones compare like with like.
        Measure("(warm-up: enums)", variants["enums"]());
        foreach (var name in args.Length > 2 ? args[2].Split(',') : ["all", "annotations", "nodocs", "models", "noconverters", "enums"])
        {
            // dir:<folder>: files saved by --save from another generator (e.g. main's), emitted against the same references.
            // enumsdir:<folder>: the enum files of such a folder, to compare with this generator's 'enums' variant.
            Measure(name, name.StartsWith("dir:", StringComparison.Ordinal)
                ? Directory.GetFiles(name[4..], "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText)
                : name.StartsWith("enumsdir:", StringComparison.Ordinal)
                ? Directory.GetFiles(name[9..], "*.cs").Where(f => IsModel(Path.GetFileName(f))).Order(StringComparer.Ordinal).Select(File.ReadAllText).Where(IsEnum)
                : variants[name]());
        }

        Console.WriteLine($"peakWorkingSet={Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)}MB");
        return 0;
    }

    private static void Measure(string name, IEnumerable<string> texts)
    {
        var list = texts.ToList();
        var lines = list.Sum(t => t.Count(c => c == '\n'));
        double seconds = 0;
        var errors = 0;
        for (var run = 0; run < 1; run++)
        {
            var trees = list.Select((t, i) => CSharpSyntaxTree.ParseText(t, s_parse, path: $"g{i}.cs")).ToArray();
            var clock = Stopwatch.StartNew();
            var compilation = GeneratorHost.CreateCompilation(trees);
            using var pe = new MemoryStream();
            var result = compilation.Emit(pe);
            seconds = clock.Elapsed.TotalSeconds;
            errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            if (errors > 0)
            {
                Console.WriteLine("  first error: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
            }
        }

        Console.WriteLine($"{name}\tfiles={list.Count}\tlines={lines}\temit={seconds:F2}s\terrors={errors}");
    }
}
