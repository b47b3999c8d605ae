using System;
using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsCodegen.Generators.Parsing;

/// <summary>Project-wide defaults from MSBuild properties (<c>build_property.*</c>).</summary>
/// <param name="Namespace">EvsCodegenNamespace, else RootNamespace.</param>
/// <param name="Emit">EvsCodegenEmit.</param>
/// <param name="Accessibility">EvsCodegenAccessibility.</param>
/// <param name="NamespaceProperty">The property <paramref name="Namespace"/> came from, for diagnostics.</param>
/// <param name="Models">EvsCodegenModels.</param>
internal sealed record GeneratorDefaultsModel(string? Namespace, string? Emit, string? Accessibility, string NamespaceProperty = "EvsCodegenNamespace", string? Models = null);

/// <summary>Reads generator options from analyzer config (MSBuild properties and AdditionalFiles metadata).</summary>
internal static class OptionsReader
{
    /// <summary>Reads the project-wide defaults.</summary>
    public static GeneratorDefaultsModel ReadDefaults(AnalyzerConfigOptions global) => new(
        Get(global, "build_property.EvsCodegenNamespace") ?? Get(global, "build_property.RootNamespace"),
        Get(global, "build_property.EvsCodegenEmit"),
        Get(global, "build_property.EvsCodegenAccessibility"),
        Get(global, "build_property.EvsCodegenNamespace") is null ? "RootNamespace" : "EvsCodegenNamespace",
        Get(global, "build_property.EvsCodegenModels"));

    /// <summary>True when the AdditionalFiles item is marked <c>OpenApi="true"</c>.</summary>
    public static bool IsOpenApiDocument(AnalyzerConfigOptions file) =>
        string.Equals(Get(file, "build_metadata.AdditionalFiles.OpenApi"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Merges an item's metadata over the defaults. A problem names the MSBuild item metadata or property the value
    /// came from (<c>item metadata 'OpenApiEmit'</c>, <c>property 'EvsCodegenEmit'</c>): an option has no place in the
    /// document to point at.
    /// </summary>
    public static DocumentOptionsModel ReadDocument(AnalyzerConfigOptions file, GeneratorDefaultsModel defaults)
    {
        var problems = new List<string>();
        var itemNamespace = Get(file, "build_metadata.AdditionalFiles.OpenApiNamespace");
        var ns = itemNamespace ?? defaults.Namespace ?? "Generated";
        if (!IsValidNamespace(ns))
        {
            problems.AddRange([Source(itemNamespace, "OpenApiNamespace", defaults.NamespaceProperty), ns, "it must be a dotted C# name; the namespace 'Generated' is used"]);
            ns = "Generated";
        }

        var itemEmit = Get(file, "build_metadata.AdditionalFiles.OpenApiEmit");
        var emitText = itemEmit ?? defaults.Emit ?? "models;client;server";
        var emit = EmitKinds.None;
        foreach (var part in emitText.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part.Trim().ToLowerInvariant())
            {
                case "models": emit |= EmitKinds.Models; break;
                case "client": emit |= EmitKinds.Client; break;
                case "server": emit |= EmitKinds.Server; break;
                case "minimal": emit |= EmitKinds.Minimal; break;
                case "all": emit |= EmitKinds.All; break;
                default: problems.AddRange([Source(itemEmit, "OpenApiEmit", "EvsCodegenEmit"), part, "use models, client, server, minimal or all, separated by ';'"]); break;
            }
        }

        if (itemEmit is null && defaults.Emit is null)
        {
            emit |= EmitKinds.Defaulted;
        }

        var itemAccessibility = Get(file, "build_metadata.AdditionalFiles.OpenApiAccessibility");
        var accessibility = itemAccessibility ?? defaults.Accessibility ?? "public";
        var isPublic = !string.Equals(accessibility, "internal", StringComparison.OrdinalIgnoreCase);
        if (isPublic && !string.Equals(accessibility, "public", StringComparison.OrdinalIgnoreCase))
        {
            problems.AddRange([Source(itemAccessibility, "OpenApiAccessibility", "EvsCodegenAccessibility"), accessibility, "use public or internal"]);
        }

        var itemModels = Get(file, "build_metadata.AdditionalFiles.OpenApiModels");
        var models = (itemModels ?? defaults.Models)?.ToLowerInvariant() switch
        {
            null => ModelsSelection.Default,
            "reached" => ModelsSelection.Reached,
            "all" => ModelsSelection.All,
            _ => ModelsSelection.Default,
        };
        if (models == ModelsSelection.Default && (itemModels ?? defaults.Models) is { } badModels)
        {
            problems.AddRange([Source(itemModels, "OpenApiModels", "EvsCodegenModels"), badModels, "use reached or all; the default applies"]);
        }

        var filter = OperationFilter.Read(Get(file, "build_metadata.AdditionalFiles.OpenApiInclude"), exclude: false, "OpenApiInclude", problems)
            .Concat(OperationFilter.Read(Get(file, "build_metadata.AdditionalFiles.OpenApiExclude"), exclude: true, "OpenApiExclude", problems))
            .ToEquatableArray();

        return new DocumentOptionsModel(
            ns,
            emit,
            isPublic,
            Get(file, "build_metadata.AdditionalFiles.OpenApiClientName"),
            Get(file, "build_metadata.AdditionalFiles.OpenApiContractName"),
            problems.ToEquatableArray(),
            Get(file, "build_metadata.AdditionalFiles.OpenApiBaseline"),
            (Get(file, "build_metadata.AdditionalFiles.OpenApiAcceptedBreaks") ?? string.Empty)
                .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).ToEquatableArray(),
            filter,
            models);
    }

    /// <summary>Names where a value came from: the AdditionalFiles item's metadata when it set one, else the project property.</summary>
    internal static string Source(string? itemValue, string metadata, string property) =>
        itemValue is not null ? $"item metadata '{metadata}'" : $"property '{property}'";

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
