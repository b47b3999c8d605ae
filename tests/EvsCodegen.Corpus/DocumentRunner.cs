using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EvsCodegen.Generators;
using EvsCodegen.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsCodegen.Corpus;

/// <summary>One OpenAPI document to run, with the files its external references may name.</summary>
/// <param name="Name">Display name: the path relative to the corpus folder.</param>
/// <param name="Path">The path diagnostics point at.</param>
/// <param name="Text">The document's text.</param>
/// <param name="Namespace">The namespace the generated code goes into.</param>
/// <param name="Fragments">Other files given as <c>AdditionalFiles</c> without <c>OpenApi</c> metadata: (path, text).</param>
public sealed record CorpusDocument(string Name, string Path, string Text, string Namespace, IReadOnlyList<KeyValuePair<string, string>> Fragments);

/// <summary>
/// How far one run got, for the thread that waits on it: set once the generator has finished, with its time and the size
/// of what it emitted, so that a run stopped while compiling is reported as a slow compile, not as a generator hang.
/// </summary>
public sealed class RunProgress
{
    private readonly TaskCompletionSource _generated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the generator has finished.</summary>
    public Task Generated => _generated.Task;

    /// <summary>The generator's wall time, once it has finished.</summary>
    public TimeSpan GeneratorTime { get; private set; }

    /// <summary>The number of generated files, once the generator has finished.</summary>
    public int Files { get; private set; }

    /// <summary>The lines of the generated files, once the generator has finished.</summary>
    public int Lines { get; private set; }

    /// <summary>Records the end of the generator's run.</summary>
    public void GeneratorDone(TimeSpan time, int files, int lines)
    {
        (GeneratorTime, Files, Lines) = (time, files, lines);
        _generated.TrySetResult();
    }
}

/// <summary>Runs <see cref="OpenApiGenerator"/> through <see cref="CSharpGeneratorDriver"/> over one document and compiles the output.</summary>
public static class DocumentRunner
{
    /// <summary>What every corpus document emits.</summary>
    public const string Emit = "models;client;server";

    /// <summary>
    /// What every corpus document generates by default: <c>OpenApiModels="all"</c>, so the compile table proves that
    /// every schema of a document compiles, not only those its operations reach (an empty string: the generator's default).
    /// </summary>
    public const string Models = "all";

    /// <summary>The parse options of generated code: latest C#, doc comments checked like a project that builds its XML docs.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>
    /// The compilation options: a library with nullable reference types enabled. Single-threaded, because the runner
    /// already compiles documents in parallel and the compiler's own parallelism would queue on a starved thread pool.
    /// </summary>
    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    // Every document's compilation derives from this one: a compilation made by adding trees to another shares its
    // bound references, so the ~350 framework assemblies are bound once per process instead of once per document.
    private static readonly Lazy<CSharpCompilation> s_empty = new(() => CSharpCompilation.Create(
        "EvsCodegen.Corpus.Generated",
        syntaxTrees: [],
        references: ReferenceAssemblies.Net,
        options: CompilationOptions));

    /// <summary>Runs the generator over <paramref name="document"/> and compiles what it emits, in its own compilation.</summary>
    /// <param name="document">The document.</param>
    /// <param name="keepCompilation">Keep the output compilation on the result (tests inspect its symbols).</param>
    /// <param name="cancellationToken">Cancels the generator and the compiler.</param>
    /// <param name="generator">The generator to run; <see cref="OpenApiGenerator"/> unless a test checks the runner itself.</param>
    /// <param name="progress">Told when the generator has finished, if given.</param>
    /// <param name="emit">The families emitted; <see cref="Emit"/> unless a test wants others (the minimal-API endpoints).</param>
    /// <param name="models">The <c>OpenApiModels</c> value; <see cref="Models"/> unless a run wants the generator's default (empty).</param>
    public static DocumentResult Run(CorpusDocument document, bool keepCompilation, CancellationToken cancellationToken, IIncrementalGenerator? generator = null, RunProgress? progress = null, string emit = Emit, string models = Models)
    {
        var texts = new List<AdditionalText> { new InMemoryAdditionalText(document.Path, document.Text) };
        texts.AddRange(document.Fragments.Select(f => new InMemoryAdditionalText(f.Key, f.Value)));
        var options = new Dictionary<string, AnalyzerConfigOptions>(StringComparer.Ordinal)
        {
            [document.Path] = new DictionaryAnalyzerConfigOptions(new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.OpenApi"] = "true",
                ["build_metadata.AdditionalFiles.OpenApiNamespace"] = document.Namespace,
                ["build_metadata.AdditionalFiles.OpenApiEmit"] = emit,
                ["build_metadata.AdditionalFiles.OpenApiModels"] = models,
            }),
        };

        var compilation = s_empty.Value;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [(generator ?? new OpenApiGenerator()).AsSourceGenerator()],
            texts,
            ParseOptions,
            new InMemoryOptionsProvider(DictionaryAnalyzerConfigOptions.Empty, options));

        var stopwatch = Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics, cancellationToken);
        stopwatch.Stop();

        var run = driver.GetRunResult().Results.Single();
        var generatorDiagnostics = driverDiagnostics.AddRange(run.Diagnostics).Distinct().ToImmutableArray();
        var failure = run.Exception?.ToString()
            ?? generatorDiagnostics.FirstOrDefault(IsGeneratorFailure)?.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        var sources = run.GeneratedSources.Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString())).ToList();
        var lines = sources.Sum(s => s.Value.Count(c => c == '\n'));
        progress?.GeneratorDone(stopwatch.Elapsed, sources.Count, lines);

        var compileWatch = Stopwatch.StartNew();
        var compilerDiagnostics = output.GetDiagnostics(cancellationToken);
        compileWatch.Stop();
        var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var warnings = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();

        return new DocumentResult
        {
            Name = document.Name,
            Outcome = failure is not null ? Outcome.Crash : errors.Count > 0 ? Outcome.CompileErrors : Outcome.Ok,
            DocumentedOperations = DocumentFacts.CountOperations(document.Text, document.Path, document.Fragments),
            GeneratedOperations = CountContractMethods(run.GeneratedSources),
            Types = sources.Count(s => s.Key.Contains(".Models.", StringComparison.Ordinal)),
            Files = sources.Count,
            Lines = lines,
            GeneratorDiagnostics = generatorDiagnostics,
            CompilerErrors = errors,
            CompilerWarnings = warnings,
            GeneratorTime = stopwatch.Elapsed,
            CompileTime = compileWatch.Elapsed,
            Failure = failure,
            Sources = sources,
            Compilation = keepCompilation ? output : null,
        };
    }

    /// <summary>
    /// A generator failure: Roslyn's <c>CS8785</c> for an exception that escaped, or the generator's own
    /// "internal generator error" report of one it caught (a bug of the generator all the same).
    /// </summary>
    public static bool IsGeneratorFailure(Diagnostic diagnostic) =>
        diagnostic.Id == "CS8785"
        || (diagnostic.Id == "EVS1001" && diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("internal generator error", StringComparison.Ordinal));

    private static int CountContractMethods(ImmutableArray<GeneratedSourceResult> sources) => sources
        .Where(s => s.HintName.Contains(".Contracts.", StringComparison.Ordinal))
        .SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes().OfType<InterfaceDeclarationSyntax>())
        // One abstract method per operation; the whole-response methods (…WithResponseAsync) have a default body.
        .Sum(i => i.Members.OfType<MethodDeclarationSyntax>().Count(m => m.Body is null && m.ExpressionBody is null));
}
