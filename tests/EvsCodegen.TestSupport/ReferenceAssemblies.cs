using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.TestSupport;

/// <summary>
/// Metadata references for compiling generated code: every managed assembly of the running Microsoft.NETCore.App and
/// Microsoft.AspNetCore.App shared frameworks (this project's FrameworkReference makes the latter present), and the
/// EvsCodegen runtime the generated code calls.
/// </summary>
public static class ReferenceAssemblies
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_net = new(Load);

    /// <summary>The references, loaded once per process and shared by every compilation.</summary>
    public static IReadOnlyList<MetadataReference> Net => s_net.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var folders = new[]
        {
            Path.GetDirectoryName(typeof(object).Assembly.Location)!,
            Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Mvc.ControllerBase).Assembly.Location)!,
        };

        return folders.Distinct()
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.dll"))
            .Where(IsManaged)
            .Order(StringComparer.Ordinal)
            .Concat([typeof(EvsCodegen.Runtime.ApiJsonReader).Assembly.Location, typeof(EvsCodegen.Runtime.AspNetCore.ApiServerRuntime).Assembly.Location])
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
