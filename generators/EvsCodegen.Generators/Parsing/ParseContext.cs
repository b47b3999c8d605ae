using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using EvsCodegen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
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

    // The document's own normalized path, the key its nodes and references back into it resolve to.
    private readonly string _documentKey;

    public ParseContext(string filePath, YMapping root, string version, CancellationToken cancellationToken, IEnumerable<FragmentModel>? fragments = null)
    {
        FilePath = filePath;
        Root = root;
        Version = version;
        CancellationToken = cancellationToken;
        _documentKey = FragmentPaths.Normalize(filePath);
        foreach (var fragment in fragments ?? [])
        {
            var key = FragmentPaths.Normalize(fragment.Path);
            if (!string.Equals(key, _documentKey, StringComparison.Ordinal) && !_fragments.ContainsKey(key))
            {
                _fragments.Add(key, fragment);
            }
        }
    }

    public string FilePath { get; }

    public YMapping Root { get; }

    /// <summary>The version the document declares, major and minor: "2.0", "3.0", "3.1" or "3.2". Diagnostics cite it.</summary>
    public string Version { get; }

    /// <summary>Whether the 3.1 rules apply (type arrays, JSON Schema 2020-12): in 3.1 and 3.2, which keeps them.</summary>
    public bool IsOpenApi31 => Version is "3.1" or "3.2";

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<DiagnosticModel> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => IsError(d.Id));

    public void Report(DiagnosticDescriptor descriptor, YNode? node, params string[] arguments) =>
        Add(Create(FileOf(node), descriptor, node, arguments));

    /// <summary>
    /// Reports at the character <paramref name="index"/> of <paramref name="scalar"/>'s value when the scalar is written
    /// on one line exactly as its value (plain, or quoted without escapes), else at the whole scalar.
    /// </summary>
    public void ReportInScalar(DiagnosticDescriptor descriptor, YScalar scalar, int index, params string[] arguments)
    {
        var quotes = scalar.Span.Length - scalar.Value.Length;
        var lines = scalar.LineSpan;
        if (quotes is not (0 or 2) || lines.Start.Line != lines.End.Line || lines.End.Character - lines.Start.Character != scalar.Span.Length)
        {
            Report(descriptor, scalar, arguments);
            return;
        }

        var offset = (quotes / 2) + index;
        var start = new LinePosition(lines.Start.Line, lines.Start.Character + offset);
        Add(new DiagnosticModel(descriptor.Id, FileOf(scalar), new TextSpan(scalar.Span.Start + offset, 1), new LinePositionSpan(start, new LinePosition(start.Line, start.Character + 1)), arguments.ToEquatableArray()));
    }

    /// <summary>The path of the file a node was read from: the document's, or a referenced fragment's.</summary>
    public string FileOf(YNode? node) =>
        node is not null && _fileOf.TryGetValue(node, out var file) ? _fragments[file].Path : FilePath;

    /// <summary>
    /// Takes back <paramref name="count"/> diagnostics from <paramref name="start"/> on: those of work whose result was
    /// discarded (a schema converted on the chance that it is kept, then left out).
    /// </summary>
    public void Withdraw(int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            _reported.Remove(_diagnostics[i]);
        }

        _diagnostics.RemoveRange(start, count);
    }

    public void Add(DiagnosticModel diagnostic)
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
        var node = Load(TargetKey(reference, from));
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
        var reason = string.Empty;
        var hash = reference.IndexOf('#');
        if ((hash < 0 ? reference.Length : hash) > 0)
        {
            // The reference names a file: say which step failed.
            var target = TargetKey(reference, from);
            var key = target is null ? null : FindKey(target);
            reason = target is null
                ? ": only files given as AdditionalFiles items are read, never URLs"
                : key is null
                    ? $": no AdditionalFiles item has the path '{target}'"
                    : _loadProblems.TryGetValue(key, out var problem)
                        ? ": " + problem
                        : ": the file has nothing at that pointer";
        }

        Report(D.UnresolvedReference, at, reference, reason);
    }

    /// <summary>
    /// The normalized path of the file a reference met at <paramref name="from"/> names: that node's own file for a
    /// bare pointer, else its file part relative to it; null for a URL.
    /// </summary>
    private string? TargetKey(string reference, YNode? from)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        var fromKey = _fileOf.TryGetValue(from ?? Root, out var file) ? file : _documentKey;
        return filePart.Length == 0 ? fromKey : FragmentPaths.Resolve(fromKey, filePart);
    }

    /// <summary>
    /// The key of the document or AdditionalFiles item at <paramref name="key"/>: exact, else the one item whose path
    /// differs only in case (as Windows and macOS file systems would find it); null when there is none.
    /// </summary>
    private string? FindKey(string key)
    {
        if (string.Equals(key, _documentKey, StringComparison.Ordinal) || _fragments.ContainsKey(key))
        {
            return key;
        }

        var matches = _fragments.Keys.Append(_documentKey).Where(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>The root of the document or of the item at <paramref name="target"/>, loaded on first use; null when unknown or unreadable.</summary>
    private YNode? Load(string? target)
    {
        if (target is null || FindKey(target) is not { } key)
        {
            return null;
        }

        if (key == _documentKey)
        {
            return Root;
        }

        if (_loaded.TryGetValue(key, out var loaded))
        {
            return loaded;
        }

        var root = YamlLoader.Load(_fragments[key].Text, out var error);
        if (root is null)
        {
            _loadProblems[key] = "the file cannot be read: " + (error?.Message ?? "it is empty");
        }
        else
        {
            Claim(root, key);
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
