using EvsCodegen.Generators.Comparing;
using EvsCodegen.Generators.Emitting;
using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators;

/// <summary>
/// Turns each OpenAPI document given as an <c>AdditionalFiles</c> item with <c>OpenApi="true"</c> into models,
/// contract interfaces, a typed <c>HttpClient</c> client and ASP.NET Core controllers, all from one model.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Project-wide defaults, reduced to a small record so unrelated option changes stop here.
        var defaults = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => OptionsReader.ReadDefaults(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Defaults);

        // Only items marked OpenApi="true"; text and options become one equatable input per document.
        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(defaults)
            .Select(static (pair, token) => Pipeline.ReadInput(pair.Left.Left, pair.Left.Right, pair.Right, token))
            .Where(static input => input is not null)
            .WithTrackingName(TrackingNames.Inputs);

        // Files an external $ref may name: every YAML or JSON AdditionalFiles item (never the disk). A document gets
        // them only when its text holds such a reference, so editing one file re-parses only the documents that may
        // read it.
        var fragments = context.AdditionalTextsProvider
            .Where(static file => Pipeline.MayBeFragment(file.Path))
            .Select(static (file, token) => new FragmentModel(file.Path, file.GetText(token)?.ToString() ?? string.Empty))
            .Collect();
        var withFragments = inputs
            .Combine(fragments)
            .Select(static (pair, _) => (Input: pair.Left!, Fragments: Pipeline.HasExternalReference(pair.Left!.Text) ? pair.Right.ToEquatableArray() : default))
            .WithTrackingName(TrackingNames.WithFragments);

        // The expensive step: parse into the model. Runs again only when a document's text or options (or a file it
        // may reference) change.
        var parsed = withFragments
            .Select(static (pair, token) => DocumentParser.Parse(pair.Input, pair.Fragments, token))
            .WithTrackingName(TrackingNames.Parsed);

        // Diagnostics travel apart from code, so a moved diagnostic never re-emits source.
        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, list) => Pipeline.Report(spc, list));

        // Documents of one compilation must not collide: placement is decided over all of them (small records only).
        var slots = parsed
            .Select(static (result, _) => DocumentPlacement.Identify(result))
            .Collect()
            .Select(static (identities, _) => DocumentPlacement.Place(identities))
            .WithTrackingName(TrackingNames.Placement);
        context.RegisterSourceOutput(slots, static (spc, list) => Pipeline.ReportConflicts(spc, list));
        // Routes are global to the application: a route two documents' servers both answer is reported at build time
        // (EVS1070) instead of failing at run time; the later document's operation is positioned in its text.
        var routeCollisions = parsed
            .Combine(slots)
            .Select(static (pair, _) => RouteCollisions.Identify(pair.Left, pair.Right))
            .Collect()
            .Select(static (sets, _) => RouteCollisions.Find(sets))
            .Combine(inputs.Collect())
            .Select(static (pair, _) => RouteCollisions.Locate(pair.Left, pair.Right!));
        context.RegisterSourceOutput(routeCollisions, static (spc, list) => Pipeline.Report(spc, list));
        var placed = parsed
            .Combine(slots)
            .Select(static (pair, _) => DocumentPlacement.Apply(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Placed);

        // Breaking-change gate, step 1: each document's shipped version (an AdditionalFiles item), parsed by the same
        // parser with the document's options so both models name things alike. Editing the document leaves it Cached.
        var baselines = inputs
            .Combine(fragments)
            .Select(static (pair, _) => Baselines.Find(pair.Left!, pair.Right.ToEquatableArray()))
            .Select(static (input, token) => Baselines.Parse(input, token))
            .WithTrackingName(TrackingNames.Baselines);

        // Step 2: compare the two models only (pure, no positions), so nothing here feeds emission and an edit that
        // leaves both models equal stops at this step.
        var changes = parsed
            .Combine(baselines.Collect())
            .Select(static (pair, _) => ModelComparer.Compare(pair.Left, Baselines.For(pair.Left.Path, pair.Right)))
            .WithTrackingName(TrackingNames.Compare);

        // Step 3: position the changes in the current text (read again only when there is a change) and report them,
        // except in a changelog build, which must get through a breaking change to write it down.
        var changelogWanted = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => Changelog.IsWanted(provider.GlobalOptions));
        var changeDiagnostics = changes
            .Combine(inputs.Collect())
            .Combine(changelogWanted)
            .Select(static (pair, _) => pair.Right ? default : ChangeLocator.Locate(pair.Left.Left, pair.Left.Right!))
            .WithTrackingName(TrackingNames.CompareDiagnostics);
        context.RegisterSourceOutput(changeDiagnostics, static (spc, list) => Pipeline.Report(spc, list));

        // The changelog for the OpenApiChangelog target: a comment-only source file, only when the target asks for it.
        var changelogs = changes
            .Combine(inputs.Collect())
            .Combine(changelogWanted)
            .Select(static (pair, _) => Changelog.Write(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Changelog);
        context.RegisterSourceOutput(changelogs, static (spc, file) =>
        {
            if (file.HintName.Length > 0)
            {
                spc.AddSource(file.HintName, file.Text);
            }
        });

        // One unit per generated file: editing one schema re-emits only that schema's file.
        var units = placed
            .SelectMany(static (model, _) => EmitUnits.Split(model))
            .WithTrackingName(TrackingNames.Units);

        // The one fact about the consumer needed, from its references (cached while C# files are edited), as two booleans.
        var support = context.MetadataReferencesProvider
            .Select(static (reference, _) => FrameworkSupportReader.Classify(reference))
            .Collect()
            .Select(static (references, _) => FrameworkSupportReader.Combine(references))
            .WithTrackingName(TrackingNames.FrameworkSupport);

        // Controllers only where ASP.NET Core MVC is referenced: without it they could not compile (the default
        // follows the project; an explicit 'server' is reported by EVS2050 below). Minimal-API endpoints only where the
        // server runtime is (else EVS1020 names it). Two bools, so edits stay cached.
        var server = support.Select(static (s, _) => (Mvc: s.Mvc, Endpoints: s.AspNetCoreRuntime is not null));

        // Client and server code need the document's models in its namespace, emitted here or by a referenced
        // assembly (read from the references, not the compilation, so C# edits leave it cached); without them EVS2051
        // names the options instead of CS0246s in generated files, and that code is not emitted.
        var modelsCheck = parsed
            .Select(static (result, _) => ModelsCheck.Need(result))
            .Collect()
            .Combine(slots)
            .Combine(support)
            .Select(static (pair, _) => ModelsCheck.Find(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.ModelsCheck);
        context.RegisterSourceOutput(modelsCheck.Select(static (check, _) => check.Diagnostics), static (spc, list) => Pipeline.Report(spc, list));
        var orphans = modelsCheck.Select(static (check, _) => check.Orphans);
        var emitted = units
            .Combine(server)
            .Where(static pair => pair.Left.Kind switch
            {
                EmitUnitKind.Server => pair.Right.Mvc,
                EmitUnitKind.Endpoints => pair.Right.Endpoints,
                _ => true,
            })
            .Select(static (pair, _) => pair.Left)
            .Combine(orphans)
            .Where(static pair => !Pipeline.LacksModels(pair.Left, pair.Right))
            .Select(static (pair, _) => pair.Left);
        context.RegisterSourceOutput(emitted, static (spc, unit) => Pipeline.AddSource(spc, unit));

        // The runtime the generated code calls must be referenced, in the generator's version (EVS1020): a missing or
        // mismatched one is named here instead of surfacing as compile errors inside generated files.
        var runtimeProblems = parsed
            .Combine(support)
            .Select(static (pair, _) => RuntimeCheck.Diagnose(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.RuntimeCheck);
        context.RegisterSourceOutput(runtimeProblems, static (spc, list) => Pipeline.Report(spc, list));

        // DI registrations, emitted only where the compilation references what they call; only they see the compilation.
        var registrations = placed
            .SelectMany(static (model, _) => DependencyInjectionEmitter.Split(model))
            .Combine(support)
            .Where(static pair => DependencyInjectionEmitter.IsSupported(pair.Left.Kind, pair.Right))
            .Select(static (pair, _) => pair.Left)
            .Combine(orphans)
            .Where(static pair => !Pipeline.LacksModels(pair.Left, pair.Right))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.Registrations);
        context.RegisterSourceOutput(registrations, static (spc, unit) => Pipeline.AddSource(spc, unit));
    }
}
