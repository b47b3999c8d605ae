using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators;

/// <summary>Where one document's output goes: its hint-name prefix, or nowhere because of a conflict.</summary>
/// <param name="Path">The document.</param>
/// <param name="HintPrefix">A prefix unique among the compilation's documents.</param>
/// <param name="Conflict">The diagnostic that stops this document, if any.</param>
internal sealed record DocumentSlotModel(string Path, string HintPrefix, DiagnosticModel? Conflict);

/// <summary>What placement needs to know of a parsed document.</summary>
/// <param name="Path">The document.</param>
/// <param name="DocumentName">Its name (from the file name).</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Emit">What it emits.</param>
internal sealed record DocumentIdentityModel(string Path, string DocumentName, string Namespace, EmitKinds Emit);

/// <summary>
/// Keeps documents of one compilation apart: runtime types are per namespace and family, so two documents may not
/// emit the same family into one namespace (EVS1006, the later path loses), and file names may repeat across
/// folders, so hint prefixes get a number when they would clash. Decided in path order, so the result is deterministic.
/// </summary>
internal static class DocumentPlacement
{
    /// <summary>The identity of a parsed document, or null when it generates nothing.</summary>
    public static DocumentIdentityModel? Identify(ParseResultModel result) => result.Model is { } model
        ? new DocumentIdentityModel(result.Path, model.Context.DocumentName, model.Context.Namespace, model.Context.Emit)
        : null;

    /// <summary>Places every document.</summary>
    public static EquatableArray<DocumentSlotModel> Place(ImmutableArray<DocumentIdentityModel?> identities)
    {
        var slots = new List<DocumentSlotModel>();
        var claimed = new List<DocumentIdentityModel>();
        var prefixes = new NameScope();
        foreach (var identity in identities.Where(i => i is not null).Select(i => i!).OrderBy(i => i.Path, StringComparer.Ordinal))
        {
            var rival = claimed.FirstOrDefault(c => c.Namespace == identity.Namespace && (c.Emit & identity.Emit) != 0);
            if (rival is not null)
            {
                var families = (rival.Emit & identity.Emit).ToString().ToLowerInvariant().Replace(", ", " and ");
                var conflict = new DiagnosticModel(D.NamespaceConflict.Id, identity.Path, default, default,
                    new[] { Path.GetFileName(identity.Path), Path.GetFileName(rival.Path), families, identity.Namespace }.ToEquatableArray());
                slots.Add(new DocumentSlotModel(identity.Path, identity.DocumentName, conflict));
                continue;
            }

            claimed.Add(identity);
            slots.Add(new DocumentSlotModel(identity.Path, prefixes.Claim(identity.DocumentName), null));
        }

        return slots.ToEquatableArray();
    }

    /// <summary>The model as placed: null when its slot has a conflict, else with its unique hint prefix.</summary>
    public static ApiModel? Apply(ParseResultModel result, EquatableArray<DocumentSlotModel> slots)
    {
        var slot = slots.FirstOrDefault(s => s.Path == result.Path);
        if (result.Model is not { } model || slot is null || slot.Conflict is not null)
        {
            return null;
        }

        return slot.HintPrefix == model.Context.DocumentName ? model : model with { Context = model.Context with { DocumentName = slot.HintPrefix } };
    }
}
