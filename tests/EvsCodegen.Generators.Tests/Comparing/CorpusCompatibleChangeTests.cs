using EvsCodegen.Generators.Comparing;
using EvsCodegen.Generators.Diagnostics;
using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;
using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace EvsCodegen.Generators.Tests.Comparing;

/// <summary>
/// Compatible edits of every public corpus document, each compared with the unedited document as its baseline: none
/// may fail a build. The edits work on the YAML tree (JSON documents are YAML), so they hold for documents nobody wrote
/// them for; the ones that change nothing on the wire must leave the gate entirely silent.
/// </summary>
public sealed class CorpusCompatibleChangeTests
{
    public static TheoryData<string> Documents() => new(DocumentNames());

    private static IEnumerable<string> DocumentNames() =>
        Directory.EnumerateFiles(RepoPaths.RequirePublicCorpus())
            .Select(file => Path.GetFileName(file))
            .Where(file => file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Edits that change no wire contract and no generated name: no gate diagnostic at all.</summary>
    private static readonly (string Name, Func<YamlMappingNode, bool> Edit)[] Silent =
    [
        ("re-serialized", _ => true),
        ("descriptions and summaries edited", root => EditKeys(root, ["description", "summary", "title"], (_, value) => value is YamlScalarNode scalar ? new YamlScalarNode(scalar.Value + " (edited)") : null)),
        ("examples changed", root => EditKeys(root, ["example"], (_, _) => new YamlScalarNode("changed") { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted })),
        ("operation added", AddOperation),
    ];

    /// <summary>Compatible edits the gate may mention (warning or info) but never as an error.</summary>
    private static readonly (string Name, Func<YamlMappingNode, bool> Edit)[] NoErrors =
    [
        ("optional property added to every object schema", AddOptionalProperty),
        ("optional query parameter added to every operation", AddOptionalParameter),
        ("enum value added to every enum schema", AddEnumValue),
        ("error response added to every operation", AddErrorResponse),
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void CompatibleEdits_NeverFailTheBuild(string file)
    {
        var path = Path.Combine(RepoPaths.RequirePublicCorpus(), file);
        var original = File.ReadAllText(path);
        var baseline = EvsCodegen.Generators.Comparing.Baselines.Parse(new BaselineInputModel("/corpus/" + file, new DocumentInputModel("/corpus/baseline-" + file, original, Parse.Options()), default, default), CancellationToken.None);
        var problems = new List<string>();
        var compared = 0;
        foreach (var (name, edit, silent) in Silent.Select(e => (e.Name, e.Edit, true)).Concat(NoErrors.Select(e => (e.Name, e.Edit, false))))
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(original));
            }
            catch (YamlDotNet.Core.YamlException)
            {
                return; // Not YAML at all: the corpus runner reports it; there is nothing to compare.
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root || !edit(root))
            {
                continue;
            }

            var writer = new StringWriter();
            stream.Save(writer, assignAnchors: false);
            var current = DocumentParser.Parse(new DocumentInputModel("/corpus/" + file, writer.ToString(), Parse.Options()), CancellationToken.None);
            if (current.Model is null || baseline.Model is null)
            {
                continue;
            }

            compared++;
            var changes = ModelComparer.Compare(current, baseline).Changes;
            foreach (var change in changes)
            {
                var severity = DiagnosticDescriptors.ById(change.Id).DefaultSeverity;
                if (silent || severity == DiagnosticSeverity.Error)
                {
                    problems.Add($"{name}: {change.Id} ({severity}) at {change.At}: {string.Join(" | ", change.Arguments)}");
                }
            }
        }

        Assert.True(problems.Count == 0, file + ":\n" + string.Join("\n", problems));
        Assert.True(baseline.Model is null || compared > 0, $"{file}: no edit was compared");
    }

    [Fact]
    public void EveryEdit_ChangesTheModelOfSomeCorpusDocument()
    {
        // Guards the theory against edits that silently do nothing: each one the model can see (all but re-serializing
        // and examples, which the model does not keep) changes the model of at least one corpus document.
        var texts = DocumentNames().Select(file => File.ReadAllText(Path.Combine(RepoPaths.RequirePublicCorpus(), file))).ToList();
        foreach (var (name, edit) in Silent.Where(e => e.Name is not ("re-serialized" or "examples changed")).Concat(NoErrors))
        {
            var changed = 0;
            foreach (var text in texts)
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                if (stream.Documents[0].RootNode is not YamlMappingNode root || !edit(root) || Parse.Document(text).Model is not { } original)
                {
                    continue;
                }

                var writer = new StringWriter();
                stream.Save(writer, assignAnchors: false);
                changed += Equals(original, Parse.Document(writer.ToString()).Model) ? 0 : 1;
            }

            Assert.True(changed > 0, name);
        }
    }

    /// <summary>Replaces the value of every key in <paramref name="keys"/> outside <c>properties</c> maps (where it is a property's name).</summary>
    private static bool EditKeys(YamlNode node, string[] keys, Func<string, YamlNode, YamlNode?> replace, bool inProperties = false)
    {
        var any = false;
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var entry in mapping.Children.ToList())
                {
                    var key = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
                    if (!inProperties && keys.Contains(key) && replace(key, entry.Value) is { } replacement)
                    {
                        mapping.Children[entry.Key] = replacement;
                        any = true;
                        continue;
                    }

                    any |= EditKeys(entry.Value, keys, replace, !inProperties && key == "properties");
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    any |= EditKeys(item, keys, replace);
                }

                break;
        }

        return any;
    }

    private static YamlMappingNode? Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    private static IEnumerable<YamlMappingNode> Operations(YamlMappingNode root)
    {
        foreach (var item in (Mapping(root, "paths")?.Children.Values ?? []).OfType<YamlMappingNode>())
        {
            foreach (var method in new[] { "get", "put", "post", "delete", "patch", "head", "options", "trace" })
            {
                if (Mapping(item, method) is { } operation)
                {
                    yield return operation;
                }
            }
        }
    }

    private static bool AddOperation(YamlMappingNode root)
    {
        if (Mapping(root, "paths") is not { } paths)
        {
            return false;
        }

        paths.Add("/zz-added-health", new YamlMappingNode(
            "get", new YamlMappingNode(
                "operationId", "zzAddedHealth",
                "responses", new YamlMappingNode(new YamlScalarNode("204") { Style = YamlDotNet.Core.ScalarStyle.SingleQuoted }, new YamlMappingNode("description", "up")))));
        return true;
    }

    private static bool AddOptionalProperty(YamlMappingNode root)
    {
        var any = false;
        foreach (var schema in (Mapping(Mapping(root, "components") ?? new YamlMappingNode(), "schemas")?.Children.Values ?? []).OfType<YamlMappingNode>())
        {
            if (Mapping(schema, "properties") is { } properties)
            {
                properties.Add("zzAddedNote", new YamlMappingNode("type", "string"));
                any = true;
            }
        }

        return any;
    }

    private static bool AddOptionalParameter(YamlMappingNode root)
    {
        var any = false;
        foreach (var operation in Operations(root))
        {
            if (!operation.Children.TryGetValue(new YamlScalarNode("parameters"), out var parameters))
            {
                parameters = new YamlSequenceNode();
                operation.Add("parameters", parameters);
            }

            if (parameters is YamlSequenceNode list)
            {
                list.Add(new YamlMappingNode("name", "zzAddedFlag", "in", "query", "schema", new YamlMappingNode("type", "boolean")));
                any = true;
            }
        }

        return any;
    }

    // String enums only: a string added to an enum of booleans (typed bool) changes its type.
    private static bool AddEnumValue(YamlMappingNode root)
    {
        var any = false;
        foreach (var schema in (Mapping(Mapping(root, "components") ?? new YamlMappingNode(), "schemas")?.Children.Values ?? []).OfType<YamlMappingNode>())
        {
            if (schema.Children.TryGetValue(new YamlScalarNode("enum"), out var values) && values is YamlSequenceNode list && list.Children.All(v => v is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.Plain } || (v is YamlScalarNode s && !double.TryParse(s.Value, out _) && s.Value is not ("true" or "false"))))
            {
                list.Add(new YamlScalarNode("zz-added") { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted });
                any = true;
            }
        }

        return any;
    }

    private static bool AddErrorResponse(YamlMappingNode root)
    {
        var any = false;
        foreach (var operation in Operations(root))
        {
            if (Mapping(operation, "responses") is { } responses && !responses.Children.ContainsKey(new YamlScalarNode("418")))
            {
                responses.Add(new YamlScalarNode("418") { Style = YamlDotNet.Core.ScalarStyle.SingleQuoted }, new YamlMappingNode("description", "teapot"));
                any = true;
            }
        }

        return any;
    }
}
