using System;
using System.Collections.Immutable;
using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace EvsCodegen.Generators.Comparing;

/// <summary>
/// Turns changes into positioned diagnostics by resolving their JSON pointers in the current document's text. The model
/// carries no positions (a moved line must not re-emit code), so the text is read again, and only when there is a change.
/// </summary>
internal static class ChangeLocator
{
    /// <summary>The diagnostics of <paramref name="changes"/>, each at the deepest node of its pointer the document has.</summary>
    public static EquatableArray<DiagnosticModel> Locate(ChangeSetModel changes, ImmutableArray<DocumentInputModel> inputs)
    {
        if (changes.Changes.Count == 0)
        {
            return default;
        }

        var text = string.Empty;
        foreach (var input in inputs)
        {
            if (input.Path == changes.DocumentPath)
            {
                text = input.Text;
            }
        }

        var root = YamlLoader.Load(text, out _);
        var diagnostics = new DiagnosticModel[changes.Changes.Count];
        for (var i = 0; i < diagnostics.Length; i++)
        {
            var change = changes.Changes[i];
            var node = Find(root, change.At);
            if (change.Sites.Count > 0 && !Exists(root, SchemaOf(change.At)))
            {
                // A schema declared inline has no components entry: report at the first place using it that the document has.
                foreach (var site in change.Sites)
                {
                    if (Find(root, site, out var complete) is { } used && complete)
                    {
                        node = used;
                        break;
                    }
                }
            }

            diagnostics[i] = new DiagnosticModel(change.Id, changes.DocumentPath, node?.Span ?? default, node?.LineSpan ?? default(LinePositionSpan), change.Arguments);
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>
    /// The node a pointer names, or its deepest existing ancestor. A mapping entry is given by its key (where a reader
    /// looks); a sequence segment that is not an index names the item whose <c>name</c> is the segment (a parameter); a
    /// schema name matches a <c>components.schemas</c> key it was derived from.
    /// </summary>
    internal static YNode? Find(YNode? root, string pointer) => Find(root, pointer, out _);

    private static bool Exists(YNode? root, string pointer)
    {
        Find(root, pointer, out var complete);
        return complete;
    }

    /// <summary>The <c>/components/schemas/Name</c> part of a pointer into a schema.</summary>
    private static string SchemaOf(string pointer)
    {
        var end = pointer.IndexOf('/', "/components/schemas/".Length);
        return end < 0 ? pointer : pointer.Substring(0, end);
    }

    /// <summary>As <see cref="Find(YNode?, string)"/>, saying whether every segment of the pointer was found.</summary>
    internal static YNode? Find(YNode? root, string pointer, out bool complete)
    {
        complete = false;
        YNode? node = root;
        YNode? found = root;
        var parentSegment = string.Empty;
        foreach (var raw in pointer.Split(['/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            YNode? next = null;
            YNode? position = null;
            switch (node)
            {
                case YMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        if (entry.Key.Value == segment || (parentSegment == "schemas" && Identifiers.ToPascalCase(entry.Key.Value) == segment))
                        {
                            next = entry.Value;
                            position = entry.Key;
                            break;
                        }
                    }

                    break;
                case YSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (item is YMapping parameter && parameter.GetString("name") == segment)
                        {
                            next = item;
                            position = item;
                            break;
                        }
                    }

                    break;
            }

            if (next is null)
            {
                return found;
            }

            node = next;
            found = position;
            parentSegment = segment;
        }

        complete = true;
        return found;
    }
}
