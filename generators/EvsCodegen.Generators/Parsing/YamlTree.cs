using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// A minimal positioned tree of a YAML or JSON document. Built iteratively from YamlDotNet's event parser, so
/// nesting depth cannot overflow the stack, and aliases point at the node they name instead of copying it, so an
/// alias bomb costs no memory. Every node keeps its span for diagnostics. Only lives inside the parsing stage.
/// </summary>
internal abstract class YNode
{
    protected YNode(TextSpan span, LinePositionSpan lineSpan)
    {
        Span = span;
        LineSpan = lineSpan;
    }

    /// <summary>The node's characters in the document.</summary>
    public TextSpan Span { get; }

    /// <summary>The node's line and column span (zero-based).</summary>
    public LinePositionSpan LineSpan { get; }

    /// <summary>A short name of the node's kind for messages.</summary>
    public abstract string KindName { get; }
}

/// <summary>A mapping: ordered keys with values.</summary>
internal sealed class YMapping : YNode
{
    private readonly List<KeyValuePair<YScalar, YNode>> _entries = [];

    public YMapping(TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan)
    {
    }

    public override string KindName => "mapping";

    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries => _entries;

    public int Count => _entries.Count;

    // Keys seen, once the mapping is past a few entries: a linear scan per added key made loading a mapping of
    // 20,000 keys (an object with that many properties) quadratic, seconds of the generator's time.
    private HashSet<string>? _keys;

    private const int MaxScannedEntries = 16;

    internal bool TryAdd(YScalar key, YNode value)
    {
        if (_keys is not null)
        {
            if (!_keys.Add(key.Value))
            {
                return false;
            }
        }
        else
        {
            foreach (var entry in _entries)
            {
                if (entry.Key.Value == key.Value)
                {
                    return false;
                }
            }

            if (_entries.Count == MaxScannedEntries)
            {
                _keys = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var entry in _entries)
                {
                    _keys.Add(entry.Key.Value);
                }

                _keys.Add(key.Value);
            }
        }

        _entries.Add(new KeyValuePair<YScalar, YNode>(key, value));
        return true;
    }


    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public YNode? Get(string key)
    {
        foreach (var entry in _entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The key node for <paramref name="key"/>, for positioning diagnostics.</summary>
    public YScalar? GetKey(string key)
    {
        foreach (var entry in _entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Key;
            }
        }

        return null;
    }

    public YMapping? GetMapping(string key) => Get(key) as YMapping;

    public YSequence? GetSequence(string key) => Get(key) as YSequence;

    /// <summary>A scalar's text, or null when absent or not a scalar.</summary>
    public string? GetString(string key) => Get(key) is YScalar { IsNull: false } scalar ? scalar.Value : null;

    public bool GetBool(string key) => Get(key) is YScalar scalar && scalar.AsBool() == true;

    public int? GetInt(string key) => Get(key) is YScalar scalar ? scalar.AsInt() : null;
}

/// <summary>A sequence of nodes.</summary>
internal sealed class YSequence : YNode
{
    private readonly List<YNode> _items = [];

    public YSequence(TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan)
    {
    }

    public override string KindName => "sequence";

    public IReadOnlyList<YNode> Items => _items;

    internal void Add(YNode node) => _items.Add(node);

}

/// <summary>A scalar. <see cref="IsPlain"/> tells an unquoted <c>true</c> or <c>1</c> from a quoted string.</summary>
internal sealed class YScalar : YNode
{
    public YScalar(string value, bool isPlain, TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public override string KindName => IsNull ? "null" : "scalar";

    public string Value { get; }

    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public bool? AsBool()
    {
        if (!IsPlain)
        {
            return null;
        }

        return Value switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => null,
        };
    }

    public bool IsNumber => IsPlain && double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public bool IsInteger => IsPlain && long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    public int? AsInt() =>
        IsPlain && int.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
