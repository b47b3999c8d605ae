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
internal sealed class InvalidRequests(DocumentSession session, OperationModel operation, Exchange valid, RecordingApi recorder, Action<FindingKind, string, string> add)
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

    /// <summary>Values of a scalar parameter just outside its schema's bounds and lengths.</summary>
    private static IEnumerable<(string What, string Text)> OutOfBounds(ParameterModel parameter)
    {
        var c = parameter.Constraints;
        var integer = parameter.Type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64;
        if (parameter.Type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Float or TypeRefKind.Double or TypeRefKind.Decimal)
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
        else if (parameter.Type.Kind == TypeRefKind.String && c.MaxLength is int maxLength && maxLength < 1000)
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

            foreach (var (what, text) in OutOfBounds(parameter))
            {
                yield return ($"{what} {where}", r => r.SetParameter(parameter, text));
            }
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
        if (body.Type.Kind != TypeRefKind.Any)
        {
            yield return ("body of the wrong type", r => r.Body = root is JsonObject ? "\"zz\"" : "{}");
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
                continue;
            }

            yield return ($"wrong type property '{key}'", r => r.Edit(o => o[key] = WrongType(property.Type)));
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

    /// <summary>The body text; null for none.</summary>
    public string? Body { get; set; }

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
            Body = exchange.Body is null ? null : Encoding.UTF8.GetString(exchange.Body),
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

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
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
