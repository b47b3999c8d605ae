using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

using EvsCodegen.Generators;

namespace EvsCodegen.TestSupport;

/// <summary>One OpenAPI document as a project would declare it: path, text and item metadata.</summary>
/// <param name="Path">The file path (its name gives the document name in hint names).</param>
/// <param name="Text">The document.</param>
/// <param name="Metadata">Item metadata without the <c>build_metadata.AdditionalFiles.</c> prefix.</param>
public sealed record OpenApiFile(string Path, string Text, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The namespace the EVS document emits into in tests.</summary>
    public const string EvsNamespace = "Evs.Snapshots";

    /// <summary>A document marked <c>OpenApi="true"</c> with the given metadata.</summary>
    public static OpenApiFile Create(string path, string text, string emit = "models;client;server", string? ns = "Test.Api", params (string Key, string Value)[] metadata)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["OpenApi"] = "true", ["OpenApiEmit"] = emit };
        if (ns is not null)
        {
            values["OpenApiNamespace"] = ns;
        }

        foreach (var (key, value) in metadata)
        {
            values[key] = value;
        }

        return new OpenApiFile(path, text, values);
    }

    /// <summary>An AdditionalFiles item that is not a document (no metadata): a file a <c>$ref</c> may name.</summary>
    public static OpenApiFile Fragment(string path, string text) =>
        new(path, text, new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The EVS document (or a variant of its text) with every family emitted into <see cref="EvsNamespace"/>.</summary>
    public static OpenApiFile Evs(string? text = null) =>
        Create("/repo/openapi/evs-snapshots.yaml", text ?? File.ReadAllText(RepoPaths.EvsDocument), ns: EvsNamespace);

    /// <summary>The item as the compiler sees it.</summary>
    public AdditionalText ToAdditionalText() => new InMemoryAdditionalText(Path, Text);
}

/// <summary>The outcome of running the generator once.</summary>
public sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation OutputCompilation)
{
    /// <summary>What the generator reported (document diagnostics, not compiler ones).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>Generated files by hint name, in the order the generator added them.</summary>
    public IReadOnlyList<(string HintName, string Text)> Sources =>
        Result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).ToList();

    /// <summary>The text of the one generated file named <paramref name="hintName"/>.</summary>
    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).Text;
}

/// <summary>Runs <see cref="OpenApiGenerator"/> through Roslyn's real driver, as the compiler does.</summary>
public static class GeneratorHarness
{
    /// <summary>Latest C#, documentation comments checked as in a project that builds its XML docs.</summary>
    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>A driver over <paramref name="files"/>, tracking steps so tests can assert what re-ran.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<OpenApiFile> files, IReadOnlyDictionary<string, string>? globalProperties = null)
    {
        var list = files.ToList();
        return CreateDriver(list.Select(f => f.ToAdditionalText()), OptionsProvider(list, globalProperties));
    }

    /// <summary>A driver over given additional texts (keep them to replace them later) and options.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options) =>
        CSharpGeneratorDriver.Create(
            [new OpenApiGenerator().AsSourceGenerator()],
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The options MSBuild would pass for <paramref name="files"/> and the project properties.</summary>
    public static InMemoryOptionsProvider OptionsProvider(IEnumerable<OpenApiFile> files, IReadOnlyDictionary<string, string>? globalProperties = null)
    {
        var global = DictionaryAnalyzerConfigOptions.From(
            (globalProperties ?? new Dictionary<string, string>()).Select(p => KeyValuePair.Create("build_property." + p.Key, p.Value)));
        var perFile = files.ToDictionary(
            f => f.Path,
            f => (Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions)DictionaryAnalyzerConfigOptions.From(
                f.Metadata.Select(m => KeyValuePair.Create("build_metadata.AdditionalFiles." + m.Key, m.Value))));
        return new InMemoryOptionsProvider(global, perFile);
    }

    /// <summary>An empty project compilation (or one holding <paramref name="sources"/>) with .NET and ASP.NET Core references.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Consumer{i}.cs")),
            ReferenceAssemblies.Net,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true));

    /// <summary>Runs the generator once over <paramref name="files"/>.</summary>
    public static GeneratorRun Run(IEnumerable<OpenApiFile> files, IReadOnlyDictionary<string, string>? globalProperties = null, Compilation? compilation = null)
    {
        compilation ??= CreateCompilation();
        var driver = CreateDriver(files, globalProperties).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver, driver.GetRunResult(), output);
    }

    /// <summary>Runs the generator once over <paramref name="files"/> in an empty project.</summary>
    public static GeneratorRun Run(params OpenApiFile[] files) => Run(files, null, null);

    /// <summary>Compiler warnings and errors of a compilation (generated code plus any consumer code).</summary>
    public static IReadOnlyList<Diagnostic> CompilerProblems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Formats diagnostics for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}
