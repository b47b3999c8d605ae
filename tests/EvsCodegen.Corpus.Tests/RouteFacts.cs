using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvsCodegen.Corpus.Tests;

/// <summary>The routes of the generated controllers, checked the way ASP.NET Core checks them when the app starts.</summary>
internal static class RouteFacts
{
    /// <summary>The <c>Route = "…"</c> templates of the generated <c>AcceptVerbs</c> attributes, with their HTTP methods.</summary>
    public static IReadOnlyList<(string Method, string Template)> Routes(IEnumerable<KeyValuePair<string, string>> sources) => sources
        .Where(s => s.Key.Contains(".Controllers.", StringComparison.Ordinal))
        .SelectMany(s => CSharpSyntaxTree.ParseText(s.Value).GetRoot().DescendantNodes().OfType<AttributeSyntax>())
        .Where(a => a.Name.ToString().EndsWith("AcceptVerbs", StringComparison.Ordinal) && a.ArgumentList is not null)
        .Select(a => (
            Method: ((LiteralExpressionSyntax)a.ArgumentList!.Arguments[0].Expression).Token.ValueText,
            Template: ((LiteralExpressionSyntax)a.ArgumentList.Arguments.Single(x => x.NameEquals?.Name.Identifier.Text == "Route").Expression).Token.ValueText))
        .ToList();

    /// <summary>Why a template would stop the app at startup, or null when ASP.NET Core accepts it.</summary>
    public static string? Problem(string template)
    {
        try
        {
            RoutePatternFactory.Parse(template);
            return null;
        }
        catch (RoutePatternException exception)
        {
            return exception.Message;
        }
    }
}
