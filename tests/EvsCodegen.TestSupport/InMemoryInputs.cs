using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvsCodegen.TestSupport;

/// <summary>An <c>AdditionalFiles</c> item held in memory, as MSBuild would pass it.</summary>
/// <param name="path">The item's path, as diagnostics will show it.</param>
/// <param name="text">The item's content.</param>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    /// <inheritdoc/>
    public override string Path { get; } = path;

    /// <inheritdoc/>
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Analyzer config options from a dictionary, keyed as the compiler keys them (<c>build_metadata.AdditionalFiles.OpenApi</c>).</summary>
/// <param name="values">Keys with their values.</param>
public sealed class DictionaryAnalyzerConfigOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
{
    /// <summary>No options at all.</summary>
    public static DictionaryAnalyzerConfigOptions Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

    /// <inheritdoc/>
    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

    /// <inheritdoc/>
    public override IEnumerable<string> Keys => values.Keys;

    /// <summary>Options from key/value pairs, compared as the compiler compares option keys.</summary>
    public static DictionaryAnalyzerConfigOptions From(IEnumerable<KeyValuePair<string, string>> values) =>
        new(ImmutableDictionary.CreateRange(KeyComparer, values));
}

/// <summary>
/// What MSBuild hands the generator: global <c>build_property.*</c> values and per-file
/// <c>build_metadata.AdditionalFiles.*</c> values.
/// </summary>
/// <param name="global">Project-wide options.</param>
/// <param name="perFile">Options by additional file path; files not listed get none.</param>
public sealed class InMemoryOptionsProvider(AnalyzerConfigOptions global, IReadOnlyDictionary<string, AnalyzerConfigOptions> perFile) : AnalyzerConfigOptionsProvider
{
    /// <inheritdoc/>
    public override AnalyzerConfigOptions GlobalOptions => global;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryAnalyzerConfigOptions.Empty;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        perFile.TryGetValue(textFile.Path, out var options) ? options : DictionaryAnalyzerConfigOptions.Empty;
}
