using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using EvsCodegen.Generators.Model;
using Microsoft.CodeAnalysis;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

/// <summary>State of one parse: the document, its diagnostics and the work budget that bounds every walk.</summary>
internal sealed class ParseContext
{
    /// <summary>
    /// The most node visits one document may cost. Aliases make the tree a graph whose walk can be exponential;
    /// this budget turns such a document into one diagnostic instead of a hung build.
    /// </summary>
    public const int MaxWork = 4_000_000;

    private readonly List<DiagnosticModel> _diagnostics = [];

    // A node reached along several paths (a $ref'd schema read by many properties) is reported once.
    private readonly HashSet<DiagnosticModel> _reported = [];
    private int _work;
    private bool _budgetReported;

    // Other files a $ref may name (AdditionalFiles items, never the disk), by normalized path; loaded on first use.
    private readonly Dictionary<string, FragmentModel> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YNode?> _loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _loadProblems = new(StringComparer.Ordinal);

    // The file of every node loaded from a fragment; nodes not in it belong to the document.
    private readonly Dictionary<YNode, string> _fileOf = new(ReferenceEqualityComparer.Instance);

    public ParseContext(string filePath, YMapping root, bool isOpenApi31, CancellationToken cancellationToken, IEnumerable<FragmentModel>? fragments = null)
    {
        FilePath = filePath;
        Root = root;
        IsOpenApi31 = isOpenApi31;
        CancellationToken = cancellationToken;
        foreach (var fragment in fragments ?? [])
        {
            var key = FragmentPaths.Normalize(fragment.Path);
            if (!string.Equals(key, FragmentPaths.Normalize(filePath), StringComparison.Ordinal) && !_fragments.ContainsKey(key))
            {
                _fragments.Add(key, fragment);
            }
        }
    }

    public string FilePath { get; }

    public YMapping Root { get; }

    public bool IsOpenApi31 { get; }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<DiagnosticModel> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => IsError(d.Id));

    public void Report(DiagnosticDescriptor descriptor, YNode? node, params string[] arguments) =>
        Add(Create(FileOf(node), descriptor, node, arguments));

    /// <summary>The path of the file a node was read from: the document's, or a referenced fragment's.</summary>
    public string FileOf(YNode? node) =>
        node is not null && _fileOf.TryGetValue(node, out var file) ? _fragments[file].Path : FilePath;

    private void Add(DiagnosticModel diagnostic)
    {
        if (_reported.Add(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    /// <summary>Counts one unit of work; false once the budget is spent (reported once).</summary>
    public bool Spend(YNode? at)
    {
        if (++_work <= MaxWork)
        {
            if ((_work & 0xFFF) == 0)
            {
                CancellationToken.ThrowIfCancellationRequested();
            }

            return true;
        }

        if (!_budgetReported)
        {
            _budgetReported = true;
            Report(D.DocumentTooLarge, at, $"walking it takes more than {MaxWork} steps (are YAML aliases multiplying it?)");
        }

        return false;
    }

    /// <summary>
    /// Resolves a reference met at <paramref name="from"/>: a JSON pointer in the same file (<c>#/components/schemas/Pet</c>)
    /// or a file given as an AdditionalFiles item, relative to the file holding the reference, with an optional
    /// pointer (<c>schemas/pet.yaml</c>, <c>../common.yaml#/components/schemas/Pet</c>). Never reads the disk or the network.
    /// </summary>
    public YNode? ResolvePointer(string reference, YNode? from)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        YNode? node;
        if (filePart.Length == 0)
        {
            node = _fileOf.TryGetValue(from ?? Root, out var file) ? _loaded[file] : Root;
        }
        else
        {
            node = LoadFragment(FragmentPaths.Resolve(_fileOf.TryGetValue(from ?? Root, out var file) ? file : FragmentPaths.Normalize(FilePath), filePart));
        }

        if (node is null || hash < 0)
        {
            return node;
        }

        var pointer = Uri.UnescapeDataString(reference.Substring(hash + 1));
        if (pointer.Length == 0)
        {
            return node;
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        foreach (var raw in pointer.Substring(1).Split('/'))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                YMapping mapping => mapping.Get(segment),
                YSequence sequence when int.TryParse(segment, out var index) && index >= 0 && index < sequence.Items.Count => sequence.Items[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Follows <c>$ref</c> chains of a component-like object (parameter, response, body); null when broken.</summary>
    public YMapping? Deref(YNode? node)
    {
        for (var hops = 0; hops < 32; hops++)
        {
            if (node is not YMapping mapping)
            {
                return null;
            }

            var reference = mapping.GetString("$ref");
            if (reference is null)
            {
                return mapping;
            }

            var target = ResolvePointer(reference, mapping);
            if (target is null)
            {
                ReportUnresolved(mapping.Get("$ref"), reference, mapping);
                return null;
            }

            node = target;
        }

        Report(D.InvalidStructure, node, "A chain of $ref loops or is longer than 32 steps");
        return null;
    }

    /// <summary>Reports EVS1004 at <paramref name="at"/>, saying why when the reference names a file.</summary>
    public void ReportUnresolved(YNode? at, string reference, YNode? from)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        var reason = string.Empty;
        if (filePart.Length > 0)
        {
            var key = FragmentPaths.Resolve(_fileOf.TryGetValue(from ?? Root, out var file) ? file : FragmentPaths.Normalize(FilePath), filePart);
            reason = key is null
                ? ": only files given as AdditionalFiles items are read, never URLs"
                : _loadProblems.TryGetValue(key, out var problem)
                    ? ": " + problem
                    : _fragments.ContainsKey(key)
                        ? ": the file has nothing at that pointer"
                        : $": no AdditionalFiles item has the path '{key}'";
        }

        Report(D.UnresolvedReference, at, reference, reason);
    }

    private YNode? LoadFragment(string? key)
    {
        if (key is null)
        {
            return null;
        }

        if (_loaded.TryGetValue(key, out var loaded))
        {
            return loaded;
        }

        if (string.Equals(key, FragmentPaths.Normalize(FilePath), StringComparison.Ordinal))
        {
            // A fragment referring back into the document.
            return Root;
        }

        YNode? root = null;
        if (!_fragments.ContainsKey(key))
        {
            // File systems that ignore case (Windows, macOS) find a reference spelled in another case; so do we,
            // when exactly one item matches.
            var matches = _fragments.Keys.Where(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
            if (matches.Count == 1)
            {
                var found = LoadFragment(matches[0]);
                _loaded[key] = found;
                return found;
            }
        }

        if (_fragments.TryGetValue(key, out var fragment))
        {
            root = YamlLoader.Load(fragment.Text, out var error);
            if (root is null)
            {
                _loadProblems[key] = "the file cannot be read: " + (error?.Message ?? "it is empty");
            }
            else
            {
                Claim(root, key);
            }
        }

        _loaded[key] = root;
        return root;
    }

    /// <summary>Marks every node of a loaded fragment as belonging to it (shared alias nodes once).</summary>
    private void Claim(YNode root, string file)
    {
        var pending = new Stack<YNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (_fileOf.ContainsKey(node) || !Spend(node))
            {
                continue;
            }

            _fileOf[node] = file;
            switch (node)
            {
                case YMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        pending.Push(entry.Key);
                        pending.Push(entry.Value);
                    }

                    break;
                case YSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }

    internal static DiagnosticModel Create(string filePath, DiagnosticDescriptor descriptor, YNode? node, params string[] arguments) =>
        new(descriptor.Id, filePath, node?.Span ?? default, node?.LineSpan ?? default, arguments.ToEquatableArray());

    private static bool IsError(string id) =>
        D.ById(id).DefaultSeverity == DiagnosticSeverity.Error;
}
