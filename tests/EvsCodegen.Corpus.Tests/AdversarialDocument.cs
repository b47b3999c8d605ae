using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EvsCodegen.Corpus.Tests;

/// <summary>
/// One OpenAPI document that puts a payload everywhere the document's text reaches generated code: free text
/// (descriptions, summaries, titles, examples, defaults, header and cookie names, fault names, formats, patterns)
/// and names (schemas, properties, enum values, operationIds, parameters, tags, security schemes, path segments).
/// Written as JSON, which YAML reads too, so any character can be expressed exactly.
/// </summary>
internal static class AdversarialDocument
{
    /// <summary>The payloads: each tries a different way out of a comment, a string literal or a line.</summary>
    public static readonly (string Name, string Text)[] Payloads =
    [
        ("CommentEnd", "*/ public class Injected1 { } /*"),
        ("SummaryEnd", "</summary></member> public class Injected2 { } /// <summary>"),
        ("Quote", "\" + Injected3.Value + \""),
        ("Backslash", "\\\" ; public class Injected4 { } //\\"),
        ("NewlineCode", "line one\n}\npublic class Injected5 { }\nclass X {"),
        ("CarriageReturn", "one\r}\r\npublic class Injected6 { }\r//"),
        ("UnicodeLineBreaks", "a\u2028public class Injected7 { }\u2029b\u0085c"),
        ("PreprocessorIf", "\n#if false\npublic class Injected8 { }\n#endif\n#error injected"),
        ("PreprocessorInline", "#if DEBUG #define X #pragma warning disable #nullable disable #region"),
        ("UnicodeEscapes", "\\u0022 + Injected9 + \\u0022 \\U0001F600 \\x41 @\"verbatim\" $\"{Injected10}\" \"\"\" raw \"\"\""),
        ("Bidi", "admin\u202E } public class Injected11 { \u2066\u2069\u202D\u200F\u061C"),
        ("ControlCharacters", "nul\0bell\u0007escape\u001Bform\fvtab\vdel\u007F"),
        ("XmlMarkup", "<![CDATA[ ]]> <!-- --> &amp; &#x2F; <see cref=\"Injected12\"/> <c>x</c>"),
        ("Braces", "{0} {{ }} {Injected13} ${x}"),
        ("Keywords", "class namespace global:: @if __arglist"),
    ];

    /// <summary>The document with <paramref name="payload"/> in every text and every name.</summary>
    public static string Hostile(string payload) => Create(payload, " " + payload);

    /// <summary>
    /// The benign twin of <see cref="Hostile"/>: plain text, and names made of the payload's words only (every
    /// character that cannot be part of a C# identifier becomes a space). Its generated declarations are what the
    /// hostile document's must be, exactly.
    /// </summary>
    public static string Benign(string payload) => Create("plain", NameOf(payload));

    private static string Create(string text, string name)
    {
        string T(string stem) => stem + " " + text;
        string N(string stem) => stem + name;

        // A path parameter's name sits between braces in the path, so it cannot hold braces or slashes itself.
        var id = PathOf(N("id"));

        JsonObject StringSchema() => new()
        {
            ["type"] = "string",
            ["description"] = T("text"),
            ["example"] = T("example"),
            ["default"] = T("default"),
        };

        var item = N("Item");
        var kind = N("Kind");
        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = T("title"), ["version"] = T("1.0"), ["description"] = T("api") },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "http://localhost", ["description"] = T("server") }),
            ["tags"] = new JsonArray(new JsonObject { ["name"] = N("tag"), ["description"] = T("tag") }),
            // The scheme applies to every operation, so the client sends it and the server requires it by its hostile name.
            ["security"] = new JsonArray(new JsonObject { [N("key")] = new JsonArray() }),
            ["paths"] = new JsonObject
            {
                ["/items/seg" + PathOf(text) + "/{" + id + "}"] = new JsonObject
                {
                    ["summary"] = T("path summary"),
                    ["get"] = new JsonObject
                    {
                        ["operationId"] = N("getItem"),
                        ["tags"] = new JsonArray(N("tag")),
                        ["summary"] = T("summary"),
                        ["description"] = T("description"),
                        ["parameters"] = new JsonArray(
                            Parameter(id, "path", true, T("id"), StringSchema()),
                            Parameter(N("filter"), "query", false, T("filter"), new JsonObject
                            {
                                ["type"] = "string",
                                ["enum"] = new JsonArray(N("first"), N("second")),
                            }),
                            Parameter(N("X-Trace"), "header", false, T("trace"), StringSchema()),
                            Parameter(N("session"), "cookie", false, T("session"), new JsonObject { ["type"] = "integer" }),
                            Parameter(N("tags"), "query", false, T("tags"), new JsonObject { ["type"] = "array", ["items"] = StringSchema() })),
                        ["responses"] = new JsonObject
                        {
                            ["200"] = Response(T("ok"), new JsonObject { ["$ref"] = "#/components/schemas/" + Pointer(item) }),
                            ["404"] = new JsonObject
                            {
                                ["description"] = T("missing"),
                                ["x-fault"] = new JsonObject { ["name"] = T("fault"), ["code"] = T("code") },
                            },
                        },
                    },
                    ["post"] = new JsonObject
                    {
                        ["operationId"] = N("saveItem"),
                        ["tags"] = new JsonArray(N("tag")),
                        ["parameters"] = new JsonArray(Parameter(id, "path", true, T("id"), StringSchema())),
                        ["requestBody"] = new JsonObject
                        {
                            ["description"] = T("body"),
                            ["required"] = true,
                            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + Pointer(item) } } },
                        },
                        ["responses"] = new JsonObject
                        {
                            ["201"] = Response(T("created"), new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/components/schemas/" + Pointer(kind) } }),
                            ["default"] = new JsonObject { ["description"] = T("error") },
                        },
                    },
                },
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject
                {
                    [item] = new JsonObject
                    {
                        ["type"] = "object",
                        ["title"] = T("title"),
                        ["description"] = T("item"),
                        ["required"] = new JsonArray(N("name")),
                        ["properties"] = new JsonObject
                        {
                            [N("name")] = new JsonObject
                            {
                                ["type"] = "string",
                                ["description"] = T("name"),
                                ["pattern"] = Regex.Escape(T("pattern")),
                                ["example"] = T("example"),
                                ["maxLength"] = 100,
                            },
                            [N("kind")] = new JsonObject { ["$ref"] = "#/components/schemas/" + Pointer(kind) },
                            [N("level")] = new JsonObject { ["type"] = "integer", ["enum"] = new JsonArray(1, 2, -3), ["description"] = T("level") },
                            [N("tags")] = new JsonObject { ["type"] = "array", ["items"] = StringSchema() },
                            [N("extra")] = new JsonObject { ["type"] = "object", ["additionalProperties"] = StringSchema() },
                            [N("when")] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["x-datetime-format"] = T("yyyy") },
                            [N("child")] = new JsonObject
                            {
                                ["type"] = "object",
                                ["description"] = T("child"),
                                ["properties"] = new JsonObject { [N("value")] = StringSchema() },
                            },
                        },
                        ["additionalProperties"] = new JsonObject { ["type"] = "integer" },
                    },
                    [kind] = new JsonObject
                    {
                        ["type"] = "string",
                        ["description"] = T("kind"),
                        ["enum"] = new JsonArray(N("alpha"), N("beta"), N("free text value")),
                    },
                },
                ["securitySchemes"] = new JsonObject
                {
                    [N("key")] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = T("X-Key"), ["description"] = T("key") },
                },
            },
        };

        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.Default });
    }

    private static string NameOf(string payload)
    {
        var builder = new StringBuilder(" ");
        foreach (var c in payload)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : ' ');
        }

        return builder.ToString();
    }

    /// <summary>A literal path segment holding the payload (braces and slashes would change the path's shape, so they go).</summary>
    private static string PathOf(string payload) => payload.Replace("{", string.Empty).Replace("}", string.Empty).Replace("/", string.Empty).Replace("?", string.Empty).Replace("#", string.Empty);

    private static string Pointer(string name) => name.Replace("~", "~0").Replace("/", "~1");

    private static JsonObject Parameter(string name, string location, bool required, string description, JsonObject schema) => new()
    {
        ["name"] = name,
        ["in"] = location,
        ["required"] = required,
        ["description"] = description,
        ["schema"] = schema,
    };

    private static JsonObject Response(string description, JsonObject schema) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema, ["example"] = description } },
    };
}
