using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvsCodegen.Generators.Tests.Infrastructure;

/// <summary>An additional file held in memory, as MSBuild would pass an <c>AdditionalFiles</c> item.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Analyzer config options from a dictionary, keyed as the compiler keys them.</summary>
internal sealed class DictionaryAnalyzerConfigOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
{
    public static DictionaryAnalyzerConfigOptions Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

    public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);

    public override IEnumerable<string> Keys => values.Keys;

    public static DictionaryAnalyzerConfigOptions From(IEnumerable<KeyValuePair<string, string>> values) =>
        new(ImmutableDictionary.CreateRange(KeyComparer, values));
}

/// <summary>
/// What MSBuild hands the generator: global <c>build_property.*</c> values and per-file
/// <c>build_metadata.AdditionalFiles.*</c> values.
/// </summary>
internal sealed class TestAnalyzerConfigOptionsProvider(
    AnalyzerConfigOptions global,
    IReadOnlyDictionary<string, AnalyzerConfigOptions> files) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions => global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryAnalyzerConfigOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        files.TryGetValue(textFile.Path, out var options) ? options : DictionaryAnalyzerConfigOptions.Empty;
}
