using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Infrastructure;

/// <summary>Runs a document through the real generator driver and checks what the user would see in the error list.</summary>
internal static class DiagnosticAssert
{
    public const string DocumentPath = "/project/openapi/test-api.yaml";

    /// <summary>The generator's diagnostics for <paramref name="document"/>.</summary>
    public static IReadOnlyList<Diagnostic> Run(string document, string emit = "models;client;server", params (string Key, string Value)[] metadata) =>
        GeneratorHarness.Run(OpenApiFile.Create(DocumentPath, document, emit, "Test.Api", metadata)).Diagnostics;

    /// <summary>Requires exactly one diagnostic, with <paramref name="id"/>, at the 1-based <paramref name="position"/> of the document.</summary>
    public static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string id, (int Line, int Column) position)
    {
        var diagnostic = Assert.Single(diagnostics);
        At(diagnostic, id, position);
        return diagnostic;
    }

    /// <summary>Requires <paramref name="diagnostic"/> to have <paramref name="id"/> and start at <paramref name="position"/> (1-based).</summary>
    public static void At(Diagnostic diagnostic, string id, (int Line, int Column) position)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(
            (id, DocumentPath, position.Line, position.Column),
            (diagnostic.Id, span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }
}
