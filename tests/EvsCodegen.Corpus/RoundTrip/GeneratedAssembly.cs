using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using EvsCodegen.TestSupport;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>A document's generated code, emitted and loaded into a collectible context of its own, unloaded on dispose.</summary>
internal sealed class GeneratedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private GeneratedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    /// <summary>The loaded assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>
    /// Emits <paramref name="compilation"/> (the corpus compilation, whose references are <see cref="ReferenceAssemblies.Net"/>)
    /// and loads it. Its references resolve in the default context: the runner references every assembly generated code
    /// compiles against, so the types the host and the generated code share are one type.
    /// </summary>
    /// <param name="compilation">The compilation.</param>
    /// <param name="extraSources">Sources compiled into the same assembly (the round trip's proxy base class).</param>
    public static GeneratedAssembly Load(Compilation compilation, params string[] extraSources)
    {
        compilation = compilation.AddSyntaxTrees(extraSources.Select(s => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(s, DocumentRunner.ParseOptions)));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
        {
            var first = emitted.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("the generated code does not emit: " + CorpusReport.Describe(first));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("roundtrip-" + compilation.AssemblyName + "-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new GeneratedAssembly(context, context.LoadFromStream(stream));
    }

    /// <summary>
    /// A type the generated code uses by its simple name (<c>ApiException</c>): in the generated assembly, else in an
    /// assembly it references (where the runtime library will put it).
    /// </summary>
    public Type? FindType(string simpleName) =>
        Assembly.GetTypes().FirstOrDefault(t => t.Name == simpleName)
        ?? Assembly.GetReferencedAssemblies()
            .Select(name => { try { return Assembly.Load(name); } catch (IOException) { return null; } })
            .Where(a => a is not null)
            .SelectMany(a => a!.GetExportedTypes())
            .FirstOrDefault(t => t.Name == simpleName && t.Namespace?.StartsWith("EvsCodegen", StringComparison.Ordinal) == true);

    /// <inheritdoc/>
    public void Dispose() => _context.Unload();
}
