using System.Linq;
using System.Collections.Generic;
using System.Globalization;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Maps JSON Schema nodes (OpenAPI 3.0 and 3.1 dialects) to <see cref="TypeRefModel"/>s, creating a named
/// <see cref="TypeModel"/> for every object and enum. Constructs C# cannot express become <c>JsonElement</c>
/// with a positioned warning, so the rest of the document still generates.
/// </summary>
internal sealed partial class SchemaConverter
{
    private const int MaxSchemaDepth = 64;

    private readonly ParseContext _context;
    private readonly NameScope _typeNames;
    private readonly Dictionary<YNode, string> _componentNames = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<YNode, string> _componentKeys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<YNode, TypeRefModel> _converted = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<YNode> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly List<TypeModel> _types = [];
    private readonly Queue<(YNode Target, string NameHint)> _deferred = new();
    private bool _reachedOnly;

    public SchemaConverter(ParseContext context, NameScope typeNames)
    {
        _context = context;
        _typeNames = typeNames;
    }

    /// <summary>
    /// The generated types: components first in document order, then inline types as met; with a filter, in the order
    /// the kept operations reach them.
    /// </summary>
    public IReadOnlyList<TypeModel> Types => _types;

    /// <summary>
    /// Gives every component schema its name up front, so names do not depend on the order of use (nor on a filter),
    /// then converts them all, or, when <paramref name="reachedOnly"/>, none: each is converted when a <c>$ref</c>
    /// reaches it, and what the converted schemas name without a <c>$ref</c> to convert (discriminator mappings, <c>allOf</c> parts) by <see cref="ConvertDeferred"/>.
    /// </summary>
    public void ConvertComponents(YMapping? schemas, bool reachedOnly = false)
    {
        _reachedOnly = reachedOnly;
        if (schemas is null)
        {
            return;
        }

        foreach (var entry in schemas.Entries)
        {
            _components.Add(entry.Value);
            _componentKeys[entry.Value] = entry.Key.Value;
            _componentNames[entry.Value] = _typeNames.Claim(Identifiers.ToPascalCase(entry.Key.Value, "Schema"), TypeModel.ConverterSuffix);
        }

        if (reachedOnly)
        {
            return;
        }

        // Converted for what they report, not because anything uses them: what they reach is not reached from here.
        _detached = true;
        foreach (var entry in schemas.Entries)
        {
            Convert(entry.Value, entry.Key.Value, 0);
        }

        _detached = false;
    }

    /// <summary>
    /// Converts, until none is left, the schemas that the schemas converted so far name without converting them: the
    /// targets of <c>discriminator.mapping</c> (a payload may carry any of them, the subtypes of an <c>allOf</c> base) and
    /// the <c>allOf</c> parts whose properties were merged into the type. Without a filter every component is converted
    /// anyway; with one, they are kept because a kept schema names them.
    /// </summary>
    public void ConvertDeferred()
    {
        while (_deferred.Count > 0)
        {
            var (target, nameHint) = _deferred.Dequeue();
            Convert(target, nameHint, 0);
        }
    }

    private void QueueMappingTargets(YMapping schema)
    {
        foreach (var entry in schema.GetMapping("discriminator")?.GetMapping("mapping")?.Entries ?? [])
        {
            if (entry.Value is not YScalar { Value.Length: > 0 } value)
            {
                continue;
            }

            // A value is a reference, or the bare name of a component schema (OpenAPI 3.0 and 3.1 allow both).
            var reference = value.Value.IndexOf('/') >= 0 || value.Value.IndexOf('#') >= 0 ? value.Value : "#/components/schemas/" + value.Value;
            Defer(_context.ResolvePointer(reference, schema), reference);
        }
    }

    /// <summary>
    /// Notes that the schema being converted names <paramref name="target"/> (for <see cref="ReachedTypes"/>) and, with a
    /// filter, queues it for <see cref="ConvertDeferred"/>.
    /// </summary>
    private void Defer(YNode? target, string reference)
    {
        if (target is YMapping named)
        {
            NoteUse(named);
        }

        if (_reachedOnly && target is not null && !_converted.ContainsKey(target))
        {
            _deferred.Enqueue((target, FragmentPaths.NameHint(reference)));
        }
    }

    /// <summary>Converts a schema node (or <c>$ref</c>) to a type reference.</summary>
    public TypeRefModel Convert(YNode? node, string nameHint, int depth)
    {
        if (node is null || !_context.Spend(node))
        {
            return TypeRefModel.AnyValue;
        }

        if (node is YScalar scalar && scalar.AsBool() is not null)
        {
            // JSON Schema booleans (3.1): true accepts anything; false accepts nothing, which the value's check says.
            return scalar.AsBool() == true ? TypeRefModel.AnyValue : TypeRefModel.AnyValue with { Schema = "false" };
        }

        if (node is not YMapping mapping)
        {
            _context.Report(D.InvalidStructure, node, $"A schema must be a mapping, not a {node.KindName}");
            return TypeRefModel.AnyValue;
        }

        NoteUse(mapping);
        if (_converted.TryGetValue(mapping, out var known))
        {
            return known;
        }

        if (depth > MaxSchemaDepth)
        {
            _context.Report(D.UnsupportedSchema, node, "nesting", $"schemas nested deeper than {MaxSchemaDepth} levels are typed as JsonElement");
            return TypeRefModel.AnyValue;
        }

        if (!_inProgress.Add(mapping))
        {
            _context.Report(D.UnsupportedSchema, node, "recursion", "a schema that contains itself other than through an object property is typed as JsonElement (held to its schema when read)");
            return WithSchema(TypeRefModel.AnyValue, mapping);
        }

        _owners.Add(mapping);
        QueueMappingTargets(mapping);
        try
        {
            var result = ConvertMapping(mapping, _componentNames.TryGetValue(mapping, out var name) ? name : null, nameHint, depth);

            // A value typed JsonElement is held to the schema it came from (a reference's target carries its own).
            if (mapping.Get("$ref") is null)
            {
                result = WithSchema(result, mapping);
                ReportUnenforced(mapping, result);
            }

            _converted[mapping] = result;
            return result;
        }
        finally
        {
            _inProgress.Remove(mapping);
            _owners.RemoveAt(_owners.Count - 1);
        }
    }

    /// <summary>
    /// The <c>default</c> of a schema (following a <c>$ref</c>) as compact text: a number or boolean as written, any
    /// other scalar in double quotes (so <c>asc</c> and <c>"asc"</c> are the same), mappings and sequences in flow style. Null when there is none. For the breaking-change gate.
    /// </summary>
    public string? ReadDefault(YNode? node)
    {
        var mapping = node as YMapping;
        if (mapping?.GetString("$ref") is { } reference)
        {
            mapping = _context.ResolvePointer(reference, mapping) as YMapping;
        }

        return mapping?.Get("default") is { } value ? FlowText(value, 0) : null;
    }

    private static string FlowText(YNode node, int depth) => node switch
    {
        _ when depth > 16 => "…",
        YScalar { IsNull: true } => "null",
        YScalar scalar => scalar.IsNumber || scalar.AsBool() is not null ? scalar.Value : "\"" + scalar.Value + "\"",
        YSequence sequence => "[" + string.Join(", ", sequence.Items.Select(item => FlowText(item, depth + 1))) + "]",
        YMapping map => "{" + string.Join(", ", map.Entries.Select(entry => entry.Key.Value + ": " + FlowText(entry.Value, depth + 1))) + "}",
        _ => string.Empty,
    };

    /// <summary>
    /// Reads the validation keywords of a schema (following a <c>$ref</c> to its target, and the single member of an
    /// <c>allOf</c> wrapper such as <c>{nullable: true, allOf: [$ref]}</c>, which the schema's type also comes from).
    /// </summary>
    public ConstraintsModel ReadConstraints(YNode? node) => ReadConstraints(node, 0);

    private ConstraintsModel ReadConstraints(YNode? node, int depth)
    {
        var mapping = node as YMapping;
        if (mapping?.GetString("$ref") is { } reference)
        {
            mapping = _context.ResolvePointer(reference, mapping) as YMapping;
        }

        if (mapping is null)
        {
            return ConstraintsModel.None;
        }

        var constraints = new ConstraintsModel(
            MinLength: mapping.GetInt("minLength"),
            MaxLength: mapping.GetInt("maxLength"),
            MaxBytes: ReadMaxBytes(mapping),
            Pattern: ReadPattern(mapping),
            Minimum: ReadNumber(mapping, "minimum"),
            Maximum: ReadNumber(mapping, "maximum"),
            ExclusiveMinimum: mapping.GetBool("exclusiveMinimum"),
            ExclusiveMaximum: mapping.GetBool("exclusiveMaximum"),
            MinItems: mapping.GetInt("minItems"),
            MaxItems: mapping.GetInt("maxItems"),
            AllowedNumbers: ReadNumberEnum(mapping),
            StringFormat: ReadStringFormat(mapping),
            MultipleOf: ReadNumber(mapping, "multipleOf") is { } divisor && divisor[0] != '-' && divisor != "0" ? divisor : null,
            AllowedBoolean: ReadBooleanEnum(mapping));

        // 3.1 writes exclusive bounds as numbers of their own.
        if (mapping.Get("exclusiveMinimum") is YScalar { IsNumber: true } && ReadNumber(mapping, "exclusiveMinimum") is { } exclusiveMinimum)
        {
            constraints = constraints with { Minimum = exclusiveMinimum, ExclusiveMinimum = true };
        }

        if (mapping.Get("exclusiveMaximum") is YScalar { IsNumber: true } && ReadNumber(mapping, "exclusiveMaximum") is { } exclusiveMaximum)
        {
            constraints = constraints with { Maximum = exclusiveMaximum, ExclusiveMaximum = true };
        }

        // allOf: a value satisfies the schema's own keywords and every member's, so the constraints intersect (the
        // tighter bound wins, patterns all apply); bounded: a member may name the schema itself.
        if (mapping.GetSequence("allOf") is { Items.Count: > 0 } members && depth < 16)
        {
            foreach (var member in members.Items)
            {
                constraints = Intersect(constraints, ReadConstraints(member, depth + 1));
            }
        }

        return constraints == ConstraintsModel.None ? ConstraintsModel.None : constraints;
    }

    /// <summary>The constraints a value meets when it meets both <paramref name="a"/> and <paramref name="b"/>.</summary>
    private static ConstraintsModel Intersect(ConstraintsModel a, ConstraintsModel b)
    {
        var (minimum, exclusiveMinimum) = TighterBound(a.Minimum, a.ExclusiveMinimum, b.Minimum, b.ExclusiveMinimum, lower: true);
        var (maximum, exclusiveMaximum) = TighterBound(a.Maximum, a.ExclusiveMaximum, b.Maximum, b.ExclusiveMaximum, lower: false);
        return new ConstraintsModel(
            Max(a.MinLength, b.MinLength),
            Min(a.MaxLength, b.MaxLength),
            Min(a.MaxBytes, b.MaxBytes),
            BothPatterns(a.Pattern, b.Pattern),
            minimum,
            maximum,
            exclusiveMinimum,
            exclusiveMaximum,
            Max(a.MinItems, b.MinItems),
            Min(a.MaxItems, b.MaxItems),
            a.AllowedNumbers.Count == 0 ? b.AllowedNumbers
                : b.AllowedNumbers.Count == 0 ? a.AllowedNumbers
                : a.AllowedNumbers.Where(v => b.AllowedNumbers.Any(w => SameNumber(v, w))).ToEquatableArray(),
            a.StringFormat ?? b.StringFormat,
            // Two divisors make their least common multiple, which has no exact decimal form in general: the first is kept.
            a.MultipleOf ?? b.MultipleOf,
            a.AllowedBoolean ?? b.AllowedBoolean);

        static int? Max(int? x, int? y) => x is null ? y : y is null ? x : System.Math.Max(x.Value, y.Value);
        static int? Min(int? x, int? y) => x is null ? y : y is null ? x : System.Math.Min(x.Value, y.Value);
        static bool SameNumber(string x, string y) =>
            double.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture) == double.Parse(y, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    // Bounds are invariant number text (ReadNumber); the tighter one wins, and at the same value exclusive is tighter.
    private static (string? Bound, bool Exclusive) TighterBound(string? a, bool aExclusive, string? b, bool bExclusive, bool lower)
    {
        if (a is null || b is null)
        {
            return a is null ? (b, bExclusive) : (a, aExclusive);
        }

        // Beyond decimal's range ReadNumber writes round-trip double text, which double compares as well.
        var order = decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : double.Parse(a, NumberStyles.Float, CultureInfo.InvariantCulture).CompareTo(double.Parse(b, NumberStyles.Float, CultureInfo.InvariantCulture));
        return order == 0 ? (a, aExclusive || bExclusive) : (order > 0) == lower ? (a, aExclusive) : (b, bExclusive);
    }

    /// <summary>
    /// One .NET pattern that matches where both do. JSON Schema patterns are unanchored searches, so each becomes a
    /// lookahead from the start (<c>(?=[\s\S]*?(?:p))</c>), which holds when the pattern matches anywhere. Numbered
    /// groups renumber in the combination, so a pattern with a backreference keeps only the first (reported nowhere:
    /// the first pattern still applies).
    /// </summary>
    private static string? BothPatterns(string? a, string? b)
    {
        if (a is null || b is null || a == b)
        {
            return a ?? b;
        }

        if (HasBackreference(a) || HasBackreference(b))
        {
            return a;
        }

        return "^" + AsLookahead(a) + AsLookahead(b);

        static string AsLookahead(string pattern) =>
            pattern.StartsWith("^(?=[\\s\\S]*?(?:", System.StringComparison.Ordinal) ? pattern.Substring(1) : "(?=[\\s\\S]*?(?:" + pattern + "))";

        static bool HasBackreference(string pattern) => System.Text.RegularExpressions.Regex.IsMatch(pattern, @"\\[1-9]|\\k<");
    }

    private int? ReadMaxBytes(YMapping mapping)
    {
        var node = mapping.Get("x-max-bytes");
        if (node is null)
        {
            return null;
        }

        if (node is YScalar scalar && scalar.AsInt() is int value && value >= 0)
        {
            return value;
        }

        _context.Report(D.InvalidExtension, node, "x-max-bytes", "it must be a non-negative integer");
        return null;
    }

    private string? ReadPattern(YMapping mapping)
    {
        var pattern = mapping.GetString("pattern");
        if (pattern is null)
        {
            return null;
        }

        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, System.TimeSpan.FromSeconds(1));
            return pattern;
        }
        catch (System.ArgumentException)
        {
            _context.Report(D.UnsupportedSchema, mapping.Get("pattern"), "pattern", "the regular expression is not valid in .NET and is not enforced");
            return null;
        }
    }

    /// <summary>A bound as invariant text; NaN, infinities and numbers beyond double are reported and not enforced.</summary>
    /// <summary>
    /// The values of a <c>type: number</c> enum (integer and string enums become enum types instead), as invariant
    /// round-trip text; empty for any other schema.
    /// </summary>
    // The format of a string schema whose format gives no C# type of its own (date-time, date, uuid, byte and binary do).
    private static string? ReadStringFormat(YMapping mapping)
    {
        var isString = mapping.Get("type") switch
        {
            YScalar { Value: "string" } => true,
            YSequence types => types.Items.Any(t => t is YScalar { Value: "string" }),
            _ => false,
        };
        return isString && mapping.GetString("format") is { } format && format is not ("date-time" or "date" or "uuid" or "byte" or "binary") ? format : null;
    }

    /// <summary>The one boolean an <c>enum</c> or <c>const</c> of booleans allows (null when it allows both or is not one).</summary>
    private static bool? ReadBooleanEnum(YMapping mapping)
    {
        var values = mapping.Get("enum") is YSequence list ? list.Items.Where(v => v is not YScalar { IsNull: true }).ToList()
            : mapping.Get("const") is { } constant ? [constant]
            : [];
        var flags = values.Select(v => (v as YScalar)?.AsBool()).ToList();
        return flags.Count > 0 && flags.All(f => f is not null) && flags.Distinct().Count() == 1 ? flags[0] : null;
    }

    private static EquatableArray<string> ReadNumberEnum(YMapping mapping)
    {
        // A number const other than an integer (SchemaConverter.ConvertConst types it as a number) is an enum of one value.
        if (mapping.Get("enum") is null && mapping.Get("const") is YScalar { IsNumber: true } constant && (!constant.IsInteger || mapping.GetString("type") == "number"))
        {
            return new[] { double.Parse(constant.Value, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) }.ToEquatableArray();
        }

        var numbersOnly = mapping.GetString("type") == "number"
            || (mapping.Get("type") is null && mapping.GetSequence("enum") is { } untyped && untyped.Items.Any(v => v is YScalar { IsNumber: true, IsInteger: false }));
        if (!numbersOnly || mapping.GetSequence("enum") is not { } values
            || !values.Items.All(v => v is YScalar { IsNumber: true } or YScalar { IsNull: true }))
        {
            return EquatableArray<string>.Empty;
        }

        return values.Items.OfType<YScalar>().Where(v => !v.IsNull)
            .Select(v => double.Parse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture))
            .ToEquatableArray();
    }

    private string? ReadNumber(YMapping mapping, string key)
    {
        if (mapping.Get(key) is not YScalar { IsNumber: true } scalar)
        {
            return null;
        }

        if (decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return exact.ToString(CultureInfo.InvariantCulture);
        }

        var value = double.Parse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            _context.Report(D.InvalidStructure, scalar, $"'{key}' must be a finite number, not '{scalar.Value}'");
            return null;
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
