using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Comparing;

/// <summary>Schemas: types, properties, enums, nullability and validation keywords, judged by the direction they travel.</summary>
internal sealed partial class ModelComparer
{
    private static string SchemaPointer(string name) => "/components/schemas/" + Escape(name);

    private void MarkUsage(ApiModel model, Dictionary<string, TypeModel> types)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var surface in model.Surfaces)
        {
            foreach (var operation in surface.Operations)
            {
                foreach (var parameter in operation.Parameters)
                {
                    Mark(parameter.Type, Direction.Request, types, visited);
                }

                if (operation.Body is { } body)
                {
                    Mark(body.Type, Direction.Request, types, visited);
                }

                foreach (var response in operation.Responses)
                {
                    Mark(response.Type, Direction.Response, types, visited);
                }
            }
        }
    }

    /// <summary>Records that <paramref name="type"/> and every type it reaches travel in <paramref name="direction"/>.</summary>
    private void Mark(TypeRefModel? type, Direction direction, Dictionary<string, TypeModel> types, HashSet<string> visited)
    {
        for (; type is not null; type = type.Item)
        {
            if (type.TypeName is not { } name || !visited.Add(direction + ":" + name))
            {
                continue;
            }

            _usage[name] = (_usage.TryGetValue(name, out var known) ? known : Direction.None) | direction;
            switch (types.TryGetValue(name, out var model) ? model : null)
            {
                case ObjectTypeModel obj:
                    foreach (var property in obj.Properties)
                    {
                        Mark(property.Type, direction, types, visited);
                    }

                    Mark(obj.AdditionalPropertiesType, direction, types, visited);
                    break;
                case UnionTypeModel union:
                    foreach (var member in union.Members)
                    {
                        Mark(member.Type, direction, types, visited);
                    }

                    break;
            }
        }
    }

    private Direction UsageOf(string oldName, string newName) =>
        (_usage.TryGetValue(oldName, out var a) ? a : Direction.None) | (_usage.TryGetValue(newName, out var b) ? b : Direction.None);

    private static string Describe(TypeRefModel type) => type.Kind switch
    {
        TypeRefKind.Array => "array of " + (type.Item is { } item ? Describe(item) : "any"),
        TypeRefKind.Map => "map of " + (type.Item is { } value ? Describe(value) : "any"),
        TypeRefKind.Object or TypeRefKind.Enum => type.TypeName ?? type.Kind.ToString(),
        _ => Wire(type.Kind) + (type.Format is { } format ? $" ({format})" : string.Empty),
    };

    /// <summary>The OpenAPI type and format a kind stands for, as a reader of the document would write it.</summary>
    private static string Wire(TypeRefKind kind) => kind switch
    {
        TypeRefKind.Int32 => "integer/int32",
        TypeRefKind.Int64 => "integer/int64",
        TypeRefKind.Float => "number/float",
        TypeRefKind.Double => "number/double",
        TypeRefKind.Decimal => "number",
        TypeRefKind.DateTime => "string/date-time",
        TypeRefKind.Date => "string/date",
        TypeRefKind.Guid => "string/uuid",
        TypeRefKind.Bytes => "string/byte",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private void CompareTypeRef(TypeRefModel old, TypeRefModel now, string what, string at, string subject, Direction direction)
    {
        if (old.Kind != now.Kind || !string.Equals(old.Format, now.Format, StringComparison.Ordinal))
        {
            Add(D.TypeChanged.Id, at, subject, what, Describe(old), Describe(now));
            return;
        }

        if ((direction & Direction.Request) != 0 && old.Nullable && !now.Nullable)
        {
            Add(D.NullabilityBroken.Id, at, subject, Capitalize(what), "is no longer nullable", "clients sending null get 400");
        }

        if ((direction & Direction.Response) != 0 && !old.Nullable && now.Nullable)
        {
            Add(D.NullabilityBroken.Id, at, subject, Capitalize(what), "may now be null", "clients that do not expect null break");
        }

        if (old.TypeName is { } oldName && now.TypeName is { } newName)
        {
            if (!string.Equals(oldName, newName, StringComparison.Ordinal))
            {
                if (_newTypes.ContainsKey(oldName) || _oldTypes.ContainsKey(newName))
                {
                    Add(D.TypeChanged.Id, at, subject, what, Describe(old), Describe(now));
                    return;
                }

                if (_comparedTypes.Add("rename:" + oldName))
                {
                    Add(D.SchemaRenamed.Id, SchemaPointer(newName), SchemaPointer(oldName), oldName, newName);
                }
            }

            CompareTypes(oldName, newName, at);
        }

        if (old.Item is { } oldItem && now.Item is { } newItem)
        {
            CompareTypeRef(oldItem, newItem, what + " (items)", at, subject, direction);
        }

        CompareConstraints(old.ItemConstraints, now.ItemConstraints, what + " (items)", at, subject, direction);
    }

    private void CompareTypes(string oldName, string newName, string site)
    {
        if (!_comparedTypes.Add(oldName + "->" + newName) || !_oldTypes.TryGetValue(oldName, out var old) || !_newTypes.TryGetValue(newName, out var now))
        {
            return;
        }

        _sites.Add(site);
        try
        {
            CompareTypes(old, now, newName);
        }
        finally
        {
            _sites.RemoveAt(_sites.Count - 1);
        }
    }

    private void CompareTypes(TypeModel old, TypeModel now, string newName)
    {
        var oldName = old.Name;

        var schema = SchemaPointer(newName);
        if (!old.Deprecated && now.Deprecated)
        {
            Add(D.DeprecationAdded.Id, schema + "/deprecated", schema, $"The schema '{newName}'");
        }

        var direction = UsageOf(oldName, newName);
        switch ((old, now))
        {
            case (ObjectTypeModel a, ObjectTypeModel b):
                CompareObject(a, b, schema, direction);
                break;
            case (EnumTypeModel a, EnumTypeModel b):
                CompareEnum(a, b, schema, direction);
                break;
            case (UnionTypeModel a, UnionTypeModel b):
                CompareUnion(a, b, schema, direction);
                break;
            default:
                if (old.GetType() != now.GetType())
                {
                    Add(D.TypeChanged.Id, schema, schema, $"the schema '{newName}'", Kind(old), Kind(now));
                }

                break;
        }
    }

    private static string Kind(TypeModel type) => type switch
    {
        ObjectTypeModel => "object",
        EnumTypeModel => "enum",
        _ => "union",
    };

    private void CompareObject(ObjectTypeModel old, ObjectTypeModel now, string schema, Direction direction)
    {
        var before = new Dictionary<string, PropertyModel>(StringComparer.Ordinal);
        foreach (var property in old.Properties)
        {
            before[property.JsonName] = property;
        }

        var after = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in now.Properties)
        {
            after.Add(property.JsonName);
            var at = schema + "/properties/" + Escape(property.JsonName);
            var what = $"'{property.JsonName}' of '{now.Name}'";
            if (!before.TryGetValue(property.JsonName, out var previous))
            {
                // A union's discriminator property is fixed by the alternative (the client writes it): a new one is the
                // discriminator's change, reported once by EVS3030 at the union, not as a property every client must send.
                if (RequiredInRequests(property) && property.DiscriminatorValues.Count == 0 && (direction & Direction.Request) != 0)
                {
                    Add(D.NewRequiredRequestProperty.Id, at, at, what);
                }

                continue;
            }

            if (!RequiredInRequests(previous) && RequiredInRequests(property) && (direction & Direction.Request) != 0)
            {
                Add(D.NewRequiredRequestProperty.Id, at, at, what);
            }

            if (!previous.ReadOnly && property.ReadOnly && (direction & Direction.Request) != 0)
            {
                Add(D.RequestPropertyReadOnly.Id, at + "/readOnly", at, what);
            }

            if (!previous.WriteOnly && property.WriteOnly && (direction & Direction.Response) != 0)
            {
                Add(D.ResponsePropertyWriteOnly.Id, at + "/writeOnly", at, what);
            }
            else if (RequiredInResponses(previous) && !RequiredInResponses(property) && (direction & Direction.Response) != 0)
            {
                Add(D.ResponsePropertyOptional.Id, at, at, what);
            }

            CompareDefault(previous.Default, property.Default, "the property " + what, at, at);

            if (!previous.Deprecated && property.Deprecated)
            {
                Add(D.DeprecationAdded.Id, at + "/deprecated", at, "The property " + what);
            }

            CompareTypeRef(previous.Type, property.Type, "the property " + what, at, at, direction);
            CompareConstraints(previous.Constraints, property.Constraints, "the property " + what, at, at, direction);
        }

        foreach (var property in old.Properties)
        {
            if (!after.Contains(property.JsonName))
            {
                var subject = SchemaPointer(old.Name) + "/properties/" + Escape(property.JsonName);
                var what = $"'{property.JsonName}' of '{old.Name}'";
                Add(D.RemovedProperty.Id, schema + "/properties", subject, what);
                if (!property.Deprecated)
                {
                    Add(D.RemovedWithoutDeprecation.Id, schema + "/properties", subject, "The property " + what);
                }
            }
        }
    }

    /// <summary>Whether clients must send the property: listed in <c>required</c> and not read-only.</summary>
    private static bool RequiredInRequests(PropertyModel property) => (property.ListedRequired || property.Required) && !property.ReadOnly;

    /// <summary>Whether responses always carry the property: listed in <c>required</c> and not write-only.</summary>
    private static bool RequiredInResponses(PropertyModel property) => (property.ListedRequired || property.Required) && !property.WriteOnly;

    private void CompareDefault(string? old, string? now, string what, string at, string subject)
    {
        if (!string.Equals(old, now, StringComparison.Ordinal))
        {
            Add(D.DefaultValueChanged.Id, now is null ? at : at + "/default", subject, what, old ?? "none", now ?? "none");
        }
    }

    private void CompareUnion(UnionTypeModel old, UnionTypeModel now, string schema, Direction direction)
    {
        var before = new Dictionary<string, UnionMemberModel>(StringComparer.Ordinal);
        foreach (var member in old.Members)
        {
            before[member.Name] = member;
        }

        var after = new HashSet<string>(StringComparer.Ordinal);
        var keyword = schema + "/" + now.Keyword;
        foreach (var member in now.Members)
        {
            after.Add(member.Name);
            if (!before.TryGetValue(member.Name, out var previous))
            {
                if ((direction & Direction.Response) != 0)
                {
                    Add(D.ResponseUnionAlternativeAdded.Id, keyword, keyword + "/" + Escape(member.Name), member.Name, now.Keyword, now.Name);
                }

                continue;
            }

            if (old.Discriminator is not null && string.Equals(old.Discriminator, now.Discriminator, StringComparison.Ordinal))
            {
                foreach (var value in previous.DiscriminatorValues)
                {
                    if (!Enumerable.Contains(member.DiscriminatorValues, value))
                    {
                        Add(
                            D.DiscriminatorChanged.Id,
                            schema + "/discriminator/mapping",
                            schema + "/discriminator/mapping/" + Escape(value),
                            $"The discriminator value '{value}' of '{member.Name}' in '{now.Name}' is gone (now: {Join(member.DiscriminatorValues, "none")})");
                    }
                }
            }

            if (previous.TypeName is { } oldType && member.TypeName is { } newType)
            {
                CompareTypes(oldType, newType, keyword);
            }
        }

        foreach (var member in old.Members)
        {
            if (!after.Contains(member.Name) && (direction & Direction.Request) != 0)
            {
                Add(D.RequestUnionAlternativeRemoved.Id, keyword, SchemaPointer(old.Name) + "/" + old.Keyword + "/" + Escape(member.Name), member.Name, old.Keyword, now.Name);
            }
        }

        // A discriminator added to a union only responses use costs clients nothing; anywhere else a change of the property breaks.
        if (!string.Equals(old.Discriminator, now.Discriminator, StringComparison.Ordinal) && (old.Discriminator is not null || (direction & Direction.Request) != 0))
        {
            Add(
                D.DiscriminatorChanged.Id,
                now.Discriminator is null ? schema : schema + "/discriminator",
                schema + "/discriminator",
                $"The discriminator property of '{now.Name}' changed from {Quote(old.Discriminator)} to {Quote(now.Discriminator)}");
        }
    }

    private static string Quote(string? text) => text is null ? "none" : "'" + text + "'";

    private static string Join(EquatableArray<string> values, string empty) => values.Count == 0 ? empty : string.Join(", ", values);

    private void CompareEnum(EnumTypeModel old, EnumTypeModel now, string schema, Direction direction)
    {
        var before = new HashSet<string>(StringComparer.Ordinal);
        var after = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in old.Members)
        {
            before.Add(member.Value);
        }

        foreach (var member in now.Members)
        {
            after.Add(member.Value);
            if (!before.Contains(member.Value) && (direction & Direction.Response) != 0)
            {
                Add(D.ResponseEnumValueAdded.Id, schema + "/enum", schema + "/enum/" + Escape(member.Value), member.Value, $"'{now.Name}'");
            }
        }

        foreach (var member in old.Members)
        {
            if (!after.Contains(member.Value) && (direction & Direction.Request) != 0)
            {
                Add(D.RequestEnumValueRemoved.Id, schema + "/enum", SchemaPointer(old.Name) + "/enum/" + Escape(member.Value), member.Value, $"'{now.Name}'");
            }
        }
    }

    private void CompareConstraints(ConstraintsModel? old, ConstraintsModel? now, string what, string at, string subject, Direction direction)
    {
        old ??= ConstraintsModel.None;
        now ??= ConstraintsModel.None;
        Bound("minLength", Text(old.MinLength), Text(now.MinLength), lowerIsLooser: true);
        Bound("maxLength", Text(old.MaxLength), Text(now.MaxLength), lowerIsLooser: false);
        Bound("x-max-bytes", Text(old.MaxBytes), Text(now.MaxBytes), lowerIsLooser: false);
        Bound("minimum", old.Minimum, now.Minimum, lowerIsLooser: true);
        Bound("maximum", old.Maximum, now.Maximum, lowerIsLooser: false);
        Bound("minItems", Text(old.MinItems), Text(now.MinItems), lowerIsLooser: true);
        Bound("maxItems", Text(old.MaxItems), Text(now.MaxItems), lowerIsLooser: false);
        if (!string.Equals(old.Pattern, now.Pattern, StringComparison.Ordinal))
        {
            // A different pattern may refuse what the old one allowed and allow what it refused.
            Report("pattern", old.Pattern, now.Pattern, tighter: now.Pattern is not null, looser: old.Pattern is not null);
        }

        if (old.AllowedNumbers.Count > 0 || now.AllowedNumbers.Count > 0)
        {
            // The enum of a number schema: a value is allowed by an absent list, so only lists on both sides lose or gain values.
            foreach (var value in now.AllowedNumbers)
            {
                if (old.AllowedNumbers.Count > 0 && !ContainsNumber(old.AllowedNumbers, value) && (direction & Direction.Response) != 0)
                {
                    Add(D.ResponseEnumValueAdded.Id, at, subject, value, what);
                }
            }

            foreach (var value in old.AllowedNumbers)
            {
                if (now.AllowedNumbers.Count > 0 && !ContainsNumber(now.AllowedNumbers, value) && (direction & Direction.Request) != 0)
                {
                    Add(D.RequestEnumValueRemoved.Id, at, subject, value, what);
                }
            }

            if (old.AllowedNumbers.Count == 0 && (direction & Direction.Request) != 0)
            {
                Add(D.RequestConstraintTightened.Id, at, subject, "enum", what, "none", Join(now.AllowedNumbers, "none"));
            }

            if (now.AllowedNumbers.Count == 0 && (direction & Direction.Response) != 0)
            {
                Add(D.ResponseConstraintLoosened.Id, at, subject, "enum", what, Join(old.AllowedNumbers, "none"), "none");
            }
        }

        void Bound(string keyword, string? before, string? after, bool lowerIsLooser)
        {
            if (string.Equals(before, after, StringComparison.Ordinal))
            {
                return;
            }

            var order = before is null ? (lowerIsLooser ? -1 : 1) : after is null ? (lowerIsLooser ? 1 : -1) : Math.Sign(Number(after).CompareTo(Number(before)));
            var looser = lowerIsLooser ? order < 0 : order > 0;
            Report(keyword, before, after, tighter: order != 0 && !looser, looser: order != 0 && looser);
        }

        void Report(string keyword, string? before, string? after, bool tighter, bool looser)
        {
            if (tighter && (direction & Direction.Request) != 0)
            {
                Add(D.RequestConstraintTightened.Id, at, subject, keyword, what, before ?? "none", after ?? "none");
            }

            if (looser && (direction & Direction.Response) != 0)
            {
                Add(D.ResponseConstraintLoosened.Id, at, subject, keyword, what, before ?? "none", after ?? "none");
            }
        }
    }

    private static bool ContainsNumber(EquatableArray<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (candidate == value || Number(candidate) == Number(value))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0m;

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
