using System.Text;
using System.Text.Json;
using EvsCodegen.Generators.Parsing;

namespace EvsCodegen.Generators.Tests.Parsing;

/// <summary>
/// The reader accepts what the mainstream YAML parsers accept: the yaml-test-suite's block scalar cases on which the
/// suite, js-yaml and PyYAML agree, and hand-written cases of the empty block scalar YamlDotNet refuses (OpenAI's
/// description), each read to the same tree, or refused where they refuse (<c>YamlCases/select-cases.mjs</c> made
/// <c>block-scalars.json</c>).
/// </summary>
public sealed class YamlCompatibilityTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var item in Load().EnumerateArray())
        {
            data.Add(item.GetProperty("id").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BlockScalarCase_ReadsAsTheMainstreamParsersDo(string id)
    {
        var item = Load().EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        var yaml = item.GetProperty("yaml").GetString()!;
        var expected = item.GetProperty("fail").GetBoolean()
            ? null
            : item.TryGetProperty("tree", out var tree) ? FromEvents(tree.GetString()!) : FromJson(JsonDocument.Parse(item.GetProperty("json").GetString()!).RootElement);

        var root = YamlLoader.Load(yaml, out var error);

        if (expected is "(non-scalar key)")
        {
            // OpenAPI keys are strings: the reader refuses a mapping key that is a collection, with a position.
            Assert.Null(root);
            Assert.Equal("a mapping key must be a scalar", error!.Message);
            return;
        }

        Assert.Equal(expected, root is null ? null : Render(root));
        if (root is null)
        {
            Assert.NotNull(error);
        }
    }

    [Fact]
    public void EmptyKeepLiteral_OfSpacesOnly_KeepsThePositionsOfWhatFollows()
    {
        const string Text = "a: |+\n      \n\n   \nb: x\nc:\n  d: |\n        \n  e: [1, 2]\n";

        var root = Assert.IsType<YMapping>(YamlLoader.Load(Text, out _));

        Assert.Equal("\n\n\n", root.GetString("a"));
        var b = Assert.IsType<YScalar>(root.Get("b"));
        Assert.Equal((Text.IndexOf("x\n", StringComparison.Ordinal), 4, 3), (b.Span.Start, b.LineSpan.Start.Line, b.LineSpan.Start.Character));
        var e = Assert.IsType<YSequence>(root.GetMapping("c")!.Get("e"));
        Assert.Equal((Text.IndexOf("[1, 2]", StringComparison.Ordinal), 8, 5), (e.Span.Start, e.LineSpan.Start.Line, e.LineSpan.Start.Character));
        Assert.Equal(string.Empty, root.GetMapping("c")!.GetString("d"));
    }

    [Fact]
    public void SpacesOnlyLineAboveLessIndentedContent_IsRefusedAtTheContentLine()
    {
        var root = YamlLoader.Load("a:\n  b: |\n      \n    text\n  c: d\n", out var error);

        Assert.Null(root);
        Assert.Equal(3, error!.LineSpan.Start.Line);
    }

    private static JsonElement Load() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parsing", "YamlCases", "block-scalars.json"))).RootElement;

    private static string Render(YNode node) => node switch
    {
        YMapping mapping => "{" + string.Join(",", mapping.Entries.Select(e => Quote(e.Key.Value) + ":" + Render(e.Value))) + "}",
        YSequence sequence => "[" + string.Join(",", sequence.Items.Select(Render)) + "]",
        YScalar scalar => Quote(scalar.Value),
        _ => throw new InvalidOperationException(),
    };

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>A js-yaml value as the tree would render it, scalars as their text.</summary>
    private static string FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Select(p => Quote(p.Name) + ":" + FromJson(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(FromJson)) + "]",
        JsonValueKind.String => Quote(element.GetString()!),
        _ => Quote(element.GetRawText()),
    };

    /// <summary>
    /// The first document of a yaml-test-suite event tree, rendered as <see cref="Render"/> does (anchors and tags
    /// dropped, aliases replaced by what they name); null when the stream has no node.
    /// </summary>
    private static string? FromEvents(string tree)
    {
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        var stack = new Stack<(StringBuilder Text, string? Anchor, bool IsMapping, int Count)>();
        foreach (var line in tree.Split('\n').Select(l => l.TrimStart()).Where(l => l.Length > 0))
        {
            var parts = line.Split(' ', 2);
            var rest = parts.Length > 1 ? parts[1] : string.Empty;
            var anchor = rest.StartsWith('&') ? rest.Split(' ')[0].Substring(1) : null;
            string? completed = null;
            switch (parts[0])
            {
                case "+MAP" or "+SEQ":
                    stack.Push((new StringBuilder(parts[0] == "+MAP" ? "{" : "["), anchor, parts[0] == "+MAP", 0));
                    continue;
                case "-MAP" or "-SEQ":
                    var frame = stack.Pop();
                    completed = frame.Text.Append(frame.IsMapping ? "}" : "]").ToString();
                    if (frame.Anchor is not null)
                    {
                        anchors[frame.Anchor] = completed;
                    }

                    break;
                case "=VAL":
                    completed = Quote(Unescape(ScalarText(rest)));
                    if (anchor is not null)
                    {
                        anchors[anchor] = completed;
                    }

                    break;
                case "=ALI":
                    completed = anchors[rest.Substring(1)];
                    break;
                case "-DOC" when stack.Count == 0:
                    return null;
                default:
                    continue;
            }

            if (stack.Count == 0)
            {
                return completed;
            }

            var parent = stack.Pop();
            if (parent.IsMapping && parent.Count % 2 == 0 && !completed.StartsWith('"'))
            {
                return "(non-scalar key)";
            }

            parent.Text.Append(parent.Count == 0 ? string.Empty : parent.IsMapping && parent.Count % 2 == 1 ? ":" : ",").Append(completed);
            stack.Push((parent.Text, parent.Anchor, parent.IsMapping, parent.Count + 1));
        }

        return null;
    }

    /// <summary>The text of a <c>=VAL</c> event after its anchor and tag: the style character, then the escaped text.</summary>
    private static string ScalarText(string rest)
    {
        foreach (var part in new[] { '&', '<' })
        {
            if (rest.StartsWith(part))
            {
                var end = part == '<' ? rest.IndexOf("> ", StringComparison.Ordinal) + 1 : rest.IndexOf(' ');
                rest = rest.Substring(end + 1);
            }
        }

        if (rest.StartsWith('&'))
        {
            rest = rest.Substring(rest.IndexOf(' ') + 1);
        }

        return rest.Substring(1);
    }

    private static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                builder.Append(text[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', '0' => '\0', _ => text[i] });
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
