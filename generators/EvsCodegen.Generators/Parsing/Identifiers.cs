using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Turns untrusted names from the document into C# identifiers. Only identifier characters survive, so no name
/// can carry code, comments or control characters into the output.
/// </summary>
internal static class Identifiers
{
    /// <summary>PascalCase: <c>snapshot_id</c> → <c>SnapshotId</c>, <c>@type</c> → <c>Type</c>, <c>1st</c> → <c>_1st</c>.</summary>
    public static string ToPascalCase(string? raw, string fallback = "Value")
    {
        var builder = new StringBuilder();
        foreach (var word in SplitWords(raw ?? string.Empty))
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word, 1, word.Length - 1);
        }

        if (builder.Length == 0)
        {
            builder.Append(fallback);
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>camelCase, with <c>@</c> when the result is a keyword: <c>class</c> → <c>@class</c>.</summary>
    public static string ToCamelCase(string? raw, string fallback = "value")
    {
        var pascal = ToPascalCase(raw, fallback);
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return EscapeKeyword(camel);
    }

    /// <summary>Prefixes <c>@</c> to reserved and contextual keywords.</summary>
    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    private static IEnumerable<string> SplitWords(string raw)
    {
        var current = new StringBuilder();
        char previous = '\0';
        foreach (var c in raw)
        {
            if (!SyntaxFacts.IsIdentifierPartCharacter(c) || c == '_' || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                previous = '\0';
                continue;
            }

            // A lower-to-upper change starts a new word (fooBar), so PascalCase keeps the author's word breaks.
            if (current.Length > 0 && char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous)))
            {
                yield return current.ToString();
                current.Clear();
            }

            current.Append(c);
            previous = c;
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}

/// <summary>
/// Hands out unique names in one scope. Comparison ignores case, because names become file hint names too and
/// <c>DuplicateTest</c> and <c>Duplicatetest</c> must not map to one file. Collisions get 2, 3, … in the order
/// names are asked for, which is document order, so output is deterministic.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public NameScope(params string[] reserved)
    {
        foreach (var name in reserved)
        {
            _used.Add(name);
        }
    }

    /// <summary>
    /// Claims a type name together with the name of a type generated beside it (<paramref name="companionSuffix"/>
    /// appended, e.g. its JSON converter), so that no other type can take either: the first of <c>Name</c>,
    /// <c>Name2</c>, … for which both are free.
    /// </summary>
    public string Claim(string name, string companionSuffix)
    {
        for (var i = 1; ; i++)
        {
            var candidate = i == 1 ? name : name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!_used.Contains(candidate) && !_used.Contains(candidate + companionSuffix))
            {
                _used.Add(candidate);
                _used.Add(candidate + companionSuffix);
                return candidate;
            }
        }
    }

    /// <summary>
    /// Claims the names <paramref name="stem"/> followed by each of <paramref name="suffixes"/> (members generated for one
    /// thing, e.g. <c>BearerToken</c> and <c>BearerTokenProvider</c>): the first of <c>Stem</c>, <c>Stem2</c>, … for which
    /// all are free. Returns the stem.
    /// </summary>
    public string ClaimAll(string stem, params string[] suffixes)
    {
        for (var i = 1; ; i++)
        {
            var candidate = i == 1 ? stem : stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (suffixes.All(suffix => !_used.Contains(candidate + suffix)))
            {
                foreach (var suffix in suffixes)
                {
                    _used.Add(candidate + suffix);
                }

                return candidate;
            }
        }
    }

    public string Claim(string name)
    {
        var bare = name.TrimStart('@');
        if (_used.Add(bare))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var candidate = bare + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_used.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
