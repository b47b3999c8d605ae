using System;
using System.Collections.Generic;

namespace EvsCodegen.Generators.Model;

/// <summary>
/// The one reader of OpenAPI path templates (<c>/pets/{petId}</c>), shared by the parser, which refuses malformed
/// templates with a diagnostic, and the emitters, which only ever see templates it accepted. OpenAPI 3.1.1's grammar:
/// a template expression is <c>{</c>, one or more characters other than braces, <c>}</c>; literal text holds no braces.
/// </summary>
internal static class PathTemplate
{
    /// <summary>One piece of a path template: literal text, or the name of a template expression (<c>{name}</c>).</summary>
    /// <param name="Text">The literal text, or the parameter's name without braces.</param>
    /// <param name="IsParameter">Whether this piece is a template expression.</param>
    public readonly record struct Segment(string Text, bool IsParameter);

    /// <summary>The pieces of <paramref name="path"/>; null with a reason and the index of the offending character when malformed.</summary>
    public static IReadOnlyList<Segment>? Parse(string path, out string? problem, out int at)
    {
        var segments = new List<Segment>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var literalStart = 0;
        problem = null;
        at = 0;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '}')
            {
                (problem, at) = ("'}' closes no template expression", i);
                return null;
            }

            if (path[i] != '{')
            {
                continue;
            }

            var close = path.IndexOfAny(['{', '}'], i + 1);
            if (close < 0 || path[close] == '{')
            {
                (problem, at) = (close < 0 ? "'{' is never closed" : "'{' opens a template expression inside another", close < 0 ? i : close);
                return null;
            }

            var name = path.Substring(i + 1, close - i - 1);
            if (name.Length == 0)
            {
                (problem, at) = ("the template expression '{}' has no name", i);
                return null;
            }

            if (!names.Add(name))
            {
                (problem, at) = ($"the path parameter '{name}' appears twice", i);
                return null;
            }

            if (i > literalStart)
            {
                segments.Add(new Segment(path.Substring(literalStart, i - literalStart), false));
            }

            segments.Add(new Segment(name, true));
            i = close;
            literalStart = close + 1;
        }

        if (literalStart < path.Length)
        {
            segments.Add(new Segment(path.Substring(literalStart), false));
        }

        return segments;
    }

    /// <summary>The pieces of a template the parser accepted; throws on one it would have refused (a bug of ours).</summary>
    public static IReadOnlyList<Segment> Segments(string path) =>
        Parse(path, out var problem, out _) ?? throw new ArgumentException($"The path template '{path}' is malformed: {problem}.", nameof(path));
}
