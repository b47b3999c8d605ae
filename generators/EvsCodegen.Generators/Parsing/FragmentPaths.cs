using System;
using System.Collections.Generic;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Paths of the files a <c>$ref</c> may name, as strings only: the generator never touches the disk, so paths are
/// normalized here (separators, <c>.</c> and <c>..</c>) rather than by the file system.
/// </summary>
internal static class FragmentPaths
{
    /// <summary>A path with <c>/</c> separators and no <c>.</c> or <c>..</c> segments.</summary>
    public static string Normalize(string path)
    {
        var rooted = path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal);
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return (rooted ? "/" : string.Empty) + string.Join("/", segments);
    }

    /// <summary>
    /// The normalized path a reference's file part names, relative to the normalized path of the file holding it;
    /// null for a URL (<c>https://…</c>, <c>file:…</c>), which is never fetched.
    /// </summary>
    public static string? Resolve(string fromFile, string filePart)
    {
        var relative = Uri.UnescapeDataString(filePart);
        var colon = relative.IndexOf(':');
        if (colon > 1 && relative.IndexOf('/') is var slash && (slash < 0 || colon < slash))
        {
            // A scheme (a drive letter is one character and stays a path).
            return null;
        }

        if (relative.StartsWith("/", StringComparison.Ordinal) || (colon == 1 && relative.Length > 2))
        {
            return Normalize(relative);
        }

        var directory = fromFile.LastIndexOf('/') is var last && last >= 0 ? fromFile.Substring(0, last + 1) : string.Empty;
        return Normalize(directory + relative);
    }

    /// <summary>The name a referenced schema suggests: the pointer's last segment, else the file name without extension.</summary>
    public static string NameHint(string reference)
    {
        var hash = reference.IndexOf('#');
        var pointer = hash < 0 ? string.Empty : reference.Substring(hash + 1);
        if (pointer.Length > 0)
        {
            return pointer.Substring(pointer.LastIndexOf('/') + 1);
        }

        var file = hash < 0 ? reference : reference.Substring(0, hash);
        var name = file.Substring(file.LastIndexOf('/') + 1);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }
}
