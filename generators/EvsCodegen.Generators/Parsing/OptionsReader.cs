using System;
using System.Collections.Generic;
using EvsCodegen.Generators.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsCodegen.Generators.Parsing;

/// <summary>Project-wide defaults from MSBuild properties (<c>build_property.*</c>).</summary>
/// <param name="Namespace">EvsCodegenNamespace, else RootNamespace.</param>
/// <param name="Emit">EvsCodegenEmit.</param>
/// <param name="Accessibility">EvsCodegenAccessibility.</param>
public sealed record GeneratorDefaultsModel(string? Namespace, string? Emit, string? Accessibility);

/// <summary>Reads generator options from analyzer config (MSBuild properties and AdditionalFiles metadata).</summary>
public static class OptionsReader
{
    /// <summary>Reads the project-wide defaults.</summary>
    public static GeneratorDefaultsModel ReadDefaults(AnalyzerConfigOptions global) => new(
        Get(global, "build_property.EvsCodegenNamespace") ?? Get(global, "build_property.RootNamespace"),
        Get(global, "build_property.EvsCodegenEmit"),
        Get(global, "build_property.EvsCodegenAccessibility"));

    /// <summary>True when the AdditionalFiles item is marked <c>OpenApi="true"</c>.</summary>
    public static bool IsOpenApiDocument(AnalyzerConfigOptions file) =>
        string.Equals(Get(file, "build_metadata.AdditionalFiles.OpenApi"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Merges an item's metadata over the defaults.</summary>
    public static DocumentOptionsModel ReadDocument(AnalyzerConfigOptions file, GeneratorDefaultsModel defaults)
    {
        var problems = new List<string>();
        var ns = Get(file, "build_metadata.AdditionalFiles.OpenApiNamespace") ?? defaults.Namespace ?? "Generated";
        if (!IsValidNamespace(ns))
        {
            problems.AddRange(["Namespace", ns, "it must be a dotted C# name"]);
            ns = "Generated";
        }

        var emitText = Get(file, "build_metadata.AdditionalFiles.OpenApiEmit") ?? defaults.Emit ?? "models;client;server";
        var emit = EmitKinds.None;
        foreach (var part in emitText.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part.Trim().ToLowerInvariant())
            {
                case "models": emit |= EmitKinds.Models; break;
                case "client": emit |= EmitKinds.Client; break;
                case "server": emit |= EmitKinds.Server; break;
                case "all": emit |= EmitKinds.All; break;
                default: problems.AddRange(["Emit", part, "use models, client, server or all, separated by ';'"]); break;
            }
        }

        var accessibility = Get(file, "build_metadata.AdditionalFiles.OpenApiAccessibility") ?? defaults.Accessibility ?? "public";
        var isPublic = !string.Equals(accessibility, "internal", StringComparison.OrdinalIgnoreCase);
        if (isPublic && !string.Equals(accessibility, "public", StringComparison.OrdinalIgnoreCase))
        {
            problems.AddRange(["Accessibility", accessibility, "use public or internal"]);
        }

        return new DocumentOptionsModel(
            ns,
            emit,
            isPublic,
            Get(file, "build_metadata.AdditionalFiles.OpenApiClientName"),
            Get(file, "build_metadata.AdditionalFiles.OpenApiContractName"),
            problems.ToEquatableArray());
    }

    private static string? Get(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool IsValidNamespace(string value)
    {
        foreach (var part in value.Split('.'))
        {
            if (part.Length == 0 || !Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
                || Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }
}
