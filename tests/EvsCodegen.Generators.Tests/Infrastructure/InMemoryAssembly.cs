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

    /// <summary>Calls a static method that returns <c>Task&lt;string&gt;</c>.</summary>
    public Task<string> InvokeAsync(string typeName, string methodName, params object[] arguments)
    {
        var method = Assembly.GetType(typeName, throwOnError: true)!.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        return (Task<string>)method.Invoke(null, arguments)!;
    }

    public void Dispose() => _context.Unload();
}
