using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;
using EvsCodegen.Generators.Model;
using EvsCodegen.Generators.Parsing;

namespace EvsCodegen.Corpus.RoundTrip;

/// <summary>
/// The <c>Authorization</c> header that satisfies an operation's security requirement, read from the document itself
/// (the operation's <c>security</c>, else the document's). The generated client sends API keys from its options; HTTP
/// and OAuth2 credentials are its HttpClient's business, so the harness adds them as a caller would: the first
/// alternative whose schemes it can all satisfy wins (<c>http basic</c> gets Basic, <c>http bearer</c>, OAuth2 and
/// OpenID Connect get Bearer, another HTTP scheme gets that scheme's name, tried only when no alternative of the
/// well-known schemes can be satisfied). An alternative that needs two
/// <c>Authorization</c> values at once cannot be satisfied; when none can, the operation keeps the Bearer default and
/// Prism's verdict stands.
/// </summary>
internal sealed class SecurityCredentials
{
    /// <summary>The credential sent when nothing else is asked for.</summary>
    public static readonly AuthenticationHeaderValue Default = new("Bearer", "round-trip-token");

    private static readonly AuthenticationHeaderValue s_basic = new("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("round-trip-user:round-trip-password")));

    private readonly YMapping? _root;

    private SecurityCredentials(YMapping? root) => _root = root;

    /// <summary>Reads the document's text; a document that does not load gets the default for every operation.</summary>
    public static SecurityCredentials Read(string text) => new(YamlLoader.Load(text, out _) as YMapping);

    /// <summary>The header for <paramref name="operation"/>.</summary>
    public AuthenticationHeaderValue For(OperationModel operation)
    {
        var pathItem = _root?.GetMapping("paths")?.GetMapping(operation.Path);
        var declared = pathItem?.GetMapping(operation.HttpMethod.ToLowerInvariant())?.GetSequence("security") ?? _root?.GetSequence("security");
        var schemes = _root?.GetMapping("components")?.GetMapping("securitySchemes");
        if (declared is null || schemes is null)
        {
            return Default;
        }

        // Alternatives of well-known schemes first: a validator cannot check another HTTP scheme (Prism warns on
        // http/signature and, with --errors, refuses the request), so such an alternative is the last resort.
        foreach (var wellKnownOnly in new[] { true, false })
        {
            foreach (var alternative in declared.Items.OfType<YMapping>())
            {
                var needed = new List<AuthenticationHeaderValue>();
                var satisfiable = true;
                foreach (var entry in alternative.Entries)
                {
                    var scheme = schemes.GetMapping(entry.Key.Value);
                    switch (Header(scheme))
                    {
                        case { } header when !wellKnownOnly || header == s_basic || header == Default:
                            needed.Add(header);
                            break;
                        case null when scheme?.GetString("type") == "apiKey":
                            break;
                        default:
                            satisfiable = false;
                            break;
                    }
                }

                if (satisfiable && needed.Select(h => h.Scheme.ToLowerInvariant()).Distinct().Count() <= 1)
                {
                    return needed.FirstOrDefault() ?? Default;
                }
            }
        }

        return Default;
    }

    private static AuthenticationHeaderValue? Header(YMapping? scheme) => scheme?.GetString("type") switch
    {
        "http" => scheme.GetString("scheme")?.ToLowerInvariant() switch
        {
            "basic" => s_basic,
            "bearer" or null => Default,
            { } other => new AuthenticationHeaderValue(other, "round-trip-credential"),
        },
        "oauth2" or "openIdConnect" => Default,
        _ => null,
    };
}
