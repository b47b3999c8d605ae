using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EvsCodegen.Corpus;

/// <summary>
/// Facts the runner reads from a document itself, independently of the generator: whether a file is an OpenAPI
/// document at all, and how many operations its <c>paths</c> declare. One bounded pass over YAML events.
/// </summary>
public static class DocumentFacts
{
    private const int MaxEvents = 5_000_000;

    // Deeper documents are not counted: past this depth YAML's scanner work grows with the square of the depth.
    private const int MaxDepth = 256;
    private static readonly HashSet<string> s_methods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>Whether the top level is a mapping with an <c>openapi</c> or <c>swagger</c> key.</summary>
    public static bool IsDocument(string text) => Scan(text).IsDocument;

    /// <summary>Operations declared inline under <c>paths</c>; null when the text cannot be read.</summary>
    public static int? CountOperations(string text) => Scan(text).Operations;

    /// <summary>
    /// Operations under <c>paths</c>, counting those of a path item that is a <c>$ref</c> to a whole file among
    /// <paramref name="fragments"/> (resolved relative to <paramref name="path"/>); null when a text cannot be read.
    /// </summary>
    public static int? CountOperations(string text, string path, IReadOnlyList<KeyValuePair<string, string>> fragments)
    {
        var (_, operations, references) = Scan(text);
        if (operations is null)
        {
            return null;
        }

        var directory = Path.GetDirectoryName(path) ?? string.Empty;
        foreach (var reference in references)
        {
            if (reference.StartsWith('#') || reference.Contains('#', StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(reference)));
            foreach (var fragment in fragments)
            {
                if (string.Equals(Path.GetFullPath(fragment.Key), target, StringComparison.Ordinal))
                {
                    operations += Scan(fragment.Value, topLevelOperations: true).Operations ?? 0;
                }
            }
        }

        return operations;
    }

    private static (bool IsDocument, int? Operations, List<string> References) Scan(string text, bool topLevelOperations = false)
    {
        var isDocument = false;
        var operations = 0;
        var references = new List<string>();
        var stack = new Stack<Frame>();
        var events = 0;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                if (++events > MaxEvents || stack.Count > MaxDepth)
                {
                    return (isDocument, null, references);
                }

                var current = parser.Current;
                if (current is MappingEnd or SequenceEnd)
                {
                    stack.Pop();
                    continue;
                }

                if (current is not NodeEvent node)
                {
                    continue;
                }

                if (stack.Count == 0)
                {
                    if (node is MappingStart)
                    {
                        stack.Push(new Frame(true, 0, null));
                    }
                    else if (node is SequenceStart)
                    {
                        stack.Push(new Frame(false, 0, null));
                    }

                    continue;
                }

                var parent = stack.Peek();
                string? key = null;
                if (parent.IsMapping)
                {
                    if (parent.ExpectKey)
                    {
                        parent.ExpectKey = false;
                        parent.Key = (node as Scalar)?.Value;
                        if (parent.Key is { } name)
                        {
                            isDocument |= parent.Depth == 0 && name is "openapi" or "swagger";
                            operations += (parent.Depth == 2 && parent.Under == "paths-item") || (topLevelOperations && parent.Depth == 0)
                                ? s_methods.Contains(name) ? 1 : 0
                                : 0;
                        }

                        if (node is MappingStart or SequenceStart)
                        {
                            stack.Push(new Frame(node is MappingStart, parent.Depth + 1, null));
                        }

                        continue;
                    }

                    parent.ExpectKey = true;
                    key = parent.Key;
                    if (key == "$ref" && parent.Depth == 2 && parent.Under == "paths-item" && node is Scalar reference)
                    {
                        references.Add(reference.Value);
                    }
                }

                if (node is MappingStart or SequenceStart)
                {
                    // Only the shape matters: the root's "paths" value, and the path items inside it.
                    var under = parent.Depth == 0 && key == "paths" ? "paths" : parent.Depth == 1 && parent.Under == "paths" ? "paths-item" : null;
                    stack.Push(new Frame(node is MappingStart, parent.Depth + 1, under));
                }
            }
        }
        catch (Exception exception) when (exception is YamlException or ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            // YamlDotNet throws more than YamlException on bad text (an escape naming a lone surrogate is an
            // ArgumentException): the runner cannot count such a document; the generator says why (EVS1001).
            return (isDocument, null, references);
        }

        return (isDocument, operations, references);
    }

    private sealed class Frame(bool isMapping, int depth, string? under)
    {
        public bool IsMapping { get; } = isMapping;

        public int Depth { get; } = depth;

        public string? Under { get; } = under;

        public bool ExpectKey { get; set; } = true;

        public string? Key { get; set; }
    }
}
