using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>Which values a synthesized call carries.</summary>
internal enum Variant
{
    /// <summary>Every optional value present, ordinary values.</summary>
    Full,

    /// <summary>Only what is required; nullable required values are null.</summary>
    Minimal,

    /// <summary>Every optional value present, at the bounds of the schema (longest strings, largest numbers, most items).</summary>
    Boundary,

    /// <summary>Every optional value present, non-ASCII text and negative numbers.</summary>
    Unicode,
}

/// <summary>A value the synthesizer cannot make within the schema's constraints: the operation is listed as not driven.</summary>
internal sealed class SynthesisException(string message) : Exception(message);

/// <summary>
/// Makes values of generated C# types by walking them with reflection (records, enum value structs, lists, maps,
/// primitives), within the constraints the generator's own model gives for each property (lengths, bounds, patterns,
/// item counts). Deterministic: the same document, variant and seed give the same values.
/// </summary>
internal sealed class ValueSynthesizer
{
    private const int MaxDepth = 8;

    // Tried in order for a property with a pattern; a pattern none matches makes the operation not driven, with the pattern as reason.
    private static readonly string[] s_patternCandidates =
    [
        "abc", "a", "A", "ABC", "Abc", "1", "123", "a1", "abc123", "ab-cd", "a_b", "1.0.0", "2021-03-04", "05:06:07",
        "user@example.com", "+12025550100", "image/png", "https://example.com/a", "AB12", "12345678", "0123456789",
        "aaaaaaaaaa", "1234567890123", "a b", "ABC-123", "abc.def",
    ];

    private readonly Dictionary<string, TypeModel> _types;
    private Variant _variant;
    private readonly NullabilityInfoContext _nullability = new();
    private int _counter;

    /// <summary>Creates a synthesizer over the types of <paramref name="model"/>.</summary>
    public ValueSynthesizer(ApiModel model, Variant variant, int seed)
    {
        _types = model.Types.GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _variant = variant;
        _counter = seed;
    }

    /// <summary>The variant.</summary>
    public Variant Variant => _variant;

    /// <summary>A value of <paramref name="type"/> (never null; the caller decides absence).</summary>
    /// <param name="type">The C# type (a <see cref="Nullable{T}"/> gives its underlying value).</param>
    /// <param name="reference">The model's view of the value, for string formats and item constraints.</param>
    /// <param name="constraints">The constraints on the value itself.</param>
    /// <param name="asciiOnly">Text that goes into a header or a cookie.</param>
    /// <param name="nonEmpty">
    /// A required parameter's list: an empty list puts nothing on the wire (the parameter would be absent), so it gets at
    /// least one item (at least <c>minItems</c>) in every variant.
    /// </param>
    public object Create(Type type, TypeRefModel? reference, ConstraintsModel? constraints, bool asciiOnly = false, bool nonEmpty = false)
    {
        constraints ??= ConstraintsModel.None;
        if (nonEmpty && constraints.MinItems is null or 0)
        {
            constraints = constraints with { MinItems = 1 };
        }

        return Create(type, reference, constraints, asciiOnly, 0);
    }

    private object Create(Type type, TypeRefModel? reference, ConstraintsModel constraints, bool asciiOnly, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        _counter++;
        if (type == typeof(string))
        {
            return Text(constraints.StringFormat, constraints, asciiOnly);
        }

        if (type == typeof(bool))
        {
            return constraints.AllowedBoolean ?? _variant is Variant.Full or Variant.Unicode;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return Number(type, constraints);
        }

        if (type == typeof(Guid))
        {
            return new Guid(_counter, 0x1234, 0x4567, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67);
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2021, 3, 4, 5, 6, 7, TimeSpan.Zero).AddDays(_counter % 1000).AddSeconds(_variant == Variant.Boundary ? 0.123456 : 0);
        }

        if (type == typeof(DateOnly))
        {
            return new DateOnly(2021, 3, 4).AddDays(_counter % 1000);
        }

        if (type == typeof(byte[]))
        {
            return _variant == Variant.Minimal ? new byte[] { 7 } : new byte[] { 0, 1, 2, 0x7f, 0x80, 0xfe, 0xff, (byte)_counter };
        }

        if (type == typeof(System.IO.Stream))
        {
            return new System.IO.MemoryStream((byte[])Create(typeof(byte[]), reference, constraints));
        }

        if (type == typeof(EvsCodegen.Runtime.ApiFile))
        {
            return StreamValues.File((byte[])Create(typeof(byte[]), reference, constraints));
        }

        // A stream of items: a few of them (one for the minimal variant), each made as the item type says.
        if (StreamValues.ItemType(type) is { } item)
        {
            var items = new System.Collections.ArrayList();
            for (var i = _variant == Variant.Minimal ? 2 : 0; i < 3; i++)
            {
                items.Add(Create(item, reference, null));
            }

            return StreamValues.Sequence(item, items);
        }

        if (type == typeof(JsonElement))
        {
            var json = UntypedVariantJson;

            // A value held to the schema it came from: the first candidate the runtime's evaluator accepts.
            if (reference?.Schema is { } schema)
            {
                return SchemaValues.Valid(schema, json) ?? throw new SynthesisException($"no value tried is valid for the schema {schema}");
            }

            return JsonDocument.Parse(json).RootElement.Clone();
        }

        if (StructuralComparer.IsEnumStruct(type))
        {
            var known = ((IEnumerable)type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Cast<object>().ToList();
            if (known.Count == 0)
            {
                throw new SynthesisException($"the enum {type.Name} has no values");
            }

            return known[_variant switch { Variant.Boundary => known.Count - 1, Variant.Unicode => known.Count / 2, _ => 0 }];
        }

        if (type.IsGenericType && Implements(type, typeof(IReadOnlyDictionary<,>)) is { } map)
        {
            var valueType = map.GetGenericArguments()[1];
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
            for (var i = 0; i < Count(ConstraintsModel.None, depth); i++)
            {
                dictionary[_variant == Variant.Unicode ? $"cl\u00e9-{i}" : $"key{i}"] = Create(valueType, reference?.Item, reference?.ItemConstraints ?? ConstraintsModel.None, asciiOnly, depth + 1);
            }

            return dictionary;
        }

        if (type.IsGenericType && Implements(type, typeof(IReadOnlyList<>)) is { } list)
        {
            var itemType = list.GetGenericArguments()[0];
            var items = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            var count = Count(constraints, depth);
            for (var i = 0; i < count; i++)
            {
                items.Add(Create(itemType, reference?.Item, reference?.ItemConstraints ?? ConstraintsModel.None, asciiOnly, depth + 1));
            }

            return items;
        }

        if (type.IsClass && _types.TryGetValue(type.Name, out var model))
        {
            if (depth > MaxDepth)
            {
                throw new SynthesisException($"{type.Name} nests deeper than {MaxDepth} levels through required properties");
            }

            if (model is ObjectTypeModel { Discriminator: not null, Derived.Count: > 0 } polymorphic && Descendant(type, polymorphic) is { } descendant)
            {
                // A base whose discriminator picks a derived record: the value sent is one of those records (which one
                // depends on the variant), since a base instance carrying a value that names a derived record would
                // rightly be read back as that record.
                return Create(descendant, reference, constraints, asciiOnly, depth);
            }

            return model is UnionTypeModel union ? Union(type, union, depth) : Record(type, model as ObjectTypeModel, depth);
        }

        if (type.IsClass && reference is { Kind: TypeRefKind.Object, TypeName: { } formSchema } && _types.TryGetValue(formSchema, out var formOf) && formOf is ObjectTypeModel fields)
        {
            // A multipart body's form record: the schema's properties by name, file parts as ApiFiles.
            return Record(type, fields, depth);
        }

        throw new SynthesisException($"no synthesis for the C# type {type}");
    }

    /// <summary>The derived record of <paramref name="model"/> (named by its discriminator) this variant sends, or null.</summary>
    private Type? Descendant(Type type, ObjectTypeModel model)
    {
        // Only records that derive in C# and write their own discriminator value (Record sets it) can stand for the base.
        var named = model.Derived
            .Where(d => d.DiscriminatorValues.Count > 0
                && _types.TryGetValue(d.TypeName, out var derived)
                && derived is ObjectTypeModel { InheritedDiscriminator: not null, DiscriminatorValues.Count: > 0 })
            .Select(d => type.Assembly.GetType(type.Namespace + "." + d.TypeName))
            .Where(t => t is not null && t.IsSubclassOf(type))
            .ToList();
        return named.Count == 0 ? null : named[(int)_variant % named.Count];
    }

    private object Record(Type type, ObjectTypeModel? model, int depth)
    {
        var instance = Activator.CreateInstance(type) ?? throw new SynthesisException($"{type.Name} has no parameterless constructor");
        var shallow = depth >= 3;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var declared = model?.Properties.FirstOrDefault(p => p.Name == property.Name);
            var required = declared?.Required ?? property.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute");
            var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null || _nullability.Create(property).WriteState == NullabilityState.Nullable;
            if (!required && (_variant == Variant.Minimal || shallow))
            {
                continue;
            }

            // An optional value whose schema no value meets ({not: {}}, a forbidden property) stays absent.
            if (!required && declared?.Type is { Kind: TypeRefKind.Any, Schema: { } schema } && SchemaValues.Valid(schema, "null") is null)
            {
                continue;
            }

            if (required && nullable && (_variant == Variant.Minimal || (shallow && !property.PropertyType.IsValueType)))
            {
                property.SetValue(instance, null);
                continue;
            }

            property.SetValue(instance, Create(property.PropertyType, declared?.Type, declared?.Constraints ?? ConstraintsModel.None, false, depth + 1));
        }

        if (model is { InheritedDiscriminator: { } key, DiscriminatorValues.Count: > 0 })
        {
            // A derived record named by its base's discriminator writes the value that names it: the value holds it too.
            SetDiscriminator(instance, type, model, key, model.DiscriminatorValues[0]);
        }

        return instance;
    }

    /// <summary>
    /// A union value: the alternative the variant picks (first, last, middle), made like any value of its type. For
    /// <c>oneOf</c> the value must read as that alternative alone: the union's own converter reads it back strictly
    /// (as the server will), and when it does not (an integer is a number too; two objects without a discriminator may
    /// both read it) the next alternative is tried; none reading alone makes the operation not driven.
    /// </summary>
    private object Union(Type type, UnionTypeModel union, int depth)
    {
        var start = _variant switch { Variant.Boundary => union.Members.Count - 1, Variant.Unicode => union.Members.Count / 2, _ => 0 };
        var problems = new List<string>();
        var variant = _variant;
        try
        {
            // The variant's values first; then ordinary ones, which a bound shared by two alternatives (minLength 2 and
            // maxLength 4 both hold "xxxx") may not hit.
            for (var attempt = 0; attempt < union.Members.Count * 2; attempt++)
            {
                _variant = attempt < union.Members.Count ? variant : Variant.Full;
                if (TryUnionMember(type, union, union.Members[(start + attempt) % union.Members.Count], depth, problems) is { } value)
                {
                    return value;
                }
            }
        }
        finally
        {
            _variant = variant;
        }

        throw new SynthesisException($"no value of the {union.Keyword} {type.Name} reads as one alternative alone ({string.Join("; ", problems.Distinct())})");
    }

    private object? TryUnionMember(Type type, UnionTypeModel union, UnionMemberModel member, int depth, List<string> problems)
    {
        var property = type.GetProperty(member.Name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new SynthesisException($"the union {type.Name} has no property {member.Name}");
        if (member.Type.Kind == TypeRefKind.Any && union.ExactlyOne)
        {
            // An untyped alternative of a oneOf holds only the values no other alternative matches: the first valid
            // value of its schema that reads as it alone.
            foreach (var candidate in SchemaValues.ValidValues(member.Type.Schema, UntypedVariantJson))
            {
                var untyped = Activator.CreateInstance(type)!;
                property.SetValue(untyped, candidate);
                if (AloneProblem(type, union, untyped) is not { } refused)
                {
                    return untyped;
                }

                problems.Add($"{member.Name}: {refused}");
            }

            problems.Add($"{member.Name}: no value tried matches it alone");
            return null;
        }

        object alternative;
        try
        {
            alternative = Create(property.PropertyType, member.Type, member.Constraints, false, depth + 1);
        }
        catch (SynthesisException e)
        {
            problems.Add($"{member.Name}: {e.Message}");
            return null;
        }

        if (union.Discriminator is { } discriminator && member.TypeName is { } typeName && _types.TryGetValue(typeName, out var memberModel) && memberModel is ObjectTypeModel objectModel)
        {
            SetDiscriminator(alternative, property.PropertyType, objectModel, discriminator, member.DiscriminatorValues.Count > 0 ? member.DiscriminatorValues[0] : typeName);
        }

        var instance = Activator.CreateInstance(type)!;
        property.SetValue(instance, alternative);
        if (!union.ExactlyOne || AloneProblem(type, union, instance) is not { } problem)
        {
            return instance;
        }

        problems.Add($"{member.Name}: {problem}");
        return null;
    }

    /// <summary>
    /// Null when a <c>oneOf</c> value matches exactly one alternative: by JSON Schema (each alternative rebuilt from the
    /// model, <see cref="UnionChecks.Matching"/>, where it can decide) and by the union's converter read strictly.
    /// </summary>
    private string? AloneProblem(Type type, UnionTypeModel union, object instance)
    {
        if (UnionChecks.Matching(union, UnionChecks.Written(type, instance), _types) is { Count: not 1 } matching)
        {
            return matching.Count == 0 ? "by JSON Schema it matches no alternative" : $"by JSON Schema it matches {string.Join(" and ", matching)}";
        }

        return UnionChecks.ReadsStrictly(type, instance);
    }

    // The value the variant offers first to an untyped alternative (then SchemaValues' shapes).
    private string UntypedVariantJson => _variant switch
    {
        Variant.Minimal => "\"m\"",
        Variant.Unicode => "{\"k\":[1,\"h\u00e9llo \u4e16\u754c\",true,null]}",
        Variant.Boundary => "[]",
        _ => "{\"a\":1,\"b\":\"x\"}",
    };

    private static void SetDiscriminator(object alternative, Type alternativeType, ObjectTypeModel model, string discriminator, string value)
    {
        var key = model.Properties.FirstOrDefault(p => p.JsonName == discriminator);
        // A discriminator fixed on the alternative is a get-only constant: the type itself writes it.
        var target = key is null || key.DiscriminatorValues.Count > 0 ? null : alternativeType.GetProperty(key.Name);
        if (target?.PropertyType == typeof(string))
        {
            target.SetValue(alternative, value);
        }
        else if (target is not null && StructuralComparer.IsEnumStruct(Nullable.GetUnderlyingType(target.PropertyType) ?? target.PropertyType))
        {
            target.SetValue(alternative, Activator.CreateInstance(Nullable.GetUnderlyingType(target.PropertyType) ?? target.PropertyType, value));
        }
    }

    private int Count(ConstraintsModel constraints, int depth)
    {
        var min = constraints.MinItems ?? 0;
        var max = constraints.MaxItems ?? int.MaxValue;
        var wanted = depth >= 3 ? 0 : _variant switch { Variant.Minimal => 0, Variant.Boundary => Math.Min(max, 3), _ => 2 };
        return Math.Clamp(wanted, min, Math.Max(min, max));
    }

    private string Text(string? format, ConstraintsModel constraints, bool asciiOnly)
    {
        if (Formatted(format) is { } formatted)
        {
            // A formatted value is valid as it is; the length bounds still apply when they allow it.
            return formatted.Length >= (constraints.MinLength ?? 0) && formatted.Length <= (constraints.MaxLength ?? int.MaxValue) ? formatted
                : throw new SynthesisException($"no '{format}' value fits the length bounds [{constraints.MinLength}, {constraints.MaxLength}]");
        }

        var text = _variant switch
        {
            Variant.Minimal => "m",
            Variant.Unicode when !asciiOnly => $"h\u00e9llo w\u00f6rld \u2713 \u4e16\u754c {_counter}",
            Variant.Boundary => new string('x', constraints.MaxLength ?? constraints.MinLength ?? 1),
            _ => $"value-{_counter}",
        };
        if (constraints.Pattern is { } pattern)
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (!regex.IsMatch(text))
            {
                text = s_patternCandidates.FirstOrDefault(c => regex.IsMatch(c) && Fits(c, constraints))
                    ?? FromAutomaton(pattern, regex, constraints)
                    ?? throw new SynthesisException($"no value matches the pattern '{pattern}'");
            }
        }

        if (text.Length < (constraints.MinLength ?? 0))
        {
            text += new string('x', constraints.MinLength!.Value - text.Length);
        }

        while (text.Length > (constraints.MaxLength ?? int.MaxValue) || Encoding.UTF8.GetByteCount(text) > (constraints.MaxBytes ?? int.MaxValue))
        {
            text = text[..^1];
        }

        return text;
    }

    /// <summary>
    /// A string the pattern's automaton (Fare's Xeger, dk.brics syntax) generates, kept only if the .NET regex matches
    /// it too and it fits the lengths; deterministic seeds. Null where the syntax is beyond dk.brics (lookarounds,
    /// classes like \d) or nothing fits. The anchors go: a generated string is a whole match, so it matches anchored.
    /// </summary>
    private static string? FromAutomaton(string pattern, Regex regex, ConstraintsModel constraints)
    {
        var body = pattern.StartsWith('^') ? pattern[1..] : pattern;
        body = body.EndsWith('$') && !body.EndsWith("\\$", StringComparison.Ordinal) ? body[..^1] : body;
        for (var seed = 1; seed <= 20; seed++)
        {
            string candidate;
            try
            {
                candidate = new Fare.Xeger(body, new Random(seed)).Generate();
            }
#pragma warning disable CA1031 // Fare throws its own and framework exceptions on syntax it does not know; the caller reports the pattern.
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }

            if (regex.IsMatch(candidate) && Fits(candidate, constraints))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool Fits(string text, ConstraintsModel constraints) =>
        text.Length >= (constraints.MinLength ?? 0) && text.Length <= (constraints.MaxLength ?? int.MaxValue);

    // Values valid for the formats JSON Schema defines (and Prism checks); the unicode variant uses the
    // internationalized forms where the format allows non-ASCII. Other formats (int32 on a string, custom ones) get plain text.
    private string? Formatted(string? format) => format switch
    {
        "email" => $"user{_counter}@example.com",
        "idn-email" => _variant == Variant.Unicode ? $"us\u00e9r{_counter}@exampl\u00e9.com" : $"user{_counter}@example.com",
        "uri" or "url" or "iri" => $"https://example.com/r{_counter}",
        "uri-reference" or "iri-reference" => _variant == Variant.Minimal ? $"r{_counter}" : $"/r/{_counter}?q=1#f",
        "uri-template" => $"https://example.com/r/{{id}}",
        "hostname" => $"host{_counter}.example.com",
        "idn-hostname" => _variant == Variant.Unicode ? "b\u00fccher.example" : $"host{_counter}.example.com",
        "ipv4" => $"192.0.2.{_counter % 250}",
        "ipv6" => $"2001:db8::{_counter % 0xffff:x}",
        "date-time" => "2021-03-04T05:06:07Z",
        "date" => "2021-03-04",
        "time" => "05:06:07Z",
        "duration" => "P1DT2H",
        "uuid" => new Guid(_counter, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).ToString(),
        "byte" => Convert.ToBase64String([(byte)_counter, 0xfb, 0xff]),
        "json-pointer" => "/a/b",
        "relative-json-pointer" => "0/a",
        "regex" => "^a+$",
        _ => null,
    };

    private object Number(Type type, ConstraintsModel constraints)
    {
        var integer = type == typeof(int) || type == typeof(long);
        var (typeMin, typeMax) = type == typeof(int) ? (int.MinValue, int.MaxValue) : type == typeof(long) ? (-9007199254740991d, 9007199254740991d) : (-1e15, 1e15);
        var step = integer ? 1 : 0.5;
        var min = Parse(constraints.Minimum) is { } lo ? lo + (constraints.ExclusiveMinimum ? step : 0) : typeMin;
        var max = Parse(constraints.Maximum) is { } hi ? hi - (constraints.ExclusiveMaximum ? step : 0) : typeMax;
        if (integer)
        {
            min = Math.Ceiling(min);
            max = Math.Floor(max);
        }

        if (min > max)
        {
            throw new SynthesisException($"no {type.Name} lies within [{constraints.Minimum}, {constraints.Maximum}]");
        }

        if (constraints.AllowedNumbers.Count > 0)
        {
            // A number enum: one of its values, picked like an enum member; within the type, else the operation is not driven.
            var allowed = constraints.AllowedNumbers.Select(Parse).OfType<double>().Where(v => v >= min && v <= max && (!integer || v == Math.Floor(v))).ToList();
            if (allowed.Count == 0)
            {
                throw new SynthesisException($"no value of the enum [{string.Join(", ", constraints.AllowedNumbers)}] is a {type.Name} within the bounds");
            }

            return AsNumber(type, allowed[_variant switch { Variant.Boundary => allowed.Count - 1, Variant.Unicode => allowed.Count / 2, _ => 0 }]);
        }

        var wanted = _variant switch
        {
            Variant.Minimal => 0d,
            Variant.Boundary => max,
            Variant.Unicode => integer ? -7d : -7.25,
            _ => integer ? 42d : 4.5,
        };
        var value = Math.Clamp(wanted, min, max);
        if (Parse(constraints.MultipleOf) is { } divisor && divisor > 0)
        {
            // The multiple of the divisor nearest the wanted value within the bounds (in decimal, as the server checks).
            var exact = (decimal)divisor;
            // Its numerator (0.25 -> 25) is an integer multiple; 0 is a multiple of everything.
            var numerator = exact * (decimal)Math.Pow(10, (double)exact.Scale);
            var candidates = new[] { Math.Round((decimal)value / exact), Math.Ceiling((decimal)min / exact), Math.Floor((decimal)max / exact), numerator / exact, 0m }
                .Select(k => k * exact)
                .Where(v => (double)v >= min && (double)v <= max && (!integer || v == decimal.Truncate(v)))
                .ToList();
            if (candidates.Count == 0)
            {
                throw new SynthesisException($"no multiple of {constraints.MultipleOf} is a {type.Name} within the bounds");
            }

            return AsNumber(type, (double)candidates[0]);
        }

        return AsNumber(type, value);
    }

    private static object AsNumber(Type type, double value)
    {
        return type == typeof(int) ? (int)value
            : type == typeof(long) ? (long)value
            : type == typeof(float) ? (float)value
            : type == typeof(decimal) ? (decimal)value
            : value;
    }

    private static double? Parse(string? number) =>
        number is not null && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static Type? Implements(Type type, Type open) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == open ? type
        : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == open);
}
