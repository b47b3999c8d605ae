using System;
using System.Collections.Generic;
using System.Linq;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

internal sealed partial class Swagger2Reader
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "options", "head", "patch"];

    // The keywords a 2.0 parameter, header or items object shares with a schema.
    private static readonly string[] s_schemaKeywords =
    [
        "type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
        "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf", "x-nullable",
    ];

    private const string FormMediaType = "application/x-www-form-urlencoded";
    private const string MultipartMediaType = "multipart/form-data";

    private YNode Paths(YNode node)
    {
        if (node is not YMapping paths)
        {
            return node;
        }

        var result = Like(paths);
        foreach (var entry in paths.Entries)
        {
            Add(result, entry.Key, entry.Value is YMapping item && item.Get("$ref") is null ? PathItem(item) : entry.Value);
        }

        return result;
    }

    /// <summary>
    /// A path item with each operation's parameters merged with the item's (2.0 lets either hold the body or form
    /// fields, which 3.0 moves to the operation's request body).
    /// </summary>
    private YMapping PathItem(YMapping item)
    {
        var result = Like(item);
        var shared = item.GetSequence("parameters")?.Items ?? [];
        foreach (var entry in item.Entries)
        {
            if (Array.IndexOf(s_methods, entry.Key.Value) >= 0 && entry.Value is YMapping operation)
            {
                Add(result, entry.Key, Operation(operation, shared));
            }
            else if (entry.Key.Value != "parameters")
            {
                Add(result, entry.Key, entry.Value);
            }
        }

        return result;
    }

    private YMapping Operation(YMapping operation, IReadOnlyList<YNode> shared)
    {
        var result = Like(operation);
        var consumes = MediaTypes(operation, "consumes");
        var produces = MediaTypes(operation, "produces");
        var declared = new List<(string Name, string In, YMapping Node, YNode At)>();
        foreach (var node in shared.Concat(operation.GetSequence("parameters")?.Items ?? []))
        {
            var parameter = _source.Deref(node);
            if (parameter?.GetString("name") is not { } name || parameter.GetString("in") is not { } location)
            {
                if (parameter is not null)
                {
                    _source.Report(D.InvalidStructure, node, "A parameter needs 'name' and 'in'");
                }

                continue;
            }

            declared.RemoveAll(p => p.Name == name && p.In == location);
            declared.Add((name, location, parameter, node));
        }

        var parameters = new YSequence(operation.Span, operation.LineSpan);
        var body = declared.Where(p => p.In == "body").ToList();
        var form = declared.Where(p => p.In == "formData").ToList();
        foreach (var (_, location, parameter, _) in declared.Where(p => p.In is not ("body" or "formData")))
        {
            parameters.Add(Parameter(parameter, location));
        }

        foreach (var extra in body.Skip(1))
        {
            _source.Report(D.Swagger2NotCarriedOver, extra.At, "in: body", "an operation has at most one body parameter; this one is left out");
        }

        if (body.Count > 0 && form.Count > 0)
        {
            _source.Report(D.Swagger2NotCarriedOver, form[0].At, "in: formData", "an operation with a body parameter cannot have form parameters; they are left out");
        }

        foreach (var entry in operation.Entries)
        {
            switch (entry.Key.Value)
            {
                case "parameters" or "consumes" or "produces" or "schemes":
                    break;
                case "responses" when entry.Value is YMapping responses:
                    Add(result, entry.Key, Responses(responses, produces));
                    break;
                default:
                    Add(result, entry.Key, entry.Value);
                    break;
            }
        }

        if (parameters.Items.Count > 0)
        {
            Add(result, Key("parameters", operation.GetKey("parameters") ?? (YNode)operation), parameters);
        }

        if (body.Count > 0)
        {
            Add(result, Key("requestBody", body[0].At), BodyParameter(body[0].Node, consumes));
        }
        else if (form.Count > 0)
        {
            Add(result, Key("requestBody", form[0].At), FormBody(operation, form.Select(f => f.Node).ToList(), consumes));
        }

        return result;
    }

    /// <summary>The media types the operation declares for <paramref name="field"/>, else the document's, else JSON.</summary>
    private List<YScalar> MediaTypes(YMapping operation, string field)
    {
        var declared = (operation.GetSequence(field) ?? _root.GetSequence(field))?.Items.OfType<YScalar>().Where(s => !s.IsNull).ToList();
        return declared is { Count: > 0 } ? declared : [Text("application/json", operation.GetKey(field) ?? _root.GetKey(field) ?? (YNode)operation)];
    }

    /// <summary>A query, header or path parameter: the schema keywords move under <c>schema</c>, <c>collectionFormat</c> becomes style and explode.</summary>
    private YMapping Parameter(YMapping parameter, string location)
    {
        var result = Like(parameter);
        foreach (var entry in parameter.Entries)
        {
            if (Array.IndexOf(s_schemaKeywords, entry.Key.Value) < 0 && entry.Key.Value != "collectionFormat")
            {
                Add(result, entry.Key, entry.Value);
            }
        }

        Add(result, Key("schema", parameter.GetKey("type") ?? (YNode)parameter), SimpleSchema(parameter));
        if (parameter.GetString("type") == "file")
        {
            _source.Report(D.Swagger2NotCarriedOver, parameter.Get("type"), "type: file", $"only a formData parameter can be a file; '{parameter.GetString("name")}' in {location} is read as a string");
        }

        if (parameter.GetString("type") == "array")
        {
            var (style, explode) = CollectionFormat(parameter, location);
            var at = parameter.GetKey("collectionFormat") ?? parameter.GetKey("type")!;
            if (style is not null)
            {
                Add(result, Key("style", at), Text(style, at));
                Add(result, Key("explode", at), new YScalar(explode ? "true" : "false", true, at.Span, at.LineSpan));
            }
        }

        return result;
    }

    /// <summary>
    /// The 3.0 style and explode that send an array as <c>collectionFormat</c> says (csv when absent, as 2.0 defines):
    /// csv is form (query) or simple (path, header) without explode, multi is form with explode, ssv and pipes are
    /// spaceDelimited and pipeDelimited. tsv has no 3.0 equivalent and keeps its own name, which the reader refuses.
    /// </summary>
    private (string? Style, bool Explode) CollectionFormat(YMapping parameter, string location)
    {
        var format = parameter.GetString("collectionFormat") ?? "csv";
        var query = location is "query" or "formData";
        switch (format)
        {
            case "csv":
                return (query ? "form" : "simple", false);
            case "multi" when query:
                return ("form", true);
            case "ssv" when query:
                return ("spaceDelimited", false);
            case "pipes" when query:
                return ("pipeDelimited", false);
            case "tsv" when query:
                _source.Report(D.Swagger2NotCarriedOver, parameter.Get("collectionFormat"), "collectionFormat: tsv", "OpenAPI 3 has no tab-delimited style; the parameter is read with style 'tabDelimited', which is not generated");
                return ("tabDelimited", false);
            default:
                _source.Report(D.Swagger2NotCarriedOver, parameter.Get("collectionFormat"), "collectionFormat: " + format, $"it is not allowed {(query ? "here" : "in " + location)}; the parameter is read as csv");
                return (query ? "form" : "simple", false);
        }
    }

    /// <summary>The schema of a 2.0 parameter, header or items object: its schema keywords, items read the same way.</summary>
    private YMapping SimpleSchema(YMapping source)
    {
        var schema = Like(source);
        foreach (var entry in source.Entries)
        {
            if (Array.IndexOf(s_schemaKeywords, entry.Key.Value) < 0)
            {
                continue;
            }

            switch (entry.Key.Value)
            {
                case "items" when entry.Value is YMapping items:
                    Add(schema, entry.Key, items.Get("$ref") is not null ? Schema(items) : SimpleSchema(items));
                    break;
                case "x-nullable":
                    Add(schema, Key("nullable", entry.Key), entry.Value);
                    break;
                case "type" when entry.Value is YScalar { Value: "file" } file:
                    Add(schema, entry.Key, Text("string", file));
                    Add(schema, Key("format", entry.Key), Text("binary", file));
                    break;
                case "format" when source.GetString("type") == "file":
                    break;
                default:
                    Add(schema, entry.Key, entry.Value);
                    break;
            }
        }

        return schema;
    }

    private YMapping BodyParameter(YMapping parameter, List<YScalar> consumes)
    {
        var body = Like(parameter);
        foreach (var field in new[] { "description", "required" })
        {
            if (parameter.GetKey(field) is { } key)
            {
                Add(body, key, parameter.Get(field)!);
            }
        }

        var schema = parameter.Get("schema") is { } declared ? Schema(declared) : null;
        if (schema is null)
        {
            _source.Report(D.MissingRequiredField, parameter, $"The body parameter '{parameter.GetString("name")}'", "schema", "2.0", "the body is read as any JSON value");
        }

        var content = Like(parameter);
        foreach (var mediaType in consumes)
        {
            var media = Like(mediaType);
            if (schema is not null)
            {
                Add(media, Key("schema", parameter.GetKey("schema")!), schema);
            }

            Add(content, mediaType, media);
        }

        Add(body, Key("content", parameter.GetKey("schema") ?? (YNode)parameter), content);
        return body;
    }

    /// <summary>
    /// Form parameters as one object body: multipart when a field is a file or the operation consumes only multipart,
    /// else URL-encoded; arrays keep their collectionFormat as the field's encoding style.
    /// </summary>
    private YMapping FormBody(YMapping operation, List<YMapping> fields, List<YScalar> consumes)
    {
        var first = fields[0];
        var hasFile = fields.Any(f => f.GetString("type") == "file");
        var declared = consumes.Where(c => c.Value.StartsWith(FormMediaType, StringComparison.OrdinalIgnoreCase) || c.Value.StartsWith(MultipartMediaType, StringComparison.OrdinalIgnoreCase)).ToList();
        var usable = declared.Where(c => !hasFile || c.Value.StartsWith(MultipartMediaType, StringComparison.OrdinalIgnoreCase)).ToList();
        if (usable.Count == 0)
        {
            var at = operation.GetKey("consumes") ?? _root.GetKey("consumes") ?? (YNode)first;
            if (declared.Count > 0)
            {
                _source.Report(D.Swagger2NotCarriedOver, at, "type: file", "a file can only be sent as multipart/form-data, which 'consumes' does not list; the body is read as multipart/form-data");
            }

            usable = [Text(hasFile ? MultipartMediaType : FormMediaType, at)];
        }

        var schema = Like(first);
        Add(schema, Key("type", first), Text("object", first));
        var properties = Like(first);
        var required = new YSequence(first.Span, first.LineSpan);
        var encoding = Like(first);
        foreach (var field in fields)
        {
            var name = field.Get("name")!;
            var property = SimpleSchema(field);
            if (field.GetKey("description") is { } description)
            {
                Add(property, description, field.Get("description")!);
            }

            Add(properties, Key(field.GetString("name")!, name), property);
            if (field.GetBool("required"))
            {
                required.Add(Text(field.GetString("name")!, name));
            }

            if (field.GetString("type") == "array")
            {
                var (style, explode) = CollectionFormat(field, "formData");
                var at = field.GetKey("collectionFormat") ?? field.GetKey("type")!;
                var fieldEncoding = Like(at);
                Add(fieldEncoding, Key("style", at), Text(style!, at));
                Add(fieldEncoding, Key("explode", at), new YScalar(explode ? "true" : "false", true, at.Span, at.LineSpan));
                Add(encoding, Key(field.GetString("name")!, name), fieldEncoding);
            }
        }

        Add(schema, Key("properties", first), properties);
        if (required.Items.Count > 0)
        {
            Add(schema, Key("required", first), required);
        }

        var content = Like(first);
        foreach (var mediaType in usable)
        {
            var media = Like(mediaType);
            Add(media, Key("schema", first), schema);
            if (encoding.Count > 0)
            {
                Add(media, Key("encoding", first), encoding);
            }

            Add(content, mediaType, media);
        }

        var body = Like(first);
        if (required.Items.Count > 0)
        {
            Add(body, Key("required", first), new YScalar("true", true, first.Span, first.LineSpan));
        }

        Add(body, Key("content", first), content);
        return body;
    }

    private YMapping Responses(YMapping responses, List<YScalar> produces)
    {
        var result = Like(responses);
        foreach (var entry in responses.Entries)
        {
            if (entry.Key.Value.StartsWith("x-", StringComparison.Ordinal) || _source.Deref(entry.Value) is not { } response)
            {
                Add(result, entry.Key, entry.Value);
                continue;
            }

            var converted = Like(response);
            foreach (var field in response.Entries)
            {
                switch (field.Key.Value)
                {
                    case "schema" or "examples":
                        break;
                    case "headers" when field.Value is YMapping headers:
                        var read = Like(headers);
                        foreach (var header in headers.Entries)
                        {
                            if (header.Value is YMapping headerNode)
                            {
                                var item = Copy(headerNode, s_schemaKeywords.Append("collectionFormat").ToArray());
                                Add(item, Key("schema", header.Key), SimpleSchema(headerNode));
                                Add(read, header.Key, item);
                            }
                        }

                        Add(converted, field.Key, read);
                        break;
                    default:
                        Add(converted, field.Key, field.Value);
                        break;
                }
            }

            if (response.Get("schema") is { } schema)
            {
                var content = Like(schema);
                var converted3 = Schema(schema);
                foreach (var mediaType in produces)
                {
                    var media = Like(mediaType);
                    Add(media, Key("schema", response.GetKey("schema")!), converted3);
                    Add(content, mediaType, media);
                }

                Add(converted, Key("content", response.GetKey("schema")!), content);
            }

            Add(result, entry.Key, converted);
        }

        return result;
    }
}
