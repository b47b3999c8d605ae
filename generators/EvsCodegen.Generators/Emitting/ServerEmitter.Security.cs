using System.Collections.Generic;
using System.Linq;
using EvsCodegen.Generators.Model;

namespace EvsCodegen.Generators.Emitting;

/// <summary>The security requirements of the generated actions, as ASP.NET Core authorization metadata.</summary>
internal static partial class ServerEmitter
{
    /// <summary>Whether some action of <paramref name="surface"/> requires credentials.</summary>
    internal static bool HasSecuredAction(ApiContextModel context, SurfaceModel surface) =>
        surface.Operations.Any(o => o.Security >= 0 && !context.SecuritySets[o.Security].AllowsAnonymous);

    /// <summary>
    /// <c>[AllowAnonymous]</c> for a security list that lets requests without credentials in (<c>security: []</c> or an
    /// empty alternative), else <c>[ApiSecurity]</c> with the alternatives; nothing when no security list applies.
    /// </summary>
    private static void EmitSecurity(SourceWriter w, ApiContextModel context, OperationModel operation)
    {
        switch (Security(context, operation))
        {
            case { Anonymous: true }:
                w.Line("[global::Microsoft.AspNetCore.Authorization.AllowAnonymous]");
                break;
            case { Arguments: { } arguments }:
                w.Line($"[{RuntimeNames.ServerSecurity.AttributeType}({arguments})]");
                break;
        }
    }

    /// <summary>
    /// What an operation's security list asks of the endpoint, for both server flavours: anonymous access (<c>security: []</c>
    /// or an empty alternative), else the <c>ApiSecurityAttribute</c> constructor's arguments (the fault table and the
    /// alternatives as tokens); neither when no security list applies.
    /// </summary>
    internal static (bool Anonymous, string? Arguments) Security(ApiContextModel context, OperationModel operation)
    {
        if (operation.Security < 0)
        {
            return (false, null);
        }

        var set = context.SecuritySets[operation.Security];
        if (set.AllowsAnonymous)
        {
            return (true, null);
        }

        var tokens = new List<string>();
        foreach (var alternative in set.Alternatives)
        {
            if (tokens.Count > 0)
            {
                tokens.Add("or");
            }

            foreach (var use in alternative.Schemes)
            {
                var kind = context.Schemes.FirstOrDefault(s => s.SchemeName == use.SchemeName)?.WireKind ?? "undeclared";
                tokens.Add(kind + ":" + use.SchemeName);
                tokens.AddRange(use.Scopes.Select(scope => "scope:" + scope));
            }
        }

        return (false, $"typeof({ReservedNames.Faults}), {string.Join(", ", tokens.Select(Text.Literal))}");
    }
}
