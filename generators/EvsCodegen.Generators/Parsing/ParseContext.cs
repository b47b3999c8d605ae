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

    public ParseContext(string filePath, YMapping root, bool isOpenApi31, CancellationToken cancellationToken)
    {
        FilePath = filePath;
        Root = root;
        IsOpenApi31 = isOpenApi31;
        CancellationToken = cancellationToken;
    }

    public string FilePath { get; }

    public YMapping Root { get; }

    public bool IsOpenApi31 { get; }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<DiagnosticModel> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => IsError(d.Id));

    public void Report(DiagnosticDescriptor descriptor, YNode? node, params string[] arguments) =>
        Add(Create(FilePath, descriptor, node, arguments));

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

    /// <summary>Resolves a local JSON pointer such as <c>#/components/schemas/Pet</c>.</summary>
    public YNode? ResolvePointer(string reference)
    {
        if (!reference.StartsWith("#", StringComparison.Ordinal))
        {
            return null;
        }

        YNode? node = Root;
        var pointer = Uri.UnescapeDataString(reference.Substring(1));
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

            var target = ResolvePointer(reference);
            if (target is null)
            {
                Report(D.UnresolvedReference, mapping.Get("$ref"), reference);
                return null;
            }

            node = target;
        }

        Report(D.InvalidStructure, node, "A chain of $ref loops or is longer than 32 steps");
        return null;
    }

    internal static DiagnosticModel Create(string filePath, DiagnosticDescriptor descriptor, YNode? node, params string[] arguments) =>
        new(descriptor.Id, filePath, node?.Span ?? default, node?.LineSpan ?? default, arguments.ToEquatableArray());

    private static bool IsError(string id) =>
        D.ById(id).DefaultSeverity == DiagnosticSeverity.Error;
}
