using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;

namespace EvsCodegen.Runtime.AspNetCore;

/// <summary>
/// The security requirements a generated action declares (its operation's <c>security</c>, or the document's): the
/// request must satisfy one alternative, that is authenticate with every scheme the alternative names (the ASP.NET Core
/// authentication scheme of the same name, which the host registers) and hold its scopes. As <see cref="IAuthorizeData"/>
/// it makes ASP.NET Core authenticate those schemes into <c>HttpContext.User</c> and refuse to run the endpoint without the
/// authorization middleware; as <see cref="IAuthorizationRequirementData"/> it adds an <see cref="ApiSecurityRequirement"/>.
/// </summary>
/// <remarks>
/// The requirement is written as tokens: <c>"kind:name"</c> opens a scheme (kind <c>apiKey</c>, <c>http-bearer</c>,
/// <c>http-basic</c>, <c>http</c>, <c>oauth2</c>, <c>openIdConnect</c>, <c>mutualTLS</c> or <c>undeclared</c>),
/// <c>"scope:value"</c> adds a scope (OAuth2, OpenID Connect) or role (other kinds) to the last scheme, and <c>"or"</c>
/// starts the next alternative. Only the generator writes these.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class ApiSecurityAttribute : Attribute, IAuthorizeData, IAuthorizationRequirementData
{
    private const DynamicallyAccessedMemberTypes FaultsMembers = DynamicallyAccessedMemberTypes.PublicProperties;
    [DynamicallyAccessedMembers(FaultsMembers)]
    private readonly Type _faults;
    private ApiFaultTable? _table;

    /// <summary>Creates the attribute.</summary>
    /// <param name="faults">The generated <c>ApiFaults</c> class, whose static <c>Table</c> writes the 401 and 403 answers.</param>
    /// <param name="requirement">The alternatives, as tokens (see the remarks).</param>
    public ApiSecurityAttribute([DynamicallyAccessedMembers(FaultsMembers)] Type faults, params string[] requirement)
    {
        _faults = faults ?? throw new ArgumentNullException(nameof(faults));
        Requirement = new ApiSecurityRequirement(Parse(requirement ?? throw new ArgumentNullException(nameof(requirement))));
        var names = Requirement.Alternatives.SelectMany(a => a).Select(s => s.Scheme).Distinct(StringComparer.Ordinal).Where(n => !n.Contains(',', StringComparison.Ordinal)).ToArray();
        AuthenticationSchemes = names.Length == 0 ? null : string.Join(",", names);
    }

    /// <summary>The requirement the attribute declares.</summary>
    public ApiSecurityRequirement Requirement { get; }

    /// <summary>The document's error answers.</summary>
    public ApiFaultTable Faults => _table ??= FaultsOf(_faults);

    /// <inheritdoc/>
    string? IAuthorizeData.Policy { get; set; }

    /// <inheritdoc/>
    string? IAuthorizeData.Roles { get; set; }

    /// <summary>The schemes the requirement names, comma-separated (a name holding a comma is authenticated by the requirement only).</summary>
    public string? AuthenticationSchemes { get; set; }

    /// <inheritdoc/>
    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [Requirement];

    private static ApiFaultTable FaultsOf([DynamicallyAccessedMembers(FaultsMembers)] Type faults) =>
        faults.GetProperty("Table", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as ApiFaultTable
        ?? throw new InvalidOperationException($"{faults.FullName} has no public static ApiFaultTable Table property.");

    private static List<IReadOnlyList<ApiSecuritySchemeUse>> Parse(string[] tokens)
    {
        var alternatives = new List<IReadOnlyList<ApiSecuritySchemeUse>>();
        var current = new List<ApiSecuritySchemeUse>();
        string? kind = null;
        string? name = null;
        var scopes = new List<string>();
        foreach (var token in tokens)
        {
            if (token == "or")
            {
                Flush();
                alternatives.Add(current);
                current = [];
            }
            else if (token.StartsWith("scope:", StringComparison.Ordinal))
            {
                scopes.Add(name is null ? throw Bad(token) : token["scope:".Length..]);
            }
            else if (token.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                Flush();
                kind = token[..colon];
                name = token[(colon + 1)..];
            }
            else
            {
                throw Bad(token);
            }
        }

        Flush();
        alternatives.Add(current);
        return alternatives;

        void Flush()
        {
            if (name is not null)
            {
                current.Add(new ApiSecuritySchemeUse(name, kind!, [.. scopes]));
            }

            name = null;
            scopes.Clear();
        }

        static ArgumentException Bad(string token) => new($"'{token}' is not a security requirement token.", nameof(tokens));
    }
}
