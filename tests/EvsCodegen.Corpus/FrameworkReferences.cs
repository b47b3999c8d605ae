using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Corpus;

/// <summary>
/// The assemblies generated code compiles against: every managed assembly of the running Microsoft.NETCore.App
/// shared framework and of the Microsoft.AspNetCore.App framework of the same version beside it, and the EvsCodegen
/// runtime the generated code calls.
/// </summary>
public static class FrameworkReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_all = new(Load);

    /// <summary>The references, loaded once per process and shared by every compilation.</summary>
    public static IReadOnlyList<MetadataReference> All => s_all.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var core = Path.GetDirectoryName(typeof(object).Assembly.Location)
            ?? throw new InvalidOperationException("The location of the core library is unknown.");
        var version = Path.GetFileName(core);
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(core))!;
        var aspNetCore = Path.Combine(shared, "Microsoft.AspNetCore.App", version);
        if (!Directory.Exists(aspNetCore))
        {
            throw new InvalidOperationException($"The ASP.NET Core shared framework {version} is not installed beside {core}.");
        }

        return Directory.EnumerateFiles(core, "*.dll")
            .Concat(Directory.EnumerateFiles(aspNetCore, "*.dll"))
            .Where(IsManaged)
            .OrderBy(path => path, StringComparer.Ordinal)
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
