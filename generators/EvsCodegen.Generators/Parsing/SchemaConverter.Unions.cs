using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Unions of any alternatives (docs/decisions.md, "Typed unions of any alternatives"): <c>oneOf</c>/<c>anyOf</c> of
/// objects, scalars, arrays and maps, and <c>type</c> arrays of several types, as one <see cref="UnionTypeModel"/> whose
/// converter tells the alternatives apart by JSON kind first.
/// </summary>
internal sealed partial class SchemaConverter
{
    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> of <paramref name="members"/> (null schemas already removed) as a union type; null with
    /// <paramref name="reason"/> when it cannot be one. An alternative that allows null makes the union nullable instead.
    /// </summary>
    private TypeRefModel? ConvertUnion(YMapping schema, string keyword, List<YNode> members, string? componentName, string nameHint, int depth, bool nullable, out string reason)
    {
        var alternatives = new List<(YNode Node, TypeRefModel Type, ConstraintsModel Constraints)>();
        for (var i = 0; i < members.Count; i++)
        {
            // An alternative that is the union itself adds no value the others do not (the least solution of
            // U = A | B | U is A | B): it is left out rather than typed as JsonElement by the recursion guard.
            if (members[i] is YMapping referencing && referencing.GetString("$ref") is { } self && ReferenceEquals(_context.ResolvePointer(self, referencing), schema))
            {
                continue;
            }

            var type = Convert(members[i], nameHint + "Option" + (i + 1).ToString(CultureInfo.InvariantCulture), depth + 1);
            if (type.Nullable)
            {
                nullable = true;
                type = type with { Nullable = false };
            }

            var constraints = ReadConstraints(members[i]);
            if (!alternatives.Any(a => a.Type == type && a.Constraints == constraints))
            {
                alternatives.Add((members[i], type, constraints));
            }
        }

        return BuildUnion(schema, keyword, alternatives, componentName, nameHint, nullable, out reason);
    }

    private readonly HashSet<YNode> _mergedAlternatives = new(ReferenceEqualityComparer.Instance);

    // Keywords of the schema that describe the union as a whole, not the properties each alternative is merged with.
    private static readonly HashSet<string> s_unionOnlyKeywords = ["oneOf", "anyOf", "discriminator", "nullable", "title", "description", "deprecated", "example", "examples", "default", "externalDocs", "readOnly", "writeOnly", "xml", "additionalProperties"];

    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> beside <c>properties</c> (or <c>allOf</c>) in one schema, which by JSON Schema is
    /// <c>allOf(P, oneOf(A, B))</c> = <c>oneOf(allOf(P, A), allOf(P, B))</c>: a union whose alternatives are records of
    /// P's properties merged with each alternative's (docs/decisions.md, "oneOf beside properties: a union of merged
    /// records"). The discriminator and its mapping name the alternatives as written. Null with <paramref name="reason"/>
    /// when an alternative is not an object.
    /// </summary>
    private TypeRefModel? ConvertUnionBesideProperties(YMapping schema, string keyword, List<YNode> members, string? componentName, string nameHint, int depth, bool nullable, out string reason)
    {
        reason = "an alternative is not an object, so it cannot be merged with the declared properties; the alternatives are ignored";
        var shared = new YMapping(schema.Span, schema.LineSpan);
        foreach (var entry in schema.Entries)
        {
            if (!s_unionOnlyKeywords.Contains(entry.Key.Value))
            {
                shared.TryAdd(entry.Key, entry.Value);
            }
        }

        var resolved = new List<(YNode Member, YMapping Target)>();
        foreach (var member in members)
        {
            var target = member is YMapping referencing && referencing.GetString("$ref") is { } pointer ? _context.ResolvePointer(pointer, referencing) : member;
            if (ReferenceEquals(target, schema))
            {
                // The schema itself as an alternative adds nothing (as in ConvertUnion).
                continue;
            }

            if (target is not YMapping mapping || ReadTypes(mapping).Types is var types && types.Count > 0 && !types.Contains("object")
                || mapping.Get("enum") is not null || mapping.Get("const") is not null || mapping.Get("items") is not null
                || mapping.Get("oneOf") is not null || mapping.Get("anyOf") is not null)
            {
                return null;
            }

            resolved.Add((member, mapping));
        }

        var owner = componentName ?? Identifiers.ToPascalCase(nameHint, "Model");
        var alternatives = new List<(YNode Node, TypeRefModel Type, ConstraintsModel Constraints)>();
        for (var i = 0; i < resolved.Count; i++)
        {
            var (member, target) = resolved[i];
            var allOf = new YSequence(member.Span, member.LineSpan);
            allOf.Add(shared);
            allOf.Add(member);
            var merged = new YMapping(member.Span, member.LineSpan);
            merged.TryAdd(new YScalar("allOf", true, member.Span, member.LineSpan), allOf);

            // 'additionalProperties: false' beside the union, or on the alternative, closes the merged record: keys
            // outside both parts' properties are refused (read against one part alone, it would refuse the other's).
            var closing = schema.GetKey("additionalProperties") is { } key ? (key, schema.Get("additionalProperties")!)
                : target.GetKey("additionalProperties") is { } own && target.Get("additionalProperties") is YScalar flag && flag.AsBool() == false ? (own, flag) : default((YScalar, YNode)?);
            if (closing is { } additional)
            {
                merged.TryAdd(additional.Item1, additional.Item2);
            }

            var label = (member as YMapping)?.GetString("$ref") is { } named ? FragmentPaths.NameHint(named) : "alternative " + (i + 1).ToString(CultureInfo.InvariantCulture);
            merged.TryAdd(new YScalar("description", true, member.Span, member.LineSpan), new YScalar($"The properties of {owner} with those of {label} (one alternative of its '{keyword}').", false, member.Span, member.LineSpan));
            _mergedAlternatives.Add(merged);
            var hint = (member as YMapping)?.GetString("$ref") is { } reference
                ? owner + Identifiers.ToPascalCase(FragmentPaths.NameHint(reference), "Option")
                : owner + "Option" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var type = Convert(merged, hint, depth + 1);

            // A nullable alternative (3.0 'nullable') lets null through when the shared part does not say it is an object.
            nullable |= target.GetBool("nullable") && schema.Get("type") is null;
            alternatives.Add((member, type with { Nullable = false }, ReadConstraints(merged)));
        }

        return BuildUnion(schema, keyword, alternatives, componentName, nameHint, nullable, out reason);
    }

    /// <summary>
    /// A <c>type</c> array of several non-null types (<c>[string, integer]</c>) as a union with one alternative per type,
    /// each the schema read as that type alone; <c>integer</c> beside <c>number</c> is part of it and adds nothing.
    /// </summary>
    private TypeRefModel ConvertTypeArray(YMapping schema, List<string> types, string? componentName, string nameHint, int depth, bool nullable)
    {
        if (types.Contains("number"))
        {
            types.Remove("integer");
        }

        types = types.Distinct().ToList();
        if (types.Count == 1)
        {
            return ConvertSingle(schema, types[0], componentName, nameHint, depth, nullable);
        }

        var constraints = ReadConstraints(schema);
        var alternatives = new List<(YNode Node, TypeRefModel Type, ConstraintsModel Constraints)>();
        foreach (var type in types)
        {
            var converted = ConvertSingle(schema, type, null, nameHint + Identifiers.ToPascalCase(type, "Value"), depth + 1, false);
            alternatives.Add((schema, converted with { Nullable = false }, constraints));
        }

        var union = BuildUnion(schema, "anyOf", alternatives, componentName, nameHint, nullable, out var reason);
        if (union is null)
        {
            _context.Report(Diagnostics.DiagnosticDescriptors.UnsupportedSchema, schema.GetKey("type"), "type: [" + string.Join(", ", types) + "]", reason);
            return new TypeRefModel(TypeRefKind.Any, nullable);
        }

        return union;
    }

    private TypeRefModel? BuildUnion(YMapping schema, string keyword, List<(YNode Node, TypeRefModel Type, ConstraintsModel Constraints)> alternatives, string? componentName, string nameHint, bool nullable, out string reason)
    {
        reason = string.Empty;
        if (alternatives.Count == 0)
        {
            reason = "no alternative other than the schema itself";
            return null;
        }

        if (alternatives.Count == 1)
        {
            return nullable ? alternatives[0].Type.AsNullable() : alternatives[0].Type;
        }

        if (alternatives.All(a => a.Type.Kind == TypeRefKind.Any))
        {
            // No alternative has a type of its own, so any JSON value may match: JsonElement is the exact type, and the
            // value is held to the whole schema on read (TypeRefModel.Schema, attached by Convert).
            return new TypeRefModel(TypeRefKind.Any, nullable);
        }

        var discriminator = schema.GetMapping("discriminator");
        var property = discriminator?.GetString("propertyName");
        var mapping = discriminator?.GetMapping("mapping");
        var name = componentName ?? _typeNames.Claim(Identifiers.ToPascalCase(nameHint, "Model"), TypeModel.ConverterSuffix);
        var memberNames = new NameScope([name, .. ReservedNames.UnionMembers]);
        var union = new List<UnionMemberModel>();
        foreach (var (node, type, constraints) in alternatives)
        {
            var values = new List<string>();
            var reference = (node as YMapping)?.GetString("$ref");
            if (type.Kind == TypeRefKind.Object)
            {
                foreach (var entry in mapping?.Entries ?? [])
                {
                    if (entry.Value is YScalar target && (target.Value == reference || target.Value == type.TypeName || (reference is not null && reference.EndsWith("/" + target.Value, System.StringComparison.Ordinal))))
                    {
                        values.Add(entry.Key.Value);
                    }
                }

                if (values.Count == 0 && reference is not null && property is not null)
                {
                    // Without a mapping entry the value is the schema's name (the last segment of the reference).
                    values.Add(FragmentPaths.NameHint(reference));
                }
            }

            var memberName = memberNames.Claim(MemberName(type));
            union.Add(new UnionMemberModel(memberName, type, values.ToEquatableArray(), KindsOf(type), constraints));
        }

        if (property is not null)
        {
            foreach (var member in union.Where(m => m.DiscriminatorValues.Count > 0 && m.Type.Kind == TypeRefKind.Object))
            {
                ClaimDiscriminator(member.TypeName!, property, member.DiscriminatorValues, schema.Get("discriminator")!, name);
            }
        }

        AddType(new UnionTypeModel(name, Describe(schema), schema.GetBool("deprecated"), keyword, property, union.ToEquatableArray()));
        return new TypeRefModel(TypeRefKind.Object, nullable, name);
    }

    /// <summary>
    /// Whether <paramref name="type"/> is a union with an alternative that is not an object: a parameter or header of
    /// such a type travels as its text (a string), as an untyped value does; a union of objects is not a parameter.
    /// </summary>
    public bool IsValueUnion(TypeRefModel type) =>
        type.Kind == TypeRefKind.Object && _types.OfType<UnionTypeModel>().FirstOrDefault(u => u.Name == type.TypeName) is { } union
        && union.Members.Any(m => m.Type.Kind != TypeRefKind.Object);

    /// <summary>The property name of an alternative: its type's name, or what kind of value it is.</summary>
    private static string MemberName(TypeRefModel type) => type.Kind switch
    {
        TypeRefKind.Object or TypeRefKind.Enum => type.TypeName!.TrimStart('@'),
        TypeRefKind.String => "String",
        TypeRefKind.Boolean => "Boolean",
        TypeRefKind.Int32 or TypeRefKind.Int64 => "Integer",
        TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal => "Number",
        TypeRefKind.DateTime => "DateTime",
        TypeRefKind.Date => "Date",
        TypeRefKind.Guid => "Guid",
        TypeRefKind.Bytes => "Bytes",
        TypeRefKind.Array => MemberName(type.Item!) + "List",
        TypeRefKind.Map => MemberName(type.Item!) + "Map",
        _ => "Json",
    };

    /// <summary>The JSON kinds a value of <paramref name="type"/> can start with (a nested union: those of its alternatives).</summary>
    private JsonKinds KindsOf(TypeRefModel type)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String or TypeRefKind.DateTime or TypeRefKind.Date or TypeRefKind.Guid or TypeRefKind.Bytes:
                return JsonKinds.String;
            case TypeRefKind.Boolean:
                return JsonKinds.Boolean;
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal:
                return JsonKinds.Number;
            case TypeRefKind.Array:
                return JsonKinds.Array;
            case TypeRefKind.Map:
                return JsonKinds.Object;
            case TypeRefKind.Enum:
                return _types.OfType<EnumTypeModel>().FirstOrDefault(e => e.Name == type.TypeName) is { IsInteger: true } ? JsonKinds.Number : JsonKinds.String;
            case TypeRefKind.Object:
                // An object still being converted has no model yet; a union is only added once complete.
                var model = _types.FirstOrDefault(t => t is not null && t.Name == type.TypeName);
                return model is UnionTypeModel nested ? nested.Members.Aggregate(JsonKinds.None, (all, m) => all | m.Kinds) : JsonKinds.Object;
            default:
                return JsonKinds.Any;
        }
    }
}
