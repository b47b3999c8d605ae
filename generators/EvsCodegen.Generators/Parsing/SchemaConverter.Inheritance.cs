using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// <c>allOf</c> with exactly one <c>$ref</c> base derives (docs/decisions.md, "allOf with one $ref base derives"): the
/// derived record keeps every property for its converter and declares only those the base does not. A base with a
/// discriminator reads the derived record its value names and every base writes a derived value as that record.
/// </summary>
internal sealed partial class SchemaConverter
{
    private readonly List<(string Name, YMapping Schema, YMapping Base)> _inheriting = [];
    private readonly List<(string Name, YMapping Schema, YScalar At)> _discriminated = [];

    private HashSet<YNode>? _derivedBases;

    /// <summary>The <c>$ref</c> target of <paramref name="schema"/>'s <c>allOf</c> when it is its one base (a bare reference among any inline parts).</summary>
    private YMapping? SingleBase(YMapping schema)
    {
        var parts = schema.GetSequence("allOf")?.Items.Where(item => !IsNullSchema(item)).ToList();
        var references = parts?.OfType<YMapping>().Where(p => p.GetString("$ref") is not null).ToList();
        if (references is not { Count: 1 } || references[0].Count != 1)
        {
            return null;
        }

        return _context.ResolvePointer(references[0].GetString("$ref")!, references[0]) is YMapping target && !ReferenceEquals(target, schema) ? target : null;
    }

    /// <summary>Whether a component schema derives from <paramref name="schema"/> (so a discriminator there has records to name).</summary>
    private bool IsDerivedBase(YMapping schema)
    {
        if (_derivedBases is null)
        {
            _derivedBases = new HashSet<YNode>(ReferenceEqualityComparer.Instance);
            foreach (var component in _componentKeys.Keys)
            {
                if (component is YMapping mapping && SingleBase(mapping) is { } target)
                {
                    _derivedBases.Add(target);
                }
            }
        }

        return _derivedBases.Contains(schema);
    }

    /// <summary>Whether <paramref name="part"/> is a bare <c>$ref</c> to a schema with a discriminator, or to one deriving (by a single base) from such a schema.</summary>
    private bool ExtendsDiscriminatedBase(YNode part, int depth)
    {
        if (depth > 32 || part is not YMapping { Count: 1 } reference || reference.GetString("$ref") is not { } pointer
            || _context.ResolvePointer(pointer, reference) is not YMapping target)
        {
            return false;
        }

        if (target.GetMapping("discriminator")?.GetString("propertyName") is { Length: > 0 })
        {
            // A union's discriminator names its alternatives, not subtypes: a reference to a union stays an alias.
            return target.Get("oneOf") is null && target.Get("anyOf") is null;
        }

        var parts = target.GetSequence("allOf")?.Items.Where(item => !IsNullSchema(item)).ToList();
        return parts is { Count: > 0 } && parts.Count(p => p is YMapping m && m.GetString("$ref") is not null) == 1
            && ExtendsDiscriminatedBase(parts.First(p => p is YMapping m && m.GetString("$ref") is not null), depth + 1);
    }

    /// <summary>Notes, while <paramref name="schema"/> is converted to <paramref name="name"/>, its one <c>$ref</c> base and its discriminator.</summary>
    private void NoteInheritance(YMapping schema, string name)
    {
        if (schema.GetKey("discriminator") is { } discriminator)
        {
            _discriminated.Add((name, schema, discriminator));
        }

        // No base, or several (flattened: C# has one base class), or a reference with siblings that change it; an
        // alternative merged with the properties beside its union is no subtype of the alternative.
        if (!_mergedAlternatives.Contains(schema) && SingleBase(schema) is { } target)
        {
            _inheriting.Add((name, schema, target));
        }
    }

    /// <summary>
    /// Once every type is complete (discriminators fixed): makes each noted derivation whose base is a record and
    /// whose inherited properties are the base's exactly, links the bases to their derived records, and reports a
    /// discriminator that names no derived record.
    /// </summary>
    public void ResolveBases()
    {
        var index = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var i = 0; i < _types.Count; i++)
        {
            if (_types[i] is ObjectTypeModel)
            {
                index[_types[i].Name] = i;
            }
        }

        var baseOf = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var schemaOf = new Dictionary<string, YMapping>(System.StringComparer.Ordinal);
        var narrowed = new Dictionary<string, (string Property, List<string> Values)>(System.StringComparer.Ordinal);
        foreach (var (name, schema, target) in _inheriting)
        {
            if (!_converted.TryGetValue(target, out var baseRef) || baseRef is not { Kind: TypeRefKind.Object, TypeName: { } baseName }
                || !index.TryGetValue(baseName, out var b) || !index.TryGetValue(name, out var d) || baseName == name)
            {
                continue;
            }

            var derived = (ObjectTypeModel)_types[d];
            var baseType = (ObjectTypeModel)_types[b];
            var narrowing = NarrowedDiscriminator(derived, baseType, DiscriminatorAbove(target, 0));
            if (narrowing is { } found)
            {
                // The derived schema narrows the discriminator to an enum: the record keeps the base's property and is
                // fixed to the enum's values (below), which is what the enum allowed.
                derived = derived with { Properties = derived.Properties.Select(p => p.JsonName == found.Property ? baseType.Properties.First(q => q.JsonName == p.JsonName) with { Description = p.Description ?? baseType.Properties.First(q => q.JsonName == p.JsonName).Description } : p).ToEquatableArray() };
            }

            if (!CanDerive(derived, baseType, baseOf))
            {
                continue;
            }

            if (narrowing is { } kept)
            {
                narrowed[name] = kept;
            }

            baseOf[name] = baseName;
            schemaOf[name] = schema;
            var inherited = baseType.Properties.Select(p => p.JsonName).ToEquatableArray();
            _types[d] = derived with { BaseType = baseName, InheritedKeys = inherited };
        }

        // Each base with a discriminator names its descendants: by its mapping, else by their component names.
        var discriminators = new Dictionary<string, (string Property, YMapping Schema)>(System.StringComparer.Ordinal);
        foreach (var (name, schema, _) in _discriminated)
        {
            if (schema.GetMapping("discriminator")?.GetString("propertyName") is { Length: > 0 } property)
            {
                discriminators[name] = (property, schema);
            }
        }

        // A level without a discriminator of its own dispatches by the nearest one above it (the values it names its records by).
        (string Property, YMapping Schema)? Nearest(string start)
        {
            for (string? ancestor = start; ancestor is not null; ancestor = baseOf.TryGetValue(ancestor, out var next) ? next : null)
            {
                if (discriminators.TryGetValue(ancestor, out var found))
                {
                    return found;
                }
            }

            return null;
        }

        var derivedOf = new Dictionary<string, List<DerivedTypeModel>>(System.StringComparer.Ordinal);
        foreach (var name in baseOf.Keys)
        {
            var direct = true;
            for (string? ancestor = baseOf[name]; ancestor is not null; ancestor = baseOf.TryGetValue(ancestor, out var next) ? next : null)
            {
                var values = Nearest(ancestor) is { } discriminator ? ValuesNaming(discriminator.Schema, schemaOf[name]) : [];
                if (!derivedOf.TryGetValue(ancestor, out var list))
                {
                    derivedOf[ancestor] = list = [];
                }

                list.Add(new DerivedTypeModel(name, direct, values.ToEquatableArray()));
                direct = false;
            }

            // The nearest base whose discriminator names the record fixes its value (when the record holds it as a required
            // string, or a required string enum).
            var i = index[name];
            if (narrowed.TryGetValue(name, out var narrowing))
            {
                // The enum's values are what the record accepts; it writes the first that also names it, else the enum's first.
                var naming = Nearest(baseOf[name]) is { } above ? ValuesNaming(above.Schema, schemaOf[name]) : [];
                var values = naming.Where(narrowing.Values.Contains).Concat(narrowing.Values.Where(v => !naming.Contains(v))).ToEquatableArray();
                _types[i] = (ObjectTypeModel)_types[i] with { InheritedDiscriminator = narrowing.Property, DiscriminatorValues = values };
            }
            else if (Nearest(baseOf[name]) is { } named && ValuesNaming(named.Schema, schemaOf[name]) is { Count: > 0 } own
                && ((ObjectTypeModel)_types[i]).Properties.FirstOrDefault(p => p.JsonName == named.Property)
                    is { Type.Nullable: false, Required: true, DiscriminatorValues.Count: 0 } key
                && (key.Type.Kind == TypeRefKind.String || IsStringEnum(key.Type)))
            {
                _types[i] = (ObjectTypeModel)_types[i] with { InheritedDiscriminator = named.Property, DiscriminatorValues = own.ToEquatableArray() };
            }
        }

        foreach (var pair in derivedOf)
        {
            var i = index[pair.Key];
            var model = (ObjectTypeModel)_types[i];
            var property = Nearest(pair.Key) is { } discriminator && pair.Value.Any(v => v.DiscriminatorValues.Count > 0) ? discriminator.Property : null;
            _types[i] = model with { Derived = pair.Value.ToEquatableArray(), Discriminator = property };
        }

        foreach (var (name, _, at) in _discriminated)
        {
            if (!derivedOf.TryGetValue(name, out var list) || list.All(v => v.DiscriminatorValues.Count == 0))
            {
                _context.Report(D.UnsupportedSchema, at, "discriminator", "no schema derives from this one by 'allOf' with one '$ref' to it, so polymorphism is not generated; the base schema's properties are");
            }
        }
    }

    /// <summary>The discriminator property of <paramref name="schema"/>, or of the nearest schema above it by single bases.</summary>
    private string? DiscriminatorAbove(YMapping schema, int depth)
    {
        if (schema.GetMapping("discriminator")?.GetString("propertyName") is { Length: > 0 } property)
        {
            return property;
        }

        return depth < 32 && SingleBase(schema) is { } above ? DiscriminatorAbove(above, depth + 1) : null;
    }

    /// <summary>
    /// The discriminator <paramref name="property"/> and the values <paramref name="derived"/> narrows it to, when the
    /// base holds it as a required string and the derived schema as a required string enum of its own (the rest the same).
    /// </summary>
    private (string Property, List<string> Values)? NarrowedDiscriminator(ObjectTypeModel derived, ObjectTypeModel baseType, string? property)
    {
        var inBase = baseType.Properties.FirstOrDefault(p => p.JsonName == property);
        var mine = derived.Properties.FirstOrDefault(p => p.JsonName == property);
        if (property is null || inBase is not { Required: true, Type: { Kind: TypeRefKind.String, Nullable: false }, DiscriminatorValues.Count: 0 }
            || mine is not { Required: true, Type: { Kind: TypeRefKind.Enum, Nullable: false } } || mine.Name != inBase.Name || mine.Deprecated != inBase.Deprecated
            || _types.OfType<EnumTypeModel>().FirstOrDefault(e => e.Name == mine.Type.TypeName) is not { IsInteger: false, Members.Count: > 0 } enumType)
        {
            return null;
        }

        return (property, enumType.Members.Select(m => m.Value).ToList());
    }

    /// <summary>
    /// Whether <paramref name="derived"/> can be a C# record deriving from <paramref name="baseType"/>: each base property
    /// is in the derived type with the same C# shape, the base keeps no additional properties, and no cycle forms.
    /// </summary>
    private static bool CanDerive(ObjectTypeModel derived, ObjectTypeModel baseType, Dictionary<string, string> baseOf)
    {
        for (string? ancestor = baseType.Name; ancestor is not null; ancestor = baseOf.TryGetValue(ancestor, out var next) ? next : null)
        {
            if (ancestor == derived.Name)
            {
                return false;
            }
        }

        // A union alternative fixed by the union's discriminator keeps that value; it is no subtype too.
        if (derived.InheritedDiscriminator is not null || baseType.AdditionalProperties == AdditionalPropertiesKind.Keep || (baseType.Deprecated && !derived.Deprecated))
        {
            return false;
        }

        foreach (var property in baseType.Properties)
        {
            var mine = derived.Properties.FirstOrDefault(p => p.JsonName == property.JsonName);
            if (mine is null || mine.Name != property.Name || mine.Type != property.Type || mine.Required != property.Required
                || mine.Deprecated != property.Deprecated || !mine.DiscriminatorValues.Equals(property.DiscriminatorValues))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The values of <paramref name="baseSchema"/>'s discriminator that name <paramref name="derived"/>: its mapping entries, else its component name.</summary>
    private List<string> ValuesNaming(YMapping baseSchema, YMapping derived)
    {
        var values = new List<string>();
        var mapping = baseSchema.GetMapping("discriminator")?.GetMapping("mapping");
        var mapped = false;
        foreach (var entry in mapping?.Entries ?? [])
        {
            if (entry.Value is not YScalar { Value.Length: > 0 } value)
            {
                continue;
            }

            var reference = value.Value.IndexOf('/') >= 0 || value.Value.IndexOf('#') >= 0 ? value.Value : "#/components/schemas/" + value.Value;
            if (ReferenceEquals(_context.ResolvePointer(reference, baseSchema), derived))
            {
                values.Add(entry.Key.Value);
                mapped = true;
            }
        }

        if (!mapped && _componentKeys.TryGetValue(derived, out var key))
        {
            // Without a mapping entry the value is the schema's name.
            values.Add(key);
        }

        return values;
    }

    /// <summary>Whether <paramref name="type"/> is a generated enum of strings (its <c>Value</c> is the wire text).</summary>
    private bool IsStringEnum(TypeRefModel type) =>
        type.Kind == TypeRefKind.Enum && _types.Any(t => t is EnumTypeModel { IsInteger: false } e && e.Name == type.TypeName);
}
