using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Reads one OpenAPI 3.0, 3.1 or 3.2 document, or a Swagger 2.0 document through <see cref="Swagger2Reader"/>, into an
/// <see cref="ApiModel"/>. Never throws on bad input.
/// </summary>
internal static partial class DocumentParser
{
    /// <summary>Parses <paramref name="input"/>.</summary>
    public static ParseResultModel Parse(DocumentInputModel input, CancellationToken cancellationToken) =>
        Parse(input, default, cancellationToken);

    /// <summary>Parses a document whose <c>$ref</c>s may name <paramref name="fragments"/> (other AdditionalFiles items).</summary>
    public static ParseResultModel Parse(DocumentInputModel input, EquatableArray<FragmentModel> fragments, CancellationToken cancellationToken) =>
        ParseCore(input, fragments, cancellationToken) with { Path = input.Path };

    private static ParseResultModel ParseCore(DocumentInputModel input, EquatableArray<FragmentModel> fragments, CancellationToken cancellationToken)
    {
        var optionProblems = new List<DiagnosticModel>();
        for (var i = 0; i + 2 < input.Options.Problems.Count; i += 3)
        {
            // No place in the document to point at: the message names the MSBuild property or item metadata and the file.
            optionProblems.Add(DiagnosticModel.WithoutLocation(D.InvalidOption.Id, $"{input.Options.Problems[i]} of '{Path.GetFileName(input.Path)}'", input.Options.Problems[i + 1], input.Options.Problems[i + 2]));
        }

        var root = YamlLoader.Load(input.Text, out var loadError);
        if (root is null)
        {
            var descriptor = loadError!.Kind == LoadErrorKind.Syntax ? D.UnreadableDocument : D.DocumentTooLarge;
            var arguments = descriptor == D.UnreadableDocument ? new[] { Path.GetFileName(input.Path), loadError.Message } : [loadError.Message];
            optionProblems.Add(new DiagnosticModel(descriptor.Id, input.Path, loadError.Span, loadError.LineSpan, arguments.ToEquatableArray()));
            return new ParseResultModel(null, optionProblems.ToEquatableArray());
        }

        if (root is not YMapping mapping)
        {
            optionProblems.Add(ParseContext.Create(input.Path, D.UnreadableDocument, root, Path.GetFileName(input.Path), "the top level must be a mapping"));
            return new ParseResultModel(null, optionProblems.ToEquatableArray());
        }

        var version = CheckVersion(input.Path, mapping, out var versionProblem);
        if (version is null)
        {
            optionProblems.Add(versionProblem!);
            return new ParseResultModel(null, optionProblems.ToEquatableArray());
        }

        var context = new ParseContext(input.Path, mapping, version, cancellationToken, fragments);
        ParseContext? swagger2 = null;
        try
        {
            if (version == "2.0")
            {
                // The 2.0 tree is read as the 3.0 tree it stands for; what that reading reports comes first.
                swagger2 = context;
                context = new ParseContext(input.Path, Swagger2Reader.Upgrade(swagger2), version, cancellationToken, fragments);
            }

            var model = Build(context, input);
            return new ParseResultModel(model, optionProblems.Concat(swagger2?.Diagnostics ?? []).Concat(context.Diagnostics).ToEquatableArray());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug of ours must not take the compiler down: say so at the document, with what broke.
            context.Report(D.UnreadableDocument, null, Path.GetFileName(input.Path), "internal generator error: " + exception.GetType().Name + ": " + exception.Message);
            return new ParseResultModel(null, optionProblems.Concat(swagger2?.Diagnostics ?? []).Concat(context.Diagnostics).ToEquatableArray());
        }
    }

    private static string? CheckVersion(string path, YMapping root, out DiagnosticModel? problem)
    {
        problem = null;
        if (root.Get("swagger") is { } swagger)
        {
            if (swagger is YScalar { Value: "2.0" })
            {
                return "2.0";
            }

            problem = ParseContext.Create(path, D.UnsupportedVersion, swagger, "Swagger " + ((swagger as YScalar)?.Value ?? "(no version)"), "only Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2 documents are supported");
            return null;
        }

        var openapi = root.Get("openapi");
        var text = (openapi as YScalar)?.Value;
        if (text is null)
        {
            problem = ParseContext.Create(path, D.UnsupportedVersion, root, "A document without an 'openapi' or 'swagger' field", "only Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2 documents are supported");
            return null;
        }

        if (text == "3.0" || text.StartsWith("3.0.", StringComparison.Ordinal))
        {
            return "3.0";
        }

        foreach (var minor in new[] { "3.1", "3.2" })
        {
            if (text == minor || text.StartsWith(minor + ".", StringComparison.Ordinal))
            {
                return minor;
            }
        }

        problem = ParseContext.Create(path, D.UnsupportedVersion, openapi, "OpenAPI " + text, "only Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2 documents are supported");
        return null;
    }

    private static ApiModel Build(ParseContext context, DocumentInputModel input)
    {
        var root = context.Root;
        var documentName = Identifiers.ToPascalCase(Path.GetFileNameWithoutExtension(input.Path), "Api");
        var typeNames = new NameScope([.. ReservedNames.TypeNames, .. ReservedNames.TypeLevelMembers]);
        var schemas = new SchemaConverter(context, typeNames);
        var components = root.GetMapping("components");
        var filtered = input.Options.Filter.Count > 0 && input.Options.Models != ModelsSelection.All;
        schemas.ConvertComponents(components?.GetMapping("schemas"), reachedOnly: filtered);

        if (root.GetKey("webhooks") is { } webhooks)
        {
            context.Report(D.UnsupportedConstruct, webhooks, "webhooks", "webhooks are not generated; the operations under 'paths' are");
        }

        var security = new SecurityReader(context, components?.GetMapping("securitySchemes"), (input.Options.Emit & EmitKinds.Client) != 0);
        var operations = new OperationReader(context, schemas, typeNames, input.Options) { Security = security };
        var surfaces = operations.ReadSurfaces(documentName);
        var info = CheckInfo(context);
        var apiContext = new ApiContextModel(
            documentName,
            input.Options.Namespace,
            input.Options.Emit,
            input.Options.Public,
            info?.GetString("title") ?? documentName,
            info?.GetString("version") ?? string.Empty,
            security.Schemes(),
            security.Sets,
            operations.Faults,
            ReadEnvelope(context, schemas, components?.GetMapping("schemas")),
            ServerReader.Read(context),
            security.DocumentSet);

        // With a filter, the schemas the kept operations reach were converted on the way; add those they name otherwise.
        schemas.ConvertDeferred();
        schemas.ConvertDerived();
        schemas.FixDiscriminators();
        schemas.ResolveBases();
        return new ApiModel(apiContext, SelectTypes(context, schemas, input.Options, surfaces, filtered, components), surfaces);
    }

    /// <summary>
    /// The types to emit: with a filter, those the kept operations reach (only those and their derived records were
    /// converted); with <c>reached</c>, or by default
    /// when client or server code is emitted from a document with operations, those the operations reach (EVS2070 names
    /// what the default left out); otherwise all of them.
    /// </summary>
    private static EquatableArray<TypeModel> SelectTypes(ParseContext context, SchemaConverter schemas, DocumentOptionsModel options, EquatableArray<SurfaceModel> surfaces, bool filtered, YMapping? components)
    {
        var reachedOnly = options.Models switch
        {
            ModelsSelection.Reached => true,
            ModelsSelection.All => false,
            _ => (options.Emit & (EmitKinds.Client | EmitKinds.Server | EmitKinds.Minimal)) != 0 && surfaces.Any(s => s.Operations.Count > 0),
        };
        if (!filtered && !reachedOnly)
        {
            return schemas.Types.ToEquatableArray();
        }

        // With a filter, only what the kept operations reach was converted, and the derived records of what they reach.
        var reached = schemas.ReachedTypes(out var leftOut);
        if (filtered)
        {
            return reached.ToEquatableArray();
        }

        if (options.Models == ModelsSelection.Default && leftOut.Count > 0)
        {
            var examples = string.Join(", ", leftOut.Take(3));
            var one = leftOut.Count == 1;
            var count = leftOut.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + (one ? " component schema" : " component schemas");
            context.Report(D.UnreachedSchemasLeftOut, components?.GetKey("schemas") ?? context.Root.GetKey("components"), count, one ? "was" : "were", examples, one ? "it" : "them");
        }

        return reached.ToEquatableArray();
    }

    /// <summary>The <c>info</c> object, after reporting what OpenAPI requires of it and it lacks (both versions require title and version).</summary>
    private static YMapping? CheckInfo(ParseContext context)
    {
        var version = context.Version;
        var info = context.Root.GetMapping("info");
        if (info is null)
        {
            context.Report(D.MissingRequiredField, context.Root.GetKey("info") ?? context.Root.GetKey("openapi") ?? (YNode)context.Root, "The document", "info", version, "the title is taken from the file name");
            return null;
        }

        foreach (var field in new[] { "title", "version" })
        {
            if (info.GetString(field) is null)
            {
                context.Report(D.MissingRequiredField, context.Root.GetKey("info"), "'info'", field, version, field == "title" ? "the title is taken from the file name" : "the version is left empty");
            }
        }

        return info;
    }

    private static EnvelopeModel? ReadEnvelope(ParseContext context, SchemaConverter schemas, YMapping? componentSchemas)
    {
        foreach (var entry in componentSchemas?.Entries ?? [])
        {
            if (entry.Value is not YMapping schema || schema.Get("x-error-envelope") is not { } marker)
            {
                continue;
            }

            if (marker is not YScalar { Value: "keyed" })
            {
                context.Report(D.InvalidExtension, marker, "x-error-envelope", "the only supported value is 'keyed'");
                continue;
            }

            var fault = schemas.Convert(schema.Get("additionalProperties"), entry.Key.Value + "Value", 0);
            var faultType = fault.Kind == TypeRefKind.Object ? schemas.Types.OfType<ObjectTypeModel>().FirstOrDefault(t => t.Name == fault.TypeName) : null;
            var message = faultType?.Properties.FirstOrDefault(p => p.JsonName == "message" && p.Type.Kind == TypeRefKind.String);
            var code = faultType?.Properties.FirstOrDefault(p => p.JsonName == "code" && p.Type.Kind == TypeRefKind.String);
            if (faultType is null || message is null || code is null)
            {
                context.Report(D.InvalidExtension, marker, "x-error-envelope", "additionalProperties must be an object schema with string properties 'message' and 'code'");
                continue;
            }

            return new EnvelopeModel(faultType.Name, message.Name, code.Name);
        }

        return null;
    }
}
