using System.Collections.Immutable;
using EvsCodegen.Generators;
using EvsCodegen.Generators.Model;
using EvsCodegen.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

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

    /// <summary>The .NET and ASP.NET Core reference assemblies (the shared framework folders) and the runtime, loaded once.</summary>
    public static IReadOnlyList<MetadataReference> References => ReferenceAssemblies.Net;

    /// <summary>The parser's input for a document, as the pipeline's first step builds it.</summary>
    public static DocumentInputModel Input(string path, string text) =>
        new(path, text, new DocumentOptionsModel(Namespace, EmitKinds.All, Public: true, ClientName: null, ContractName: null, EquatableArray<string>.Empty));

    /// <summary>An additional file as MSBuild passes an <c>AdditionalFiles</c> item.</summary>
    public static AdditionalText Text(string path, string text) => new InMemoryAdditionalText(path, text);

    /// <summary>A driver over one document marked <c>OpenApi="true"</c> that emits every family.</summary>
    public static GeneratorDriver CreateDriver(AdditionalText document, bool trackSteps) =>
        CreateDriver(document, trackSteps, s_documentOptions);

    /// <summary>A driver over one document that emits the families <paramref name="emit"/> names (<c>OpenApiEmit</c>).</summary>
    public static GeneratorDriver CreateDriver(AdditionalText document, string emit) => CreateDriver(document, emit, include: null);

    /// <summary>
    /// The same, keeping only the operations <paramref name="include"/> matches (<c>OpenApiInclude</c>) when it is not
    /// null, with <c>OpenApiModels</c> set to <paramref name="models"/> when it is not null.
    /// </summary>
    public static GeneratorDriver CreateDriver(AdditionalText document, string emit, string? include, string? models = null)
    {
        var options = ImmutableDictionary<string, string>.Empty
            .Add("build_metadata.AdditionalFiles.OpenApi", "true")
            .Add("build_metadata.AdditionalFiles.OpenApiNamespace", Namespace)
            .Add("build_metadata.AdditionalFiles.OpenApiEmit", emit);
        options = include is null ? options : options.Add("build_metadata.AdditionalFiles.OpenApiInclude", include);
        options = models is null ? options : options.Add("build_metadata.AdditionalFiles.OpenApiModels", models);
        return CreateDriver(document, trackSteps: false, new DictionaryAnalyzerConfigOptions(options));
    }

    private static GeneratorDriver CreateDriver(AdditionalText document, bool trackSteps, DictionaryAnalyzerConfigOptions options) =>
        CSharpGeneratorDriver.Create(
            [new OpenApiGenerator().AsSourceGenerator()],
            [document],
            ParseOptions,
            new InMemoryOptionsProvider(DictionaryAnalyzerConfigOptions.Empty, new Dictionary<string, AnalyzerConfigOptions> { [document.Path] = options }),
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

    /// <summary>The item metadata every benchmarked document carries.</summary>
    private static readonly DictionaryAnalyzerConfigOptions s_documentOptions = new(ImmutableDictionary<string, string>.Empty
        .Add("build_metadata.AdditionalFiles.OpenApi", "true")
        .Add("build_metadata.AdditionalFiles.OpenApiNamespace", Namespace)
        .Add("build_metadata.AdditionalFiles.OpenApiEmit", "models;client;server"));
}
