using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsCodegen.Generators.Model;

/// <summary>
/// A diagnostic as plain data: the descriptor's ID, where it points in the OpenAPI document, and its message
/// arguments. It becomes a Roslyn <see cref="Diagnostic"/> only when reported, so the pipeline can cache it.
/// </summary>
internal sealed record DiagnosticModel(
    string Id,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> Arguments)
{
    /// <summary>A diagnostic about something outside any document (an MSBuild option); its message must say where.</summary>
    public static DiagnosticModel WithoutLocation(string id, params string[] arguments) =>
        new(id, string.Empty, default, default, arguments.ToEquatableArray());

    /// <summary>Turns the data back into a reportable diagnostic.</summary>
    public Diagnostic ToDiagnostic()
    {
        var location = FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors.ById(Id), location, args);
    }
}
