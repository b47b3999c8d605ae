using System;
using System.Threading;
using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;

namespace EvsCodegen.Generators.Comparing;

/// <summary>Finds and parses the shipped version of a document. Only AdditionalFiles items are read, never the disk.</summary>
internal static class Baselines
{
    /// <summary>
    /// The baseline of <paramref name="input"/> (<see cref="BaselineInputModel.Baseline"/> null when it has none): the file named by <c>OpenApiBaseline</c> (relative to the document
    /// when not rooted; the MSBuild targets make it absolute, relative to the project), else
    /// <c>&lt;name&gt;.shipped.yaml</c> or <c>.shipped.json</c> beside the document; null when neither is an item.
    /// </summary>
    public static BaselineInputModel Find(DocumentInputModel input, EquatableArray<FragmentModel> files)
    {
        var documentPath = FragmentPaths.Normalize(input.Path);
        string[] candidates;
        if (input.Options.Baseline is { } named)
        {
            candidates = FragmentPaths.Resolve(documentPath, named) is { } resolved ? [resolved] : [];
        }
        else
        {
            var slash = documentPath.LastIndexOf('/');
            var name = documentPath.Substring(slash + 1);
            var dot = name.LastIndexOf('.');
            var stem = documentPath.Substring(0, slash + 1) + (dot > 0 ? name.Substring(0, dot) : name);
            candidates = [stem + ".shipped.yaml", stem + ".shipped.yml", stem + ".shipped.json"];
        }

        foreach (var candidate in candidates)
        {
            foreach (var file in files)
            {
                if (string.Equals(FragmentPaths.Normalize(file.Path), candidate, StringComparison.Ordinal) && candidate != documentPath)
                {
                    return new BaselineInputModel(
                        input.Path,
                        new DocumentInputModel(file.Path, file.Text, input.Options),
                        Pipeline.HasExternalReference(file.Text) ? files : default,
                        input.Options.AcceptedBreaks);
                }
            }
        }

        return new BaselineInputModel(input.Path, null, default, input.Options.AcceptedBreaks);
    }

    /// <summary>Parses the baseline with the document's own parser and options, so both models name things alike.</summary>
    public static BaselineModel Parse(BaselineInputModel input, CancellationToken cancellationToken) =>
        new(input.DocumentPath, input.Baseline is null ? null : DocumentParser.Parse(input.Baseline, input.Fragments, cancellationToken).Model, input.AcceptedBreaks);

    /// <summary>The baseline of the document at <paramref name="documentPath"/> among all parsed baselines, if any.</summary>
    public static BaselineModel? For(string documentPath, System.Collections.Immutable.ImmutableArray<BaselineModel> baselines)
    {
        foreach (var baseline in baselines)
        {
            if (baseline.DocumentPath == documentPath)
            {
                return baseline;
            }
        }

        return null;
    }
}
