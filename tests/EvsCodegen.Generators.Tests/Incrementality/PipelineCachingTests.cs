using EvsCodegen.Generators.Emitting;
using EvsCodegen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsCodegen.Generators.Tests.Incrementality;

/// <summary>Runs the driver twice and asserts which pipeline steps re-ran.</summary>
public sealed class PipelineCachingTests
{
    private static readonly string[] s_trackingNames = typeof(TrackingNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static readonly string s_evsText = File.ReadAllText(RepoPaths.EvsDocument);

    [Fact]
    public void TrackingNames_IncludeEveryStepTheseTestsAssertOn()
    {
        Assert.Subset(s_trackingNames.ToHashSet(), new HashSet<string> { "Defaults", "Inputs", "Parsed", "Diagnostics", "Units" });
    }

    [Fact]
    public void EditingUnrelatedCSharpFile_DoesNotReparseDocument()
    {
        var session = Session.Start(s_evsText, GeneratorHarness.CreateCompilation("namespace App; public static class A { }"));
        var compilation = session.Compilation;
        var edited = compilation
            .ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("namespace App; public static class A { public static int B => 1; }", GeneratorHarness.ParseOptions))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; internal static class C { }", GeneratorHarness.ParseOptions));

        var result = session.Rerun(edited);

        // Not one step runs again, not even to an equal value: nothing the generator reads depends on C# files.
        foreach (var name in s_trackingNames)
        {
            Assert.All(Outputs(result, name), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached,
                $"Step {name} ran again: {output.Reason}"));
        }

        Assert.All(
            result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void EditingOneSchemaDescription_ReemitsOnlyThatSchemasFile()
    {
        var session = Session.Start(s_evsText);

        var result = session.EditDocument(Replace(s_evsText, "description: 错误详情。 / Fault details.", "description: 错误详情。 / What went wrong."));

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Inputs));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Parsed));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(result, TrackingNames.Diagnostics));
        var units = Outputs(result, TrackingNames.Units).ToDictionary(o => ((EmitUnitModel)o.Value).HintName, o => o.Reason);
        Assert.Equal(12, units.Count);
        Assert.Equal(IncrementalStepRunReason.Modified, units["EvsSnapshots.Models.Fault.g.cs"]);
        Assert.All(
            units.Where(u => u.Key != "EvsSnapshots.Models.Fault.g.cs"),
            unit => Assert.True(unit.Value == IncrementalStepRunReason.Unchanged, $"{unit.Key}: {unit.Value}"));
    }

    [Fact]
    public void AddingAYamlComment_ReparsesButChangesNoModelSoNothingIsEmitted()
    {
        var session = Session.Start(s_evsText);

        var result = session.EditDocument("# A comment moves every line down; the model holds no positions.\n" + s_evsText);

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Inputs));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(result, TrackingNames.Parsed));
        Assert.All(Reasons(result, TrackingNames.Diagnostics), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(result, TrackingNames.Units), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void MovingAWarning_ReportsItAtItsNewLineWithoutReemittingCode()
    {
        const string Document = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    value: {type: string, not: {enum: [forbidden]}}
            """;
        var session = Session.Start(Document);

        var result = session.EditDocument("\n\n" + Document);

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Parsed));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Diagnostics));
        Assert.All(Reasons(result, TrackingNames.Units), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));
        Assert.Equal(11, Assert.Single(result.Diagnostics).Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void ChangingRootNamespace_WhenTheDocumentSetsItsOwn_DoesNotReparse()
    {
        var session = Session.Start(s_evsText, globalProperties: new Dictionary<string, string> { ["RootNamespace"] = "First" });

        var result = session.ChangeGlobalProperties(new Dictionary<string, string> { ["RootNamespace"] = "Second" });

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Defaults));
        // The options are read again and found equal, so the input is not Modified and parsing does not run.
        Assert.All(Reasons(result, TrackingNames.Inputs), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));
        Assert.Equal([IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.Parsed));
    }

    [Fact]
    public void ChangingTheDocumentNamespace_ReemitsEveryFile()
    {
        var session = Session.Start(s_evsText);

        var result = session.ChangeMetadata("OpenApiNamespace", "Evs.Other");

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Parsed));
        Assert.All(Reasons(result, TrackingNames.Units), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        Assert.All(result.GeneratedSources, source => Assert.Contains("namespace Evs.Other;", source.SourceText.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void ChangingTheOperationFilter_ReemitsWhatChangedAndDropsWhatItLeavesOut_ThenACSharpEditRunsNothing()
    {
        var session = Session.Start(s_evsText, GeneratorHarness.CreateCompilation("namespace App; public static class A { }"));
        var before = session.Rerun(session.Compilation).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        var filtered = session.ChangeMetadata("OpenApiInclude", "op:showSnapshot");

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(filtered, TrackingNames.Parsed));
        var after = filtered.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var hints = after.Keys.ToHashSet();
        Assert.Equal(["EvsSnapshots.Models.UpdateSnapshotOption.g.cs", "EvsSnapshots.Models.UpdateSnapshotRequest.g.cs"], before.Keys.Except(hints).Order(StringComparer.Ordinal));
        Assert.Empty(hints.Except(before.Keys));
        Assert.Contains("UpdateSnapshotAsync", before["EvsSnapshots.Contracts.ISnapshotsApi.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("UpdateSnapshotAsync", after["EvsSnapshots.Contracts.ISnapshotsApi.g.cs"], StringComparison.Ordinal);
        // What the kept operation reaches is emitted exactly as without the filter (same names, same fault table).
        Assert.Equal(before["EvsSnapshots.Models.SnapshotDetail.g.cs"], after["EvsSnapshots.Models.SnapshotDetail.g.cs"]);
        Assert.Equal(before["EvsSnapshots.Faults.g.cs"], after["EvsSnapshots.Faults.g.cs"]);

        var compilation = session.Compilation;
        var edited = session.Rerun(compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("namespace App; public static class A { public static int B => 1; }", GeneratorHarness.ParseOptions)));

        Assert.All(
            edited.TrackedSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Concat(edited.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(hints, edited.GeneratedSources.Select(s => s.HintName).ToHashSet());
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step) =>
        Assert.Contains(step, (IDictionary<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>>)result.TrackedSteps)
            .SelectMany(s => s.Outputs);

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step) =>
        Outputs(result, step).Select(o => o.Reason).ToArray();

    private static string Replace(string text, string oldValue, string newValue)
    {
        Assert.Contains(oldValue, text, StringComparison.Ordinal);
        return text.Replace(oldValue, newValue, StringComparison.Ordinal);
    }

    /// <summary>A driver that has run once, kept to run again after one edit.</summary>
    private sealed class Session
    {
        private const string Path = "/repo/openapi/evs-snapshots.yaml";

        private GeneratorDriver _driver;
        private AdditionalText _document;
        private Dictionary<string, string> _metadata;
        private IReadOnlyDictionary<string, string>? _globalProperties;

        private Session(GeneratorDriver driver, AdditionalText document, Dictionary<string, string> metadata, IReadOnlyDictionary<string, string>? globalProperties, Compilation compilation)
        {
            _driver = driver;
            _document = document;
            _metadata = metadata;
            _globalProperties = globalProperties;
            Compilation = compilation;
        }

        public Compilation Compilation { get; }

        public static Session Start(string text, Compilation? compilation = null, IReadOnlyDictionary<string, string>? globalProperties = null)
        {
            var file = OpenApiFile.Create(Path, text, ns: OpenApiFile.EvsNamespace);
            var document = file.ToAdditionalText();
            var metadata = new Dictionary<string, string>(file.Metadata);
            compilation ??= GeneratorHarness.CreateCompilation();
            var driver = GeneratorHarness.CreateDriver([document], Options(metadata, globalProperties)).RunGenerators(compilation);
            return new Session(driver, document, metadata, globalProperties, compilation);
        }

        public GeneratorRunResult Rerun(Compilation compilation)
        {
            _driver = _driver.RunGenerators(compilation);
            return _driver.GetRunResult().Results.Single();
        }

        public GeneratorRunResult EditDocument(string text)
        {
            var edited = new InMemoryAdditionalText(Path, text);
            _driver = _driver.ReplaceAdditionalText(_document, edited);
            _document = edited;
            return Rerun(Compilation);
        }

        public GeneratorRunResult ChangeGlobalProperties(IReadOnlyDictionary<string, string> properties)
        {
            _globalProperties = properties;
            _driver = _driver.WithUpdatedAnalyzerConfigOptions(Options(_metadata, _globalProperties));
            return Rerun(Compilation);
        }

        public GeneratorRunResult ChangeMetadata(string key, string value)
        {
            _metadata = new Dictionary<string, string>(_metadata) { [key] = value };
            _driver = _driver.WithUpdatedAnalyzerConfigOptions(Options(_metadata, _globalProperties));
            return Rerun(Compilation);
        }

        private static InMemoryOptionsProvider Options(IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, string>? globalProperties) =>
            GeneratorHarness.OptionsProvider([new OpenApiFile(Path, string.Empty, metadata)], globalProperties);
    }
}
