using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsCodegen.Generators.Emitting;

/// <summary>Makes untrusted document text safe to place in C#: string literals and XML doc comments.</summary>
internal static class Text
{
    /// <summary>
    /// A C# string literal whose value is exactly <paramref name="value"/>. <c>FormatLiteral</c> escapes control
    /// characters and line separators but leaves format characters (category Cf: the bidi overrides U+202A–U+202E and
    /// isolates U+2066–U+2069, zero-width joiners) raw, which can make source read differently from what compiles
    /// (Trojan Source, CVE-2021-42574); those become <c>\uXXXX</c> escapes, so the value is unchanged.
    /// </summary>
    public static string Literal(string value)
    {
        var literal = SymbolDisplay.FormatLiteral(value, quote: true);
        var index = 0;
        while (index < literal.Length && !IsFormat(literal[index]))
        {
            index++;
        }

        if (index == literal.Length)
        {
            return literal;
        }

        var builder = new StringBuilder(literal.Length + 16).Append(literal, 0, index);
        for (; index < literal.Length; index++)
        {
            var c = literal[index];
            if (IsFormat(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsFormat(char c) => c >= '\u00AD' && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    /// <summary>
    /// XML doc lines (each prefixed with <c>/// </c>) for <paramref name="text"/>: XML-escaped, control and
    /// bidirectional characters dropped, so no description can end the comment or change what compiles.
    /// </summary>
    public static string Summary(string? text, string fallback)
    {
        var builder = new StringBuilder("/// <summary>\n");
        // The fallback is written by the emitters (already escaped); only document text is cleaned.
        foreach (var line in (string.IsNullOrWhiteSpace(text) ? fallback : Clean(text!)).Split('\n'))
        {
            builder.Append("/// ").Append(line.TrimEnd()).Append('\n');
        }

        return builder.Append("/// </summary>").ToString();
    }

    /// <summary>XML-escapes one line of doc text (used inside other doc tags).</summary>
    public static string Inline(string? text) => Clean(text ?? string.Empty).Replace('\n', ' ');

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n").Replace('\r', '\n').Trim())
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\n': builder.Append('\n'); break;
                default:
                    // Line and paragraph separators would end the comment line; format characters include bidi controls.
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
                    {
                        break;
                    }

                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
