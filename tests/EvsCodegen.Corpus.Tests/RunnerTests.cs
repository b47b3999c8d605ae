using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>The runner itself: it tells a crash, a hang and a compile error from a clean run, and counts what it sees.</summary>
public sealed class RunnerTests
{
    private const string Petstore = """
        openapi: 3.0.3
        info: {title: Pets, version: '1'}
        paths:
          /pets/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
            get:
              operationId: getPet
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
            delete:
              responses: {'204': {description: gone}}
        components:
          schemas:
            Pet: {type: object, properties: {name: {type: string}, kind: {type: string, enum: [cat, dog]}}}
        """;

    [Fact]
    public void CleanDocument_IsOkAndCounted()
    {
        var result = Run(Petstore, TimeSpan.FromSeconds(30));

        Assert.Equal(Outcome.Ok, result.Outcome);
        Assert.Equal(2, result.DocumentedOperations);
        Assert.Equal(2, result.GeneratedOperations);
        Assert.Equal(2, result.Types);
        Assert.Equal(result.Sources.Count, result.Files);
        Assert.Equal(result.Sources.Sum(s => s.Value.Count(c => c == '\n')), result.Lines);
        Assert.Equal("—", result.DiagnosticsById);
    }

    [Fact]
    public void GeneratorException_IsACrash()
    {
        var result = CorpusRunner.RunOne(Document(Petstore), TimeSpan.FromSeconds(30), generator: new ThrowingGenerator());

        Assert.Equal(Outcome.Crash, result.Outcome);
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.Contains("boom", CorpusReport.Row(result), StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratorOverTheTimeout_IsAHang()
    {
        var result = CorpusRunner.RunOne(Document(Petstore), TimeSpan.FromMilliseconds(200), generator: new SlowGenerator());

        Assert.Equal(Outcome.Hang, result.Outcome);
        Assert.Contains("**hang**", CorpusReport.Row(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_StretchesWithTheLoad_AndSaysSo()
    {
        var waits = new List<TimeSpan>();
        bool Never(TimeSpan budget)
        {
            waits.Add(budget);
            return false;
        }

        // Idle (load per core 1): one wait, no note.
        Assert.False(CorpusRunner.WaitScaled(Never, TimeSpan.FromSeconds(2), out var idle, () => (1, 1.5)));
        Assert.Equal([TimeSpan.FromSeconds(2)], waits);
        Assert.Empty(idle);

        // Load 6 on the machine's cores at 3 per core: the budget is waited three times in all, and the note says why.
        waits.Clear();
        Assert.False(CorpusRunner.WaitScaled(Never, TimeSpan.FromSeconds(2), out var loaded, () => (3, 6)));
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], waits);
        Assert.StartsWith(" (waited 6 s in all: load average 6 on ", loaded, StringComparison.Ordinal);

        // Finished within the stretch: success.
        var calls = 0;
        Assert.True(CorpusRunner.WaitScaled(_ => ++calls == 2, TimeSpan.FromSeconds(1), out _, () => (2, 4)));
    }

    [Fact]
    public void GeneratorAndCompileTimes_AreMeasuredApart_AndReportedInTheirOwnColumns()
    {
        var result = Run(Petstore, TimeSpan.FromSeconds(30));

        Assert.True(result.GeneratorTime > TimeSpan.Zero && result.CompileTime > TimeSpan.Zero, $"{result.GeneratorTime} {result.CompileTime}");
        var cells = CorpusReport.Row(result).Split(" | ");
        Assert.Equal(CorpusReport.Header.Split('\n')[0].Split(" | ").Length, cells.Length);
        Assert.Equal(((long)result.GeneratorTime.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[^2]);
        Assert.Equal(((long)result.CompileTime.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + " |", cells[^1]);
    }

    [Fact]
    public void CompileOverItsBudget_IsASlowCompile_NotAHang()
    {
        // A compile budget no compilation meets: the generator's budget is kept, so only the compile runs out. The machine's
        // load is taken as none, or a busy machine would stretch the budget (up to 8 ms) past a small document's compile.
        var result = CorpusRunner.RunOne(Document(Petstore), TimeSpan.FromSeconds(30), compileTimeout: TimeSpan.FromMilliseconds(1), loadFactor: static () => (1, 0));

        Assert.Equal(Outcome.SlowCompile, result.Outcome);
        Assert.True(result.GeneratorTime > TimeSpan.Zero);
        Assert.True(result.Files > 0 && result.Lines > 0);
        Assert.Equal(TimeSpan.FromMilliseconds(1), result.CompileTime);
        var row = CorpusReport.Row(result);
        Assert.Contains("**slow compile**", row, StringComparison.Ordinal);
        Assert.Contains($"compiling the generated code ({result.Lines} lines in {result.Files} files) did not finish within 0.001 s", row, StringComparison.Ordinal);
        Assert.DoesNotContain("hang", row, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedCodeThatDoesNotCompile_IsACompileError()
    {
        var result = CorpusRunner.RunOne(Document(Petstore), TimeSpan.FromSeconds(30), generator: new BrokenCodeGenerator());

        Assert.Equal(Outcome.CompileErrors, result.Outcome);
        Assert.Contains(result.CompilerErrors, d => d.Id == "CS0246");
    }

    [Fact]
    public void Summary_CountsEachOutcome()
    {
        var results = new[]
        {
            new DocumentResult { Name = "a", Outcome = Outcome.Ok, Files = 3 },
            new DocumentResult { Name = "b", Outcome = Outcome.Crash },
            new DocumentResult { Name = "c", Outcome = Outcome.Hang },
            new DocumentResult { Name = "d", Outcome = Outcome.CompileErrors, Files = 1 },
            new DocumentResult { Name = "e", Outcome = Outcome.SlowCompile, Files = 9 },
        };

        Assert.Equal("documents: 5, generated: 3, crashes: 1, hangs: 1, slow-compiles: 1, compile-errors: 1, diagnostics: 0, documents-with-errors: 0, runner-errors: 0", CorpusReport.Summary(results));
        Assert.False(CorpusReport.IsGreen(results));
        Assert.True(CorpusReport.IsGreen(results.Take(1).ToList()));
    }

    [Fact]
    public void Discover_TakesTopLevelFilesAndDocumentsInSubfolders_AndGivesFragmentsToTheirDocument()
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "corpus-discover-" + Guid.NewGuid().ToString("N"));
        try
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(root, "multi", "parts"));
            System.IO.File.WriteAllText(System.IO.Path.Combine(root, "top.yaml"), "not: an openapi document\n");
            System.IO.File.WriteAllText(System.IO.Path.Combine(root, "notes.txt"), "ignored\n");
            System.IO.File.WriteAllText(System.IO.Path.Combine(root, "multi", "api.yaml"), Petstore);
            System.IO.File.WriteAllText(System.IO.Path.Combine(root, "multi", "parts", "pet.yaml"), "type: object\n");

            var documents = CorpusRunner.Discover(root);

            Assert.Equal(["multi/api.yaml", "top.yaml"], documents.Select(d => d.Name).Order(StringComparer.Ordinal));
            var multi = documents.Single(d => d.Name == "multi/api.yaml");
            Assert.Equal("Corpus.MultiApi", multi.Namespace);
            Assert.EndsWith("pet.yaml", Assert.Single(multi.Fragments).Key, StringComparison.Ordinal);
            Assert.Empty(documents.Single(d => d.Name == "top.yaml").Fragments);
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    private static CorpusDocument Document(string text) => new("pets.yaml", "/runner/pets.yaml", text, "Runner.Pets", []);

    private static DocumentResult Run(string text, TimeSpan timeout) => CorpusRunner.RunOne(Document(text), timeout);

    private sealed class ThrowingGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.AdditionalTextsProvider, static (_, _) => throw new InvalidOperationException("boom"));
    }

    private sealed class SlowGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.AdditionalTextsProvider, static (spc, _) =>
            {
                // Stands for a generator stuck in a loop: it only stops when the runner cancels it.
                while (true)
                {
                    spc.CancellationToken.ThrowIfCancellationRequested();
                    Thread.Sleep(10);
                }
            });
    }

    private sealed class BrokenCodeGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.AdditionalTextsProvider, static (spc, _) => spc.AddSource("Broken.g.cs", "class Broken { Missing field; }"));
    }
}
