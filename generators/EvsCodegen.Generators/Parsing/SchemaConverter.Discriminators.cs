using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// The discriminator of a union fixed on its alternatives (docs/decisions.md, "Discriminators checked on read, set
/// from the alternative on write"): each alternative's discriminator property becomes a constant of the value that
/// names it, which its converter writes and checks on read.
/// </summary>
internal sealed partial class SchemaConverter
{
    private readonly Dictionary<string, DiscriminatorClaim> _claims = new(System.StringComparer.Ordinal);

    /// <summary>Records that <paramref name="typeName"/> is named by <paramref name="values"/> of the discriminator <paramref name="property"/>.</summary>
    private void ClaimDiscriminator(string typeName, string property, EquatableArray<string> values, YNode at, string union)
    {
        if (_claims.TryGetValue(typeName, out var claim))
        {
            if (claim.Property != property || claim.Values[0] != values[0])
            {
                _context.Report(D.DiscriminatorNotFixed, at, property, typeName, $"{union} names it '{values[0]}' but {claim.Union} names it '{claim.Values[0]}' (by '{claim.Property}'); it keeps the first, so {union} writes a value its reader does not expect");
            }

            return;
        }

        _claims[typeName] = new DiscriminatorClaim(property, values, at, union);
    }

    /// <summary>Turns the claimed discriminator properties into constants, once every type is complete.</summary>
    public void FixDiscriminators()
    {
        foreach (var pair in _claims)
        {
            var index = _types.FindIndex(t => t is ObjectTypeModel o && o.Name == pair.Key);
            if (index < 0)
            {
                continue;
            }

            var type = (ObjectTypeModel)_types[index];
            var claim = pair.Value;
            var properties = type.Properties.ToList();
            var at = properties.FindIndex(p => p.JsonName == claim.Property);
            if (at < 0)
            {
                // The discriminator must be in every payload: an alternative that does not declare it gets it.
                var names = new NameScope([type.Name, .. ReservedNames.RecordMembers, .. properties.Select(p => p.Name)]);
                properties.Insert(0, new PropertyModel(claim.Property, names.Claim(Identifiers.ToPascalCase(claim.Property)), new TypeRefModel(TypeRefKind.String), true, null, false, ConstraintsModel.None, claim.Values));
            }
            else if (properties[at].Type is { Kind: TypeRefKind.String, Nullable: false })
            {
                properties[at] = properties[at] with { Required = true, DiscriminatorValues = claim.Values };
            }
            else if (properties[at] is { Required: true, Type.Nullable: false } enumProperty && IsStringEnum(enumProperty.Type)
                && _types.OfType<EnumTypeModel>().First(e => e.Name == enumProperty.Type.TypeName).Members.Any(m => m.Value == claim.Values[0]))
            {
                // A string enum (a type of its own, shared with other schemas) stays the property's type; the record is
                // fixed like a derived one: it writes its value and refuses another, compared by the wire text.
                _types[index] = type with { InheritedDiscriminator = claim.Property, DiscriminatorValues = claim.Values };
                continue;
            }
            else
            {
                _context.Report(D.DiscriminatorNotFixed, claim.At, claim.Property, type.Name, $"the property is not a non-null string ({properties[at].Type.Kind}); its value is neither set nor checked by {type.Name}");
                continue;
            }

            _types[index] = type with { Properties = properties.ToEquatableArray() };
        }
    }

    private sealed record DiscriminatorClaim(string Property, EquatableArray<string> Values, YNode At, string Union);
}
