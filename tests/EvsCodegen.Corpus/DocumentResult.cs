using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Corpus;

/// <summary>How a document's run ended.</summary>
public enum Outcome
{
    /// <summary>The generator ran and what it emitted compiles without errors.</summary>
    Ok,

    /// <summary>The generated code has compiler errors.</summary>
    CompileErrors,

    /// <summary>The generator threw (a <c>CS8785</c> "Generator failed" warning, or an internal error it caught itself).</summary>
    Crash,

    /// <summary>The generator did not finish within its budget (the per-document timeout).</summary>
    Hang,

    /// <summary>
    /// The generator finished within its budget, but compiling what it emitted did not finish within the compile budget:
    /// a cost of the generated code's size, not a generator that hangs.
    /// </summary>
    SlowCompile,

    /// <summary>
    /// The runner itself threw (reading facts from the document, compiling): its own bug, not the generator's. A
    /// generator exception never reaches the runner; the driver turns it into CS8785, which is a <see cref="Crash"/>.
    /// </summary>
    RunnerError,
}

/// <summary>What running the generator over one document and compiling its output produced.</summary>
public sealed record DocumentResult
{
    /// <summary>The document's path relative to the corpus folder, with forward slashes.</summary>
    public required string Name { get; init; }

    /// <summary>How the run ended.</summary>
    public required Outcome Outcome { get; init; }

    /// <summary>Operations under <c>paths</c> in the document, or null when the runner could not count them.</summary>
    public int? DocumentedOperations { get; init; }

    /// <summary>Operation methods in the generated contract interfaces.</summary>
    public int GeneratedOperations { get; init; }

    /// <summary>Generated model types (one <c>Models</c> file each).</summary>
    public int Types { get; init; }

    /// <summary>Generated files.</summary>
    public int Files { get; init; }

    /// <summary>Lines in the generated files.</summary>
    public int Lines { get; init; }

    /// <summary>The generator's diagnostics (EVS…, and CS8785 when it failed).</summary>
    public IReadOnlyList<Diagnostic> GeneratorDiagnostics { get; init; } = [];

    /// <summary>Compiler errors in the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilerErrors { get; init; } = [];

    /// <summary>Compiler warnings in the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilerWarnings { get; init; } = [];

    /// <summary>Wall time of the generator driver.</summary>
    public TimeSpan GeneratorTime { get; init; }

    /// <summary>Wall time of compiling the generated code (binding and diagnostics, no emit); the budget when it ran out; zero when it never started.</summary>
    public TimeSpan CompileTime { get; init; }

    /// <summary>Why the run crashed or hung.</summary>
    public string? Failure { get; init; }

    /// <summary>The generated files by hint name, in the driver's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Sources { get; init; } = [];

    /// <summary>The compilation with the generated code, when the caller asked to keep it.</summary>
    public Compilation? Compilation { get; init; }

    /// <summary>Whether the generator produced any file.</summary>
    public bool Generated => Files > 0;

    /// <summary>
    /// Whether the generator reported an error about the document (an unresolved <c>$ref</c>, an unsupported version):
    /// the code it generated may compile here, but a project building the document fails on that error.
    /// </summary>
    public bool HasGeneratorErrors => GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Generator diagnostics counted by ID, ordinal order: <c>EVS2001×3</c>.</summary>
    public string DiagnosticsById => GeneratorDiagnostics.Count == 0
        ? "—"
        : string.Join(" ", GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
}
