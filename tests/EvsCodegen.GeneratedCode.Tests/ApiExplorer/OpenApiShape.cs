using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace EvsCodegen.GeneratedCode.Tests.ApiExplorer;

/// <summary>
/// What the ApiExplorer test compares of one operation: its parameters (in, name, required, schema type and format, item
/// type of arrays), its request body (required, media types) and its responses (status, media types).
/// </summary>
internal sealed record OperationShape(
    string Key,
    IReadOnlyDictionary<string, ParameterShape> Parameters,
    BodyShape? Body,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Responses);

/// <summary>A parameter as compared: required, the schema's type and format, and an array's item type.</summary>
internal sealed record ParameterShape(bool Required, string? Type, string? Format, string? ItemType);

/// <summary>A request body as compared.</summary>
internal sealed record BodyShape(bool Required, IReadOnlyList<string> MediaTypes);

/// <summary>Reads operations out of an OpenAPI 3.x document (YAML or JSON), resolving local <c>$ref</c>s.</summary>
internal static class OpenApiShape
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>The document's text as a JSON tree (YAML scalars typed as YAML 1.2's core schema types them).</summary>
    public static JsonNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return ToJson(stream.Documents[0].RootNode)!;
    }

    /// <summary>Every operation, keyed <c>METHOD /path</c>, with the paths prefixed by <paramref name="basePath"/>.</summary>
    public static Dictionary<string, OperationShape> Operations(JsonNode document, string basePath = "")
    {
        var operations = new Dictionary<string, OperationShape>(StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
        {
            var pathItem = Resolve(document, item)!.AsObject();
            foreach (var method in s_methods)
            {
                if (pathItem[method] is not JsonObject operation)
                {
                    continue;
                }

                var key = method.ToUpperInvariant() + " " + basePath + path;
                operations[key] = new OperationShape(key, Parameters(document, pathItem, operation), Body(document, operation), Responses(document, operation));
            }
        }

        return operations;
    }

    private static Dictionary<string, ParameterShape> Parameters(JsonNode document, JsonObject pathItem, JsonObject operation)
    {
        var parameters = new Dictionary<string, ParameterShape>(StringComparer.Ordinal);
        foreach (var list in new[] { pathItem["parameters"], operation["parameters"] })
        {
            foreach (var entry in list?.AsArray() ?? [])
            {
                var parameter = Resolve(document, entry)!.AsObject();
                var location = (string)parameter["in"]!;
                var schema = Resolve(document, parameter["schema"]);
                var type = TypeOf(document, schema);
                parameters[location + " " + (string)parameter["name"]!] = new ParameterShape(
                    location == "path" || parameter["required"]?.GetValue<bool>() == true,
                    type,
                    (string?)Resolve(document, schema?["format"]),
                    type == "array" ? TypeOf(document, Resolve(document, schema?["items"])) : null);
            }
        }

        return parameters;
    }

    private static BodyShape? Body(JsonNode document, JsonObject operation) =>
        Resolve(document, operation["requestBody"]) is JsonObject body
            ? new BodyShape(body["required"]?.GetValue<bool>() == true, [.. (body["content"]?.AsObject() ?? []).Select(c => c.Key)])
            : null;

    private static Dictionary<string, IReadOnlyList<string>> Responses(JsonNode document, JsonObject operation)
    {
        var responses = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (status, entry) in operation["responses"]?.AsObject() ?? [])
        {
            var response = Resolve(document, entry)!.AsObject();
            responses[status] = [.. (response["content"]?.AsObject() ?? []).Select(c => c.Key).Order(StringComparer.Ordinal)];
        }

        return responses;
    }

    /// <summary>A schema's type: its <c>type</c> (the non-null one of a 3.1 list), an enum's values' type, else null.</summary>
    private static string? TypeOf(JsonNode document, JsonNode? schema)
    {
        schema = Resolve(document, schema);
        switch (schema?["type"])
        {
            case JsonValue single:
                return (string?)single;
            case JsonArray list:
                return list.Select(t => (string?)t).FirstOrDefault(t => t != "null");
        }

        // 3.1 documents served by ASP.NET Core write a nullable value as oneOf/anyOf [null, schema] in places.
        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema?[keyword] is JsonArray parts && parts.Select(p => TypeOf(document, p)).Where(t => t is not null && t != "null").Distinct().ToList() is [var only])
            {
                return only;
            }
        }

        return schema?["enum"] is JsonArray values && values.Count > 0
            ? values[0] switch
            {
                JsonValue v when v.TryGetValue<string>(out _) => "string",
                JsonValue v when v.TryGetValue<long>(out _) => "integer",
                _ => null,
            }
            : null;
    }

    /// <summary>The node a local <c>$ref</c> names (followed until a node without one), else the node itself.</summary>
    public static JsonNode? Resolve(JsonNode document, JsonNode? node)
    {
        for (var hops = 0; node is JsonObject o && o["$ref"] is JsonValue reference && hops < 32; hops++)
        {
            var pointer = ((string)reference!).TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries);
            node = document;
            foreach (var token in pointer)
            {
                node = node?[token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }
        }

        return node;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" or "~" or "" => null,
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(value),
        };
    }
}
