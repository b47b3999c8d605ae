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

    /// <summary>Notes, while <paramref name="schema"/> is converted to <paramref name="name"/>, its one <c>$ref</c> base and its discriminator.</summary>
    private void NoteInheritance(YMapping schema, string name)
    {
        if (schema.GetKey("discriminator") is { } discriminator)
        {
            _discriminated.Add((name, schema, discriminator));
        }

        var parts = schema.GetSequence("allOf")?.Items.Where(item => !IsNullSchema(item)).ToList();
        var references = parts?.OfType<YMapping>().Where(p => p.GetString("$ref") is not null).ToList();
        if (references is not { Count: 1 } || references[0].Count != 1)
        {
            // No base, or several (flattened: C# has one base class), or a reference with siblings that change it.
            return;
        }

        if (_context.ResolvePointer(references[0].GetString("$ref")!, references[0]) is YMapping target && !ReferenceEquals(target, schema))
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
        foreach (var (name, schema, target) in _inheriting)
        {
            if (!_converted.TryGetValue(target, out var baseRef) || baseRef is not { Kind: TypeRefKind.Object, TypeName: { } baseName }
                || !index.TryGetValue(baseName, out var b) || !index.TryGetValue(name, out var d) || baseName == name
                || !CanDerive((ObjectTypeModel)_types[d], (ObjectTypeModel)_types[b], baseOf))
            {
                continue;
            }

            baseOf[name] = baseName;
            schemaOf[name] = schema;
            var derived = (ObjectTypeModel)_types[d];
            var baseType = (ObjectTypeModel)_types[b];
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
            if (Nearest(baseOf[name]) is { } named && ValuesNaming(named.Schema, schemaOf[name]) is { Count: > 0 } own
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

        if (baseType.AdditionalProperties == AdditionalPropertiesKind.Keep || (baseType.Deprecated && !derived.Deprecated))
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
