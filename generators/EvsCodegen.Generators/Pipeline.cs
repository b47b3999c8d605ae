using System;
using System.Linq;
using System.Threading;
using EvsCodegen.Generators.Emitting;
using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsCodegen.Generators;

/// <summary>The small functions the pipeline in <see cref="OpenApiGenerator.Initialize"/> calls.</summary>
internal static class Pipeline
{
    public static DocumentInputModel? ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider provider, GeneratorDefaultsModel defaults, CancellationToken cancellationToken)
    {
        var options = provider.GetOptions(file);
        if (!OptionsReader.IsOpenApiDocument(options))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new DocumentInputModel(file.Path, text, OptionsReader.ReadDocument(options, defaults));
    }

    /// <summary>Whether an AdditionalFiles item may be a file that a <c>$ref</c> names: YAML or JSON by extension.</summary>
    public static bool MayBeFragment(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a document's text may hold a <c>$ref</c> to another file: a <c>$ref</c> whose value does not start with
    /// <c>#</c>. A false positive costs a re-parse when another file changes, never a wrong result.
    /// </summary>
    public static bool HasExternalReference(string text)
    {
        for (var index = text.IndexOf("$ref", StringComparison.Ordinal); index >= 0; index = text.IndexOf("$ref", index + 4, StringComparison.Ordinal))
        {
            // "$ref", optional quotes and blanks, ':', optional quotes and blanks, then a value not starting with '#'.
            var i = SkipQuotesAndBlanks(text, index + 4);
            if (i >= text.Length || text[i] != ':')
            {
                continue;
            }

            i = SkipQuotesAndBlanks(text, i + 1);
            if (i < text.Length && text[i] != '#' && text[i] != '\n' && text[i] != '\r')
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipQuotesAndBlanks(string text, int i)
    {
        while (i < text.Length && (text[i] == '"' || text[i] == '\'' || text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        return i;
    }

    public static void ReportConflicts(SourceProductionContext context, EquatableArray<DocumentSlotModel> slots)
    {
        foreach (var slot in slots)
        {
            if (slot.Conflict is { } conflict)
            {
                context.ReportDiagnostic(conflict.ToDiagnostic());
            }
        }
    }

    /// <summary>
    /// Emits one unit. The parser refuses what the emitters cannot express, so an exception here is a bug of ours; it
    /// becomes a diagnostic naming the file instead of CS8785 taking every other generated file down with it.
    /// </summary>
    public static void AddSource(SourceProductionContext context, EmitUnitModel unit)
    {
        string text;
        try
        {
            text = Emitter.Emit(unit);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Diagnostics.DiagnosticDescriptors.UnreadableDocument,
                Location.None,
                unit.Context.DocumentName,
                $"internal generator error while emitting '{unit.HintName}': {exception.GetType().Name}: {exception.Message}"));
            return;
        }

        context.AddSource(unit.HintName, text);
    }

    /// <summary>Whether <paramref name="unit"/> is client or server code of a document whose models are missing (EVS2051).</summary>
    public static bool LacksModels(EmitUnitModel unit, EquatableArray<string> orphans) =>
        unit.Kind is not (EmitUnitKind.Faults or EmitUnitKind.Resolver or EmitUnitKind.Type or EmitUnitKind.Contract or EmitUnitKind.Results)
        && orphans.Contains(unit.Context.DocumentName);

    public static void Report(SourceProductionContext context, EquatableArray<DiagnosticModel> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
