using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Benchmarks.Generator;

/// <summary>
/// Item 2: the IDE's path. A driver that has already run is run again after (a) an edit to an unrelated C# file and
/// (b) an edit to one schema's description. Baseline: a cold run of a new driver over the same inputs. The driver is
/// immutable, so every invocation starts from the same warm state.
/// </summary>
[Config(typeof(BenchConfig))]
public class WarmGenerationBenchmarks
{
    private AdditionalText _original = null!;
    private AdditionalText _edited = null!;
    private Compilation _compilation = null!;
    private SyntaxTree _originalTree = null!;
    private SyntaxTree _editedTree = null!;
    private GeneratorDriver _warm = null!;

    /// <summary>The document, by file name.</summary>
    [Params(BenchDocuments.Evs, BenchDocuments.UnitTestSpec)]
    public string Document { get; set; } = BenchDocuments.Evs;

    [GlobalSetup]
    public void Setup()
    {
        var (before, after, _) = BenchDocuments.DescriptionEdit(Document);
        var path = BenchDocuments.PathOf(Document);
        _original = GeneratorHost.Text(path, before);
        _edited = GeneratorHost.Text(path, after);
        _compilation = GeneratorHost.CreateCompilation(GeneratorHost.ConsumerFile(1));
        _originalTree = _compilation.SyntaxTrees.First();
        _editedTree = GeneratorHost.ConsumerFile(2);
        _warm = GeneratorHost.CreateDriver(_original, trackSteps: false).RunGenerators(_compilation);
    }

    /// <summary>A new driver over the same inputs: what a command-line build pays.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver Cold() => GeneratorHost.CreateDriver(_original, trackSteps: false).RunGenerators(_compilation);

    /// <summary>(a) a keystroke in a C# file of the project: a new compilation, as the IDE makes one per edit.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedCSharpEdit() => _warm.RunGenerators(_compilation.ReplaceSyntaxTree(_originalTree, _editedTree));

    /// <summary>(b) one schema's description changed in the document.</summary>
    [Benchmark]
    public GeneratorDriver SchemaDescriptionEdit() => _warm.ReplaceAdditionalText(_original, _edited).RunGenerators(_compilation);
}
