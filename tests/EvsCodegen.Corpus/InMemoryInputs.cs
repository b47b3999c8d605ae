using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvsCodegen.Corpus;

/// <summary>An <c>AdditionalFiles</c> item held in memory.</summary>
/// <param name="path">The item's path, as diagnostics will show it.</param>
/// <param name="text">The item's content.</param>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    /// <inheritdoc/>
    public override string Path { get; } = path;

    /// <inheritdoc/>
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Analyzer config options from a dictionary: MSBuild properties and item metadata as the SDK passes them.</summary>
/// <param name="values">Keys such as <c>build_metadata.AdditionalFiles.OpenApi</c> with their values.</param>
public sealed class DictionaryAnalyzerConfigOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
{
    /// <summary>No options at all.</summary>
    public static DictionaryAnalyzerConfigOptions Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

    /// <inheritdoc/>
    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
}

/// <summary>Gives each additional file its own options, as <c>AdditionalFiles</c> metadata does in a project.</summary>
/// <param name="perFile">Options by additional file path; files not listed get none.</param>
/// <param name="global">Project-wide options.</param>
public sealed class InMemoryOptionsProvider(IReadOnlyDictionary<string, AnalyzerConfigOptions> perFile, AnalyzerConfigOptions global) : AnalyzerConfigOptionsProvider
{
    /// <inheritdoc/>
    public override AnalyzerConfigOptions GlobalOptions => global;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryAnalyzerConfigOptions.Empty;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        perFile.TryGetValue(textFile.Path, out var options) ? options : DictionaryAnalyzerConfigOptions.Empty;
}
