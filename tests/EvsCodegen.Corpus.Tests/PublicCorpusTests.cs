using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using EvsCodegen.TestSupport;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>The corpus run of the README, as a test: one run shared by the facts below.</summary>
public sealed class PublicCorpusFixture
{
    public PublicCorpusFixture()
    {
        Documents = CorpusRunner.Discover(RepoPaths.RequirePublicCorpus());
        Results = CorpusRunner.Run(Documents, CorpusRunner.DefaultTimeout, Environment.ProcessorCount);
    }

    public System.Collections.Generic.IReadOnlyList<CorpusDocument> Documents { get; }

    public System.Collections.Generic.IReadOnlyList<DocumentResult> Results { get; }
}

public sealed class PublicCorpusTests(PublicCorpusFixture corpus) : IClassFixture<PublicCorpusFixture>
{
    [Fact]
    public void EveryDocument_RunsWithoutCrashHangOrCompileError()
    {
        var failures = corpus.Results.Where(r => r.Outcome != Outcome.Ok).Select(CorpusReport.Row).ToList();
        Assert.True(failures.Count == 0, CorpusReport.Summary(corpus.Results) + "\n" + string.Join("\n", failures));
    }

    [Fact]
    public void GeneratedCode_HasNoCompilerWarnings()
    {
        // Consumers build with TreatWarningsAsErrors; a warning in generated code breaks their build like an error.
        var warnings = corpus.Results
            .SelectMany(r => r.CompilerWarnings.Select(w => $"{r.Name}: {CorpusReport.Describe(w)}"))
            .ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings.Take(20)));
    }

    [Fact]
    public void EveryGeneratorDiagnostic_PointsAtALineOfItsDocumentOrAFileItReferences()
    {
        var unpositioned = corpus.Results
            .SelectMany(r => r.GeneratorDiagnostics.Select(d => (r.Name, Diagnostic: d)))
            .Where(x => x.Diagnostic.Location.Kind != LocationKind.ExternalFile
                || !corpus.Documents.Any(doc => doc.Name == x.Name
                    && (doc.Path == x.Diagnostic.Location.GetLineSpan().Path || doc.Fragments.Any(f => f.Key == x.Diagnostic.Location.GetLineSpan().Path))))
            .Select(x => $"{x.Name}: {x.Diagnostic}")
            .ToList();
        Assert.True(unpositioned.Count == 0, string.Join("\n", unpositioned));
    }

    [Fact]
    public void EveryOperationNotGenerated_IsReportedAsSkipped()
    {
        // Operations the runner counts in the document = generated methods + EVS2002 "operation is skipped" reports.
        var unexplained = corpus.Results
            .Where(r => r.Generated && r.DocumentedOperations is not null)
            .Select(r => (r.Name, Missing: r.DocumentedOperations!.Value - r.GeneratedOperations,
                Reported: r.GeneratorDiagnostics.Count(d => d.Id is "EVS2002" or "EVS1007" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).EndsWith("the operation is skipped", StringComparison.Ordinal))))
            .Where(x => x.Missing != x.Reported)
            .Select(x => $"{x.Name}: {x.Missing} operations not generated, {x.Reported} reported as skipped")
            .ToList();
        Assert.True(unexplained.Count == 0, string.Join("\n", unexplained));
    }

    [Fact]
    public void EveryControllerRoute_ParsesAsAnAspNetCoreRoutePattern_AndIsUniquePerMethod()
    {
        var problems = corpus.Results
            .SelectMany(r => RouteFacts.Routes(r.Sources).Select(route => (r.Name, route.Method, route.Template)))
            .Select(x => (x.Name, x.Method, x.Template, Problem: RouteFacts.Problem(x.Template)))
            .Where(x => x.Problem is not null)
            .Select(x => $"{x.Name}: {x.Method} {x.Template}: {x.Problem}")
            .ToList();
        var duplicates = corpus.Results
            .SelectMany(r => RouteFacts.Routes(r.Sources).GroupBy(route => (route.Method, route.Template.ToLowerInvariant())).Where(g => g.Count() > 1).Select(g => $"{r.Name}: {g.Key.Method} {g.Key.Item2} ×{g.Count()}"))
            .ToList();
        Assert.True(problems.Count + duplicates.Count == 0, string.Join("\n", problems.Concat(duplicates)));
    }

    [Fact]
    public void Swagger20AndOpenApi32Documents_GenerateEveryOperation_WithoutErrors()
    {
        // Read into the same model as 3.0/3.1 (Swagger2Reader; 3.2 with the 3.1 rules), once refused with EVS1002.
        foreach (var name in new[] { "oai__3.2-tags-example.yaml", "oai__petstore-swagger-2.0.json", "oai__swagger2-petstore-minimal.json", "oai__swagger2-petstore-simple.json", "oai__swagger2-uber.json" })
        {
            var result = corpus.Results.Single(r => r.Name == name);
            Assert.Equal((name, Outcome.Ok, false), (name, result.Outcome, result.HasGeneratorErrors));
            Assert.True(result.DocumentedOperations > 0 && result.GeneratedOperations == result.DocumentedOperations, $"{name}: {result.GeneratedOperations}/{result.DocumentedOperations}");
        }
    }

    [Fact]
    public void UnresolvedReference_IsAnErrorAtTheReference_AndTheRestOfTheDocumentStillGenerates()
    {
        // The corpus's one document with a $ref that points nowhere (MANIFEST: oag__unsigned-test.yaml).
        var result = corpus.Results.Single(r => r.Name == "oag__unsigned-test.yaml");

        var unresolved = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "EVS1004");
        Assert.Equal(DiagnosticSeverity.Error, unresolved.Severity);
        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.True(result.Generated && result.HasGeneratorErrors);
    }

    [Fact]
    public void SupportedDocuments_AllGenerateCode()
    {
        var silent = corpus.Results
            .Where(r => !r.Generated && !r.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            .Select(r => r.Name)
            .ToList();
        Assert.Empty(silent);
    }
}
