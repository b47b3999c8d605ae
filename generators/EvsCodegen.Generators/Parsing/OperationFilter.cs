using System;
using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Reads and applies <c>OpenApiInclude</c> / <c>OpenApiExclude</c>: an operation is kept when the include list is empty
/// or one of its entries matches, and no exclude entry matches (Kiota's <c>--include-path</c>/<c>--exclude-path</c> order).
/// </summary>
internal sealed class OperationFilter
{
    private static readonly string[] s_methods = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];

    private readonly EquatableArray<OperationFilterModel> _entries;
    private readonly bool[] _matched;
    private readonly bool _hasInclude;

    public OperationFilter(EquatableArray<OperationFilterModel> entries)
    {
        _entries = entries;
        _matched = new bool[entries.Count];
        _hasInclude = entries.Any(e => !e.Exclude);
    }

    /// <summary>Whether a filter is set, so that only the schemas the kept operations reach are generated.</summary>
    public bool IsActive => _entries.Count > 0;

    /// <summary>
    /// Parses one metadata value: entries separated by ',' or ';' (the build hands ';' over as ','), each
    /// <c>tag:NAME</c>, <c>op:OPERATIONID</c>, <c>path:[METHOD[|METHOD]] /GLOB</c>, or a bare path spec.
    /// A malformed entry is added to <paramref name="problems"/> as an (option, value, reason) triple and left out.
    /// </summary>
    public static IEnumerable<OperationFilterModel> Read(string? value, bool exclude, string metadata, List<string> problems)
    {
        foreach (var raw in (value ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var text = raw.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var entry = ReadEntry(text, exclude, out var problem);
            if (entry is null)
            {
                problems.AddRange([$"item metadata '{metadata}'", text, problem!]);
                continue;
            }

            yield return entry;
        }
    }

    private static OperationFilterModel? ReadEntry(string text, bool exclude, out string? problem)
    {
        problem = null;
        var kind = TryStrip(text, "tag:", out var pattern) ? OperationFilterKind.Tag
            : TryStrip(text, "op:", out pattern) || TryStrip(text, "operationId:", out pattern) ? OperationFilterKind.OperationId
            : OperationFilterKind.Path;
        if (kind != OperationFilterKind.Path)
        {
            if (pattern!.Length == 0)
            {
                problem = kind == OperationFilterKind.Tag ? "the tag name is missing after 'tag:'" : "the operationId is missing after 'op:'";
                return null;
            }

            return new OperationFilterModel(exclude, kind, pattern, default, text);
        }

        var spec = TryStrip(text, "path:", out var path) ? path! : text;
        var slash = spec.IndexOf('/');
        if (slash < 0 || (slash > 0 && spec[slash - 1] != ' ' && spec[slash - 1] != '\t'))
        {
            problem = "write tag:NAME, op:OPERATIONID or path:/GLOB (optionally 'path:GET|POST /GLOB'); '*' matches within a path segment, '**' any number of segments";
            return null;
        }

        var methods = new List<string>();
        foreach (var method in spec.Substring(0, slash).Split(['|', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var upper = method.ToUpperInvariant();
            if (Array.IndexOf(s_methods, upper) < 0)
            {
                problem = $"'{method}' is not an HTTP method of OpenAPI (get, put, post, delete, options, head, patch, trace)";
                return null;
            }

            methods.Add(upper);
        }

        // Runs of '**' match what one does; collapsed, a pattern cannot make the matcher backtrack once per repetition.
        var glob = spec.Substring(slash).Trim();
        while (glob.IndexOf("/**/**", StringComparison.Ordinal) >= 0)
        {
            glob = glob.Replace("/**/**", "/**");
        }

        return new OperationFilterModel(exclude, OperationFilterKind.Path, glob, methods.ToEquatableArray(), text);
    }

    private static bool TryStrip(string text, string prefix, out string? rest)
    {
        rest = text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text.Substring(prefix.Length).Trim() : null;
        return rest is not null;
    }

    /// <summary>Whether the operation is kept; records which entries matched it.</summary>
    public bool Keeps(string method, string path, string operationId, IReadOnlyList<string> tags)
    {
        var included = !_hasInclude;
        var excluded = false;
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            if (!Matches(entry, method, path, operationId, tags))
            {
                continue;
            }

            _matched[i] = true;
            excluded |= entry.Exclude;
            included |= !entry.Exclude;
        }

        return included && !excluded;
    }

    /// <summary>Reports every entry that matched no operation of the document, at <paramref name="at"/> (the <c>paths</c> key).</summary>
    public void ReportUnmatched(ParseContext context, YNode? at)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (!_matched[i])
            {
                var entry = _entries[i];
                context.Report(D.FilterMatchesNothing, at, entry.Exclude ? "OpenApiExclude" : "OpenApiInclude", entry.Text, System.IO.Path.GetFileName(context.FilePath));
            }
        }
    }

    private static bool Matches(OperationFilterModel entry, string method, string path, string operationId, IReadOnlyList<string> tags) => entry.Kind switch
    {
        OperationFilterKind.Tag => tags.Any(tag => Wildcard(entry.Pattern, tag)),
        OperationFilterKind.OperationId => Wildcard(entry.Pattern, operationId),
        _ => (entry.Methods.Count == 0 || entry.Methods.Contains(method.ToUpperInvariant())) && PathGlob(entry.Pattern.Split('/'), 0, path.Split('/'), 0),
    };

    /// <summary>Segment by segment: <c>**</c> takes any number of segments, other segments match one by <see cref="Wildcard"/>.</summary>
    internal static bool PathGlob(string[] pattern, int p, string[] path, int s)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == "**")
            {
                for (var skip = s; skip <= path.Length; skip++)
                {
                    if (PathGlob(pattern, p + 1, path, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (s >= path.Length || !Wildcard(pattern[p], path[s]))
            {
                return false;
            }

            p++;
            s++;
        }

        return s == path.Length;
    }

    /// <summary><c>*</c> matches any run of characters, <c>?</c> one; everything else compares ordinally.</summary>
    internal static bool Wildcard(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]) && pattern[p] != '*')
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
