using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// The schema of a value typed <c>JsonElement</c> as compact JSON, for the runtime's <c>ApiJsonSchema</c> (docs/decisions.md,
/// "Schemas typed JsonElement are validated by their schema"): validation keywords only (annotations, examples and
/// extensions are dropped), every <c>$ref</c> followed once and bundled under <c>$defs</c> (so cycles are references,
/// not copies), numbers as JSON numbers, scalars typed as YAML reads them.
/// </summary>
internal sealed partial class SchemaConverter
{
    private const int MaxBundledSchemas = 256;
    private const int MaxJsonDepth = 48;

    private static readonly Regex s_jsonNumber = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> s_scalarKeywords =
    [
        "type", "nullable", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
        "pattern", "format", "minItems", "maxItems", "uniqueItems", "minContains", "maxContains", "minProperties", "maxProperties",
        "required", "dependentRequired", "enum", "const",
    ];

    private static readonly HashSet<string> s_schemaKeywords = ["not", "additionalProperties", "items", "propertyNames", "contains"];
    private static readonly HashSet<string> s_schemaListKeywords = ["allOf", "anyOf", "oneOf", "prefixItems"];
    private static readonly HashSet<string> s_schemaMapKeywords = ["properties", "patternProperties"];

    /// <summary>The schema as JSON, or null when it allows any value (no validation keyword) or is too large to bundle.</summary>
    private string? SchemaJson(YNode root)
    {
        var bundle = new SchemaBundle(this, root);
        var text = bundle.Write(root, 0);
        if (text is null || text == "{}" || text == "true")
        {
            return null;
        }

        if (bundle.Definitions.Count == 0)
        {
            return text;
        }

        // Definitions are written after the root, and may add more of their own.
        var definitions = new StringBuilder();
        for (var i = 0; i < bundle.Definitions.Count; i++)
        {
            var definition = bundle.Write(bundle.Definitions[i], 0);
            if (definition is null)
            {
                return null;
            }

            definitions.Append(i == 0 ? string.Empty : ",").Append("\"d").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\":").Append(definition);
        }

        return text.StartsWith("{", System.StringComparison.Ordinal)
            ? "{" + (text == "{}" ? string.Empty : text.Substring(1, text.Length - 2) + ",") + "\"$defs\":{" + definitions + "}}"
            : text;
    }

    private sealed class SchemaBundle(SchemaConverter owner, YNode rootNode)
    {
        private readonly Dictionary<YNode, int> _indexes = new(ReferenceEqualityComparer.Instance);

        public List<YNode> Definitions { get; } = [];

        /// <summary>A schema node as JSON; null when the bundle grows past its bounds.</summary>
        public string? Write(YNode node, int depth)
        {
            if (depth > MaxJsonDepth || Definitions.Count > MaxBundledSchemas || !owner._context.Spend(node))
            {
                return null;
            }

            if (node is YScalar scalar)
            {
                return scalar.AsBool() == false ? "false" : "true";
            }

            if (node is not YMapping mapping)
            {
                return "true";
            }

            if (mapping.GetString("$ref") is { } reference)
            {
                var target = owner._context.ResolvePointer(reference, mapping);
                if (target is null)
                {
                    // Reported where the schema was converted; the value is not held to what cannot be found.
                    return "true";
                }

                if (ReferenceEquals(target, rootNode))
                {
                    return "{\"$ref\":\"#\"}";
                }

                if (!_indexes.TryGetValue(target, out var index))
                {
                    index = Definitions.Count;
                    _indexes[target] = index;
                    Definitions.Add(target);
                }

                return "{\"$ref\":\"#/$defs/d" + index.ToString(CultureInfo.InvariantCulture) + "\"}";
            }

            var parts = new List<string>();
            foreach (var entry in mapping.Entries)
            {
                var key = entry.Key.Value;
                string? value;
                if (s_scalarKeywords.Contains(key))
                {
                    value = Data(entry.Value, depth + 1);
                }
                else if (s_schemaKeywords.Contains(key))
                {
                    // Draft 4's tuple form of items is prefixItems.
                    if (key == "items" && entry.Value is YSequence tuple)
                    {
                        key = "prefixItems";
                        value = List(tuple, depth);
                    }
                    else
                    {
                        value = Write(entry.Value, depth + 1);
                    }
                }
                else if (s_schemaListKeywords.Contains(key) && entry.Value is YSequence list)
                {
                    value = List(list, depth, dropEmpty: key == "allOf");
                    if (value == "[]" && key == "allOf")
                    {
                        // Members that allow everything take nothing away.
                        continue;
                    }
                }
                else if (s_schemaMapKeywords.Contains(key) && entry.Value is YMapping map)
                {
                    var members = new List<string>();
                    foreach (var member in map.Entries)
                    {
                        if (Write(member.Value, depth + 1) is not { } schema)
                        {
                            return null;
                        }

                        members.Add(Text(member.Key.Value) + ":" + schema);
                    }

                    value = "{" + string.Join(",", members) + "}";
                }
                else
                {
                    continue;
                }

                if (value is null)
                {
                    return null;
                }

                parts.Add(Text(key) + ":" + value);
            }

            return "{" + string.Join(",", parts) + "}";
        }

        private string? List(YSequence list, int depth, bool dropEmpty = false)
        {
            var items = new List<string>();
            foreach (var item in list.Items)
            {
                if (Write(item, depth + 1) is not { } schema)
                {
                    return null;
                }

                if (dropEmpty && schema is "{}" or "true")
                {
                    continue;
                }

                items.Add(schema);
            }

            return "[" + string.Join(",", items) + "]";
        }

        private static string? Data(YNode node, int depth)
        {
            if (depth > MaxJsonDepth)
            {
                return null;
            }

            switch (node)
            {
                case YScalar { IsNull: true }:
                    return "null";
                case YScalar scalar when scalar.AsBool() is { } flag:
                    return flag ? "true" : "false";
                case YScalar scalar when scalar.IsPlain && s_jsonNumber.IsMatch(scalar.Value):
                    return scalar.Value;
                case YScalar scalar when scalar.IsNumber && double.Parse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture) is var number && !double.IsNaN(number) && !double.IsInfinity(number):
                    return number.ToString("R", CultureInfo.InvariantCulture);
                case YScalar scalar:
                    return Text(scalar.Value);
                case YSequence sequence:
                    var items = sequence.Items.Select(item => Data(item, depth + 1)).ToList();
                    return items.Any(item => item is null) ? null : "[" + string.Join(",", items) + "]";
                case YMapping mapping:
                    var entries = mapping.Entries.Select(entry => Data(entry.Value, depth + 1) is { } value ? Text(entry.Key.Value) + ":" + value : null).ToList();
                    return entries.Any(entry => entry is null) ? null : "{" + string.Join(",", entries) + "}";
                default:
                    return "null";
            }
        }

        // JSON text in ASCII: every other character escaped, so the C# literal holds no control or bidi character.
        private static string Text(string value)
        {
            var builder = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    default:
                        if (c < 0x20 || c > 0x7E)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }
    }

    /// <summary>The type with the schema it came from, when it is <c>JsonElement</c> (see <see cref="TypeRefModel.Schema"/>).</summary>
    private TypeRefModel WithSchema(TypeRefModel type, YNode schema) =>
        type.Kind == TypeRefKind.Any && SchemaJson(schema) is { } json ? type with { Schema = json } : type;
}
