namespace EvsCodegen.Generators.Model;

/// <summary>The options of one document, merged from item metadata and project-wide MSBuild properties.</summary>
/// <param name="Namespace">The namespace of emitted code.</param>
/// <param name="Emit">Which families to emit.</param>
/// <param name="Public">Public (true) or internal types.</param>
/// <param name="ClientName">The client class name, for a document with a single surface.</param>
/// <param name="ContractName">The contract interface name, for a document with a single surface.</param>
/// <param name="Problems">Option values that were not understood: (option, value, reason) triples flattened.</param>
/// <param name="Baseline">The shipped version of the document (item metadata <c>OpenApiBaseline</c>), if named.</param>
/// <param name="AcceptedBreaks">Changes the breaking-change gate does not report, as <c>ID:pointer</c> entries.</param>
/// <param name="Filter">
/// The operations to keep (<c>OpenApiInclude</c>) and drop (<c>OpenApiExclude</c>); empty keeps every operation and
/// schema. When set, only the schemas the kept operations reach are read (unless <paramref name="Models"/> is
/// <see cref="ModelsSelection.All"/>).
/// </param>
/// <param name="Models">Which component schemas become types (<c>OpenApiModels</c>, else <c>EvsCodegenModels</c>).</param>
internal sealed record DocumentOptionsModel(
    string Namespace,
    EmitKinds Emit,
    bool Public,
    string? ClientName,
    string? ContractName,
    EquatableArray<string> Problems,
    string? Baseline = null,
    EquatableArray<string> AcceptedBreaks = default,
    EquatableArray<OperationFilterModel> Filter = default,
    ModelsSelection Models = ModelsSelection.Default);

/// <summary>Which schemas a document generates types for (<c>OpenApiModels</c>; docs/decisions.md, "Only reached schemas by default").</summary>
internal enum ModelsSelection
{
    /// <summary>
    /// Not set: <see cref="Reached"/> when client or server code is emitted and the document has operations,
    /// otherwise <see cref="All"/>; schemas left out this way are reported (EVS2070).
    /// </summary>
    Default,

    /// <summary><c>reached</c>: only the schemas the operations reach (every schema is still read and checked).</summary>
    Reached,

    /// <summary><c>all</c>: every component schema, with or without an operation filter.</summary>
    All,
}

/// <summary>One input document: its path, text and options. The first step's output; equal inputs stop the pipeline.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Text">The file's content.</param>
/// <param name="Options">Its options.</param>
internal sealed record DocumentInputModel(string Path, string Text, DocumentOptionsModel Options);

/// <summary>A file a document's <c>$ref</c> may name: an AdditionalFiles item with a YAML or JSON extension.</summary>
/// <param name="Path">The item's path.</param>
/// <param name="Text">Its text.</param>
internal sealed record FragmentModel(string Path, string Text);

/// <summary>The result of parsing one document: the model (null when nothing can be generated) and diagnostics.</summary>
/// <param name="Model">The model.</param>
/// <param name="Diagnostics">Positioned diagnostics.</param>
/// <param name="Path">The document's path.</param>
internal sealed record ParseResultModel(ApiModel? Model, EquatableArray<DiagnosticModel> Diagnostics, string Path = "");
