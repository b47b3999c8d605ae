using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Tests.Infrastructure;

/// <summary>
/// Metadata references for compiling generated code: every managed assembly of the running Microsoft.NETCore.App
/// and Microsoft.AspNetCore.App shared frameworks (the project's FrameworkReference makes the latter present), and the
/// EvsCodegen runtime.
/// </summary>
internal static class ReferenceAssemblies
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_net = new(Load);

    /// <summary>The .NET and ASP.NET Core references, loaded once per test run.</summary>
    public static IReadOnlyList<MetadataReference> Net => s_net.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var folders = new[]
        {
            Path.GetDirectoryName(typeof(object).Assembly.Location)!,
            Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Mvc.ControllerBase).Assembly.Location)!,
        };

        var references = new List<MetadataReference>();
        foreach (var file in folders.Distinct().SelectMany(folder => Directory.EnumerateFiles(folder, "*.dll")).Order(StringComparer.Ordinal))
        {
            if (IsManaged(file))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }
        }

        // The runtime the generated code calls.
        references.Add(MetadataReference.CreateFromFile(typeof(EvsCodegen.Runtime.ApiJsonReader).Assembly.Location));
        references.Add(MetadataReference.CreateFromFile(typeof(EvsCodegen.Runtime.AspNetCore.ApiServerRuntime).Assembly.Location));
        return references;
    }

    private static bool IsManaged(string file)
    {
        using var stream = File.OpenRead(file);
        using var reader = new PEReader(stream);
        return reader.HasMetadata;
    }
}
