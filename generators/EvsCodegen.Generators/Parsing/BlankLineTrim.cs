using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// The spaces removed from one spaces-only line below a block scalar header, so that YamlDotNet reads an empty block
/// scalar the way YAML 1.2, libyaml, PyYAML and js-yaml do.
/// </summary>
/// <remarks>
/// YAML detects a block scalar's indentation from its first non-empty line, and the leading empty lines may not have
/// more spaces than it. A scalar with no content line has nothing to compare with: every leading spaces-only line is
/// indentation, whatever its length (the value is one line break per line with <c>|+</c>, empty otherwise).
/// YamlDotNet (up to 18.1) takes the less-indented line that ends such a scalar for its first content line and throws
/// "found extra spaces in first line" or "found more spaces in lines above first content line" (aaubry/YamlDotNet#523,
/// #535); OpenAI's published description has such a scalar.
/// Removing the spaces of those lines changes no value then. Only lines change length, never line breaks: line and
/// column of every node are those of the original text, and offsets are mapped back by <see cref="ToOriginal"/>.
/// Whether the scalar really had no content is checked after the read (<see cref="FollowsHeader"/>); if it had, the
/// lines were more indented than its content, which is an error, and YamlDotNet's message stands.
/// </remarks>
internal sealed class BlankLineTrim
{
    private static readonly Regex s_blockHeader = new(@"[|>]([+-]?[1-9]?|[1-9]?[+-]?)(\s+#.*)?\s*$", RegexOptions.CultureInvariant);

    private BlankLineTrim(int position, int removed, long headerLine, LoadError error)
    {
        Position = position;
        Removed = removed;
        HeaderLine = headerLine;
        Error = error;
    }

    /// <summary>Where the spaces were, in the text as it was after the trims before this one.</summary>
    public int Position { get; }

    /// <summary>How many spaces were removed.</summary>
    public int Removed { get; }

    /// <summary>The 1-based line of the block scalar's header (YamlDotNet's numbering).</summary>
    public long HeaderLine { get; }

    /// <summary>YamlDotNet's error, positioned in the original text: what stands if the scalar has content.</summary>
    public LoadError Error { get; }

    /// <summary>
    /// The text with the spaces-only lines above the line <paramref name="exception"/> points at removed, when it is
    /// YamlDotNet's "extra spaces in first line" error right below a block scalar header; else null. Each removal is
    /// added to <paramref name="trims"/>.
    /// </summary>
    public static string? Find(string text, YamlException exception, List<BlankLineTrim> trims)
    {
        // YamlDotNet words the same refusal two ways, depending on the line breaks and the block style.
        if (exception.Message.IndexOf("found extra spaces in first line", StringComparison.Ordinal) < 0
            && exception.Message.IndexOf("found more spaces in lines above first content line", StringComparison.Ordinal) < 0)
        {
            return null;
        }

        var lineStart = (int)Math.Min(Math.Max(0, exception.Start.Index), text.Length);
        while (lineStart > 0 && text[lineStart - 1] != '\n')
        {
            lineStart--;
        }

        // Walk up over the spaces-only lines to the header.
        var blank = new List<(int Start, int Length)>();
        var end = lineStart;
        var headerLine = exception.Start.Line;
        while (end > 0)
        {
            var start = end - 1;
            while (start > 0 && text[start - 1] != '\n')
            {
                start--;
            }

            var content = text.Substring(start, end - 1 - start).TrimEnd('\r');
            headerLine--;
            if (content.Trim(' ').Length > 0)
            {
                if (!s_blockHeader.IsMatch(content) || blank.Count == 0)
                {
                    return null;
                }

                var error = new LoadError(LoadErrorKind.Syntax, "a block scalar's leading spaces-only line has more spaces than its first content line", YamlLoader.ToSpan(exception.Start, exception.End, trims), YamlLoader.ToLineSpan(exception.Start, exception.End));
                var builder = new StringBuilder(text.Length);
                var copied = 0;
                var removedSoFar = 0;
                blank.Reverse();
                foreach (var (blankStart, length) in blank)
                {
                    builder.Append(text, copied, blankStart - copied);
                    copied = blankStart + length;
                    trims.Add(new BlankLineTrim(blankStart - removedSoFar, length, headerLine, error));
                    removedSoFar += length;
                }

                builder.Append(text, copied, text.Length - copied);
                return builder.ToString();
            }

            if (content.Length > 0)
            {
                blank.Add((start, content.Length));
            }

            end = start;
        }

        return null;
    }

    /// <summary>The trim below the block scalar header on <paramref name="line"/> (1-based), if any.</summary>
    public static BlankLineTrim? FollowsHeader(IReadOnlyList<BlankLineTrim> trims, long line)
    {
        foreach (var trim in trims)
        {
            if (trim.HeaderLine == line)
            {
                return trim;
            }
        }

        return null;
    }

    /// <summary>The offset in the original text of <paramref name="index"/> in the trimmed one.</summary>
    public static int ToOriginal(int index, IReadOnlyList<BlankLineTrim> trims)
    {
        for (var i = trims.Count - 1; i >= 0; i--)
        {
            if (index > trims[i].Position)
            {
                index += trims[i].Removed;
            }
        }

        return index;
    }
}
