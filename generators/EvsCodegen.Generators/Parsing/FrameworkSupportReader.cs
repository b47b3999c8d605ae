using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using EvsCodegen.Generators.Emitting;
using EvsCodegen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Reduces the compilation's references to the <see cref="FrameworkSupportModel"/> the registration extensions need.
/// It reads references, not the compilation: the references input stays cached while C# files are edited, so this
/// step never runs on a keystroke (a compilation-based lookup would run on every one).
/// </summary>
internal static class FrameworkSupportReader
{
    // The assemblies that define what the registrations call: HttpClientFactoryServiceCollectionExtensions.AddHttpClient
    // and MvcServiceCollectionExtensions.AddControllers.
    private const string HttpClientFactoryAssembly = "Microsoft.Extensions.Http";
    private const string MvcAssembly = "Microsoft.AspNetCore.Mvc";

    /// <summary>What one reference provides: <see cref="FrameworkSupportModel"/>'s flags for that reference alone.</summary>
    public static FrameworkSupportModel Classify(MetadataReference reference)
    {
        var name = AssemblyName(reference);
        return new FrameworkSupportModel(
            string.Equals(name, HttpClientFactoryAssembly, StringComparison.OrdinalIgnoreCase),
            string.Equals(name, MvcAssembly, StringComparison.OrdinalIgnoreCase),
            string.Equals(name, RuntimeNames.RuntimeAssembly, StringComparison.OrdinalIgnoreCase) ? AssemblyVersion(reference) : null,
            string.Equals(name, RuntimeNames.AspNetCoreAssembly, StringComparison.OrdinalIgnoreCase) ? AssemblyVersion(reference) : null,
            GeneratedModelsReader.Read(reference));
    }

    /// <summary>The support of the whole compilation: what any reference provides.</summary>
    public static FrameworkSupportModel Combine(ImmutableArray<FrameworkSupportModel> references)
    {
        bool http = false, mvc = false;
        string? runtime = null, aspNetCore = null;
        var models = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            http |= reference.HttpClientFactory;
            mvc |= reference.Mvc;
            runtime ??= reference.Runtime;
            aspNetCore ??= reference.AspNetCoreRuntime;
            models.UnionWith(reference.GeneratedModels);
        }

        return new FrameworkSupportModel(http, mvc, runtime, aspNetCore, models.ToEquatableArray());
    }

    /// <summary>The version of a referenced assembly as major.minor.patch; "unknown" when it cannot be read.</summary>
    private static string AssemblyVersion(MetadataReference reference)
    {
        try
        {
            var version = reference switch
            {
                CompilationReference compilation => compilation.Compilation.Assembly.Identity.Version,
                PortableExecutableReference executable when executable.GetMetadata() is AssemblyMetadata assembly && assembly.GetModules() is { Length: > 0 } modules
                    => modules[0].GetMetadataReader().GetAssemblyDefinition().Version,
                _ => null,
            };
            return version is null ? "unknown" : $"{version.Major}.{version.Minor}.{version.Build}";
        }
        catch (Exception exception) when (exception is BadImageFormatException or IOException or NotSupportedException)
        {
            return "unknown";
        }
    }

    private static string? AssemblyName(MetadataReference reference)
    {
        switch (reference)
        {
            case CompilationReference compilation:
                return compilation.Compilation.AssemblyName;
            case PortableExecutableReference executable when executable.FilePath is { Length: > 0 } path:
                return Path.GetFileNameWithoutExtension(path);
            case PortableExecutableReference executable:
                // An in-memory image: its manifest module's name.
                try
                {
                    return executable.GetMetadata() is AssemblyMetadata assembly && assembly.GetModules() is { Length: > 0 } modules
                        ? Path.GetFileNameWithoutExtension(modules[0].Name)
                        : null;
                }
                catch (Exception exception) when (exception is BadImageFormatException or IOException or NotSupportedException)
                {
                    return null;
                }

            default:
                return null;
        }
    }
}
