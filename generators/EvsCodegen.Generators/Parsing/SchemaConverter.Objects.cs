using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

internal sealed partial class SchemaConverter
{
    private TypeRefModel? ConvertComposition(YMapping schema, string? componentName, string nameHint, int depth, bool nullable)
    {
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.GetSequence(keyword) is not { } alternatives)
            {
                continue;
            }

            var members = alternatives.Items.Where(item => !IsNullSchema(item)).ToList();
            nullable |= members.Count != alternatives.Items.Count;
            if (members.Count == 0 && alternatives.Items.Count > 0)
            {
                // Every alternative allows only null: so does the value.
                return new TypeRefModel(TypeRefKind.Any, Nullable: true);
            }

            var hasShape = schema.Get("properties") is not null || schema.Get("allOf") is not null;
            if (members.Count == 1 && hasShape)
            {
                // allOf(P, oneOf(A)) is allOf(P, A): the one alternative is merged into the record like an allOf part (Collect).
                continue;
            }

            if (members.Count == 1)
            {
                return Convert(members[0], nameHint, depth + 1) is var single && nullable ? single.AsNullable() : single;
            }

            var reason = "the alternatives are ignored; the declared properties are generated";
            if (!hasShape && ConvertUnion(schema, keyword, members, componentName, nameHint, depth, nullable, out reason) is { } union)
            {
                return union;
            }

            if (hasShape && ConvertUnionBesideProperties(schema, keyword, members, componentName, nameHint, depth, nullable, out reason) is { } merged)
            {
                return merged;
            }

            _context.Report(D.UnsupportedSchema, schema.GetKey(keyword), keyword, reason);
            if (!hasShape)
            {
                return new TypeRefModel(TypeRefKind.Any, nullable);
            }
        }

        if (schema.GetSequence("allOf") is { } parts && schema.Get("properties") is null)
        {
            // Empty members allow every value, so they are neutral: {allOf: [{}, {type: number}]} is a number.
            var members = parts.Items.Where(item => _context.Spend(item) && !IsNullSchema(item) && !IsEmptySchema(item)).ToList();
            // A component that only refers to a discriminated base is a subtype the discriminator names (by its component
            // name or a mapping entry), so it is a record of its own; otherwise it is the referenced schema's type.
            if (members.Count == 1 && schema.Get("additionalProperties") is null && schema.Get("required") is null
                && !(componentName is not null && ExtendsDiscriminatedBase(members[0], 0)))
            {
                var single = Convert(members[0], componentName ?? nameHint, depth + 1);
                return nullable ? single.AsNullable() : single;
            }
        }

        if (schema.GetKey("discriminator") is { } discriminator && schema.Get("properties") is null && schema.Get("allOf") is null && !IsDerivedBase(schema))
        {
            // An object schema's discriminator is checked once its derived records are known (ResolveBases).
            _context.Report(D.UnsupportedSchema, discriminator, "discriminator", "polymorphism is not generated; the base schema's properties are");
        }

        return null;
    }

    /// <summary>
    /// Whether an alternative allows only null: <c>type: 'null'</c> (with nothing but annotations beside it),
    /// <c>const: null</c> or <c>enum: [null]</c>. Such an alternative makes the value nullable; it is no alternative of its own.
    /// </summary>
    private static bool IsNullSchema(YNode node)
    {
        if (node is not YMapping mapping)
        {
            return false;
        }

        var onlyNull = mapping.Get("type") is YScalar { Value: "null" }
            || mapping.Get("const") is YScalar { IsNull: true }
            || (mapping.GetSequence("enum") is { Items.Count: > 0 } values && values.Items.All(v => v is YScalar { IsNull: true }));
        return onlyNull && mapping.Entries.All(e => e.Key.Value is "type" or "const" or "enum" or "nullable" or "description" or "title" or "deprecated" or "example" or "examples" or "default"
            || e.Key.Value.StartsWith("x-", System.StringComparison.Ordinal));
    }

    /// <summary>
    /// A schema that allows every value: <c>true</c>, or a mapping of annotations only (<c>{}</c>, a description, an
    /// example). Inside an <c>allOf</c> it takes nothing away, so it does not shape the type.
    /// </summary>
    private static bool IsEmptySchema(YNode node) => node switch
    {
        YScalar scalar => scalar.AsBool() == true,
        YMapping mapping => mapping.Entries.All(e => e.Key.Value is "description" or "title" or "example" or "examples" or "default" or "deprecated"
            or "$comment" or "externalDocs" or "xml" or "readOnly" or "writeOnly" or "$id" or "$schema"
            || e.Key.Value.StartsWith("x-", System.StringComparison.Ordinal)),
        _ => false,
    };

    private TypeRefModel ConvertObject(YMapping schema, string? componentName, string nameHint, int depth, bool nullable)
    {
        var additional = schema.Get("additionalProperties");
        if (schema.Get("properties") is null && schema.Get("allOf") is null && (additional is not YScalar scalar || scalar.AsBool() != false)
            && !(additional is null && schema.Get("discriminator") is not null && IsDerivedBase(schema)))
        {
            var valueType = additional is YMapping ? Convert(additional, nameHint + "Value", depth + 1) : TypeRefModel.AnyValue;
            return new TypeRefModel(TypeRefKind.Map, nullable, Item: valueType, ItemConstraints: ReadConstraints(additional));
        }

        var name = componentName ?? _typeNames.Claim(Identifiers.ToPascalCase(nameHint, "Model"), TypeModel.ConverterSuffix);
        var reference = new TypeRefModel(TypeRefKind.Object, nullable, name);
        _converted[schema] = reference;
        var slot = AddType(null!);
        NoteInheritance(schema, name);

        var collected = new List<(string Key, YNode Schema, YScalar KeyNode)>();
        var required = new HashSet<string>();
        var parts = new List<YMapping>();
        Collect(schema, collected, required, parts);
        CheckRequired(schema, parts, collected);

        var memberNames = new NameScope([name, .. ReservedNames.RecordMembers]);
        var properties = new List<PropertyModel>();
        var seen = new HashSet<string>();
        // allOf members come first and the schema's own properties last; a key keeps its first position and its last schema.
        var lastIndex = collected.Select((entry, index) => (entry.Key, index)).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Max(e => e.index));
        for (var i = 0; i < collected.Count; i++)
        {
            var key = collected[i].Item1;
            if (!seen.Add(key))
            {
                continue;
            }

            var winner = collected[lastIndex[key]].Schema;
            var propertyName = memberNames.Claim(Identifiers.ToPascalCase(key));
            var type = Convert(winner, name + propertyName, depth + 1);
            var winnerMapping = winner as YMapping;
            var readOnlyOrWriteOnly = winnerMapping is not null && (winnerMapping.GetBool("readOnly") || winnerMapping.GetBool("writeOnly"));
            properties.Add(new PropertyModel(
                key,
                propertyName,
                type,
                required.Contains(key) && !readOnlyOrWriteOnly,
                Describe(winnerMapping) ?? Describe(winnerMapping?.GetString("$ref") is { } target ? _context.ResolvePointer(target, winnerMapping) as YMapping : null),
                winnerMapping?.GetBool("deprecated") == true,
                ReadConstraints(winner),
                ReadOnly: winnerMapping?.GetBool("readOnly") == true,
                WriteOnly: winnerMapping?.GetBool("writeOnly") == true,
                ListedRequired: required.Contains(key),
                Default: ReadDefault(winner)));
            NotePropertyXml(name, key, winner);
        }

        var kind = AdditionalPropertiesKind.Ignore;
        TypeRefModel? additionalType = null;
        if (additional is YScalar flag && flag.AsBool() == false)
        {
            kind = AdditionalPropertiesKind.Forbid;
        }
        else if (additional is YMapping additionalSchema && additionalSchema.Count > 0)
        {
            kind = AdditionalPropertiesKind.Keep;
            additionalType = Convert(additionalSchema, name + "Value", depth + 1);
        }

        _types[slot] = new ObjectTypeModel(
            name,
            Describe(schema),
            schema.GetBool("deprecated"),
            properties.ToEquatableArray(),
            kind,
            additionalType,
            schema.GetInt("minProperties"),
            schema.GetInt("maxProperties"));
        NoteObjectXml(name, schema);
        return reference;
    }

    private static readonly string[] s_unionKeywords = ["oneOf", "anyOf"];

    /// <summary>Collects an <c>allOf</c> part (a <c>$ref</c> followed, its target converted later when filtered).</summary>
    private void CollectPart(YNode part, List<(string, YNode, YScalar)> properties, HashSet<string> required, List<YMapping> parts)
    {
        var target = part is YMapping partMapping && partMapping.GetString("$ref") is { } reference ? _context.ResolvePointer(reference, partMapping) : part;
        if (target is YMapping targetMapping)
        {
            if (part is YMapping { } referencing && referencing.GetString("$ref") is { } partReference)
            {
                Defer(target, partReference);
            }

            Collect(targetMapping, properties, required, parts);
        }
        else if (part is YMapping { } unresolved && unresolved.GetString("$ref") is { } broken)
        {
            _context.ReportUnresolved(unresolved.Get("$ref"), broken, unresolved);
        }
    }

    /// <summary>Collects the properties and required keys of <paramref name="schema"/> and its <c>allOf</c> parts, which land in <paramref name="parts"/>.</summary>
    private void Collect(YMapping schema, List<(string, YNode, YScalar)> properties, HashSet<string> required, List<YMapping> parts)
    {
        if (parts.Contains(schema) || !_context.Spend(schema))
        {
            return;
        }

        parts.Add(schema);

        foreach (var part in schema.GetSequence("allOf")?.Items ?? [])
        {
            CollectPart(part, properties, required, parts);
        }

        // A oneOf/anyOf of one (non-null) alternative beside properties is one more allOf part.
        var single = s_unionKeywords.Select(k => schema.GetSequence(k)?.Items.Where(item => !IsNullSchema(item)).ToList())
            .FirstOrDefault(items => items is { Count: 1 });
        if (single is not null && (schema.Get("properties") is not null || schema.Get("allOf") is not null))
        {
            CollectPart(single[0], properties, required, parts);
        }

        if (schema.GetMapping("properties") is { } declared)
        {
            foreach (var entry in declared.Entries)
            {
                properties.Add((entry.Key.Value, entry.Value, entry.Key));
            }
        }

        if (schema.GetSequence("required") is { } names)
        {
            foreach (var item in names.Items.OfType<YScalar>())
            {
                required.Add(item.Value);
            }
        }
    }

    /// <summary>
    /// Reports each <c>required</c> key that no object can hold: declared by no property of the merged schema, while a
    /// schema every instance must match (the schema itself or an <c>allOf</c> part) closes its properties. Keys that
    /// may arrive as additional properties are valid JSON Schema and pass.
    /// </summary>
    private void CheckRequired(YMapping schema, List<YMapping> parts, List<(string Key, YNode Schema, YScalar KeyNode)> collected)
    {
        foreach (var part in parts)
        {
            foreach (var item in part.GetSequence("required")?.Items.OfType<YScalar>() ?? [])
            {
                if (collected.Any(p => p.Key == item.Value) || Closing(schema, parts, item.Value) is not { } closing)
                {
                    continue;
                }

                _context.Report(D.UnsatisfiableRequired, item, item.Value, closing);
            }
        }
    }

    /// <summary>The keyword that forbids <paramref name="key"/> on every instance, as text with its line; null when none does.</summary>
    private static string? Closing(YMapping schema, List<YMapping> parts, string key)
    {
        foreach (var part in parts)
        {
            if (part.Get("additionalProperties") is YScalar flag && flag.AsBool() == false && part.Get("patternProperties") is null
                && part.GetMapping("properties")?.Get(key) is null)
            {
                return $"'additionalProperties: false' (line {flag.LineSpan.Start.Line + 1})";
            }
        }

        // unevaluatedProperties (3.1) sees the properties of every part; it forbids the key only when nothing else may hold it.
        if (schema.Get("unevaluatedProperties") is YScalar unevaluated && unevaluated.AsBool() == false
            && parts.All(p => p.Get("patternProperties") is null && p.Get("additionalProperties") is not YMapping))
        {
            return $"'unevaluatedProperties: false' (line {unevaluated.LineSpan.Start.Line + 1})";
        }

        return null;
    }

    private TypeRefModel ConvertEnum(YMapping schema, IReadOnlyList<YNode> values, YScalar keyword, List<string> types, bool nullable, string? componentName, string nameHint)
    {
        var scalars = new List<YScalar>();
        foreach (var item in values)
        {
            if (item is not YScalar scalar)
            {
                _context.Report(D.UnsupportedSchema, item, keyword.Value, $"a non-scalar {keyword.Value} value is typed as JsonElement");
                return new TypeRefModel(TypeRefKind.Any, nullable);
            }

            if (scalar.IsNull)
            {
                nullable = true;
            }
            else
            {
                scalars.Add(scalar);
            }
        }

        var declared = types.Count == 1 ? types[0] : null;

        // Without a type, values of one JSON type give it: booleans a bool, numbers other than integers a number (their
        // values enforced by ReadConstraints' AllowedBoolean and AllowedNumbers).
        if (declared is null && scalars.Count > 0 && scalars.All(s => s.AsBool() is not null))
        {
            declared = "boolean";
        }
        else if (declared is null && scalars.Count > 0 && scalars.All(s => s.IsNumber) && !scalars.All(s => s.IsInteger))
        {
            declared = "number";
        }
        var isInteger = declared == "integer" || (declared is null && scalars.Count > 0 && scalars.All(s => s.IsInteger));
        if (declared is "number" or "boolean" || (isInteger && !scalars.All(s => s.IsInteger)) || (declared is not null and not "string" and not "integer"))
        {
            var what = keyword.Value == "const" ? "a value" : "an enum";
            if (declared == "boolean" && scalars.All(v => v.AsBool() is not null))
            {
                // Both values listed is no constraint at all; one is enforced (ConstraintsModel.AllowedBoolean).
            }
            else if (declared != "number" || !scalars.All(v => v.IsNumber))
            {
                // A number enum is typed as the number and its values are enforced (ConstraintsModel.AllowedNumbers): nothing to report.
                _context.Report(D.UnsupportedSchema, keyword, keyword.Value, $"{what} of {declared ?? "mixed"} values is typed by its base type; not enforced");
            }

            var fallback = declared switch { "number" => TypeRefKind.Double, "boolean" => TypeRefKind.Boolean, "integer" => TypeRefKind.Int64, "string" => TypeRefKind.String, _ => TypeRefKind.Any };
            return new TypeRefModel(fallback, nullable);
        }

        if (scalars.Count == 0)
        {
            return new TypeRefModel(isInteger ? TypeRefKind.Int64 : TypeRefKind.String, nullable);
        }

        var name = componentName ?? _typeNames.Claim(Identifiers.ToPascalCase(nameHint, "Enum"), TypeModel.ConverterSuffix);
        var memberNames = new NameScope([name, .. ReservedNames.EnumMembers]);
        var members = new List<EnumMemberModel>();
        var seenValues = new HashSet<string>();
        foreach (var scalar in scalars)
        {
            var value = isInteger ? long.Parse(scalar.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : scalar.Value;
            if (!seenValues.Add(value))
            {
                continue;
            }

            var memberName = isInteger
                ? "Value" + value.Replace("-", "Minus")
                : Identifiers.ToPascalCase(value, "Empty");
            members.Add(new EnumMemberModel(memberNames.Claim(memberName), value));
        }

        AddType(new EnumTypeModel(name, Describe(schema), schema.GetBool("deprecated"), isInteger, members.ToEquatableArray()));
        return new TypeRefModel(TypeRefKind.Enum, nullable, name);
    }

    private static string? Describe(YMapping? schema) =>
        schema?.GetString("description") ?? schema?.GetString("title");
}
