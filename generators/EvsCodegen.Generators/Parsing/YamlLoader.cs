using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Reads YAML (and JSON, which YAML reads too) into a <see cref="YNode"/> tree with an explicit stack and hard
/// limits, so no document can overflow the stack, exhaust memory or hang the build.
/// </summary>
internal static class YamlLoader
{
    /// <summary>The deepest nesting accepted. Real documents stay far below; hostile ones stop here.</summary>
    public const int MaxDepth = 256;

    /// <summary>The most nodes accepted in one document.</summary>
    public const int MaxNodes = 2_000_000;

    /// <summary>
    /// The most nodes the document may stand for once every alias is expanded. The tree shares aliased nodes, but
    /// anything that walks it (ours or a later stage's) sees the expanded document; an alias bomb stops here.
    /// </summary>
    public const long MaxExpandedNodes = 10_000_000;

    /// <summary>The largest document accepted, in characters.</summary>
    public const int MaxLength = 32 * 1024 * 1024;

    /// <summary>Loads <paramref name="text"/>; on failure returns null and a positioned reason.</summary>
    public static YNode? Load(string text, out LoadError? error)
    {
        error = null;
        if (text.Length > MaxLength)
        {
            error = new LoadError(LoadErrorKind.TooLarge, $"it has {text.Length} characters, more than the {MaxLength} accepted", default, default);
            return null;
        }

        var read = text;
        var trims = new List<BlankLineTrim>();
        while (true)
        {
            var builder = new Builder(trims);
            try
            {
                var parser = new Parser(new StringReader(read));
                while (parser.MoveNext())
                {
                    var failure = builder.Accept(parser.Current!);
                    if (failure is not null)
                    {
                        error = failure;
                        return null;
                    }
                }

                if (builder.NonEmptyTrimmedScalar is { } wrong)
                {
                    // The trimmed block scalar has content after all: its spaces-only lines were more indented than it, an error.
                    error = wrong.Error;
                    return null;
                }
            }
            catch (YamlException exception)
            {
                if (trims.Count < MaxBlankLineTrims && BlankLineTrim.Find(read, exception, trims) is { } trimmed)
                {
                    read = trimmed;
                    continue;
                }

                error = IndentedWithTab(text, exception)
                    ?? new LoadError(LoadErrorKind.Syntax, Clean(exception.Message), ToSpan(exception.Start, exception.End, trims), ToLineSpan(exception.Start, exception.End));
                return null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                error = new LoadError(LoadErrorKind.Syntax, exception.Message, default, default);
                return null;
            }

            if (builder.Root is null)
            {
                error = new LoadError(LoadErrorKind.Syntax, "the document is empty", default, default);
            }

            return builder.Root;
        }
    }

    /// <summary>How many empty block scalars one document may need read again (each costs a parse of the whole text).</summary>
    private const int MaxBlankLineTrims = 64;

    internal static TextSpan ToSpan(Mark start, Mark end, IReadOnlyList<BlankLineTrim> trims)
    {
        var from = BlankLineTrim.ToOriginal((int)Math.Max(0, start.Index), trims);
        var to = Math.Max(from, BlankLineTrim.ToOriginal((int)Math.Max(0, end.Index), trims));
        return TextSpan.FromBounds(from, to);
    }

    internal static LinePositionSpan ToLineSpan(Mark start, Mark end)
    {
        var from = new LinePosition((int)Math.Max(0, start.Line - 1), (int)Math.Max(0, start.Column - 1));
        var to = new LinePosition((int)Math.Max(0, end.Line - 1), (int)Math.Max(0, end.Column - 1));
        return to < from ? new LinePositionSpan(from, from) : new LinePositionSpan(from, to);
    }

    /// <summary>
    /// YamlDotNet reports a tab in indentation at the end of the scalar before it; the error belongs at the tab, the
    /// first one in a line's leading whitespace at or after the reported mark.
    /// </summary>
    private static LoadError? IndentedWithTab(string text, YamlException exception)
    {
        if (exception.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        var line = 0;
        var lineStart = 0;
        var from = (int)Math.Max(0, Math.Min(exception.Start.Index, text.Length));
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (text[i] == '\t' && i >= from && IsBlank(text, lineStart, i))
            {
                var position = new LinePosition(line, i - lineStart);
                return new LoadError(LoadErrorKind.Syntax, "a tab is used for indentation; YAML indents with spaces only", new TextSpan(i, 1), new LinePositionSpan(position, new LinePosition(line, position.Character + 1)));
            }
        }

        return null;
    }

    private static bool IsBlank(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (…): "; the diagnostic carries the position.
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(index + 3) : message;
    }

    private sealed class Builder(IReadOnlyList<BlankLineTrim> trims)
    {
        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, (YNode Node, long Weight)> _anchors = new(StringComparer.Ordinal);
        private int _nodes;

        public YNode? Root { get; private set; }

        /// <summary>The trim below a block scalar that has content after all, if any.</summary>
        public BlankLineTrim? NonEmptyTrimmedScalar { get; private set; }

        private TextSpan ToSpan(Mark start, Mark end) => YamlLoader.ToSpan(start, end, trims);

        public LoadError? Accept(ParsingEvent parsingEvent)
        {
            switch (parsingEvent)
            {
                case MappingStart start:
                    return Open(start, new Frame(start, new YMapping(ToSpan(start.Start, start.End), ToLineSpan(start.Start, start.End))));
                case SequenceStart start:
                    return Open(start, new Frame(start, new YSequence(ToSpan(start.Start, start.End), ToLineSpan(start.Start, start.End))));
                case MappingEnd or SequenceEnd:
                    var frame = _stack.Pop();
                    return Complete(frame.Node, frame.Weight, frame.Anchor, parsingEvent);
                case Scalar scalar:
                    if (++_nodes > MaxNodes)
                    {
                        return TooMany(scalar);
                    }

                    var node = new YScalar(scalar.Value, scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty, ToSpan(scalar.Start, scalar.End), ToLineSpan(scalar.Start, scalar.End));
                    if (NonEmptyTrimmedScalar is null && trims.Count > 0 && scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded
                        && scalar.Value.Trim('\n').Length > 0)
                    {
                        NonEmptyTrimmedScalar = BlankLineTrim.FollowsHeader(trims, scalar.Start.Line);
                    }

                    return Complete(node, 1, scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, scalar);
                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        return new LoadError(LoadErrorKind.Syntax, $"the alias '*{alias.Value.Value}' names no anchor", ToSpan(alias.Start, alias.End), ToLineSpan(alias.Start, alias.End));
                    }

                    return Complete(target.Node, target.Weight, null, alias);
                default:
                    return null;
            }
        }

        private LoadError? Open(NodeEvent start, Frame frame)
        {
            if (_stack.Count >= MaxDepth)
            {
                return new LoadError(LoadErrorKind.TooDeep, $"nesting deeper than {MaxDepth} levels", ToSpan(start.Start, start.End), ToLineSpan(start.Start, start.End));
            }

            if (++_nodes > MaxNodes)
            {
                return TooMany(start);
            }

            _stack.Push(frame);
            return null;
        }

        /// <param name="node">The completed node (for an alias, the node it names).</param>
        /// <param name="weight">How many nodes it stands for with its aliases expanded.</param>
        /// <param name="anchor">Its anchor, if any.</param>
        /// <param name="at">The event, for positioning errors.</param>
        private LoadError? Complete(YNode node, long weight, string? anchor, ParsingEvent at)
        {
            if (anchor is not null)
            {
                _anchors[anchor] = (node, weight);
            }

            if (_stack.Count == 0)
            {
                Root ??= node;
                return null;
            }

            var parent = _stack.Peek();
            parent.Weight += weight;
            if (parent.Weight > MaxExpandedNodes)
            {
                return new LoadError(LoadErrorKind.TooLarge, $"its aliases expand it to more than {MaxExpandedNodes} nodes (an alias bomb?)", ToSpan(at.Start, at.End), ToLineSpan(at.Start, at.End));
            }

            if (parent.Node is YSequence sequence)
            {
                sequence.Add(node);
                return null;
            }

            var mapping = (YMapping)parent.Node;
            if (parent.PendingKey is null)
            {
                if (node is not YScalar key)
                {
                    return new LoadError(LoadErrorKind.Syntax, "a mapping key must be a scalar", ToSpan(at.Start, at.End), ToLineSpan(at.Start, at.End));
                }

                parent.PendingKey = key;
                return null;
            }

            var pending = parent.PendingKey;
            parent.PendingKey = null;
            if (!mapping.TryAdd(pending, node))
            {
                return new LoadError(LoadErrorKind.Syntax, $"the key '{pending.Value}' appears twice in one mapping", pending.Span, pending.LineSpan);
            }

            return null;
        }

        private LoadError TooMany(ParsingEvent at) =>
            new(LoadErrorKind.TooLarge, $"more than {MaxNodes} nodes", ToSpan(at.Start, at.End), ToLineSpan(at.Start, at.End));

        private sealed class Frame(NodeEvent start, YNode node)
        {
            public YNode Node { get; } = node;

            public string? Anchor { get; } = start.Anchor.IsEmpty ? null : start.Anchor.Value;

            public YScalar? PendingKey { get; set; }

            /// <summary>Nodes this one stands for with aliases expanded: itself and its children's weights.</summary>
            public long Weight { get; set; } = 1;
        }
    }
}

/// <summary>What kind of failure stopped loading.</summary>
internal enum LoadErrorKind
{
    Syntax,
    TooLarge,
    TooDeep,
}

/// <summary>Why a document could not be loaded, and where.</summary>
internal sealed record LoadError(LoadErrorKind Kind, string Message, TextSpan Span, LinePositionSpan LineSpan);
