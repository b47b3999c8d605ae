using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using EvsCodegen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Finds generated models in one referenced assembly for <see cref="FrameworkSupportModel.GeneratedModels"/>: namespaces
/// holding a fault table (<c>ApiFaults</c>, which every models output declares) and the public types there. Read once per
/// reference from its metadata (references stay cached while C# files are edited), so EVS2051 needs no compilation.
/// </summary>
internal static class GeneratedModelsReader
{
    /// <summary>The entries of <paramref name="reference"/>, sorted; empty when it holds no fault table.</summary>
    public static EquatableArray<string> Read(MetadataReference reference)
    {
        try
        {
            var entries = reference switch
            {
                CompilationReference compilation => FromSymbols(compilation.Compilation.Assembly.GlobalNamespace),
                PortableExecutableReference executable when executable.GetMetadata() is AssemblyMetadata assembly && assembly.GetModules() is { Length: > 0 } modules
                    => FromMetadata(modules[0].GetMetadataReader()),
                _ => [],
            };
            return entries.OrderBy(e => e, StringComparer.Ordinal).ToEquatableArray();
        }
        catch (Exception exception) when (exception is BadImageFormatException or IOException or NotSupportedException)
        {
            return default;
        }
    }

    private static List<string> FromMetadata(MetadataReader reader)
    {
        var byNamespace = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var tables = new List<(string Namespace, bool Public)>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (!type.GetDeclaringType().IsNil)
            {
                continue;
            }

            if (reader.StringComparer.Equals(type.Name, ReservedNames.Faults))
            {
                tables.Add((reader.GetString(type.Namespace), (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public));
            }
        }

        if (tables.Count == 0)
        {
            return [];
        }

        var wanted = new HashSet<string>(tables.Select(t => t.Namespace), StringComparer.Ordinal);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (type.GetDeclaringType().IsNil && (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public)
            {
                var ns = reader.GetString(type.Namespace);
                if (wanted.Contains(ns))
                {
                    if (!byNamespace.TryGetValue(ns, out var list))
                    {
                        byNamespace[ns] = list = [];
                    }

                    list.Add(Plain(reader.GetString(type.Name)));
                }
            }
        }

        return Entries(tables, byNamespace);
    }

    private static List<string> FromSymbols(INamespaceSymbol global)
    {
        var tables = new List<(string Namespace, bool Public)>();
        var types = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pending = new Stack<INamespaceSymbol>();
        pending.Push(global);
        while (pending.Count > 0)
        {
            var ns = pending.Pop();
            foreach (var inner in ns.GetNamespaceMembers())
            {
                pending.Push(inner);
            }

            var members = ns.GetTypeMembers();
            var faults = members.FirstOrDefault(t => t.Name == ReservedNames.Faults && t.Arity == 0);
            if (faults is null)
            {
                continue;
            }

            var name = ns.ToDisplayString();
            tables.Add((name, faults.DeclaredAccessibility == Accessibility.Public));
            types[name] = members.Where(t => t.DeclaredAccessibility == Accessibility.Public).Select(t => t.MetadataName).Select(Plain).ToList();
        }

        return Entries(tables, types);
    }

    private static List<string> Entries(List<(string Namespace, bool Public)> tables, Dictionary<string, List<string>> types)
    {
        var entries = new List<string>();
        foreach (var (ns, isPublic) in tables)
        {
            entries.Add((isPublic ? "public:" : "internal:") + ns);
            if (types.TryGetValue(ns, out var names))
            {
                entries.AddRange(names.Select(n => ns + "." + n));
            }
        }

        return entries;
    }

    /// <summary>A type's name without its arity suffix (<c>Result`1</c> is <c>Result</c>).</summary>
    private static string Plain(string metadataName)
    {
        var tick = metadataName.IndexOf('`');
        return tick < 0 ? metadataName : metadataName.Substring(0, tick);
    }
}
