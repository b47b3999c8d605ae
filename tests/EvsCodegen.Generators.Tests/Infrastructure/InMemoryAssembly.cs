using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Infrastructure;

/// <summary>A compilation emitted and loaded into a collectible context of its own, unloaded on dispose.</summary>
internal sealed class InMemoryAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private InMemoryAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static InMemoryAssembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, GeneratorHarness.Describe(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new InMemoryAssembly(context, context.LoadFromStream(stream));
    }

    /// <summary>The runtime's namespaces, which probes use as the generated code's callers do.</summary>
    private const string ProbeUsings = "global using EvsCodegen.Runtime;\nglobal using EvsCodegen.Runtime.AspNetCore;\n";

    /// <summary>
    /// The generated code of a run that reported no diagnostics, compiled with a probe file that drives it
    /// (<c>Consumer.Probe</c>), emitted and loaded. Only for documents made at test time (a schema of N properties);
    /// fixed documents are tested in EvsCodegen.GeneratedCode.Tests against code generated at build time.
    /// </summary>
    public static InMemoryAssembly LoadWithProbe(GeneratorRun run, string probe)
    {
        Assert.Empty(run.Diagnostics);
        return Load(run.OutputCompilation.AddSyntaxTrees(
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(probe, GeneratorHarness.ParseOptions, path: "Probe.cs"),
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(ProbeUsings, GeneratorHarness.ParseOptions, path: "ProbeUsings.cs")));
    }

    /// <summary>Calls a static method that returns <c>Task&lt;string&gt;</c>.</summary>
    public Task<string> InvokeAsync(string typeName, string methodName, params object[] arguments)
    {
        var method = Assembly.GetType(typeName, throwOnError: true)!.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        return (Task<string>)method.Invoke(null, arguments)!;
    }

    public void Dispose() => _context.Unload();
}
