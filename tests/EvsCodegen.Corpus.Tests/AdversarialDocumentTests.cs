using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>
/// The document is untrusted input: text that tries to leave a comment, a string literal or a line must not
/// change what compiles. Each hostile document is compared with its benign twin (see <see cref="AdversarialDocument"/>).
/// </summary>
public sealed class AdversarialDocumentTests
{
    private static readonly ConcurrentDictionary<string, Lazy<(DocumentResult Hostile, DocumentResult Benign)>> s_runs = new();

    public static TheoryData<string> Payloads => [.. AdversarialDocument.Payloads.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void HostileDocument_CompilesWithoutErrorsOrWarnings(string payload)
    {
        var (hostile, _) = Run(payload);
        Assert.Equal(Outcome.Ok, hostile.Outcome);
        Assert.Empty(hostile.CompilerErrors.Select(CorpusReport.Describe));
        Assert.Empty(hostile.CompilerWarnings.Select(CorpusReport.Describe));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void HostileDocument_DeclaresExactlyWhatItsBenignTwinDeclares(string payload)
    {
        var (hostile, benign) = Run(payload);
        Assert.Equal(Outcome.Ok, benign.Outcome);
        Assert.Equal(2, benign.GeneratedOperations);
        var expected = GeneratedCodeFacts.Declarations(benign.Compilation!);
        var actual = GeneratedCodeFacts.Declarations(hostile.Compilation!);
        var missing = expected.Except(actual, StringComparer.Ordinal).Select(d => "- " + d);
        var added = actual.Except(expected, StringComparer.Ordinal).Select(d => "+ " + d);
        var difference = string.Join("\n", missing.Concat(added));
        Assert.True(difference.Length == 0, difference);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void HostileDocument_AddsNoDirectiveCommentOrDisabledText(string payload)
    {
        var (hostile, benign) = Run(payload);
        Assert.Equal(GeneratedCodeFacts.SuspiciousTrivia(benign.Compilation!), GeneratedCodeFacts.SuspiciousTrivia(hostile.Compilation!));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void HostileDocument_KeepsWireNamesAndValuesExactly(string payload)
    {
        var (hostile, _) = Run(payload);
        var text = AdversarialDocument.Payloads.Single(p => p.Name == payload).Text;
        var literals = GeneratedCodeFacts.StringLiterals(hostile.Compilation!);
        foreach (var expected in new[] { "name " + text, "alpha " + text, "free text value " + text, "X-Trace " + text, "X-Key " + text, "fault " + text, "code " + text })
        {
            Assert.Contains(expected, literals);
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void HostileDocument_RoutesParseAsAspNetCoreRoutePatterns(string payload)
    {
        var (hostile, _) = Run(payload);
        var routes = RouteFacts.Routes(hostile.Sources);
        Assert.Equal(2, routes.Count);
        Assert.All(routes, route => Assert.Null(RouteFacts.Problem(route.Template)));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void HostileDocument_ReportsTheSameDiagnosticsAsItsBenignTwin(string payload)
    {
        var (hostile, benign) = Run(payload);
        Assert.Equal(
            benign.GeneratorDiagnostics.Select(d => d.Id).Order(),
            hostile.GeneratorDiagnostics.Select(d => d.Id).Order());
        Assert.True(
            benign.GeneratorDiagnostics.Count == hostile.GeneratorDiagnostics.Count,
            string.Join("\n", hostile.GeneratorDiagnostics.Select(d => d.ToString())));
    }

    private static (DocumentResult Hostile, DocumentResult Benign) Run(string payload) => s_runs.GetOrAdd(payload, name => new(() =>
    {
        var text = AdversarialDocument.Payloads.Single(p => p.Name == name).Text;
        return (RunDocument(name, AdversarialDocument.Hostile(text)), RunDocument(name, AdversarialDocument.Benign(text)));
    })).Value;

    private static DocumentResult RunDocument(string name, string json)
    {
        var document = new CorpusDocument(name, "/adversarial/" + name + ".json", json, "Adversarial." + name, []);
        return CorpusRunner.RunOne(document, CorpusRunner.DefaultTimeout, keepCompilation: true);
    }
}
