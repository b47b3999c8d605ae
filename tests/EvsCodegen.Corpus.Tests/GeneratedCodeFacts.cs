using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsCodegen.Corpus.Tests;

/// <summary>What generated code declares and contains, read back from the compilation.</summary>
internal static class GeneratedCodeFacts
{
    private static readonly SymbolDisplayFormat s_format = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Included,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters
            | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeModifiers | SymbolDisplayMemberOptions.IncludeAccessibility,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Every type and member the compilation's own assembly declares, with signatures, ordinally sorted.</summary>
    public static IReadOnlyList<string> Declarations(Compilation compilation)
    {
        var result = new List<string>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                switch (member)
                {
                    case INamespaceSymbol ns:
                        pending.Push(ns);
                        break;
                    case INamedTypeSymbol type:
                        result.Add($"{type.TypeKind} {type.ToDisplayString(s_format)}");
                        result.AddRange(type.GetMembers().Where(m => m is not INamedTypeSymbol).Select(m => $"  {m.Kind} {m.ToDisplayString(s_format)}"));
                        pending.Push(type);
                        break;
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>Preprocessor directives, multi-line comments, disabled text and skipped tokens: the trivia an injection would add.</summary>
    public static IReadOnlyList<string> SuspiciousTrivia(Compilation compilation) => compilation.SyntaxTrees
        .SelectMany(tree => tree.GetRoot().DescendantTrivia(descendIntoTrivia: true))
        .Where(t => t.IsDirective || t.IsKind(SyntaxKind.MultiLineCommentTrivia) || t.IsKind(SyntaxKind.DisabledTextTrivia) || t.IsKind(SyntaxKind.SkippedTokensTrivia))
        .Select(t => t.ToFullString().Trim())
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The values of every string literal (UTF-8 ones included) in the generated code.</summary>
    public static ISet<string> StringLiterals(Compilation compilation) => compilation.SyntaxTrees
        .SelectMany(tree => tree.GetRoot().DescendantTokens())
        .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.Utf8StringLiteralToken))
        .Select(t => t.ValueText)
        .ToHashSet(StringComparer.Ordinal);
}
