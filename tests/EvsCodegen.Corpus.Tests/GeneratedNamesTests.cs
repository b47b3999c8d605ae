using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using EvsCodegen.TestSupport;
using Xunit;

namespace EvsCodegen.Corpus.Tests;

/// <summary>
/// Every name the generated code declares (types, members of any accessibility, method parameters) is either derived
/// from the document model the parser produced or listed in <see cref="ReservedNames"/>, the one owner of the names
/// the generator writes into a user's namespace. A member an emitter adds without registering it there fails here,
/// before a document name can meet it (an apiKey scheme named <c>apply</c> once met <c>ApiClientOptions.Apply</c>).
/// </summary>
public sealed class GeneratedNamesTests
{
    private static readonly string[] s_corpusDocuments =
    [
        "oag__petstore-fake-endpoints-csharp.yaml", "oag__opendota.json", "oag__3_0_3_unit_test_spec.yaml", "oag31__java-petstore.yaml",
    ];

    public static TheoryData<string> Documents => [.. new[] { "evs-snapshots.yaml", "collisions.yaml", "adversarial.json", "wide.yaml", "responses.yaml" }.Concat(s_corpusDocuments)];

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryGeneratedName_IsDerivedFromTheModelOrOwnedByReservedNames(string name)
    {
        var document = Load(name);
        // The minimal-API endpoints beside the controller, so their names are held to the owner too.
        var result = DocumentRunner.Run(document, keepCompilation: true, CancellationToken.None, emit: DocumentRunner.Emit + ";minimal");
        Assert.Equal(Outcome.Ok, result.Outcome);
        var model = DocumentParser.Parse(new DocumentInputModel(document.Path, document.Text, new DocumentOptionsModel(document.Namespace, EmitKinds.All, true, null, null, default, Models: ModelsSelection.All)), CancellationToken.None).Model;
        Assert.NotNull(model);

        var unknown = UnknownNames(result.Compilation!, model!);

        Assert.True(unknown.Count == 0, "Names neither derived from the model nor in ReservedNames:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void TheCheck_FailsOnAMemberReservedNamesDoesNotKnow()
    {
        var document = Load("evs-snapshots.yaml");
        var result = DocumentRunner.Run(document, keepCompilation: true, CancellationToken.None);
        var model = DocumentParser.Parse(new DocumentInputModel(document.Path, document.Text, new DocumentOptionsModel(document.Namespace, EmitKinds.All, true, null, null, default, Models: ModelsSelection.All)), CancellationToken.None).Model!;
        var extra = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            $"namespace {document.Namespace}; public sealed partial class ApiClientOptions {{ internal void Refresh(int attempt) {{ }} }}",
            DocumentRunner.ParseOptions);

        var unknown = UnknownNames(result.Compilation!.AddSyntaxTrees(extra), model);

        Assert.Equal(["member ApiClientOptions.Refresh", "parameter ApiClientOptions.Refresh(attempt)"], unknown);
    }

    private static List<string> UnknownNames(Compilation compilation, ApiModel model)
    {
        var types = new HashSet<string>(ReservedNames.TypeNames.Append(ReservedNames.ConverterSlots), StringComparer.Ordinal);
        var members = new HashSet<string>(ReservedNames.AllMembers, StringComparer.Ordinal);
        var parameters = new HashSet<string>(ReservedNames.FixedParameters.Concat(ReservedNames.OperationLocals), StringComparer.Ordinal);
        foreach (var type in model.Types)
        {
            types.Add(Bare(type.Name));
            types.Add(Bare(type.Name) + ReservedNames.ConverterSuffix);
            members.UnionWith(type switch
            {
                ObjectTypeModel o => o.Properties.Select(p => Bare(p.Name)),
                EnumTypeModel e => e.Members.Select(m => Bare(m.Name)),
                UnionTypeModel u => u.Members.Select(m => Bare(m.Name)),
                _ => [],
            });
        }

        foreach (var surface in model.Surfaces)
        {
            types.UnionWith([Bare(surface.InterfaceName), Bare(surface.ClientName), Bare(surface.ControllerName),
                Bare(surface.ClientName) + ReservedNames.ServicesSuffix, Bare(surface.ControllerName) + ReservedNames.ServicesSuffix, Bare(surface.EndpointsName)]);
            members.UnionWith([ReservedNames.AddClientMethod(surface.ClientName), ReservedNames.AddControllersMethod(surface.ControllerName), ReservedNames.AddServerMethod(surface.ControllerName),
                ReservedNames.MapEndpointsMethod(surface.ControllerName), ReservedNames.AddEndpointsMethod(surface.ControllerName)]);
            foreach (var operation in surface.Operations)
            {
                members.Add(Bare(operation.MethodName) + ReservedNames.AsyncSuffix);
                members.UnionWith(operation.Responses.Select(r => ReservedNames.BodyReaderMethod(operation.MethodName, r.Status)));
                if (operation.Result is { } result)
                {
                    members.UnionWith([ReservedNames.SharedRequestMethod(operation.MethodName), ReservedNames.ResponseReaderMethod(operation.MethodName)]);
                    types.Add(Bare(result.TypeName));
                    members.Add(Bare(result.MethodName) + ReservedNames.AsyncSuffix);
                    members.UnionWith(result.Cases.Select(c => c.FactoryName).Concat(result.Cases.Select(c => c.BodyProperty).OfType<string>()).Concat(result.Headers.Select(h => h.PropertyName)).Select(Bare));
                    parameters.UnionWith(result.Headers.Select(h => Bare(h.ParameterName)));
                }

                parameters.UnionWith(operation.Parameters.Select(p => Bare(p.Name)));
                if (operation.Body is { } body)
                {
                    parameters.Add(Bare(body.Name));
                    if (body.FormTypeName is { } form)
                    {
                        // A multipart body's form record (claimed in the type scope, ReservedNames.FormSuffix).
                        types.Add(Bare(form));
                    }
                }
            }
        }

        foreach (var scheme in model.Context.Schemes)
        {
            var names = new[] { scheme.Property, scheme.Secret, scheme.Provider, scheme.ScopesProperty, scheme.TokenUrlProperty }.OfType<string>().ToList();
            members.UnionWith(names.Select(Bare));
            if (scheme.Provider is { } provider)
            {
                // The options' cache of the default token provider of an OAuth2 scheme.
                members.Add("_" + char.ToLowerInvariant(provider[0]) + provider[1..]);
            }
        }

        var unknown = new List<string>();
        foreach (var type in AllTypes(compilation.Assembly.GlobalNamespace))
        {
            // An enum's constants live in a nested class whose name ReservedNames owns.
            if (!types.Contains(type.Name) && !(type.Name == ReservedNames.EnumConstants && type.ContainingType is not null))
            {
                unknown.Add("type " + type.Name);
            }

            foreach (var member in type.GetMembers().Where(m => m is not INamedTypeSymbol && !m.IsImplicitlyDeclared))
            {
                if (member is IMethodSymbol { MethodKind: not (MethodKind.Ordinary or MethodKind.DeclareMethod) } method)
                {
                    // Constructors, accessors, operators and conversions have no name of their own to collide with,
                    // but their parameters do.
                    unknown.AddRange(method.Parameters.Where(p => !parameters.Contains(p.Name)).Select(p => $"parameter {type.Name}.{method.Name}({p.Name})"));
                    continue;
                }

                // An explicit interface implementation (an enum's IApiStringEnumeration<T>.Known) is not a member
                // name anything can collide with: it is reached only through the interface.
                if (member is IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 })
                {
                    continue;
                }

                if (!members.Contains(member.Name) && !IsNumbered(member.Name))
                {
                    unknown.Add($"member {type.Name}.{member.Name}");
                }

                if (member is IMethodSymbol ordinary)
                {
                    unknown.AddRange(ordinary.Parameters.Where(p => !parameters.Contains(p.Name)).Select(p => $"parameter {type.Name}.{member.Name}({p.Name})"));
                    unknown.AddRange(ordinary.TypeParameters.Where(p => !parameters.Contains(p.Name)).Select(p => $"type parameter {type.Name}.{member.Name}<{p.Name}>"));
                }
            }
        }

        return unknown.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static bool IsNumbered(string name) => ReservedNames.NumberedPrefixes.Any(prefix =>
        name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && name.Skip(prefix.Length).All(char.IsAsciiDigit));

    private static string Bare(string name) => name.TrimStart('@');

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var type in AllTypes(ns))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (var nested in AllTypes(type))
                {
                    yield return nested;
                }
            }
        }
    }

    private static CorpusDocument Load(string name) => name switch
    {
        "evs-snapshots.yaml" => new(name, Path.Combine(RepoPaths.RepoRoot, "openapi", name), File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "openapi", name)), "Evs.Snapshots", []),
        "collisions.yaml" => new(name, "/hostile/collisions.yaml", NameCollisionTests.Document, "Hostile.Collisions", []),
        "adversarial.json" => new(name, "/hostile/adversarial.json", AdversarialDocument.Hostile(AdversarialDocument.Payloads[^1].Text), "Hostile.Adversarial", []),
        "wide.yaml" => new(name, "/hostile/wide.yaml", LargeSchemaDocuments.Wide(100), "Hostile.Wide", []),
        "responses.yaml" => new(name, "/tests/responses.yaml", File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "tests", "EvsCodegen.GeneratedCode.Tests", "Documents", name)), "Tests.Responses", []),
        _ => new(name, Path.Combine(RepoPaths.RequirePublicCorpus(), name), File.ReadAllText(Path.Combine(RepoPaths.RequirePublicCorpus(), name)), "Corpus.Names", []),
    };
}
