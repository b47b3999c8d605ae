using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection.PortableExecutable;
using EvsCodegen.Generators;
using EvsCodegen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvsCodegen.Benchmarks.Generator;

/// <summary>Runs <see cref="OpenApiGenerator"/> the way the compiler does, over in-memory inputs.</summary>
internal static class GeneratorHost
{
    /// <summary>The namespace every benchmarked document emits into.</summary>
    public const string Namespace = "Bench.Api";

    /// <summary>Latest C#, documentation comments checked as in a project that builds its XML docs.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>A library with nullable reference types, as the consumer projects are.</summary>
    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>The .NET and ASP.NET Core reference assemblies (the shared framework folders), loaded once.</summary>
    public static IReadOnlyList<MetadataReference> References => s_references.Value;

    /// <summary>The parser's input for a document, as the pipeline's first step builds it.</summary>
    public static DocumentInputModel Input(string path, string text) =>
        new(path, text, new DocumentOptionsModel(Namespace, EmitKinds.All, Public: true, ClientName: null, ContractName: null, EquatableArray<string>.Empty));

    /// <summary>An additional file as MSBuild passes an <c>AdditionalFiles</c> item.</summary>
    public static AdditionalText Text(string path, string text) => new InMemoryAdditionalText(path, text);

    /// <summary>A driver over one document marked <c>OpenApi="true"</c> that emits every family.</summary>
    public static GeneratorDriver CreateDriver(AdditionalText document, bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            [new OpenApiGenerator().AsSourceGenerator()],
            [document],
            ParseOptions,
            new InMemoryOptionsProvider(document.Path),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>A consumer compilation holding <paramref name="sources"/>.</summary>
    public static CSharpCompilation CreateCompilation(params SyntaxTree[] sources) =>
        CSharpCompilation.Create("Bench.Consumer", sources, References, CompilationOptions);

    /// <summary>A consumer's own C# file.</summary>
    public static SyntaxTree ConsumerFile(int version) => CSharpSyntaxTree.ParseText(
        $$"""
        namespace Bench.Consumer;

        /// <summary>Hand-written code of the consuming project; the warm benchmark edits it.</summary>
        public static class Settings
        {
            /// <summary>A value the edit changes.</summary>
            public const int Version = {{version}};
        }
        """,
        ParseOptions,
        path: "Settings.cs");

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var core = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var aspNetCore = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Mvc.ControllerBase).Assembly.Location)!;
        return Directory.EnumerateFiles(core, "*.dll")
            .Concat(Directory.EnumerateFiles(aspNetCore, "*.dll"))
            .Where(IsManaged)
            .Order(StringComparer.Ordinal)
            .Concat([typeof(EvsCodegen.Runtime.ApiJsonReader).Assembly.Location, typeof(EvsCodegen.Runtime.AspNetCore.ApiServerRuntime).Assembly.Location])
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static DictionaryOptions Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class InMemoryOptionsProvider(string documentPath) : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _document = new(ImmutableDictionary<string, string>.Empty
            .Add("build_metadata.AdditionalFiles.OpenApi", "true")
            .Add("build_metadata.AdditionalFiles.OpenApiNamespace", Namespace)
            .Add("build_metadata.AdditionalFiles.OpenApiEmit", "models;client;server"));

        public override AnalyzerConfigOptions GlobalOptions => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile.Path == documentPath ? _document : DictionaryOptions.Empty;
    }
}
