using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsCodegen.Generators.Model;

/// <summary>
/// A diagnostic as plain data: the descriptor's ID, where it points in the OpenAPI document, and its message
/// arguments. It becomes a Roslyn <see cref="Diagnostic"/> only when reported, so the pipeline can cache it.
/// </summary>
public sealed record DiagnosticModel(
    string Id,
    string FilePath,
    TextSpan Span,
    LinePositionSpan LineSpan,
    EquatableArray<string> Arguments)
{
    /// <summary>Turns the data back into a reportable diagnostic.</summary>
    public Diagnostic ToDiagnostic()
    {
        var location = Location.Create(FilePath, Span, LineSpan);
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors.ById(Id), location, args);
    }
}
