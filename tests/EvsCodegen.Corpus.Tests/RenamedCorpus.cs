using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace EvsCodegen.Corpus.Tests;

/// <summary>
/// A corpus document with every name the document chooses (schemas, properties, operationIds, query, header and
/// cookie parameters, tags, enum values) replaced, in turn, by names that collide with what the generated code
/// declares or uses: framework namespaces and types, runtime types, converter and DI suffixes, fixed members,
/// locals and parameters of the generated methods, contextual keywords.
/// </summary>
internal static class RenamedCorpus
{
    public static readonly string[] Names =
    [
        "System", "Task", "String", "Object", "ApiException", "Guid", "JsonElement", "Corpus", "Global", "Microsoft",
        "HttpContext", "List", "Dictionary", "Nullable", "Type", "DateOnly", "Uri", "Math", "Linq", "IReadOnlyList",
        "Action", "Func", "Exception", "Attribute", "Obsolete", "GeneratedCode", "JsonConverter", "ControllerBase",
        "HttpClient", "CancellationToken", "ValueTask", "Int32", "var", "dynamic", "nameof", "async", "await",
        "record", "value", "get", "set", "init", "field", "global", "partial", "where", "when", "Encoding", "Text",
        "Json", "Collections", "Generic", "Threading", "Tasks", "Net", "Http", "AspNetCore", "Mvc", "Extensions",
        "DependencyInjection", "Options", "Enumerable", "StringComparer", "Array", "Span", "Utf8JsonReader",
        "Utf8JsonWriter", "JsonTokenType", "reader", "writer", "context", "options", "http", "payload", "result",
        "key", "count", "extra", "p0", "has0", "s_name0", "state", "index", "s_keys", "s_rule0", "ApiJsonKeys", "ApiJsonRule", "ApiJsonItems", "ApiJsonValue", "Read", "Write", "ReadValue", "WriteValue", "Instance",
        "GetTypeInfo", "Apply", "_httpClient", "_options", "_api", "Value", "IsKnown", "KnownValues", "Equals",
        "EqualityContract", "AdditionalProperties", "ServiceCollectionExtensions", "ApiClient", "ApiController",
    ];

    /// <summary>The document at <paramref name="path"/>, renamed, as JSON.</summary>
    public static string Rename(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var next = 0;
        string NextName() => Names[next++ % Names.Length];

        var schemaNames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(root, "components") is YamlMappingNode components && Child(components, "schemas") is YamlMappingNode schemas)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in schemas.Children.Keys.OfType<YamlScalarNode>())
            {
                var name = NextName();
                while (!used.Add(name))
                {
                    name += "X";
                }

                schemaNames[key.Value!] = name;
            }
        }

        return Convert(root, null, null, schemaNames, NextName)!.ToJsonString();
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static JsonNode? Convert(YamlNode node, string? key, string? parentKey, Dictionary<string, string> schemaNames, Func<string> nextName)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var result = new JsonObject();
                foreach (var (k, v) in mapping.Children)
                {
                    var name = ((YamlScalarNode)k).Value ?? string.Empty;
                    var renamed = key switch
                    {
                        "properties" => Unique(result, nextName()),
                        "schemas" when parentKey == "components" => schemaNames[name],
                        _ => name,
                    };
                    var value = Convert(v, name, key, schemaNames, nextName);
                    value = (name, value) switch
                    {
                        ("$ref", JsonValue reference) when reference.ToString().StartsWith("#/components/schemas/", StringComparison.Ordinal)
                            && schemaNames.TryGetValue(reference.ToString().Substring(21), out var target) => "#/components/schemas/" + target,
                        ("operationId", JsonValue) => nextName(),
                        ("name", JsonValue) when Child(mapping, "in") is YamlScalarNode { Value: "query" or "header" or "cookie" } => nextName(),
                        ("tags", JsonArray) when key is "get" or "put" or "post" or "delete" or "patch" => new JsonArray(nextName()),
                        ("enum", JsonArray values) => new JsonArray([.. values.Select(x => x is JsonValue v2 && v2.TryGetValue<string>(out _) ? JsonValue.Create(nextName()) : x?.DeepClone())]),
                        ("required", JsonArray) => new JsonArray(),
                        _ => value,
                    };
                    result[renamed] = value;
                }

                return result;
            case YamlSequenceNode sequence:
                return new JsonArray([.. sequence.Children.Select(item => Convert(item, key, parentKey, schemaNames, nextName))]);
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static string Unique(JsonObject siblings, string name)
    {
        while (siblings.ContainsKey(name))
        {
            name += "X";
        }

        return name;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "null" or "~" or "")
        {
            return null;
        }

        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "true");
        }

        return long.TryParse(text, out var integer) ? JsonValue.Create(integer)
            : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? JsonValue.Create(number)
            : JsonValue.Create(text);
    }
}
