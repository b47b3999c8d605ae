using System;
using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;
using D = EvsCodegen.Generators.Diagnostics.DiagnosticDescriptors;

namespace EvsCodegen.Generators.Parsing;

/// <summary>
/// Reads <c>components.securitySchemes</c> and the <c>security</c> lists of the document and its operations. Each distinct
/// list becomes one <see cref="SecuritySetModel"/>, which operations name by index; the schemes are finished last, since
/// an OAuth2 client requests by default the scopes the requirements ask of it.
/// </summary>
internal sealed class SecurityReader
{
    private readonly ParseContext _context;
    private readonly bool _client;
    private readonly Dictionary<string, (YScalar Key, YMapping? Scheme)> _declared = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, SortedSet<string>> _scopes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly List<SecuritySetModel> _sets = [];
    private readonly YNode? _documentSecurity;
    private bool _documentRead;
    private SecuritySetModel? _documentSet;

    public SecurityReader(ParseContext context, YMapping? schemes, bool client)
    {
        _context = context;
        _client = client;
        foreach (var entry in schemes?.Entries ?? [])
        {
            if (!_declared.ContainsKey(entry.Key.Value))
            {
                _order.Add(entry.Key.Value);
            }

            _declared[entry.Key.Value] = (entry.Key, context.Deref(entry.Value));
        }

        _documentSecurity = context.Root.Get("security");
    }

    /// <summary>The distinct security lists, which <see cref="OperationModel.Security"/> indexes.</summary>
    public EquatableArray<SecuritySetModel> Sets => _sets.ToEquatableArray();

    /// <summary>
    /// The document's own <c>security</c> list, read once (when the first operation inherits it, else here); null when
    /// there is none. It joins <see cref="Sets"/> only when an operation inherits it.
    /// </summary>
    public SecuritySetModel? DocumentSet
    {
        get
        {
            if (!_documentRead)
            {
                _documentRead = true;
                _documentSet = _documentSecurity is null ? null : Read(_documentSecurity);
            }

            return _documentSet;
        }
    }

    /// <summary>The index of the security list that applies to <paramref name="operation"/>: its own, else the document's; -1 for none.</summary>
    public int ForOperation(YMapping operation) =>
        (operation.Get("security") is { } own ? Read(own) : DocumentSet) is { } set ? Intern(set) : -1;

    private int Intern(SecuritySetModel set)
    {
        var index = _sets.IndexOf(set);
        if (index < 0)
        {
            _sets.Add(set);
            index = _sets.Count - 1;
        }

        return index;
    }

    private SecuritySetModel? Read(YNode node)
    {
        if (node is not YSequence sequence)
        {
            _context.Report(D.InvalidStructure, node, "A 'security' list must be a sequence of security requirement objects");
            return null;
        }

        var alternatives = new List<SecurityAlternativeModel>();
        foreach (var item in sequence.Items)
        {
            if (item is not YMapping requirement)
            {
                _context.Report(D.InvalidStructure, item, "A security requirement must be a mapping from scheme names to scope lists");
                continue;
            }

            var uses = new List<SecurityUseModel>();
            foreach (var entry in requirement.Entries)
            {
                var name = entry.Key.Value;
                if (!_declared.ContainsKey(name))
                {
                    _context.Report(D.UndeclaredSecurityScheme, entry.Key, name);
                }

                var scopes = (entry.Value as YSequence)?.Items.OfType<YScalar>().Where(s => !s.IsNull).Select(s => s.Value).ToList() ?? [];
                if (!_scopes.TryGetValue(name, out var all))
                {
                    _scopes[name] = all = new SortedSet<string>(StringComparer.Ordinal);
                }

                all.UnionWith(scopes);
                _used.Add(name);
                uses.Add(new SecurityUseModel(name, scopes.ToEquatableArray()));
            }

            alternatives.Add(new SecurityAlternativeModel(uses.ToEquatableArray()));
        }

        return new SecuritySetModel(alternatives.ToEquatableArray());
    }

    /// <summary>The declared schemes with their option members, reporting those the client cannot send when it is emitted and they are used.</summary>
    public EquatableArray<SecuritySchemeModel> Schemes()
    {
        var names = new NameScope(ReservedNames.ClientOptionsMembers);
        var models = new List<SecuritySchemeModel>();
        foreach (var name in _order)
        {
            var (key, scheme) = _declared[name];
            var model = Scheme(name, key, scheme, names);
            models.Add(model);
            if (!_client || !_used.Contains(name))
            {
                continue;
            }

            if (model.Kind == SecuritySchemeKind.Other)
            {
                _context.Report(D.UnsendableSecurityScheme, key, name, WhyNot(scheme));
            }
            else if (model.Kind is SecuritySchemeKind.OAuth2 or SecuritySchemeKind.OpenIdConnect && model.TokenUrl is null)
            {
                _context.Report(D.TokensFromProvider, key, name, model.Kind == SecuritySchemeKind.OAuth2 ? "it has no clientCredentials flow" : "it is OpenID Connect", model.Provider!);
            }
        }

        return models.ToEquatableArray();
    }

    private SecuritySchemeModel Scheme(string name, YScalar key, YMapping? scheme, NameScope names)
    {
        var stem = Identifiers.ToPascalCase(name, "Security");
        var description = scheme?.GetString("description");
        var scopes = _scopes.TryGetValue(name, out var used) ? used.ToEquatableArray() : default;
        switch (scheme?.GetString("type"))
        {
            case "apiKey" when scheme.GetString("name") is { Length: > 0 } parameter && scheme.GetString("in") is "header" or "query" or "cookie":
                return new SecuritySchemeModel(name, SecuritySchemeKind.ApiKey, "apiKey", scheme.GetString("in"), parameter, null, default, description, names.Claim(Identifiers.ToPascalCase(name, "ApiKey")), null, null, null, null);
            case "http" when string.Equals(scheme.GetString("scheme"), "bearer", StringComparison.OrdinalIgnoreCase):
                stem = names.ClaimAll(stem, "Token", "TokenProvider");
                return new SecuritySchemeModel(name, SecuritySchemeKind.HttpBearer, "http-bearer", null, null, null, default, description, stem + "Token", null, stem + "TokenProvider", null, null);
            case "http" when string.Equals(scheme.GetString("scheme"), "basic", StringComparison.OrdinalIgnoreCase):
                stem = names.ClaimAll(stem, "UserName", "Password");
                return new SecuritySchemeModel(name, SecuritySchemeKind.HttpBasic, "http-basic", null, null, null, default, description, stem + "UserName", stem + "Password", null, null, null);
            case "oauth2" when scheme.GetMapping("flows")?.GetMapping("clientCredentials")?.GetString("tokenUrl") is { Length: > 0 } tokenUrl:
                stem = names.ClaimAll(stem, "ClientId", "ClientSecret", "Scopes", "TokenUrl", "TokenProvider");
                return new SecuritySchemeModel(name, SecuritySchemeKind.OAuth2, "oauth2", null, null, tokenUrl, scopes, description, stem + "ClientId", stem + "ClientSecret", stem + "TokenProvider", stem + "Scopes", stem + "TokenUrl");
            case "oauth2" or "openIdConnect":
                var kind = scheme.GetString("type") == "oauth2" ? SecuritySchemeKind.OAuth2 : SecuritySchemeKind.OpenIdConnect;
                stem = names.ClaimAll(stem, "TokenProvider");
                return new SecuritySchemeModel(name, kind, scheme.GetString("type")!, null, null, null, default, description, null, null, stem + "TokenProvider", null, null);
            default:
                var wire = scheme?.GetString("type") is "http" ? "http" : scheme?.GetString("type") is "mutualTLS" ? "mutualTLS" : "other";
                return new SecuritySchemeModel(name, SecuritySchemeKind.Other, wire, null, null, null, default, description, null, null, null, null, null);
        }
    }

    private static string WhyNot(YMapping? scheme) => scheme?.GetString("type") switch
    {
        null => "it has no type",
        "apiKey" => "an apiKey scheme needs a 'name' and 'in' of header, query or cookie",
        "http" => $"the HTTP scheme '{scheme.GetString("scheme") ?? "(none)"}' is neither bearer nor basic",
        "mutualTLS" => "client certificates are configured on the HttpClient's handler (SocketsHttpHandler.SslOptions.ClientCertificates)",
        var type => $"the type '{type}' is not an OpenAPI security scheme type",
    };
}
