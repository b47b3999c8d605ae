using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>
/// Invalid union values: a value of a JSON kind no alternative takes, and for <c>oneOf</c> a value two alternatives
/// both match (a scalar two alternatives match by JSON Schema, an untyped one included; the valid object alternative
/// with the required keys of another object alternative added, where neither forbids other keys and no discriminator decides).
/// </summary>
internal sealed partial class InvalidRequests
{
    private UnionTypeModel? UnionOf(TypeRefModel type) =>
        type.Kind == TypeRefKind.Object ? session.Model.Types.FirstOrDefault(t => t.Name == type.TypeName) as UnionTypeModel : null;

    private IEnumerable<(string What, JsonNode Value)> UnionMutations(TypeRefModel type, JsonNode? valid)
    {
        if (UnionOf(type) is not { } union)
        {
            yield break;
        }

        var kinds = union.Members.Aggregate(JsonKinds.None, (all, m) => all | m.Kinds);
        var wrong = new (JsonKinds Kind, string Json)[] { (JsonKinds.String, "\"zz\""), (JsonKinds.Number, "12345"), (JsonKinds.Boolean, "true"), (JsonKinds.Array, "[]"), (JsonKinds.Object, "{}") }
            .FirstOrDefault(k => (kinds & k.Kind) == 0);
        if (wrong.Json is not null)
        {
            yield return ($"of a kind no alternative of {union.Name} takes", JsonNode.Parse(wrong.Json)!);
        }

        if (!union.ExactlyOne)
        {
            yield break;
        }

        if (Overlapping(union) is { } overlap)
        {
            yield return ($"matched by two oneOf alternatives of {union.Name} ({overlap.What})", overlap.Value);
        }

        if (union.Discriminator is null && valid is JsonObject present && Merged(union, present) is { } merged)
        {
            yield return ($"read by two oneOf alternatives of {union.Name} ({merged.What})", merged.Value);
        }
    }

    // Scalars and small shapes tried for a value two alternatives match.
    private static readonly string[] s_overlapCandidates = ["1", "5", "2", "42", "-1", "0", "1.5", "2.5", "\"zz\"", "\"a\"", "\"2020-01-02\"", "true", "false", "[]", "[1]", "{}"];

    /// <summary>
    /// A value at least two alternatives of the <c>oneOf</c> match by JSON Schema (<see cref="UnionChecks.Matching"/>,
    /// independent of the generated converter): an integer where an integer and a number alternative are, a number where
    /// a number and an untyped alternative (<c>{}</c>, <c>{minimum: 2}</c>) are; null when no candidate is one.
    /// </summary>
    private (string What, JsonNode Value)? Overlapping(UnionTypeModel union)
    {
        var types = session.Model.Types.GroupBy(t => t.Name, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), System.StringComparer.Ordinal);
        foreach (var candidate in s_overlapCandidates)
        {
            using var document = System.Text.Json.JsonDocument.Parse(candidate);
            if (UnionChecks.Matching(union, document.RootElement, types) is { Count: >= 2 } matching)
            {
                return (string.Join(" and ", matching), JsonNode.Parse(candidate)!);
            }
        }

        return null;
    }

    /// <summary>The valid object with the required keys of another object alternative added, when both then read it.</summary>
    private (string What, JsonNode Value)? Merged(UnionTypeModel union, JsonObject present)
    {
        var objects = union.Members
            .Select(m => session.Model.Types.FirstOrDefault(t => t.Name == m.TypeName) as ObjectTypeModel)
            .OfType<ObjectTypeModel>()
            .ToList();

        // The alternative the valid value is: the one whose required keys it has and whose declared keys hold all of its.
        var reading = objects.FirstOrDefault(o => o.Properties.Where(p => p.Required).All(p => present.ContainsKey(p.JsonName)));
        if (reading is null || reading.AdditionalProperties == AdditionalPropertiesKind.Forbid)
        {
            return null;
        }

        foreach (var other in objects.Where(o => o != reading && o.AdditionalProperties != AdditionalPropertiesKind.Forbid))
        {
            // The other alternative must not declare a key the value holds (it would read it as its own type), and each of
            // its required keys must take a plain sample.
            if (present.Any(pair => other.Properties.Any(p => p.JsonName == pair.Key)))
            {
                continue;
            }

            var added = new JsonObject();
            foreach (var property in other.Properties.Where(p => p.Required))
            {
                if (Plain(property) is not { } sample || reading.Properties.Any(p => p.JsonName == property.JsonName))
                {
                    added = null;
                    break;
                }

                added[property.JsonName] = sample;
            }

            if (added is null || added.Count == 0)
            {
                continue;
            }

            var merged = (JsonObject)present.DeepClone();
            foreach (var pair in added)
            {
                merged[pair.Key] = pair.Value!.DeepClone();
            }

            return ($"{reading.Name} and {other.Name}", merged);
        }

        return null;
    }

    /// <summary>A value of an unconstrained scalar property; null for anything else.</summary>
    private static JsonNode? Plain(PropertyModel property) => property.Constraints != ConstraintsModel.None || property.DiscriminatorValues.Count > 0 ? null : property.Type.Kind switch
    {
        TypeRefKind.String => JsonValue.Create("zz"),
        TypeRefKind.Int32 or TypeRefKind.Int64 => JsonValue.Create(1),
        TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal => JsonValue.Create(1.5),
        TypeRefKind.Boolean => JsonValue.Create(true),
        _ => null,
    };
}
