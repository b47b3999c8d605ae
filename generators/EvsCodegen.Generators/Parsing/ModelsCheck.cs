using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvsCodegen.Generators.Diagnostics;
using EvsCodegen.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace EvsCodegen.Generators.Parsing;

/// <summary>What EVS2051 needs to know of a parsed document.</summary>
/// <param name="Path">The document.</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Emit">What it emits.</param>
/// <param name="Contracts">Its contract interfaces, which its client and server code implement and call.</param>
internal sealed record ModelsNeedModel(string Path, string Namespace, EmitKinds Emit, EquatableArray<string> Contracts);

/// <summary>The documents whose client or server code lacks the models it is written against (EVS2051).</summary>
/// <param name="Orphans">Their hint prefixes (<see cref="ApiContextModel.DocumentName"/> once placed): their client and server units are not emitted.</param>
/// <param name="Diagnostics">One EVS2051 per such document.</param>
internal sealed record ModelsCheckModel(EquatableArray<string> Orphans, EquatableArray<DiagnosticModel> Diagnostics);

/// <summary>
/// Client and server code call the document's models, contract interfaces and fault table by name in the document's
/// namespace. They are there when the same compilation emits the models into that namespace, or when a referenced
/// assembly declares them publicly, as in a contracts project shared by a client and a server. Anything else
/// (<c>client</c> alone, models under another <c>OpenApiNamespace</c> or of another document, internal models in another
/// assembly) would fail with a CS0246 or CS0122 per type inside generated files; it is one error naming the options
/// instead, and the client and server code of that document is not emitted.
/// </summary>
internal static class ModelsCheck
{
    /// <summary>What the check needs of a parsed document; null when it generates nothing.</summary>
    public static ModelsNeedModel? Need(ParseResultModel result) => result.Model is { } model
        ? new ModelsNeedModel(result.Path, model.Context.Namespace, model.Context.Emit, model.Surfaces.Select(s => s.InterfaceName).ToEquatableArray())
        : null;

    /// <summary>The check over every placed document, against the generated models of the referenced assemblies.</summary>
    public static ModelsCheckModel Find(ImmutableArray<ModelsNeedModel?> needs, EquatableArray<DocumentSlotModel> slots, FrameworkSupportModel support)
    {
        var placed = needs.Where(n => n is not null).Select(n => n!)
            .Where(n => slots.Any(s => s.Path == n.Path && s.Conflict is null))
            .OrderBy(n => n.Path, System.StringComparer.Ordinal)
            .ToList();
        var referenced = new HashSet<string>(support.GeneratedModels, System.StringComparer.Ordinal);
        var orphans = new List<string>();
        var diagnostics = new List<DiagnosticModel>();
        foreach (var need in placed)
        {
            if ((need.Emit & (EmitKinds.Client | EmitKinds.Server | EmitKinds.Minimal)) == 0 || (need.Emit & EmitKinds.Models) != 0
                || placed.Any(other => other.Namespace == need.Namespace && (other.Emit & EmitKinds.Models) != 0))
            {
                continue;
            }

            var problem = Problem(need, referenced);
            if (problem is null)
            {
                continue;
            }

            orphans.Add(slots.First(s => s.Path == need.Path).HintPrefix);
            var families = Families(need.Emit);
            diagnostics.Add(new DiagnosticModel(
                DiagnosticDescriptors.ContractWithoutModels.Id, need.Path, new TextSpan(0, 0), new LinePositionSpan(default, default),
                new[] { System.IO.Path.GetFileName(need.Path), families, need.Namespace, problem }.ToEquatableArray()));
        }

        return new ModelsCheckModel(orphans.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>The emitted families that need the models, as the diagnostic names them ("client", "server and minimal").</summary>
    private static string Families(EmitKinds emit)
    {
        var names = new List<string>();
        if ((emit & EmitKinds.Client) != 0)
        {
            names.Add("client");
        }

        if ((emit & EmitKinds.Server) != 0)
        {
            names.Add("server");
        }

        if ((emit & EmitKinds.Minimal) != 0)
        {
            names.Add("minimal");
        }

        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
    }

    /// <summary>What is wrong with the referenced models of <paramref name="need"/>'s namespace, or null when they serve it.</summary>
    private static string? Problem(ModelsNeedModel need, HashSet<string> referenced)
    {
        if (referenced.Contains("public:" + need.Namespace))
        {
            var missing = need.Contracts.Where(c => !referenced.Contains(need.Namespace + "." + c)).ToList();
            return missing.Count == 0
                ? null
                : $"the models referenced there are another document's: they lack {string.Join(", ", missing)}";
        }

        return referenced.Contains("internal:" + need.Namespace)
            ? "the models a referenced assembly declares there are internal; emit them with OpenApiAccessibility=\"public\""
            : "no referenced assembly declares them there";
    }
}
