using BenchmarkDotNet.Attributes;
using EvsCodegen.Generators.Emitting;
using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsCodegen.Benchmarks.Generator;

/// <summary>
/// Item 1: generation from scratch, per stage, against the baseline of what the C# compiler then spends compiling
/// the generated files (parse + bind + emit IL, as <c>csc</c> does for them in a build).
/// </summary>
[Config(typeof(BenchConfig))]
public class ColdGenerationBenchmarks
{
    private DocumentInputModel _input = null!;
    private ApiModel _model = null!;
    private AdditionalText _additionalText = null!;
    private CSharpCompilation _emptyCompilation = null!;
    private IReadOnlyList<(string HintName, string Text)> _generated = [];

    /// <summary>The document, by file name.</summary>
    [ParamsSource(nameof(Documents))]
    public string Document { get; set; } = BenchDocuments.Evs;

    public static IEnumerable<string> Documents => BenchDocuments.All;

    [GlobalSetup]
    public void Setup()
    {
        var path = BenchDocuments.PathOf(Document);
        var text = BenchDocuments.Read(Document);
        _input = GeneratorHost.Input(path, text);
        _model = DocumentParser.Parse(_input, CancellationToken.None).Model
            ?? throw new InvalidOperationException($"{Document} gives no model.");
        _additionalText = GeneratorHost.Text(path, text);
        _emptyCompilation = GeneratorHost.CreateCompilation();
        _generated = EmitUnits.Split(_model).Select(u => (u.HintName, Emitter.Emit(u))).ToList();
    }

    /// <summary>The compiler's share: parse the generated files, bind them and emit an assembly.</summary>
    [Benchmark(Baseline = true)]
    public long CompileGenerated()
    {
        var trees = _generated.Select(g => CSharpSyntaxTree.ParseText(g.Text, GeneratorHost.ParseOptions, path: g.HintName));
        var compilation = _emptyCompilation.AddSyntaxTrees(trees);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        return stream.Length + (result.Success ? 0 : 1);
    }

    /// <summary>The whole generator through Roslyn's driver, from a new driver (as a command-line build runs it).</summary>
    [Benchmark]
    public int DriverRun()
    {
        var driver = GeneratorHost.CreateDriver(_additionalText, trackSteps: false).RunGenerators(_emptyCompilation);
        return driver.GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>Read, model and emit, without the driver.</summary>
    [Benchmark]
    public int ParseAndEmit()
    {
        var model = DocumentParser.Parse(_input, CancellationToken.None).Model;
        var length = 0;
        foreach (var unit in EmitUnits.Split(model))
        {
            length += Emitter.Emit(unit).Length;
        }

        return length;
    }

    /// <summary>The lower bound of reading: YamlDotNet's event stream over the text (the loader's input), no tree.</summary>
    [Benchmark]
    public int ReadYamlEvents()
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(_input.Text));
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    /// <summary>Read and model: <see cref="DocumentParser.Parse(EvsCodegen.Generators.Model.DocumentInputModel, CancellationToken)"/>.</summary>
    [Benchmark]
    public object Parse() => DocumentParser.Parse(_input, CancellationToken.None);

    /// <summary>Emit: split the model into units and write every file.</summary>
    [Benchmark]
    public int Emit()
    {
        var length = 0;
        foreach (var unit in EmitUnits.Split(_model))
        {
            length += Emitter.Emit(unit).Length;
        }

        return length;
    }
}
