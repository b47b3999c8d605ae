using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

/// <summary>Reads <c>paths</c> into surfaces of operations, and the <c>x-fault</c> table of the responses.</summary>
internal sealed partial class OperationReader
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly ParseContext _context;
    private readonly SchemaConverter _schemas;
    private readonly NameScope _typeNames;
    private readonly DocumentOptionsModel _options;
    private readonly SortedDictionary<int, FaultModel> _faults = new();

    public OperationReader(ParseContext context, SchemaConverter schemas, NameScope typeNames, DocumentOptionsModel options)
    {
        _context = context;
        _schemas = schemas;
        _typeNames = typeNames;
        _options = options;
    }

    /// <summary>Reads each operation's security list; none leaves every operation without one.</summary>
    public SecurityReader? Security { get; init; }

    public EquatableArray<FaultModel> Faults => _faults.Values.ToEquatableArray();

    public EquatableArray<SurfaceModel> ReadSurfaces(string documentName)
    {
        var groups = new List<(string Tag, List<OperationModel> Operations)>();
        var methodNames = new NameScope();
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var filter = new OperationFilter(_options.Filter);
        var paths = _context.Root.GetMapping("paths");
        foreach (var pathEntry in paths?.Entries ?? [])
        {
            var path = pathEntry.Key.Value;
            if (!path.StartsWith("/", StringComparison.Ordinal))
            {
                if (!path.StartsWith("x-", StringComparison.Ordinal))
                {
                    _context.Report(D.InvalidStructure, pathEntry.Key, $"The path '{path}' does not start with '/'");
                }

                continue;
            }

            if (_context.Deref(pathEntry.Value) is not { } item)
            {
                _context.Report(D.InvalidStructure, pathEntry.Value, $"The path item '{path}' is not a mapping");
                continue;
            }

            var template = PathTemplate.Parse(path, out var templateProblem, out var templateAt);
            var routeProblem = template is null ? null : RouteProblem(template);
            foreach (var (methodKey, method, operation) in Operations(item))
            {

                var tags = operation.GetSequence("tags")?.Items.OfType<YScalar>().Select(t => t.Value).ToList() ?? [];
                if (filter.IsActive && !filter.Keeps(method, path, operation.GetString("operationId") ?? DeriveOperationId(method, path), tags))
                {
                    // Left out without a word about it, but its name is still taken, so kept methods are named as without a
                    // filter, and its faults stay in the document's fault table, which a filter edit thus leaves alone.
                    ReadFaults(operation);
                    if (operation.GetString("operationId") is { } id)
                    {
                        operationIds.Add(id);
                    }

                    methodNames.Claim(Identifiers.ToPascalCase(operation.GetString("operationId") ?? DeriveOperationId(method, path), "Operation"));
                    continue;
                }

                if (template is null)
                {
                    // A malformed template has no parameters to bind; neither side could call or serve it.
                    _context.ReportInScalar(D.InvalidPathTemplate, pathEntry.Key, templateAt, path, templateProblem!, operation.GetString("operationId") ?? DeriveOperationId(method, path));
                    continue;
                }

                if (routeProblem is not null)
                {
                    // The generated controller would stop the host at startup; the contract must match it, so the operation goes.
                    _context.Report(D.UnsupportedOperation, pathEntry.Key, operation.GetString("operationId") ?? DeriveOperationId(method, path), $"the path cannot be an ASP.NET Core route template ({routeProblem}); the operation is skipped");
                    continue;
                }

                if (!_context.IsOpenApi31 && operation.Get("responses") is null)
                {
                    // Required in 3.0 only: 3.1 made 'responses' optional. Without one the operation has no result.
                    _context.Report(D.MissingRequiredField, methodKey, $"The operation '{method.ToUpperInvariant()} {path}'", "responses", _context.Version, "the operation returns no result");
                }

                var model = ReadOperation(path, template, method, item, operation, methodNames, operationIds);
                if (model is null)
                {
                    continue;
                }

                var tag = (operation.GetSequence("tags") is { Items.Count: > 0 } tagList ? tagList.Items[0] as YScalar : null)?.Value ?? documentName;
                var group = groups.FirstOrDefault(g => g.Tag == tag);
                if (group.Operations is null)
                {
                    group = (tag, []);
                    groups.Add(group);
                }

                group.Operations.Add(model);
            }
        }

        if (filter.IsActive)
        {
            filter.ReportUnmatched(_context, _context.Root.GetKey("paths") ?? (YNode)_context.Root);
        }

        return BuildSurfaces(groups);
    }

    private EquatableArray<SurfaceModel> BuildSurfaces(List<(string Tag, List<OperationModel> Operations)> groups)
    {
        if (groups.Count > 1 && (_options.ClientName is not null || _options.ContractName is not null))
        {
            _context.Add(DiagnosticModel.WithoutLocation(D.InvalidOption.Id, $"item metadata '{(_options.ClientName is not null ? "OpenApiClientName" : "OpenApiContractName")}' of '{System.IO.Path.GetFileName(_context.FilePath)}'", _options.ClientName ?? _options.ContractName!, "the document has several tags, so each tag names its own client and contract"));
        }

        var tagDescriptions = _context.Root.GetSequence("tags")?.Items.OfType<YMapping>()
            .Where(t => t.GetString("name") is not null)
            .GroupBy(t => t.GetString("name")!)
            .ToDictionary(g => g.Key, g => g.First().GetString("description"));
        var surfaces = new List<SurfaceModel>();
        foreach (var (tag, operations) in groups)
        {
            var stem = Identifiers.ToPascalCase(tag, "Default");
            if (stem.EndsWith("Api", StringComparison.Ordinal))
            {
                stem = stem.Substring(0, stem.Length - 3);
            }

            var single = groups.Count == 1;
            var contract = single && _options.ContractName is { } contractName ? Identifiers.ToPascalCase(contractName) : "I" + stem + "Api";
            var client = single && _options.ClientName is { } clientName ? Identifiers.ToPascalCase(clientName) : stem + "ApiClient";
            surfaces.Add(new SurfaceModel(
                _typeNames.Claim(contract),
                _typeNames.Claim(client, SurfaceModel.ServicesSuffix),
                _typeNames.Claim(stem + "ApiController", SurfaceModel.ServicesSuffix),
                tagDescriptions is not null && tagDescriptions.TryGetValue(tag, out var description) ? description : null,
                operations.ToEquatableArray(),
                _typeNames.Claim(stem + "Api" + ReservedNames.EndpointsSuffix)));
        }

        return surfaces.ToEquatableArray();
    }

    private OperationModel? ReadOperation(string path, IReadOnlyList<PathTemplate.Segment> template, string method, YMapping item, YMapping operation, NameScope methodNames, HashSet<string> operationIds)
    {
        var declaredId = operation.GetString("operationId");
        var operationId = declaredId ?? DeriveOperationId(method, path);
        var methodName = Identifiers.ToPascalCase(operationId, "Operation");
        if (declaredId is not null && !operationIds.Add(declaredId))
        {
            var renamed = methodNames.Claim(methodName);
            _context.Report(D.DuplicateOperationId, operation.Get("operationId"), declaredId, renamed + "Async");
            methodName = renamed;
        }
        else
        {
            methodName = methodNames.Claim(methodName);
        }

        if (operation.GetKey("callbacks") is { } callbacks)
        {
            _context.Report(D.UnsupportedOperation, callbacks, operationId, "callbacks are not generated");
        }

        var parameterNames = new NameScope(ReservedNames.OperationLocals);
        var parameters = ReadParameters(operationId, methodName, template, item, operation, parameterNames);
        if (parameters is null)
        {
            return null;
        }

        BodyModel? body = null;
        if (operation.Get("requestBody") is { } bodyNode)
        {
            body = ReadBody(operationId, methodName, bodyNode, parameterNames);
            if (body is null)
            {
                return null;
            }
        }

        var responses = ReadResponses(operationId, methodName, operation);
        var success = SuccessAnswer(responses);
        var result = BuildResult(methodName, success, responses, methodNames);
        return new OperationModel(
            operationId,
            methodName,
            method,
            path,
            operation.GetString("summary"),
            operation.GetString("description"),
            operation.GetBool("deprecated"),
            parameters.ToEquatableArray(),
            body,
            success,
            responses.ToEquatableArray(),
            result,
            Security?.ForOperation(operation) ?? -1,
            operation.Get("security") is not null);
    }

    /// <summary>
    /// The answer of a completed call: the first 2xx, else the <c>2XX</c> range; without either, <c>default</c> when the
    /// document declares no other answer below 400, since it then covers every success status (docs/decisions.md, "The
    /// success answer when the document declares none"); else none.
    /// </summary>
    private static ResponseModel? SuccessAnswer(List<ResponseModel> responses) =>
        responses.Where(r => r.StatusCode is >= 200 and < 300).OrderBy(r => r.StatusCode).FirstOrDefault()
            ?? responses.FirstOrDefault(r => r.Status == "2XX")
            ?? (responses.Any(r => r.Status != "default" && !r.IsError) ? null : responses.FirstOrDefault(r => r.Status == "default"));

    private static string DeriveOperationId(string method, string path)
    {
        var words = new List<string> { method.ToLowerInvariant() };
        foreach (var segment in path.Split(['/'], StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(segment.StartsWith("{", StringComparison.Ordinal) ? "by_" + segment.Trim('{', '}') : segment);
        }

        return string.Join("_", words);
    }

    private BodyModel? ReadBody(string operationId, string methodName, YNode node, NameScope parameterNames)
    {
        var body = _context.Deref(node);
        if (body?.GetMapping("content") is not { Count: > 0 } content)
        {
            _context.Report(D.UnsupportedOperation, node, operationId, "the request body has no content; the operation is skipped");
            return null;
        }

        ReportItemSchemas(content, operationId, null);
        var (mediaType, encoding, schema) = ChooseMediaType(content);
        if (encoding.IsItemStream())
        {
            // A request of items is sent as its bytes: the caller streams them (docs/decisions.md, "Streams").
            encoding = BodyEncoding.Binary;
        }

        if (mediaType is null)
        {
            _context.Report(D.UnsupportedOperation, content.Entries[0].Key, operationId, $"request bodies of type '{content.Entries[0].Key.Value}' are not supported yet; the operation is skipped");
            return null;
        }

        foreach (var entry in content.Entries)
        {
            // The operation is generated for one media type; say so for each alternative the server will refuse (415).
            if (entry.Key.Value != mediaType && entry.Key.Value != "*/*" && !IsXmlAlternative(encoding, entry.Key.Value, content))
            {
                _context.Report(D.UnsupportedOperation, entry.Key, operationId, $"the request body is accepted only as '{mediaType}'; '{entry.Key.Value}' is not supported yet");
            }
        }

        var type = encoding.IsSchemaObject() ? _schemas.Convert(schema, methodName + "Request", 0) : new TypeRefModel(encoding == BodyEncoding.Text ? TypeRefKind.String : TypeRefKind.Bytes);
        var fields = default(EquatableArray<FormFieldModel>);
        string? shape = null;
        string? formType = null;
        var alternatives = default(EquatableArray<string>);
        if (encoding == BodyEncoding.Form)
        {
            // Nested objects and arrays travel as bracket keys; the shape lets the server rebuild the JSON (docs/decisions.md).
            var union = type.Kind == TypeRefKind.Object ? _schemas.Types.OfType<UnionTypeModel>().FirstOrDefault(t => t.Name == type.TypeName) : null;
            if (type.Kind is not (TypeRefKind.Object or TypeRefKind.Map)
                || (type.Kind == TypeRefKind.Object && !_schemas.Types.OfType<ObjectTypeModel>().Any(t => t.Name == type.TypeName) && !IsUnionOfObjects(union)))
            {
                _context.Report(D.UnsupportedOperation, content.GetKey(mediaType) ?? (YNode)content, operationId, $"'{mediaType}' bodies are supported for objects, maps and unions of objects; the operation is skipped");
                return null;
            }

            var encodings = ReadEncodings(content.GetMapping(mediaType));
            shape = ValueShapes.Describe(type, _schemas.Types, encodings);
            if (union is not null)
            {
                // Each alternative types the form's text its own way (docs/decisions.md, "Forms of unions").
                alternatives = ValueShapes.DescribeAlternatives(union, _schemas.Types, encodings);
            }
        }
        else if (encoding.IsForm())
        {
            if (FormFields(type, content.GetMapping(mediaType)) is not { } formFields)
            {
                _context.Report(D.UnsupportedOperation, content.GetKey(mediaType) ?? (YNode)content, operationId, $"'{mediaType}' bodies are supported for objects whose properties are scalars, files (format: binary), objects (JSON parts) or arrays of them; the operation is skipped");
                return null;
            }

            fields = formFields;
            if (formFields.Any(f => f.IsFile))
            {
                // File parts travel as streams: the operation takes a form record of ApiFile parts, and the schema's
                // record keeps its byte[] for JSON (docs/decisions.md, "Multipart file parts as streams").
                formType = _typeNames.Claim(methodName + ReservedNames.FormSuffix);
            }
        }

        XmlBodyModel? xml = null;
        if (encoding == BodyEncoding.Xml)
        {
            // A schema the XML Object cannot express: a text/xml body is sent as text, as before XML bodies; another is skipped.
            var asText = BaseType(mediaType).StartsWith("text/", StringComparison.Ordinal);
            xml = XmlBody(operationId, content, mediaType, schema, type, asText ? $"the body is sent as text, not as '{mediaType}' of its schema" : $"request bodies of type '{mediaType}' are not supported here; the operation is skipped");
            if (xml is null && !asText)
            {
                return null;
            }

            if (xml is null)
            {
                encoding = BodyEncoding.Text;
                type = new TypeRefModel(TypeRefKind.String);
            }
        }
        else if (encoding == BodyEncoding.Json)
        {
            xml = XmlAlternative(operationId, content, schema, type, mediaType);
        }

        var constraints = encoding == BodyEncoding.Json ? _schemas.ReadConstraints(schema) : null;
        return new BodyModel(mediaType, encoding, type, body.GetBool("required"), body.GetString("description"), parameterNames.Claim("body"), fields, MediaTypes(content), shape, xml,
            constraints == ConstraintsModel.None ? null : constraints, formType, alternatives);
    }

    /// <summary>Whether a union's alternatives are all objects (records of declared properties), which a form can carry.</summary>
    private bool IsUnionOfObjects(UnionTypeModel? union) =>
        union is { Members.Count: > 0 } && union.Members.All(m => m.Type.Kind == TypeRefKind.Object && _schemas.Types.OfType<ObjectTypeModel>().Any(t => t.Name == m.Type.TypeName));

    private List<ResponseModel> ReadResponses(string operationId, string methodName, YMapping operation)
    {
        var responses = new List<ResponseModel>();
        foreach (var entry in operation.GetMapping("responses")?.Entries ?? [])
        {
            var status = entry.Key.Value;
            var code = int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            if (code == 0 && status != "default" && !(status.Length == 3 && status.EndsWith("XX", StringComparison.OrdinalIgnoreCase)))
            {
                _context.Report(D.InvalidStructure, entry.Key, $"'{status}' is not a response status");
                continue;
            }

            var response = _context.Deref(entry.Value);
            if (response is null)
            {
                continue;
            }

            ReadFault(response, code);
            var content = response.GetMapping("content");
            if (content is { Count: > 0 } && code is 204 or 205 or 304)
            {
                // HTTP forbids a body on these statuses: the server could not send one, nor a client read one.
                _context.Report(D.ContentNotAllowed, response.Get("content")!, status);
                content = null;
            }

            if (content is not { Count: > 0 })
            {
                responses.Add(new ResponseModel(status, code, response.GetString("description"), null, BodyEncoding.Json, null, ReadHeaders(response, operationId, methodName)));
                continue;
            }

            // An error declared only as XML is written and read as XML; one declared beside JSON keeps its JSON.
            var (mediaType, encoding, schema) = ChooseMediaType(content);

            ReportItemSchemas(content, operationId, encoding.IsItemStream() ? mediaType : null);
            mediaType ??= content.Entries[0].Key.Value;
            var suffix = code is >= 200 and < 300 && code != 200 ? status : code == 200 ? string.Empty : status;
            var type = encoding switch
            {
                BodyEncoding.Json or BodyEncoding.Xml => _schemas.Convert(schema, methodName + "Response" + suffix, 0),
                BodyEncoding.Text => new TypeRefModel(TypeRefKind.String),
                BodyEncoding.EventStream or BodyEncoding.JsonLines => StreamItemType(content.GetMapping(mediaType), encoding, methodName + "Item" + suffix),
                _ => new TypeRefModel(TypeRefKind.Bytes),
            };
            var xml = encoding switch
            {
                BodyEncoding.Json when !IsError(status, code) => XmlAlternative(operationId, content, schema, type, mediaType),
                BodyEncoding.Xml => XmlBody(operationId, content, mediaType, schema, type, $"the '{status}' answer is read as {(BaseType(mediaType).StartsWith("text/", StringComparison.Ordinal) ? "text" : "bytes")}, not as '{mediaType}'"),
                _ => null,
            };
            if (encoding == BodyEncoding.Xml && xml is null)
            {
                // A schema the XML Object cannot express: the answer is read as text or bytes, as before XML bodies.
                encoding = BaseType(mediaType).StartsWith("text/", StringComparison.Ordinal) ? BodyEncoding.Text : BodyEncoding.Binary;
                type = new TypeRefModel(encoding == BodyEncoding.Text ? TypeRefKind.String : TypeRefKind.Bytes);
            }

            if (IsError(status, code) && encoding == BodyEncoding.Text && !IsMessageSchema((content.GetMapping(mediaType) ?? content.Entries[0].Value as YMapping)?.Get("schema")))
            {
                // A text error whose schema is not a string (an object as text/html) is not the message: not written as text.
                encoding = BodyEncoding.Binary;
                type = new TypeRefModel(TypeRefKind.Bytes);
            }

            var constraints = encoding == BodyEncoding.Json ? _schemas.ReadConstraints(schema) : null;
            var model = new ResponseModel(status, code, response.GetString("description"), mediaType, encoding, type, ReadHeaders(response, operationId, methodName), encoding == BodyEncoding.Json && IsEnvelope(schema), MediaTypes(content), xml,
                constraints == ConstraintsModel.None ? null : constraints);
            if (IsError(status, code) && !ErrorAnswers.IsWritable(model))
            {
                _context.Report(D.ErrorMediaTypeNotWritable, content.Entries[0].Key, status, operationId, string.Join(", ", content.Entries.Select(e => e.Key.Value)));
            }

            responses.Add(model);
        }

        return responses;
    }

    private static string BaseType(string mediaType) => ErrorAnswers.BaseType(mediaType);

    private static readonly string[] s_structureKeywords = ["properties", "items", "allOf", "oneOf", "anyOf", "additionalProperties"];

    /// <summary>Whether a text error's schema admits the message as its body: none, or one that resolves to a string.</summary>
    private bool IsMessageSchema(YNode? schema)
    {
        if (schema is null)
        {
            return true;
        }

        if (_context.Deref(schema) is not { } mapping)
        {
            return true;
        }

        // Without a type, a schema that describes no structure (no properties, items or composition) admits a string.
        return mapping.Get("type") switch
        {
            null => s_structureKeywords.All(keyword => mapping.Get(keyword) is null),
            YScalar scalar => scalar.Value == "string",
            YSequence list => list.Items.Any(i => i is YScalar { Value: "string" }) && list.Items.All(i => i is YScalar { Value: "string" or "null" }),
            _ => false,
        };
    }

    private static bool IsError(string status, int code) =>
        code >= 400 || status == "default" || (status.Length == 3 && status[0] is '4' or '5' && status.EndsWith("XX", StringComparison.OrdinalIgnoreCase));

    /// <summary>The media types of a <c>content</c> mapping, in document order (for the breaking-change gate).</summary>
    private static EquatableArray<string> MediaTypes(YMapping content) => content.Entries.Select(entry => entry.Key.Value).ToEquatableArray();

    private static (string? MediaType, BodyEncoding Encoding, YNode? Schema) ChooseMediaType(YMapping content, bool xml = true)
    {
        foreach (var entry in content.Entries)
        {
            var mediaType = entry.Key.Value;
            var baseType = mediaType.Split(';')[0].Trim().ToLowerInvariant();
            if (baseType == "application/json" || baseType.EndsWith("+json", StringComparison.Ordinal) || baseType == "*/*")
            {
                return (baseType == "*/*" ? "application/json" : mediaType, BodyEncoding.Json, (entry.Value as YMapping)?.Get("schema"));
            }
        }

        foreach (var entry in content.Entries)
        {
            // Of the text types, text/plain is the one any message can be written in (an error's, for one).
            if (BaseType(entry.Key.Value) == "text/plain")
            {
                return (entry.Key.Value, BodyEncoding.Text, null);
            }
        }

        foreach (var entry in content.Entries)
        {
            // XML after OpenAPI's XML Object, before the text types would take text/xml as plain text.
            if (xml && IsXmlMediaType(entry.Key.Value) && IsStructured((entry.Value as YMapping)?.Get("schema")))
            {
                return (entry.Key.Value, BodyEncoding.Xml, (entry.Value as YMapping)?.Get("schema"));
            }
        }

        foreach (var entry in content.Entries)
        {
            var baseType = BaseType(entry.Key.Value);
            if (baseType == "text/event-stream")
            {
                return (entry.Key.Value, BodyEncoding.EventStream, (entry.Value as YMapping)?.Get("schema"));
            }

            if (baseType is "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/json-seq")
            {
                return (entry.Key.Value, BodyEncoding.JsonLines, (entry.Value as YMapping)?.Get("schema"));
            }

            if (baseType.StartsWith("text/", StringComparison.Ordinal))
            {
                return (entry.Key.Value, BodyEncoding.Text, null);
            }

            if (baseType == "application/x-www-form-urlencoded")
            {
                return (entry.Key.Value, BodyEncoding.Form, (entry.Value as YMapping)?.Get("schema"));
            }

            if (baseType == "multipart/form-data")
            {
                return (entry.Key.Value, BodyEncoding.Multipart, (entry.Value as YMapping)?.Get("schema"));
            }

            if (baseType == "application/octet-stream" || baseType.StartsWith("image/", StringComparison.Ordinal) || baseType.StartsWith("audio/", StringComparison.Ordinal) || baseType.StartsWith("video/", StringComparison.Ordinal) || baseType == "application/pdf")
            {
                return (entry.Key.Value, BodyEncoding.Binary, null);
            }
        }

        return (null, BodyEncoding.Binary, null);
    }
}
