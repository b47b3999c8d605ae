namespace EvsCodegen.Generators;

/// <summary>Names of the pipeline steps, for tests that assert what re-ran.</summary>
internal static class TrackingNames
{
    /// <summary>Project-wide options from MSBuild properties.</summary>
    public const string Defaults = nameof(Defaults);

    /// <summary>Documents selected from AdditionalFiles, with their text and options.</summary>
    public const string Inputs = nameof(Inputs);

    /// <summary>Documents parsed into models and diagnostics.</summary>
    public const string Parsed = nameof(Parsed);

    /// <summary>Each document with the files its external <c>$ref</c>s may name (none when it has no such reference).</summary>
    public const string WithFragments = nameof(WithFragments);

    /// <summary>Diagnostics split from the models.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>Hint prefixes and namespace conflicts decided over all documents.</summary>
    public const string Placement = nameof(Placement);

    /// <summary>Models after placement (null when a conflict stops the document).</summary>
    public const string Placed = nameof(Placed);

    /// <summary>Models split into one unit per generated file.</summary>
    public const string Units = nameof(Units);

    /// <summary>What the compilation references that the registration extensions call.</summary>
    public const string FrameworkSupport = nameof(FrameworkSupport);

    /// <summary>The check that the referenced runtime serves the generated code (EVS1020).</summary>
    public const string RuntimeCheck = nameof(RuntimeCheck);

    /// <summary>Registration units whose references are present.</summary>
    public const string Registrations = nameof(Registrations);

    /// <summary>Each document's shipped version, parsed (breaking-change gate).</summary>
    public const string Baselines = nameof(Baselines);

    /// <summary>The changes of each document against its baseline, without positions.</summary>
    public const string Compare = nameof(Compare);

    /// <summary>The changes positioned in the current document.</summary>
    public const string CompareDiagnostics = nameof(CompareDiagnostics);

    /// <summary>Each document's Markdown changelog (empty unless the <c>OpenApiChangelog</c> target asks for it).</summary>
    public const string Changelog = nameof(Changelog);

    /// <summary>The documents whose client or server code lacks its models (EVS2051).</summary>
    public const string ModelsCheck = nameof(ModelsCheck);
}
