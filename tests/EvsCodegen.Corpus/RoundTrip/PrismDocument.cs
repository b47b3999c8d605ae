using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>
/// The document Prism is given. Prism resolves every <c>$ref</c> it finds, including inside example values and
/// extensions, which are literal data (repro: <c>tests/prism-defects/ref-in-example.yaml</c>), and exits at startup
/// when such a value is not a reference it can open. For such a document (and only then) Prism gets a copy without its
/// literal data (<c>example</c>, <c>examples</c>, <c>x-*</c>), none of which constrains a request or a response.
/// </summary>
internal static class PrismDocument
{
    // Maps whose keys are names (a property called 'example', a schema called 'x-thing'), not keywords.
    private static readonly HashSet<string> s_nameMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "schemas", "definitions", "$defs", "headers", "parameters", "responses",
        "securitySchemes", "requestBodies", "links", "callbacks", "content", "encoding", "variables", "mapping", "scopes",
        "paths", "webhooks", "pathItems",
    };

    /// <summary>
    /// <paramref name="path"/> itself, or a copy in <paramref name="folder"/> without literal data when that data holds
    /// a <c>$ref</c> key; <paramref name="stripped"/> says which.
    /// </summary>
    public static string For(string path, string folder, out bool stripped)
    {
        stripped = false;
        YamlStream stream;
        try
        {
            using var reader = new StreamReader(path);
            stream = new YamlStream();
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // Prism reports what it cannot read itself.
            return path;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root || !StripLiteralData(root, parentKey: null, Path.GetDirectoryName(Path.GetFullPath(path))!))
        {
            return path;
        }

        stripped = true;
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + ".prism.yaml");
        using (var writer = new StreamWriter(copy))
        {
            stream.Save(writer, assignAnchors: false);
        }

        return copy;
    }

    /// <summary>
    /// Removes the literal data under <paramref name="node"/>; true when some of it held a <c>$ref</c> key Prism cannot
    /// follow (relative files are looked for in <paramref name="documentFolder"/>).
    /// </summary>
    internal static bool StripLiteralData(YamlNode node, string? parentKey, string documentFolder)
    {
        var refInLiteral = false;
        switch (node)
        {
            case YamlMappingNode mapping:
                var keywords = parentKey is null || !s_nameMaps.Contains(parentKey);
                foreach (var entry in mapping.Children.ToList())
                {
                    var key = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
                    if (keywords && (key is "example" or "examples" || key.StartsWith("x-", StringComparison.Ordinal)))
                    {
                        refInLiteral |= HasRefKey(entry.Value, documentFolder);
                        mapping.Children.Remove(entry.Key);
                        continue;
                    }

                    refInLiteral |= StripLiteralData(entry.Value, key, documentFolder);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    refInLiteral |= StripLiteralData(item, parentKey: null, documentFolder);
                }

                break;
        }

        return refInLiteral;
    }

    // A $ref key in literal data that Prism cannot follow: not text, or neither a local pointer nor a file beside the document.
    private static bool HasRefKey(YamlNode node, string folder) => node switch
    {
        YamlMappingNode mapping => mapping.Children.Any(e => e.Key is YamlScalarNode { Value: "$ref" } && !Followable(e.Value, folder))
            || mapping.Children.Any(e => HasRefKey(e.Value, folder)),
        YamlSequenceNode sequence => sequence.Children.Any(item => HasRefKey(item, folder)),
        _ => false,
    };

    private static bool Followable(YamlNode target, string folder) =>
        target is YamlScalarNode { Value: { } text }
        && (text.StartsWith('#') || (!text.Contains("://", StringComparison.Ordinal) && File.Exists(Path.Combine(folder, text.Split('#')[0]))));
}
