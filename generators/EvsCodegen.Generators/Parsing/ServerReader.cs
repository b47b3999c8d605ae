using System;
using System.Text.RegularExpressions;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Reads the document's first <c>servers</c> entry (docs/decisions.md, "The servers base path"): its variables replaced
/// by their defaults, its path the prefix of every route, its absolute URL the client's default address.
/// </summary>
internal static class ServerReader
{
    private static readonly Regex s_variable = new(@"\{([^{}]*)\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The server, or null when the document declares none (or only the root, <c>/</c>).</summary>
    public static ServerModel? Read(ParseContext context)
    {
        if (context.Root.GetSequence("servers") is not { Items.Count: > 0 } servers || servers.Items[0] is not YMapping server || server.Get("url") is not YScalar urlNode)
        {
            return null;
        }

        var variables = server.GetMapping("variables");
        var url = s_variable.Replace(urlNode.Value, match =>
        {
            if (variables?.GetMapping(match.Groups[1].Value)?.GetString("default") is { } value)
            {
                return value;
            }

            context.Report(D.ServerVariableWithoutDefault, urlNode, match.Groups[1].Value, urlNode.Value);
            return string.Empty;
        });

        string path;
        string? absolute = null;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            absolute = url;
            path = Uri.UnescapeDataString(uri.AbsolutePath);
        }
        else if (url.StartsWith("//", StringComparison.Ordinal) && Uri.TryCreate("http:" + url, UriKind.Absolute, out var networkPath))
        {
            path = Uri.UnescapeDataString(networkPath.AbsolutePath);
        }
        else
        {
            // A relative URL is relative to where the document is served; its path is taken from the host's root.
            var end = url.IndexOfAny(['?', '#']);
            path = Uri.UnescapeDataString(end < 0 ? url : url.Substring(0, end));
            path = path.StartsWith(".", StringComparison.Ordinal) ? path.TrimStart('.') : path;
        }

        path = "/" + path.Trim('/');
        var basePath = path == "/" ? string.Empty : path;
        return basePath.Length == 0 && absolute is null ? null : new ServerModel(basePath, absolute);
    }
}
