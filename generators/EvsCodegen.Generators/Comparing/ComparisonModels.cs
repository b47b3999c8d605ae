using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Comparing;

/// <summary>The shipped version of one document, found among the AdditionalFiles items, ready to parse (or its absence).</summary>
/// <param name="DocumentPath">The current document's path (what the comparison is reported against).</param>
/// <param name="Baseline">The baseline as a document input (its own path and text, the current document's options); null when there is none.</param>
/// <param name="Fragments">Files its external <c>$ref</c>s may name (none when it has no such reference).</param>
/// <param name="AcceptedBreaks">The document's <c>OpenApiAcceptedBreaks</c> entries.</param>
internal sealed record BaselineInputModel(string DocumentPath, DocumentInputModel? Baseline, EquatableArray<FragmentModel> Fragments, EquatableArray<string> AcceptedBreaks);

/// <summary>The shipped version of one document parsed into the same model as the document.</summary>
/// <param name="DocumentPath">The current document's path.</param>
/// <param name="Model">The baseline's model (null when it cannot be read; the gate then stays silent).</param>
/// <param name="AcceptedBreaks">The <c>ID:pointer</c> entries of <c>OpenApiAcceptedBreaks</c>.</param>
internal sealed record BaselineModel(string DocumentPath, ApiModel? Model, EquatableArray<string> AcceptedBreaks);

/// <summary>
/// One difference between the baseline and the document, as data: which rule, where to report it (a JSON pointer into
/// the current document) and what changed (the pointer of the changed thing, the key <c>OpenApiAcceptedBreaks</c> uses).
/// </summary>
/// <param name="Id">The diagnostic ID (EVS30xx).</param>
/// <param name="At">JSON pointer in the current document; for a removal, the parent that lost the thing.</param>
/// <param name="Subject">JSON pointer of the changed thing (in the baseline for a removal).</param>
/// <param name="Arguments">Message arguments; the last is always <paramref name="Subject"/>.</param>
/// <param name="Sites">
/// Where the schema of <paramref name="At"/> is used, innermost first (a property, parameter or body pointer), for a
/// schema the document declares inline: its <c>components</c> pointer does not exist, so the first site that does is used.
/// </param>
internal sealed record ChangeModel(string Id, string At, string Subject, EquatableArray<string> Arguments, EquatableArray<string> Sites = default);

/// <summary>The changes of one document against its baseline: the comparison step's output.</summary>
/// <param name="DocumentPath">The document.</param>
/// <param name="Changes">The changes in a deterministic order (operations in document order, then schemas).</param>
internal sealed record ChangeSetModel(string DocumentPath, EquatableArray<ChangeModel> Changes);
