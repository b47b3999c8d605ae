using System;
using System.Collections.Generic;
using System.Linq;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Reads a Swagger 2.0 document as the OpenAPI 3.0 tree it stands for, so the one reader of <see cref="DocumentParser"/>
/// builds the model from it. Every node of the result is either a node of the 2.0 text or a new node carrying the span
/// of the 2.0 node it was made from, so diagnostics the reader reports later point into the 2.0 text. Nothing is
/// copied that need not change: schemas, examples and extensions are shared with the 2.0 tree.
/// </summary>
internal sealed partial class Swagger2Reader
{
    /// <summary>The version the result claims: the 3.0 release whose rules 2.0 documents follow (no type arrays, <c>nullable</c>).</summary>
    public const string TargetVersion = "3.0.3";

    private readonly ParseContext _source;
    private readonly YMapping _root;
    private readonly Dictionary<YNode, YNode> _schemas = new(ReferenceEqualityComparer.Instance);

    private Swagger2Reader(ParseContext source)
    {
        _source = source;
        _root = source.Root;
    }

    /// <summary>
    /// The OpenAPI 3.0 form of the 2.0 document under <paramref name="source"/>'s root; what cannot be carried over is
    /// reported on <paramref name="source"/>, at the 2.0 node.
    /// </summary>
    public static YMapping Upgrade(ParseContext source) => new Swagger2Reader(source).Build();

    private YMapping Build()
    {
        var result = Like(_root);
        foreach (var entry in _root.Entries)
        {
            switch (entry.Key.Value)
            {
                case "swagger":
                    Add(result, Key("openapi", entry.Key), new YScalar(TargetVersion, false, entry.Value.Span, entry.Value.LineSpan));
                    break;
                case "paths":
                    Add(result, entry.Key, Paths(entry.Value));
                    break;
                case "host" or "basePath" or "schemes" or "consumes" or "produces" or "definitions" or "parameters" or "responses" or "securityDefinitions":
                    // Read into 'servers', the operations and 'components' below.
                    break;
                default:
                    // info, tags, security, externalDocs and extensions have the same shape in 3.0.
                    Add(result, entry.Key, entry.Value);
                    break;
            }
        }

        if (Servers() is { } servers)
        {
            Add(result, Key("servers", _root.GetKey("basePath") ?? _root.GetKey("host")!), servers);
        }

        var components = Like(_root);
        if (_root.Get("definitions") is YMapping definitions)
        {
            Add(components, Key("schemas", _root.GetKey("definitions")!), SchemaMap(definitions));
        }

        if (_root.Get("securityDefinitions") is YMapping security)
        {
            Add(components, Key("securitySchemes", _root.GetKey("securityDefinitions")!), SecuritySchemes(security));
        }

        if (components.Count > 0)
        {
            Add(result, Key("components", _root.GetKey("definitions") ?? _root.GetKey("securityDefinitions")!), components);
        }

        return result;
    }

    /// <summary>
    /// The one server 2.0 describes: <c>{scheme}://{host}{basePath}</c>, or the base path alone (relative to where the
    /// document is served, as a 3.x server URL may be) without a host. The first scheme wins; https when none is given
    /// (the 2.0 default is the scheme the document was fetched with, unknown here).
    /// </summary>
    private YSequence? Servers()
    {
        var host = _root.Get("host") as YScalar;
        var basePath = _root.Get("basePath") as YScalar;
        if (host is null && basePath is null)
        {
            return null;
        }

        var scheme = (_root.GetSequence("schemes")?.Items.OfType<YScalar>().Select(s => s.Value).FirstOrDefault(s => s is "https" or "http")) ?? "https";
        var path = basePath?.Value ?? string.Empty;
        if (path.Length > 0 && !path.StartsWith("/", StringComparison.Ordinal))
        {
            _source.Report(D.Swagger2NotCarriedOver, basePath, "basePath", $"'{path}' does not start with '/'; it is read as '/{path}'");
            path = "/" + path;
        }

        var url = host is { IsNull: false } ? scheme + "://" + host.Value + path.TrimEnd('/') : path;
        var at = (YNode?)basePath ?? host!;
        var server = Like(at);
        Add(server, Key("url", at), new YScalar(url.Length == 0 ? "/" : url, false, at.Span, at.LineSpan));
        var servers = new YSequence(at.Span, at.LineSpan);
        servers.Add(server);
        return servers;
    }

    private YMapping SecuritySchemes(YMapping definitions)
    {
        var result = Like(definitions);
        foreach (var entry in definitions.Entries)
        {
            if (entry.Value is not YMapping scheme)
            {
                Add(result, entry.Key, entry.Value);
                continue;
            }

            switch (scheme.GetString("type"))
            {
                case "basic":
                    var basic = Copy(scheme, "type");
                    Add(basic, Key("type", scheme.GetKey("type")!), Text("http", scheme.Get("type")!));
                    Add(basic, Key("scheme", scheme.GetKey("type")!), Text("basic", scheme.Get("type")!));
                    Add(result, entry.Key, basic);
                    break;
                case "oauth2":
                    var oauth = Copy(scheme, "flow", "authorizationUrl", "tokenUrl", "scopes");
                    var flowName = scheme.GetString("flow") switch
                    {
                        "implicit" => "implicit",
                        "password" => "password",
                        "application" => "clientCredentials",
                        "accessCode" => "authorizationCode",
                        _ => null,
                    };
                    if (flowName is null)
                    {
                        _source.Report(D.Swagger2NotCarriedOver, scheme.Get("flow") ?? scheme, $"securityDefinitions.{entry.Key.Value}", "an oauth2 scheme needs 'flow' to be implicit, password, application or accessCode");
                    }
                    else
                    {
                        var flow = Copy(scheme, "type", "flow", "description");
                        var scopes = scheme.Get("scopes") ?? Like(scheme);
                        if (scheme.Get("scopes") is null)
                        {
                            Add(flow, Key("scopes", scheme.GetKey("flow")!), scopes);
                        }

                        var flows = Like(scheme);
                        Add(flows, Key(flowName, scheme.GetKey("flow")!), flow);
                        Add(oauth, Key("flows", scheme.GetKey("flow")!), flows);
                    }

                    Add(result, entry.Key, oauth);
                    break;
                default:
                    // apiKey has the same fields in 3.0; anything else is reported by the 3.0 reader.
                    Add(result, entry.Key, scheme);
                    break;
            }
        }

        return result;
    }

    /// <summary>A mapping of schemas, each read as a 3.0 schema.</summary>
    private YMapping SchemaMap(YMapping schemas)
    {
        var result = Like(schemas);
        foreach (var entry in schemas.Entries)
        {
            Add(result, entry.Key, Schema(entry.Value));
        }

        return result;
    }

    /// <summary>
    /// A 2.0 schema as 3.0: <c>#/definitions/</c> references become <c>#/components/schemas/</c>, <c>x-nullable</c>
    /// becomes <c>nullable</c>, <c>type: file</c> becomes a binary string and a discriminator's property name an object.
    /// Each 2.0 node is read once (aliases stay shared, so an alias-heavy document costs no more than its text).
    /// </summary>
    private YNode Schema(YNode node)
    {
        if (node is not YMapping mapping)
        {
            return node;
        }

        if (_schemas.TryGetValue(node, out var done))
        {
            return done;
        }

        var result = Like(mapping);
        _schemas[node] = result;
        if (!_source.Spend(node))
        {
            return result;
        }

        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key;
            var value = entry.Value;
            switch (key.Value)
            {
                case "$ref" when value is YScalar reference:
                    value = new YScalar(Reference(reference.Value), reference.IsPlain, reference.Span, reference.LineSpan);
                    break;
                case "x-nullable":
                    if (mapping.Get("nullable") is not null)
                    {
                        continue;
                    }

                    key = Key("nullable", key);
                    break;
                case "type" when value is YScalar { Value: "file" } file:
                    value = Text("string", file);
                    if (mapping.Get("format") is null)
                    {
                        Add(result, key, value);
                        key = Key("format", key);
                        value = Text("binary", file);
                    }

                    break;
                case "discriminator" when value is YScalar property:
                    var discriminator = Like(property);
                    Add(discriminator, Key("propertyName", key), property);
                    value = discriminator;
                    break;
                case "properties" when value is YMapping properties:
                    value = SchemaMap(properties);
                    break;
                case "items" or "additionalProperties" or "not":
                    value = Schema(value);
                    break;
                case "allOf" or "anyOf" or "oneOf" when value is YSequence members:
                    var list = new YSequence(members.Span, members.LineSpan);
                    foreach (var member in members.Items)
                    {
                        list.Add(Schema(member));
                    }

                    value = list;
                    break;
            }

            Add(result, key, value);
        }

        return result;
    }

    /// <summary>A local 2.0 pointer as the 3.0 pointer to the same thing; pointers into other files are left as they are.</summary>
    private static string Reference(string reference)
    {
        const string Definitions = "#/definitions/";
        return reference.StartsWith(Definitions, StringComparison.Ordinal) ? "#/components/schemas/" + reference.Substring(Definitions.Length) : reference;
    }

    private static YMapping Like(YNode at) => new(at.Span, at.LineSpan);

    private static YScalar Key(string name, YNode at) => new(name, true, at.Span, at.LineSpan);

    private static YScalar Text(string value, YNode at) => new(value, false, at.Span, at.LineSpan);

    /// <summary>A new mapping at <paramref name="source"/>'s place with its entries but the ones named.</summary>
    private static YMapping Copy(YMapping source, params string[] except)
    {
        var result = Like(source);
        foreach (var entry in source.Entries)
        {
            if (Array.IndexOf(except, entry.Key.Value) < 0)
            {
                Add(result, entry.Key, entry.Value);
            }
        }

        return result;
    }

    private static void Add(YMapping mapping, YScalar key, YNode value) => mapping.TryAdd(key, value);
}
