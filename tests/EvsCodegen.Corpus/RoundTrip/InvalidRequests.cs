using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>
/// Invalid variants of a valid captured request, sent straight to the generated server: wrong types, missing required
/// values, unknown keys where <c>additionalProperties: false</c>, values out of bounds, unknown enum and discriminator
/// values. Each must get a 4xx and must never reach the implementation.
/// </summary>
internal sealed partial class InvalidRequests(DocumentSession session, OperationModel operation, Exchange valid, RecordingApi recorder, Action<FindingKind, string, string> add)
{
    // Bounds the requests per operation: the first properties of a large body are enough to find a class of defect.
    private const int MaxProperties = 12;

    private const string Invalid = "zz-invalid";

    /// <summary>Sends every invalid request of the operation.</summary>
    public async Task SendAllAsync()
    {
        foreach (var (check, mutate) in Mutations())
        {
            await SendAsync(check, mutate).ConfigureAwait(false);
        }
    }

    /// <summary>Values of a scalar parameter or form field just outside its schema's bounds and lengths, as text.</summary>
    private static IEnumerable<(string What, string Text)> OutOfBounds(TypeRefModel type, ConstraintsModel c)
    {
        var integer = type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64;
        if (type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal)
        {
            if (c.Maximum is { } maximum && double.TryParse(maximum, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var high) && high < 1e15)
            {
                var above = c.ExclusiveMaximum ? high : integer ? Math.Floor(high) + 1 : high + 1;
                yield return ("above the maximum", above.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (c.Minimum is { } minimum && double.TryParse(minimum, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var low) && low > -1e15)
            {
                var below = c.ExclusiveMinimum ? low : integer ? Math.Ceiling(low) - 1 : low - 1;
                yield return ("below the minimum", below.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        else if (type.Kind == TypeRefKind.String && c.MaxLength is int maxLength && maxLength < 1000)
        {
            yield return ("longer than maxLength", new string('a', maxLength + 1));
        }
    }

    private IEnumerable<(string Check, Action<RawRequest> Mutate)> Mutations()
    {
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Location == ParameterLocation.Cookie)
            {
                continue;
            }

            var where = $"{parameter.Location.ToString().ToLowerInvariant()} '{parameter.WireName}'";
            if (parameter.Required && parameter.Location != ParameterLocation.Path)
            {
                yield return ($"missing required {where}", r => r.SetParameter(parameter, null));
            }

            if (IsTyped(parameter.Type))
            {
                yield return ($"wrong type {where}", r => r.SetParameter(parameter, Invalid));
            }

            foreach (var (what, text) in OutOfBounds(parameter.Type, parameter.Constraints))
            {
                yield return ($"{what} {where}", r => r.SetParameter(parameter, text));
            }
        }

        if (operation.Body is { Encoding: BodyEncoding.Form or BodyEncoding.Multipart } form && valid.Body is not null)
        {
            foreach (var mutation in FormMutations(form))
            {
                yield return mutation;
            }

            yield break;
        }

        if (operation.Body is not { Encoding: BodyEncoding.Json } body || valid.Body is null)
        {
            yield break;
        }

        if (body.Required)
        {
            yield return ("missing required body", r => r.Body = null);
        }

        var root = JsonNode.Parse(valid.Body);
        if (body.Type.Kind != TypeRefKind.Any && UnionOf(body.Type) is null)
        {
            yield return ("body of the wrong type", r => r.Body = root is JsonObject ? "\"zz\"" : "{}");
        }

        foreach (var (what, value) in UnionMutations(body.Type, root))
        {
            yield return ($"body {what}", r => r.Body = value.ToJsonString());
        }

        if (body.Type is { Kind: TypeRefKind.Any, Schema: { } bodySchema } && SchemaValues.Invalid(bodySchema, body.Type.Nullable, out var found) is var invalidBody && found)
        {
            yield return ("body the schema refuses", r => r.Body = invalidBody?.ToJsonString() ?? "null");
        }

        if (root is not JsonObject || body.Type.TypeName is not { } name)
        {
            yield break;
        }

        var type = session.Model.Types.FirstOrDefault(t => t.Name == name);
        if (type is UnionTypeModel { Discriminator: { } discriminator })
        {
            yield return ($"unknown discriminator '{discriminator}'", r => r.Edit(o => o[discriminator] = "zz-unknown-kind"));
        }

        if (type is not ObjectTypeModel model)
        {
            yield break;
        }

        if (model.AdditionalProperties == AdditionalPropertiesKind.Forbid)
        {
            yield return ("unknown key (additionalProperties: false)", r => r.Edit(o => o["zz_unknown_key"] = 1));
        }

        foreach (var property in model.Properties.Take(MaxProperties))
        {
            var key = property.JsonName;
            if (property.Required)
            {
                yield return ($"missing required property '{key}'", r => r.Edit(o => o.Remove(key)));
            }

            if (property.Type.Kind == TypeRefKind.Any)
            {
                // A JsonElement held to its schema: a value the schema refuses.
                if (property.Type.Schema is { } schema && SchemaValues.Invalid(schema, property.Type.Nullable, out var refused) is var invalid && refused)
                {
                    yield return ($"value the schema refuses, property '{key}'", r => r.Edit(o => o[key] = invalid?.DeepClone()));
                }

                continue;
            }

            if (UnionOf(property.Type) is null)
            {
                yield return ($"wrong type property '{key}'", r => r.Edit(o => o[key] = WrongType(property.Type)));
            }

            foreach (var (what, value) in UnionMutations(property.Type, root[key]))
            {
                yield return ($"{what} property '{key}'", r => r.Edit(o => o[key] = value.DeepClone()));
            }

            if (!property.Type.Nullable)
            {
                yield return ($"null property '{key}'", r => r.Edit(o => o[key] = null));
            }

            foreach (var (what, value) in OutOfBounds(property.Constraints, property.Type))
            {
                yield return ($"{what} property '{key}'", r => r.Edit(o => o[key] = value?.DeepClone()));
            }
        }
    }

    /// <summary>
    /// Invalid variants of a form or multipart body: a required field left out, a typed field with text that is not of
    /// its type (an enum field with a value outside the enum), a field just outside its bounds.
    /// </summary>
    private IEnumerable<(string Check, Action<RawRequest> Mutate)> FormMutations(BodyModel body)
    {
        var kind = body.Encoding == BodyEncoding.Form ? "form" : "multipart";
        if (body.Required)
        {
            yield return ("missing required body", r => r.Body = null);
        }

        if (session.Model.Types.FirstOrDefault(t => t.Name == body.Type.TypeName) is not ObjectTypeModel model)
        {
            yield break;
        }

        // An empty form is no body (the server and Prism read it so): leaving out the only field of an optional body sends
        // no body, which is valid, so that removal tests nothing and is not sent.
        var fields = FormBody.Parse(valid.Body!, valid.ContentType).Names;
        foreach (var property in model.Properties.Take(MaxProperties))
        {
            var key = property.JsonName;
            var where = $"{kind} field '{key}'";
            if (property.Required && (body.Required || fields.Any(name => name != key)))
            {
                yield return ($"missing required {where}", r => r.EditForm(f => f.Remove(key)));
            }

            var scalar = property.Type.Kind == TypeRefKind.Array ? property.Type.Item : property.Type;
            if (scalar is not null && IsTyped(scalar))
            {
                yield return ($"{(scalar.Kind == TypeRefKind.Enum ? "bad enum" : "wrong type")} {where}", r => r.EditForm(f => f.Set(key, Invalid)));
            }

            if (scalar is not null && property.Type.Kind != TypeRefKind.Array)
            {
                foreach (var (what, text) in OutOfBounds(scalar, property.Constraints))
                {
                    yield return ($"{what} {where}", r => r.EditForm(f => f.Set(key, text)));
                }
            }
        }
    }

    private async Task SendAsync(string check, Action<RawRequest> mutate)
    {
        var request = RawRequest.From(valid, operation, session.Model.Context.Server?.BasePath ?? string.Empty);
        mutate(request);
        var before = recorder.Calls.Count;
        recorder.Responder = (_, _) => session.CreateApiException(599, "an invalid request reached the implementation");
        int status;
        string answer;
        try
        {
            using var message = request.ToMessage();
            using var response = await session.Server.SendAsync(message).ConfigureAwait(false);
            status = (int)response.StatusCode;
            answer = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            add(FindingKind.NotDriven, check, "the request could not be sent: " + e.Message);
            return;
        }

        var reached = recorder.Calls.Count > before;
        if (status is >= 400 and < 500 && !reached)
        {
            session.Result.RejectedInvalid++;
        }
        else if (status >= 500 && !reached)
        {
            add(FindingKind.ServerError, "invalid: " + check, $"{request.Describe()} -> {status} {Exchange.Shorten(answer)}");
        }
        else
        {
            add(FindingKind.AcceptedInvalid, check, $"{request.Describe()} -> {status}{(reached ? ", reached the implementation" : string.Empty)}");
        }
    }

    private static bool IsTyped(TypeRefModel type) => type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double
        or TypeRefKind.Decimal or TypeRefKind.Boolean or TypeRefKind.Guid or TypeRefKind.Date or TypeRefKind.DateTime or TypeRefKind.Enum;

    private static JsonNode WrongType(TypeRefModel type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Bytes => JsonValue.Create(12345),
        TypeRefKind.Enum => JsonValue.Create(Invalid),
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal or TypeRefKind.Boolean => JsonValue.Create("zz"),
        TypeRefKind.Guid or TypeRefKind.Date or TypeRefKind.DateTime => JsonValue.Create(Invalid),
        _ => JsonValue.Create("zz"),
    };

    private static IEnumerable<(string What, JsonNode? Value)> OutOfBounds(ConstraintsModel c, TypeRefModel type)
    {
        if (c.MaxLength is { } maxLength)
        {
            yield return ("too long (maxLength)", JsonValue.Create(new string('x', maxLength + 1)));
        }

        if (c.MinLength is { } minLength && minLength > 0)
        {
            yield return ("too short (minLength)", JsonValue.Create(new string('x', minLength - 1)));
        }

        if (c.MaxBytes is { } maxBytes)
        {
            yield return ("too many bytes (x-max-bytes)", JsonValue.Create(new string('\u00e9', (maxBytes / 2) + 1)));
        }

        if (c.Maximum is { } maximum && double.TryParse(maximum, NumberStyles.Float, CultureInfo.InvariantCulture, out var max))
        {
            yield return ("above maximum", JsonValue.Create(c.ExclusiveMaximum ? max : max + 1));
        }

        if (c.Minimum is { } minimum && double.TryParse(minimum, NumberStyles.Float, CultureInfo.InvariantCulture, out var min))
        {
            yield return ("below minimum", JsonValue.Create(c.ExclusiveMinimum ? min : min - 1));
        }

        if (c.Pattern is { } pattern)
        {
            var regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            var breaking = new[] { "!!!", "\u0001", "zz zz", "0", "-", "ZZZ" }
                .FirstOrDefault(candidate => !regex.IsMatch(candidate) && candidate.Length >= (c.MinLength ?? 0) && candidate.Length <= (c.MaxLength ?? int.MaxValue));
            if (breaking is not null)
            {
                yield return ("not matching the pattern", JsonValue.Create(breaking));
            }
        }

        if (c.MaxItems is { } maxItems && type.Kind == TypeRefKind.Array && maxItems < 64)
        {
            yield return ("too many items (maxItems)", new JsonArray(Enumerable.Range(0, maxItems + 1).Select(_ => (JsonNode?)Sample(type.Item)).ToArray()));
        }

        if (c.MinItems is > 0 && type.Kind == TypeRefKind.Array)
        {
            yield return ("too few items (minItems)", new JsonArray());
        }
    }

    private static JsonNode? Sample(TypeRefModel? item) => item?.Kind switch
    {
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Float or TypeRefKind.Decimal => JsonValue.Create(1),
        TypeRefKind.Boolean => JsonValue.Create(true),
        _ => JsonValue.Create("a"),
    };
}

/// <summary>A request as text pieces that a mutation edits before it is sent.</summary>
internal sealed class RawRequest
{
    private List<KeyValuePair<string, string>> _query = [];
    private List<string> _segments = [];

    /// <summary>The method.</summary>
    public HttpMethod Method { get; private init; } = HttpMethod.Get;

    /// <summary>Headers, including the content type.</summary>
    public List<KeyValuePair<string, string>> Headers { get; private init; } = [];

    /// <summary>The body text (UTF-8); null for none.</summary>
    public string? Body
    {
        get => Content is null ? null : Encoding.UTF8.GetString(Content);
        set => Content = value is null ? null : Encoding.UTF8.GetBytes(value);
    }

    /// <summary>The body bytes; null for none (a multipart body's file parts are bytes, not text).</summary>
    public byte[]? Content { get; set; }

    private string? ContentType { get; init; }

    private string[] Template { get; init; } = [];

    private string BasePath { get; init; } = string.Empty;

    /// <summary>
    /// The captured request, split up along the operation's path template; <paramref name="basePath"/> (the servers' base
    /// path, which the server's routes start with) is left out of the segments when the request carried it (not through
    /// Prism, which ignores base paths) and always put back in <see cref="Target"/>.
    /// </summary>
    public static RawRequest From(Exchange exchange, OperationModel operation, string basePath)
    {
        var path = exchange.Uri.AbsolutePath;
        if (basePath.Length > 0 && path.StartsWith(basePath + "/", StringComparison.Ordinal))
        {
            path = path[basePath.Length..];
        }

        var query = exchange.Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty))
            .ToList();
        return new RawRequest
        {
            Method = exchange.Method,
            BasePath = basePath,
            _segments = [.. path.Trim('/').Split('/')],
            Template = operation.Path.Trim('/').Split('/'),
            _query = query,
            Headers = exchange.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))).ToList(),
            ContentType = exchange.ContentType,
            Content = exchange.Body,
        };
    }

    /// <summary>Replaces a parameter's value, or removes it when <paramref name="value"/> is null.</summary>
    public void SetParameter(ParameterModel parameter, string? value)
    {
        switch (parameter.Location)
        {
            case ParameterLocation.Path:
                var index = Array.FindIndex(Template, s => s == "{" + parameter.WireName + "}");
                if (index >= 0 && index < _segments.Count && value is not null)
                {
                    _segments[index] = Uri.EscapeDataString(value);
                }

                break;
            case ParameterLocation.Query:
                _query.RemoveAll(p => p.Key == parameter.WireName);
                if (value is not null)
                {
                    _query.Add(new(parameter.WireName, value));
                }

                break;
            case ParameterLocation.Header:
                Headers.RemoveAll(h => h.Key.Equals(parameter.WireName, StringComparison.OrdinalIgnoreCase));
                if (value is not null)
                {
                    Headers.Add(new(parameter.WireName, value));
                }

                break;
        }
    }

    /// <summary>Edits the JSON object body.</summary>
    public void Edit(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(Body!)!.AsObject();
        edit(root);
        Body = root.ToJsonString();
    }

    /// <summary>Edits the form or multipart body.</summary>
    public void EditForm(Action<FormBody> edit)
    {
        var form = FormBody.Parse(Content!, ContentType);
        edit(form);
        Content = form.ToBytes();
    }

    /// <summary>The relative URI.</summary>
    public string Target => BasePath + "/" + string.Join('/', _segments) + (_query.Count == 0 ? string.Empty : "?" + string.Join('&', _query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));

    /// <summary>The request message.</summary>
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Target);
        foreach (var header in Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (Content is not null)
        {
            message.Content = new ByteArrayContent(Content);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    /// <summary>The request in one line for a finding.</summary>
    public string Describe() => $"{Method} {Target}{(Body is null ? string.Empty : " " + Exchange.Shorten(Body))}";
}

/// <summary>
/// The fields of an <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c> body, in order, for a mutation
/// to remove or replace. Multipart parts keep their headers and their bytes (read as Latin-1, which maps bytes one to one).
/// </summary>
internal sealed class FormBody
{
    private readonly List<(string Name, string Headers, string Value)> _fields = [];
    private string? _boundary;

    /// <summary>Splits <paramref name="content"/> by the encoding <paramref name="contentType"/> names.</summary>
    public static FormBody Parse(byte[] content, string? contentType)
    {
        var form = new FormBody();
        var media = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (media?.MediaType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            form._boundary = media.Parameters.FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"')
                ?? throw new InvalidOperationException("a multipart body without a boundary");
            var text = Encoding.Latin1.GetString(content);
            foreach (var piece in text.Split("--" + form._boundary).Skip(1))
            {
                if (piece.StartsWith("--", StringComparison.Ordinal))
                {
                    break;
                }

                var part = piece.StartsWith("\r\n", StringComparison.Ordinal) ? piece[2..] : piece;
                part = part.EndsWith("\r\n", StringComparison.Ordinal) ? part[..^2] : part;
                var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                var headers = split < 0 ? part : part[..split];
                var name = System.Text.RegularExpressions.Regex.Match(headers, "(?<![A-Za-z])name=\"([^\"]*)\"|(?<![A-Za-z])name=([^;\\s]+)");
                form._fields.Add((name.Groups[1].Success ? name.Groups[1].Value : name.Groups[2].Value, headers, split < 0 ? string.Empty : part[(split + 4)..]));
            }

            return form;
        }

        foreach (var pair in Encoding.UTF8.GetString(content).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            form._fields.Add((Unescape(parts[0]), string.Empty, parts.Length > 1 ? Unescape(parts[1]) : string.Empty));
        }

        return form;
    }

    /// <summary>The field names, in order (a repeated field once per value).</summary>
    public IReadOnlyList<string> Names => _fields.Select(f => f.Name).ToList();

    /// <summary>Removes every field named <paramref name="name"/>.</summary>
    public void Remove(string name) => _fields.RemoveAll(f => f.Name == name);

    /// <summary>Gives <paramref name="name"/> the one value <paramref name="value"/> (added when absent).</summary>
    public void Set(string name, string value)
    {
        var first = _fields.FindIndex(f => f.Name == name);
        var headers = first >= 0 ? _fields[first].Headers : $"Content-Disposition: form-data; name=\"{name}\"";
        Remove(name);
        _fields.Insert(first >= 0 ? first : _fields.Count, (name, headers, _boundary is null ? value : Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(value))));
    }

    /// <summary>The body again.</summary>
    public byte[] ToBytes()
    {
        if (_boundary is null)
        {
            return Encoding.UTF8.GetBytes(string.Join('&', _fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value))));
        }

        var builder = new StringBuilder();
        foreach (var (_, headers, value) in _fields)
        {
            builder.Append("--").Append(_boundary).Append("\r\n").Append(headers).Append("\r\n\r\n").Append(value).Append("\r\n");
        }

        builder.Append("--").Append(_boundary).Append("--\r\n");
        return Encoding.Latin1.GetBytes(builder.ToString());
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
