using System;
using System.Threading;
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

    public static void Report(SourceProductionContext context, EquatableArray<DiagnosticModel> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
