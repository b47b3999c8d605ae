using EvsCodegen.TestSupport;

namespace EvsCodegen.Benchmarks.Generator;

/// <summary>The OpenAPI documents the generator benchmarks run over, and the description edit of item 2(b).</summary>
public static class BenchDocuments
{
    // Short keys name the documents in BenchmarkDotNet's tables (it truncates long parameter values).

    /// <summary>The EVS document, the project's own (openapi/evs-snapshots.yaml, 16 KB).</summary>
    public const string Evs = "evs";

    /// <summary>The largest public corpus document: oag__3_0_3_unit_test_spec.yaml (160 KB of YAML).</summary>
    public const string UnitTestSpec = "unit-test-spec";

    /// <summary>The second largest: oag__opendota.json (91 KB of JSON).</summary>
    public const string OpenDota = "opendota";

    /// <summary>The third largest: oag__petstore-fake-endpoints-csharp.yaml (80 KB of YAML).</summary>
    public const string PetstoreFake = "petstore-fake";

    /// <summary>Every document of item 1, smallest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Evs, PetstoreFake, OpenDota, UnitTestSpec];

    /// <summary>The public corpus folder: <c>EVS_BENCH_CORPUS</c>, else <c>../shared/corpus/public</c> beside the repo.</summary>
    public static string CorpusFolder { get; } =
        Environment.GetEnvironmentVariable("EVS_BENCH_CORPUS") is { Length: > 0 } folder
            ? folder
            : RepoPaths.PublicCorpus;

    /// <summary>The file name of a document by key.</summary>
    public static string FileOf(string name) => name switch
    {
        Evs => "evs-snapshots.yaml",
        UnitTestSpec => "oag__3_0_3_unit_test_spec.yaml",
        OpenDota => "oag__opendota.json",
        PetstoreFake => "oag__petstore-fake-endpoints-csharp.yaml",
        _ => throw new ArgumentException($"Unknown document '{name}'.", nameof(name)),
    };

    /// <summary>The path of a document by key.</summary>
    public static string PathOf(string name) =>
        name == Evs ? RepoPaths.InRepo("openapi", FileOf(name)) : Path.Combine(CorpusFolder, FileOf(name));

    /// <summary>The text of a document by key.</summary>
    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>
    /// One schema's description before and after an edit, for the warm run of item 2(b). The EVS document's
    /// <c>Fault</c> has a description that is replaced; the unit-test spec's <c>AllofWithBaseSchema</c> has none, so
    /// one is inserted in both texts and only its words differ.
    /// </summary>
    public static (string Before, string After, string Schema) DescriptionEdit(string name)
    {
        var text = Read(name);
        switch (name)
        {
            case Evs:
                const string Original = "description: 错误详情。 / Fault details.";
                Require(text, Original);
                return (text, text.Replace(Original, "description: 错误详情。 / Fault details (edited).", StringComparison.Ordinal), "Fault");
            case UnitTestSpec:
                const string Key = "\n    AllofWithBaseSchema:\n";
                Require(text, Key);
                return (
                    text.Replace(Key, Key + "      description: Base schema with allOf.\n", StringComparison.Ordinal),
                    text.Replace(Key, Key + "      description: Base schema with allOf (edited).\n", StringComparison.Ordinal),
                    "AllofWithBaseSchema");
            default:
                throw new ArgumentException($"No description edit is defined for {name}.", nameof(name));
        }
    }

    private static void Require(string text, string fragment)
    {
        if (!text.Contains(fragment, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The document no longer contains '{fragment.Trim()}'; update BenchDocuments.DescriptionEdit.");
        }
    }
}
